import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { cleanEnv, PAYG_KEY, PLAN_KEY, runCli, tempHome } from '../helpers/cli.js';
import { KEYS, PtyRun } from '../helpers/pty.js';

/**
 * `--plain` is the wizard's flow on line prompts (@inquirer/prompts): the same questions in the
 * wizard's order (src/ui/questions-reducer.ts STEP_ORDER), the same defaults (nothing chosen for
 * the plan, installed tools ticked and marked, guides marked) and the same ending (doctor's
 * verdict, then the verify offer; src/ui/flow.ts afterSetup). Each run is the built CLI in a real
 * pseudo-terminal.
 */

/** A folder with a stand-in `qwen` that prints a release for `--version`: Qwen Code is installed. */
async function fakeQwen(version = '0.14.2'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tp-bin-'));
  const file = path.join(dir, 'qwen');
  await writeFile(file, `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "${version}"; exit 0; fi\nexit 1\n`);
  await chmod(file, 0o755);
  return dir;
}

/** A person's terminal; PATH holds only the system folders and the given stand-ins. */
const term = (home: string, bin?: string, extra: Record<string, string> = {}) => ({ ...cleanEnv(home, extra), PATH: bin ? `${bin}:/usr/bin:/bin` : '/usr/bin:/bin', TERM: 'xterm-256color' });

/** Key presses one at a time, each after the question it answers has appeared. */
async function answer(run: PtyRun, steps: readonly [string | RegExp, string][]): Promise<void> {
  for (const [wait, keys] of steps) {
    await run.waitFor(wait);
    await new Promise((r) => setTimeout(r, 80));
    run.write(keys);
  }
}

/** The first place each text appears, so a test can say which came first. */
function positions(output: string, texts: readonly string[]): number[] {
  return texts.map((text) => {
    const at = output.indexOf(text);
    expect(at, `${text} never appeared`).toBeGreaterThanOrEqual(0);
    return at;
  });
}

const QUESTIONS_IN_WIZARD_ORDER = ['Which plan did you buy?', 'Which edition of Token Plan?', 'Where did you buy it?', 'Which tools should use it?', 'API key', 'Default model', 'Write these changes?'];

