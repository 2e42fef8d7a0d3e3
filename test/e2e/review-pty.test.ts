import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, PLAN_KEY, tempHome } from '../helpers/cli.js';
import { KEYS, PtyRun } from '../helpers/pty.js';
import { terminalLines } from '../helpers/screen.js';

/**
 * The review and the transcript as a person's terminal keeps them: the raw output of a real
 * pseudo-terminal replayed through a terminal emulator of the same size, scrollback included.
 */
const term = (home: string) => ({ ...cleanEnv(home, {}), PATH: '/usr/bin:/bin', TERM: 'xterm-256color' });
const pause = (ms = 80) => new Promise((r) => setTimeout(r, ms));
const THREE_TOOLS = ['--plan', 'coding', '--region', 'intl', '--tools', 'qwen-code,claude-code,opencode', '--model', 'qwen3.5-plus'];

/** From the question on, through the review: type the key, take thinking's default. */
async function toReview(run: PtyRun, paged = true): Promise<void> {
  await run.waitFor('API key');
  // Where the key comes from and its shape, under the prompt.
  await run.waitFor('From the Coding Plan page');
  await pause();
  run.write(PLAN_KEY);
  await pause();
  run.write(KEYS.enter);
  await run.waitFor('Turn thinking on');
  await pause();
  run.write(KEYS.enter);
  await run.waitFor(paged ? /Lines 1–\d+ of \d+/ : 'Write these changes?');
  await pause(150);
}

async function finish(run: PtyRun): Promise<number> {
  const from = run.output.length;
  run.write('y');
  for (const start = Date.now(); !run.output.slice(from).includes('Check each tool now'); ) {
    if (Date.now() - start > 20_000) throw new Error(`no verify offer; screen:\n${run.output.slice(-1500)}`);
    await pause(25);
  }
  await pause();
  run.write(KEYS.enter);
  return run.exited;
}

describe('the review in a real terminal: one current diff, paged, nothing left behind', () => {
  for (const cols of [80, 60]) {
    it(`${cols}×32: a diff taller than the screen pages inside the review; Esc and back leaves no old diff in the scrollback; wrapped lines keep their sign`, async () => {
      const home = await tempHome();
      const run = new PtyRun(['--home', home, ...THREE_TOOLS], term(home), cols, {}, 32);
      await toReview(run);
      const first = /Lines 1–(\d+) of (\d+)/.exec(run.output)!;
      expect(Number(first[2])).toBeGreaterThan(Number(first[1]));
      // Space pages on: the window moves down by one page.
      let from = run.output.length;
      run.write(' ');
      await run.waitFor(new RegExp(`Lines ${Number(first[1]) + 1}–`));
      // Esc: back to the questions; the review comes back with the same diff, from its top.
      from = run.output.length;
      run.write('\u001B');
      for (const start = Date.now(); !run.output.slice(from).includes('Turn thinking on'); ) {
        if (Date.now() - start > 10_000) throw new Error('Esc did not go back');
        await pause(25);
      }
      await pause();
      run.write(KEYS.enter);
      for (const start = Date.now(); !/Lines 1–\d+ of/.test(run.output.slice(from)); ) {
        if (Date.now() - start > 10_000) throw new Error('no second review');
        await pause(25);
      }
      await pause(150);
      expect(await finish(run)).toBe(0);

      const lines = await terminalLines(run.raw, cols, 32);
      const count = (text: string) => lines.filter((l) => l.includes(text)).length;
      // The title is still there: no frame was ever tall enough to make Ink clear the scrollback.
      expect(count('tp-setup: connect AI coding tools')).toBe(1);
      // One diff in the transcript (the one written), no review screen left behind.
      expect(count('Changes, keys masked:')).toBe(1);
      expect(count('Review. Nothing has been written yet.')).toBe(0);
      expect(count('+++ ~/.qwen/settings.json')).toBe(1);
      // Between the diff's header and the first "wrote", every row is a diff row: a line the
      // terminal wrapped on its own would start a row with text and read as context.
      const start = lines.findIndex((l) => l.includes('Changes, keys masked:'));
      const end = lines.findIndex((l, i) => i > start && l.startsWith('  wrote '));
      const body = lines.slice(start + 1, end);
      expect(body.length).toBeGreaterThan(60);
      expect(body.filter((l) => !/^(\+|-|@@| )/.test(l))).toEqual([]);
      expect(body.some((l) => l.startsWith('+') && l.length === cols)).toBe(true);
      expect(run.output).not.toContain(PLAN_KEY);
      expect((await readdir(path.join(home, '.qwen'))).sort()).toEqual(['.env', 'settings.json']);
    });
  }

  it('40 columns: the backup folder is cut after a slash, and the run id stays whole on one line', async () => {
    const home = await tempHome();
    const run = new PtyRun(['--home', home, '--plan', 'coding', '--region', 'intl', '--tools', 'qwen-code', '--model', 'qwen3.5-plus'], term(home), 40, {}, 32);
    await toReview(run, false);
    expect(await finish(run)).toBe(0);
    const [runId] = await readdir(path.join(home, '.local/state/tp-setup/backups'));
    expect(runId).toMatch(/^\d{8}T\d{6}Z-[0-9a-f]{4}$/);
    const lines = await terminalLines(run.raw, 40, 32);
    const holding = lines.filter((l) => l.includes(runId!));
    // The folder and the undo command, each with the id in one piece.
    expect(holding.length).toBeGreaterThanOrEqual(2);
    // No row ends with the start of the id while the next row goes on with the rest of it.
    for (let i = 0; i < lines.length - 1; i++) {
      for (let cut = 4; cut < runId!.length; cut++) {
        const split = lines[i]!.endsWith(runId!.slice(0, cut)) && lines[i + 1]!.trimStart().startsWith(runId!.slice(cut));
        expect(split, `${lines[i]}\n${lines[i + 1]}`).toBe(false);
      }
    }
  });
});
