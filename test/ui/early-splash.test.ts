/**
 * The entry script draws the wizard's first frame for a bare `tp-setup` in a terminal before
 * main.ts runs (src/ui/early.tsx). When main.ts decides the wizard does not start after all, the
 * frame is cleared and let go before anything else is printed.
 */
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/commands/io.js';
import { main } from '../../src/main.js';
import { tempHome } from '../helpers/cli.js';

function recordingIo(home: string, events: string[], over: Partial<Io> = {}): Io {
  return {
    env: { HOME: home, LANG: 'C.UTF-8', TP_SETUP_LANG: 'en', PATH: '/usr/bin:/bin' },
    platform: 'linux',
    stdout: (t) => void events.push(`stdout:${t.split('\n')[0]}`),
    stderr: (t) => void events.push(`stderr:${t.split('\n')[0]}`),
    readStdin: async () => '',
    stdinIsTTY: false,
    stdoutIsTTY: true,
    today: () => '2026-12-02',
    ...over,
  };
}

describe('a first frame the wizard does not take over', () => {
  it('is cleared and unmounted before the error is printed (no terminal to ask in after all)', async () => {
    const home = await tempHome();
    const events: string[] = [];
    const splash = { clear: () => void events.push('clear'), unmount: () => void events.push('unmount') };
    const code = await main([], recordingIo(home, events), splash);
    expect(code).toBe(2);
    expect(events.slice(0, 2)).toEqual(['clear', 'unmount']);
    expect(events.filter((e) => e === 'clear')).toHaveLength(1);
    expect(events.some((e) => e.startsWith('stderr:'))).toBe(true);
  });

  it('is cleared before help is printed', async () => {
    const home = await tempHome();
    const events: string[] = [];
    const splash = { clear: () => void events.push('clear'), unmount: () => void events.push('unmount') };
    expect(await main(['--help', '--json'], recordingIo(home, events), splash)).toBe(0);
    expect(events[0]).toBe('clear');
    expect(events[1]).toBe('unmount');
    expect(events[2]).toMatch(/^stdout:Usage: tp-setup/);
  });
});

describe('the first frame in English', () => {
  // Ink measures any text beyond ASCII with Intl.Segmenter, and its first use delays the frame by
  // some 25 ms (npm run bench): the English first frame stays within ASCII.
  it('is plain ASCII, so Ink draws it without Intl.Segmenter', async () => {
    const { wizardEn } = await import('../../src/i18n/wizard-en.js');
    const { render } = await import('ink-testing-library');
    const { Splash } = await import('../../src/ui/views/splash.js');
    const React = await import('react');
    const { lastFrame, unmount } = render(React.createElement(Splash, { title: wizardEn['wizard.title'], detecting: wizardEn['wizard.detecting'] }));
    const frame = lastFrame() ?? '';
    unmount();
    expect(frame).toContain('tp-setup');
    expect(frame).toContain(wizardEn['wizard.detecting']);
    expect(frame).toMatch(/^[\x20-\x7e\n]*$/);
  });
});