describe('--plain: the wizard flow on line prompts (built CLI, real pseudo-terminal)', () => {
  it('asks the wizard questions in its order, ticks the installed tool, lists the guides, and ends with doctor and the verify offer', async () => {
    const home = await tempHome();
    const run = new PtyRun(['--plain', '--home', home], term(home, await fakeQwen()));
    await answer(run, [
      ['Which plan did you buy?', KEYS.enter], // Token Plan: the first row, as in the wizard
      ['Which edition of Token Plan?', KEYS.enter], // Personal
      ['Where did you buy it?', KEYS.enter], // the first region
      ['Which tools should use it?', KEYS.enter], // Qwen Code, ticked because it is installed
      ['API key', PLAN_KEY + KEYS.enter],
      ['Default model', KEYS.enter],
    ]);
    // The recommended model may have a thinking switch; answer it when it is asked.
    await run.waitFor(/Turn thinking on|Write these changes\?/);
    if (!/Write these changes\?/.test(run.output)) await answer(run, [['Turn thinking on', KEYS.enter]]);
    await answer(run, [
      ['Write these changes?', 'y' + KEYS.enter],
      ['Check each tool now', KEYS.enter], // the default is no
    ]);
    expect(await run.exited).toBe(0);
    const out = run.output;
    const at = positions(out, QUESTIONS_IN_WIZARD_ORDER);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    // Defaults: no plan picked for the person (Token Plan is merely first), the installed tool ticked and marked.
    expect(out).toMatch(/◉ Qwen Code · installed 0\.14\.2/);
    expect(out).toMatch(/◯ OpenClaw/);
    // The guides are listed and marked as guides.
    for (const label of ['Cursor', 'Cline', 'Kilo Code']) expect(out).toMatch(new RegExp(`${label}[^\\n]* · app: step-by-step guide`));
    // The ending: doctor's verdict after the write, then the verify offer.
    positions(out, ['Undo this run with: tp-setup restore', 'Checking the result with doctor', 'Check each tool now']);
    expect(out.indexOf('Checking the result with doctor')).toBeGreaterThan(out.indexOf('Undo this run with'));
    const ending = out.slice(out.indexOf('Checking the result with doctor'));
    expect(ending.indexOf('No problems found.')).toBeGreaterThan(0);
    expect(ending.indexOf('Check each tool now')).toBeGreaterThan(ending.indexOf('No problems found.'));
    expect(out).not.toContain(PLAN_KEY);
    const qwen = parseJsonc(await readFile(path.join(home, '.qwen/settings.json'), 'utf8'));
    expect(qwen.modelProviders.openai[0].baseUrl).toContain('token-plan');
  }, 60_000);

  it('no dead end: Codex refused on Coding Plan sends the line prompts back to the tools, every answer kept, and the second pass writes', async () => {
    const home = await tempHome();
    const run = new PtyRun(['--plain', '--home', home, '--plan', 'coding', '--region', 'intl'], term(home));
    await answer(run, [
      ['Which tools should use it?', KEYS.down.repeat(4) + KEYS.space], // Codex, marked as not working with Coding Plan
      ['◉ Codex', KEYS.enter],
      ['API key', PLAN_KEY + KEYS.enter],
      ['Other model id…', KEYS.enter], // Codex can use no listed model here: only the free id is left
      ['Model id:', KEYS.enter],
      ['Turn thinking on', KEYS.enter],
    ]);
    await run.waitFor('Nothing was changed');
    const refusedAt = run.output.length;
    // Back at the tools, Codex still ticked; untick it, tick Qwen Code.
    await run.waitFor(/Which tools should use it\?[\s\S]*◉ Codex[\s\S]*submit$/);
    await answer(run, [[/submit$/, KEYS.down.repeat(4) + KEYS.space + KEYS.up.repeat(3) + KEYS.space]]);
    await answer(run, [[/◉ Qwen Code[\s\S]*◯ Codex[\s\S]*submit$/, KEYS.enter]]);
    // The typed key is offered back, masked: nothing to type again.
    await answer(run, [
      ['Keep the key entered before (sk-sp-…abcd)', KEYS.enter],
      [/Default model[\s\S]*❯ qwen3\.5-plus/, KEYS.enter],
      [/Turn thinking on[\s\S]*select$/, KEYS.enter],
      ['Write these changes?', 'y' + KEYS.enter],
      ['Check each tool now', KEYS.enter],
    ]);
    expect(await run.exited).toBe(0);
    const refusal = run.output.slice(0, refusedAt);
    expect(refusal).toContain('Codex latest speaks only the Responses API, which Coding Plan does not serve.');
    expect(refusal).not.toMatch(/^\s*(update|create) /m);
    expect(run.output.slice(refusedAt).match(/\? API key/g) ?? []).toEqual([]);
    const qwen = parseJsonc(await readFile(path.join(home, '.qwen/settings.json'), 'utf8'));
    expect(qwen.model.name).toBe('qwen3.5-plus');
    await expect(readFile(path.join(home, '.codex/config.toml'), 'utf8')).rejects.toThrow();
    expect(run.output).not.toContain(PLAN_KEY);
  }, 60_000);

  it('starts from what is there: on a configured home every default is the current config and the key in use is offered masked; nothing changes', async () => {
    const home = await tempHome();
    const setup = await runCli(['--plan', 'coding', '--region', 'intl', '--tools', 'qwen-code', '--model', 'glm-5', '--yes', '--key-env', 'K', '--home', home], { env: cleanEnv(home, { K: PLAN_KEY }) });
    expect(setup.exitCode, setup.stderr).toBe(0);
    const run = new PtyRun(['--plain', '--home', home], term(home));
    await answer(run, [
      [/❯ Coding Plan/, KEYS.enter],
      [/❯ International \(Singapore\)/, KEYS.enter],
      [/◉ Qwen Code[\s\S]*submit$/, KEYS.enter],
      ['❯ Keep the key your tools use now (sk-sp-…abcd)', KEYS.enter],
      [/Default model[\s\S]*❯ glm-5/, KEYS.enter],
      [/Turn thinking on[\s\S]*select$/, KEYS.enter],
      ['Check each tool now', KEYS.enter],
    ]);
    expect(await run.exited).toBe(0);
    expect(run.output).toContain('Everything is already set up this way; nothing was changed.');
    expect(run.output).not.toContain(PLAN_KEY);
  }, 60_000);

  it('warns before writing, once: a pay-as-you-go key on Token Plan is named on the review, and after the write only once', async () => {
    const home = await tempHome();
    const run = new PtyRun(['--plain', '--home', home, '--plan', 'token-team', '--region', 'intl', '--tools', 'qwen-code,claude-code', '--model', 'qwen3.6-plus', '--thinking', 'on'], term(home));
    await answer(run, [['API key', PAYG_KEY + KEYS.enter]]);
    await run.waitFor('Write these changes?');
    const review = run.output.slice(run.output.lastIndexOf('Review. Nothing has been written yet.'));
    expect(review).toContain('! This looks like a pay-as-you-go (sk-) key');
    const mark = run.output.length;
    await answer(run, [
      [/Write these changes\?[^\n]*$/, 'y' + KEYS.enter],
      ['Check each tool now', KEYS.enter],
    ]);
    expect(await run.exited).toBe(0);
    expect(run.output.slice(mark).match(/This looks like a pay-as-you-go \(sk-\) key/g)).toHaveLength(1);
    expect(run.output).not.toContain(PAYG_KEY);
  }, 60_000);

  it('nothing is ticked when no tool is installed; submitting none asks for one in the wizard words', async () => {
    const home = await tempHome();
    const run = new PtyRun(['--plain', '--home', home, '--plan', 'coding', '--region', 'intl'], term(home));
    await answer(run, [['Which tools should use it?', KEYS.enter]]);
    await run.waitFor('Tick at least one tool with Space.');
    expect(run.output).not.toContain('◉');
    expect(run.output).not.toContain('installed');
    run.write(KEYS.ctrlC);
    expect(await run.exited).not.toBe(0);
  }, 30_000);

  it('TERM=dumb with --plain still asks, and completes a setup', async () => {
    const home = await tempHome();
    const run = new PtyRun(['--plain', '--home', home, '--plan', 'coding', '--region', 'cn', '--model', 'qwen3.5-plus', '--thinking', 'on'], { ...term(home), TERM: 'dumb' });
    await answer(run, [
      ['Which tools should use it?', KEYS.space + KEYS.enter], // OpenClaw, the first row
      ['API key', PLAN_KEY + KEYS.enter],
      ['Write these changes?', 'y' + KEYS.enter],
      ['Check each tool now', KEYS.enter],
    ]);
    expect(await run.exited).toBe(0);
    expect(run.output).not.toContain('Missing answers');
    const oc = parseJsonc(await readFile(path.join(home, '.openclaw/openclaw.json'), 'utf8'));
    expect(oc.models.providers.bailian.baseUrl).toBe('https://coding.dashscope.aliyuncs.com/v1');
  }, 60_000);

  it('TERM=dumb without --plain: exit 2, and the error names --plain and --yes', async () => {
    const home = await tempHome();
    const run = new PtyRun(['--home', home], { ...term(home), TERM: 'dumb' });
    expect(await run.exited).toBe(2);
    expect(run.output).toContain('Missing answers');
    expect(run.output).toMatch(/TERM=dumb[^\n]*--plain[^\n]*--yes/);
  }, 30_000);

  it('TERM=dumb without --plain, in Chinese: the same hint', async () => {
    const home = await tempHome();
    const run = new PtyRun(['--home', home, '--lang', 'zh-CN'], { ...term(home), TERM: 'dumb' });
    expect(await run.exited).toBe(2);
    expect(run.output).toMatch(/TERM=dumb[^\n]*--plain[^\n]*--yes/);
  }, 30_000);
});
