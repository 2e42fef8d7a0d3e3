/**
 * The wizard's view of slow steps (issue #13): while an OpenClaw command runs, a spinner line says
 * what runs and for how long; when it ends, the spinner goes and its result stays in the transcript.
 */
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.js';
import { taskLabel, taskResult } from '../../src/presenters/events.js';
import { App } from '../../src/ui/app.js';
import { WizardStore } from '../../src/ui/store.js';
import { waitForFrame } from './ink-helpers.js';

const en = translator('en');
const list = { id: 7, what: { kind: 'command', argv: ['openclaw', 'models', 'auth', 'list', '--json'] } } as const;

afterEach(() => {
  cleanup();
});

describe('slow steps in the wizard', () => {
  it('shows the running command with a spinner and a ticking elapsed time, then its result in the transcript', async () => {
    const store = new WizardStore();
    const { lastFrame } = render(<App store={store} t={en} showPath={(p) => p} />);
    store.startTask(list.id, taskLabel(list.what, en), Date.now() - 3000);
    const running = await waitForFrame(lastFrame, 'running openclaw models auth list --json · 3 s');
    // The spinner glyph sits in front of the label (dots spinner: https://github.com/sindresorhus/cli-spinners).
    expect(running).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] running openclaw models auth list --json/);
    // The time is counted while it runs, not fixed at the start.
    await waitForFrame(lastFrame, 'running openclaw models auth list --json · 4 s', 2500);

    store.endTask(list.id, taskResult({ type: 'task-end', task: list, ok: true, seconds: 24.4 }, en));
    const done = await waitForFrame(lastFrame, '✔ done in 24 s · openclaw models auth list --json');
    expect(done).not.toContain('running openclaw');
    expect(store.getState().tasks).toEqual([]);
  });

  it('a failed step leaves a failed line; other running steps keep their spinner', async () => {
    const store = new WizardStore();
    const { lastFrame } = render(<App store={store} t={en} showPath={(p) => p} />);
    const probe = { id: 8, what: { kind: 'versions', argvs: [['openclaw', '--version']] } } as const;
    store.startTask(probe.id, taskLabel(probe.what, en));
    store.startTask(list.id, taskLabel(list.what, en));
    await waitForFrame(lastFrame, (f) => f.includes('asking installed tools for their versions: openclaw --version') && f.includes('running openclaw models auth list'));
    store.endTask(list.id, taskResult({ type: 'task-end', task: list, ok: false, seconds: 2.34 }, en));
    const frame = await waitForFrame(lastFrame, '✖ failed after 2.3 s · openclaw models auth list --json');
    expect(frame).toMatch(/asking installed tools for their versions: openclaw --version · \d+ s/);
    expect(frame).not.toContain('running openclaw');
  });
});
