import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import stripAnsi from 'strip-ansi';
import { describe, expect, it } from 'vitest';
import { cleanEnv, PAYG_KEY, PLAN_KEY, runCli, snapshotTree, tempHome } from '../helpers/cli.js';
import { KEYS, PtyRun } from '../helpers/pty.js';
import { recordingLoads } from '../helpers/loaded-modules.js';

const NEW_KEY = 'sk-sp-test-new0-1111-2222-beef';
/** A person's terminal: TTYs, colour-capable, no tool on PATH so detection is the same everywhere. */
const term = (home: string, extra: Record<string, string> = {}) => ({ ...cleanEnv(home, extra), PATH: '/usr/bin:/bin', TERM: 'xterm-256color' });

/** Key presses one at a time, each after the screen it answers has appeared. */
async function answer(run: PtyRun, steps: readonly [string | RegExp, string][]): Promise<void> {
  for (const [wait, keys] of steps) {
    await run.waitFor(wait);
    await new Promise((r) => setTimeout(r, 60));
    run.write(keys);
  }
}

describe('the wizard in a real pseudo-terminal (built CLI)', () => {
  it('onboarding for two tools writes both configs and exits 0; the key never reaches the screen', async () => {
    const home = await tempHome();
    // A bare `tp-setup`, as `npx tp-setup` runs it: the first frame comes from early.js, before
    // the argument parser (main.js) loads, and the wizard takes that frame over.
    const loads = await recordingLoads();
    const run = new PtyRun([], { ...term(home), ...loads.env });
    await answer(run, [
      ['What would you like to do?', KEYS.enter],
      ['Which plan did you buy?', KEYS.enter], // Token Plan
      ['Which edition of Token Plan?', KEYS.down], // Team
      ['❯ Team', KEYS.enter],
      ['Where did you buy it?', KEYS.enter], // China (Beijing)
      ['Which tools should use it?', KEYS.space], // OpenClaw
      ['◉ OpenClaw', KEYS.down + KEYS.down],
      ['❯ ◯ Claude Code', KEYS.space],
      ['◉ Claude Code', KEYS.enter],
      ['API key', PLAN_KEY],
      ['*'.repeat(PLAN_KEY.length), KEYS.enter],
      ['Default model', KEYS.enter],
      ['Turn thinking on', KEYS.enter],
      ['Write these changes?', 'y'],
      ['Check each tool now', KEYS.enter],
    ]);
    expect(await run.exited).toBe(0);
    expect(run.output).not.toContain(PLAN_KEY);
    const files = await loads.files();
    expect(files.indexOf('early.js')).toBeGreaterThan(-1);
    expect(files.indexOf('early.js')).toBeLessThan(files.indexOf('main.js'));
    const oc = parseJsonc(await readFile(path.join(home, '.openclaw/openclaw.json'), 'utf8'));
    expect(oc.models.providers.bailian.baseUrl).toBe('https://token-plan.cn-beijing.maas.aliyuncs.com/compatible-mode/v1');
    expect(oc.agents.defaults.model.primary).toBe('bailian/qwen3.6-plus');
    const claude = JSON.parse(await readFile(path.join(home, '.claude/settings.json'), 'utf8'));
    expect(claude.env.ANTHROPIC_MODEL).toBe('qwen3.6-plus');
    expect(run.output).toContain('Undo this run with: tp-setup restore');
  });

  it('"Other model id…" writes an id the list does not have yet, with a warning instead of a refusal', async () => {
    const home = await tempHome();
    const run = new PtyRun(['--home', home, '--plan', 'token-personal', '--region', 'intl', '--tools', 'qwen-code', '--key-env', 'K'], term(home, { K: PLAN_KEY }));
    // Five documented, four reported, then the last row: ten rows, so the list scrolls to it.
    await answer(run, [['Default model', KEYS.up]]);
    await run.waitFor('❯ Other model id…');
    await run.waitFor('without context or output limits');
    run.write(KEYS.enter);
    await answer(run, [
      ['Model id:', 'qwen9-omega'],
      ['> qwen9-omega', KEYS.enter],
      ['Write these changes?', 'y'],
    ]);
    await run.waitFor('Check each tool now');
    run.write(KEYS.enter);
    expect(await run.exited).toBe(0);
    expect(run.output).toContain('No source tp-setup knows lists model qwen9-omega');
    const qwen = parseJsonc(await readFile(path.join(home, '.qwen/settings.json'), 'utf8'));
    expect(qwen.model.name).toBe('qwen9-omega');
    expect(qwen.modelProviders.openai[0].generationConfig?.contextWindowSize).toBeUndefined();
  });

  it('no dead end: Codex is marked unusable with Coding Plan before it is ticked; ticked anyway, the refusal returns to the tools with every answer kept (the key offered back, masked)', async () => {
    const home = await tempHome();
    const run = new PtyRun(['--home', home, '--plan', 'coding', '--region', 'intl', '--shell-profile', 'auto'], term(home));
    await run.waitFor('Which tools should use it?');
    await run.waitFor('Codex · not with Coding Plan: needs Codex 0.80');
    // Codex is the fifth row.
    await answer(run, [
      ['Which tools should use it?', KEYS.down.repeat(4)],
      ['❯ ◯ Codex', KEYS.space],
      ['◉ Codex', KEYS.enter],
      ['API key', PLAN_KEY],
      ['*'.repeat(PLAN_KEY.length), KEYS.enter],
      ['Default model', KEYS.enter],
      ['Turn thinking on', KEYS.enter],
    ]);
    await run.waitFor('Nothing was changed');
    const end = run.output.indexOf('Nothing was changed');
    const refusal = run.output.slice(run.output.lastIndexOf('Turn thinking on', end), end);
    expect(refusal).toContain('speaks only the Responses API');
    expect(refusal).not.toMatch(/^\s*(update|create)\s/m);
    // Back on the tools screen, Codex still ticked: tick Qwen Code, untick Codex. Each key waits
    // for its screen after the refusal, not for the same text earlier in the transcript.
    const from = end;
    const after = async (text: string | RegExp): Promise<void> => {
      const start = Date.now();
      while (!(typeof text === 'string' ? run.output.slice(from).includes(text) : text.test(run.output.slice(from)))) {
        if (Date.now() - start > 15_000) throw new Error(`timed out waiting for ${String(text)}; after the refusal:\n${JSON.stringify(run.output.slice(from))}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      await new Promise((r) => setTimeout(r, 60));
    };
    const steps: [string | RegExp, string][] = [
      [/Which tools should use it\?[\s\S]*❯ ◯ OpenClaw[\s\S]*◉ Codex/, KEYS.down],
      ['❯ ◯ Qwen Code', KEYS.space],
      ['❯ ◉ Qwen Code', KEYS.down.repeat(3)],
      ['❯ ◉ Codex', KEYS.space],
      ['❯ ◯ Codex', KEYS.enter],
      // The key typed before is kept and offered first, masked: no need to paste it again.
      ['❯ Keep the key entered before (sk-sp-…abcd)', KEYS.enter],
      ['Default model', KEYS.enter],
      [/Turn thinking on[^\n]*\n(?![\s\S]*Turn thinking on)/, KEYS.enter],
      ['Write these changes?', 'y'],
    ];
    for (const [text, keys] of steps) {
      await after(text);
      run.write(keys);
    }
    expect(run.output.slice(from)).not.toContain('API key (input hidden)');
    await after('Check each tool now');
    run.write(KEYS.enter);
    expect(await run.exited).toBe(0);
    expect(run.output).not.toContain(PLAN_KEY);
    const qwen = parseJsonc(await readFile(path.join(home, '.qwen/settings.json'), 'utf8'));
    expect(qwen.modelProviders.openai[0].baseUrl).toBe('https://coding-intl.dashscope.aliyuncs.com/v1');
  });

  it('starts from what is there: plan, edition, region, tools and model default to the current config, the configured key is offered masked', async () => {
    const home = await tempHome();
    const first = await runCli(['--plan', 'token-team', '--region', 'intl', '--tools', 'qwen-code,claude-code', '--model', 'glm-5', '--yes', '--key-env', 'K', '--home', home], { env: cleanEnv(home, { K: PLAN_KEY }) });
    expect(first.exitCode).toBe(0);
    const run = new PtyRun(['--home', home], term(home));
    await run.waitFor('What would you like to do?');
    await run.waitFor('Set up tools for a plan');
    // Reach "Set up tools for a plan" from wherever the menu puts it.
    const rows = run.output.slice(run.output.lastIndexOf('What would you like to do?')).split('\n').filter((l) => /^[❯ ] \S/.test(l));
    const at = rows.findIndex((l) => l.includes('Set up tools for a plan'));
    run.write(KEYS.down.repeat(Math.max(0, at)));
    await answer(run, [['❯ Set up tools for a plan', KEYS.enter]]);
    await run.waitFor('❯ Token Plan');
    run.write(KEYS.enter);
    await run.waitFor('❯ Team');
    run.write(KEYS.enter);
    await run.waitFor('❯ International (Singapore)');
    run.write(KEYS.enter);
    await run.waitFor(/◉ Qwen Code[\s\S]*◉ Claude Code/);
    run.write(KEYS.enter);
    await run.waitFor('Keep the key your tools use now (sk-sp-…abcd)');
    run.write(KEYS.enter);
    await run.waitFor(/❯ glm-5 ·/);
    run.kill();
    expect(run.output).not.toContain(PLAN_KEY);
  });

  it('a flag that answers one question skips the start screen, not the look at the home: the rest still defaults to the current config', async () => {
    const home = await tempHome();
    const first = await runCli(['--plan', 'coding', '--region', 'intl', '--tools', 'qwen-code,opencode', '--model', 'glm-5', '--yes', '--key-env', 'K', '--home', home], { env: cleanEnv(home, { K: PLAN_KEY }) });
    expect(first.exitCode).toBe(0);
    const run = new PtyRun(['--home', home, '--plan', 'coding'], term(home));
    // No start screen: the first question is the region, on the configured one.
    await run.waitFor('❯ International (Singapore)');
    expect(run.output).not.toContain('What would you like to do?');
    run.write(KEYS.enter);
    await run.waitFor(/◉ Qwen Code[\s\S]*◉ OpenCode/);
    run.write(KEYS.enter);
    await run.waitFor('Keep the key your tools use now (sk-sp-…abcd)');
    run.write(KEYS.enter);
    await run.waitFor(/❯ glm-5 ·/);
    run.kill();
    expect(run.output).not.toContain(PLAN_KEY);
  });

  it('warns before writing, once: a pay-as-you-go key on Token Plan is named on the review, and after the write only once', async () => {
    const home = await tempHome();
    const run = new PtyRun(['--home', home, '--plan', 'token-team', '--region', 'intl', '--tools', 'qwen-code,claude-code', '--model', 'qwen3.6-plus', '--thinking', 'on'], term(home));
    await answer(run, [
      ['API key', PAYG_KEY],
      ['*'.repeat(PAYG_KEY.length), KEYS.enter],
    ]);
    await run.waitFor('Write these changes?');
    const review = run.output.slice(run.output.lastIndexOf('Review. Nothing has been written yet.'));
    expect(review).toContain('! This looks like a pay-as-you-go (sk-) key');
    const mark = run.output.length;
    run.write('y');
    await run.waitFor('Check each tool now');
    run.write(KEYS.enter);
    expect(await run.exited).toBe(0);
    const after = run.output.slice(mark);
    expect(after.match(/This looks like a pay-as-you-go \(sk-\) key/g)).toHaveLength(1);
    expect(run.output).not.toContain(PAYG_KEY);
  });

  it('key rotation: asks only the new key and replaces it in every file', async () => {
    const home = await tempHome();
    const setup = await runCli(['--plan', 'coding', '--region', 'intl', '--tools', 'qwen-code,opencode', '--yes', '--key-env', 'K', '--home', home], { env: cleanEnv(home, { K: PLAN_KEY }) });
    expect(setup.exitCode, setup.stderr).toBe(0);
    const run = new PtyRun(['--home', home], term(home));
    await answer(run, [
      [/❯ Put in a new key after a key reset/, KEYS.enter],
      ["New API key, from the plan's console after the reset", NEW_KEY + KEYS.enter],
      ['Write these changes?', 'y'],
    ]);
    expect(await run.exited).toBe(0);
    // The end says what to reopen: running sessions keep the old key.
    expect(run.output.replace(/\s+/g, ' ')).toContain('Close and reopen Qwen Code, OpenCode: a running session keeps the old key.');
    expect(await readFile(path.join(home, '.qwen/.env'), 'utf8')).toContain(NEW_KEY);
    const files = await snapshotTree(home);
    const holding = [...files].filter(([f, v]) => !f.startsWith('.local/') && v.text.includes(PLAN_KEY)).map(([f]) => f);
    expect(holding).toEqual([]);
    expect(run.output).not.toContain(NEW_KEY);
  });

  it('cache cleanup: shows each stale file with why, moves it aside, restore brings it back', async () => {
    const home = await tempHome();
    const setup = await runCli(['--plan', 'coding', '--region', 'cn', '--tools', 'openclaw', '--yes', '--key-env', 'K', '--home', home], { env: cleanEnv(home, { K: PLAN_KEY }) });
    expect(setup.exitCode, setup.stderr).toBe(0);
    const cache = path.join(home, '.openclaw/agents/main/agent/models.json');
    await mkdir(path.dirname(cache), { recursive: true });
    const stale = JSON.stringify({ providers: { bailian: { baseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1', models: [] } } });
    await writeFile(cache, stale);
    const run = new PtyRun(['--home', home], term(home));
    await answer(run, [
      [/❯ Clean stale OpenClaw caches/, KEYS.enter],
      [/keeps an old baseUrl[\s\S]*Enter\/y yes/, 'y'],
    ]);
    expect(await run.exited).toBe(0);
    await expect(readFile(cache, 'utf8')).rejects.toThrow();
    expect((await runCli(['restore', '--home', home], { env: cleanEnv(home) })).exitCode).toBe(0);
    expect(await readFile(cache, 'utf8')).toBe(stale);
  });

  it('Ctrl+C mid-way leaves the home byte-identical and exits 130', async () => {
    const home = await tempHome();
    await mkdir(path.join(home, '.qwen'), { recursive: true });
    await writeFile(path.join(home, '.qwen/settings.json'), '{\n  // mine\n  "theme": "dark"\n}\n');
    const before = await snapshotTree(home);
    const run = new PtyRun(['--home', home], term(home));
    await answer(run, [
      ['What would you like to do?', KEYS.enter],
      ['Which plan did you buy?', KEYS.down + KEYS.enter],
      ['Where did you buy it?', KEYS.enter],
      ['Which tools should use it?', KEYS.down + KEYS.space + KEYS.enter],
      ['API key', PLAN_KEY.slice(0, 10)],
      ['*'.repeat(10), KEYS.ctrlC],
    ]);
    expect(await run.exited).toBe(130);
    expect(await snapshotTree(home)).toEqual(before);
  });

  it.each([
    ['TERM=dumb', { TERM: 'dumb' }, {}],
    // Ink counts an empty CI as CI (it would draw only the last frame), so tp-setup does too.
    ['CI set but empty', {}, { CI: '' }],
    ['CONTINUOUS_INTEGRATION=1', {}, { CONTINUOUS_INTEGRATION: '1' }],
  ])('%s: no wizard, headless rules: exit 2 naming the missing flags', async (_name, env, after) => {
    const home = await tempHome();
    const run = new PtyRun(['--home', home], { ...term(home), ...env }, 100, after);
    expect(await run.exited).toBe(2);
    expect(run.output).toContain('--plan');
    expect(run.output).not.toContain('What would you like to do?');
  });

  it('--lang zh-CN asks in Chinese', async () => {
    const home = await tempHome();
    const run = new PtyRun(['--home', home, '--lang', 'zh-CN'], term(home));
    await answer(run, [
      ['要做什么？', KEYS.enter],
      ['你购买的是哪种套餐？', KEYS.ctrlC],
    ]);
    expect(await run.exited).toBe(130);
    expect(run.output).toContain('为套餐配置工具');
    expect(run.output).toContain('不能混用');
  });

  it('a 60-column terminal wraps long paths and texts instead of breaking the layout', async () => {
    const home = await tempHome('tp-home-with-a-rather-long-folder-name-for-wrapping-');
    const run = new PtyRun(['--home', home, '--plan', 'coding', '--region', 'cn', '--tools', 'qwen-code,claude-code', '--model', 'qwen3.5-plus', '--thinking', 'on'], term(home), 60);
    await answer(run, [
      ['API key', PLAN_KEY + KEYS.enter],
      ['Write these changes?', KEYS.ctrlC],
    ]);
    expect(await run.exited).toBe(130);
    const lines = run.output.split(/\r?\n/);
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(60);
    expect(run.output).toContain('settings.json');
  });

  it('NO_COLOR and --no-color: no colour codes at all, while the same screen has them otherwise', async () => {
    const colour = /\u001B\[(3[0-7]|9[0-7]|38;)/;
    // The pty runs with CI=false (Ink draws every frame then), and chalk turns colour off whenever a
    // CI variable exists; FORCE_COLOR=1 stands for a person's colour terminal.
    const raw = async (extra: Record<string, string>, flags: string[] = []): Promise<string> => {
      const home = await tempHome();
      const run = new PtyRun(['--home', home, '--plan', 'coding', '--region', 'cn', '--tools', 'qwen-code', '--model', 'qwen3.5-plus', '--thinking', 'on', ...flags], term(home, { FORCE_COLOR: '1', ...extra }));
      await answer(run, [
        ['API key', PLAN_KEY + KEYS.enter],
        ['Write these changes?', 'n'],
      ]);
      expect(await run.exited).toBe(130);
      return run.raw;
    };
    const coloured = await raw({});
    expect(coloured).toMatch(colour);
    // The diff's signs carry the meaning; colour only repeats it.
    expect(stripAnsi(coloured)).toContain('+        "baseUrl": "https://coding.dashscope.aliyuncs.com/v1",');
    expect(await raw({ NO_COLOR: '1' })).not.toMatch(colour);
    expect(await raw({}, ['--no-color'])).not.toMatch(colour);
  });
  it("the start screen's doctor count opens: each finding with its fix, nothing changed, then the start screen again", async () => {
    const home = await tempHome();
    const env = term(home, { K: PLAN_KEY });
    expect((await runCli(['--plan', 'coding', '--region', 'cn', '--tools', 'claude-code', '--yes', '--key-env', 'K', '--home', home], { env })).exitCode).toBe(0);
    const before = await snapshotTree(home);
    // A second credential exported in the shell: an error nothing in the files can repair, so
    // reading it is the first offer. Rows: read doctor's findings, key reset, set up, restore, quit.
    const run = new PtyRun(['--home', home], { ...env, ANTHROPIC_API_KEY: 'sk-ant-test-not-real' });
    await run.waitFor('What would you like to do?');
    await run.waitFor('Doctor: 1 error(s), 0 warning(s)');
    await answer(run, [['❯ Read what doctor found (1 error(s), 0 warning(s))', KEYS.enter]]);
    await run.waitFor('remove ANTHROPIC_API_KEY from your shell environment');
    const from = run.output.lastIndexOf('remove ANTHROPIC_API_KEY');
    expect(run.output.slice(0, from)).toContain('Claude Code has two credentials set');
    // The start screen again, where Quit is the last row.
    const start = Date.now();
    while (!run.output.slice(from).includes('What would you like to do?')) {
      if (Date.now() - start > 15_000) throw new Error(`no start screen after the findings:\n${run.output.slice(from)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    await new Promise((r) => setTimeout(r, 60));
    run.write(KEYS.down.repeat(4));
    while (!run.output.slice(from).includes('❯ Quit')) {
      if (Date.now() - start > 15_000) throw new Error(`Quit never selected:\n${run.output.slice(from)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    run.write(KEYS.enter);
    expect(await run.exited).toBe(0);
    expect(await snapshotTree(home)).toEqual(before);
    expect(run.output).not.toContain(PLAN_KEY);
  });
  it('no dead end for models: with Token Plan Team and Claude Code, deepseek-v3.2 is not a row but named with the reason, and --plain says the same', async () => {
    for (const plain of [false, true]) {
      const home = await tempHome();
      const run = new PtyRun([...(plain ? ['--plain'] : []), '--home', home, '--plan', 'token-team', '--region', 'cn', '--tools', 'claude-code', '--key-env', 'K'], term(home, { K: PLAN_KEY }));
      await run.waitFor('Not offered, since Claude Code cannot use them: ');
      await run.waitFor('deepseek-v3.2');
      const from = run.output.lastIndexOf('Default model');
      const note = run.output.indexOf('Not offered', from);
      // Every row above the note is a model Claude Code can use here.
      expect(run.output.slice(from, note)).not.toContain('deepseek-v3.2');
      run.write(KEYS.ctrlC);
      expect(await run.exited).toBe(130);
      expect(await snapshotTree(home)).toEqual(new Map());
    }
  });
});
