import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseJsonc } from 'jsonc-parser';
import { cleanEnv, PLAN_KEY, runCli, snapshotTree, tempHome } from '../helpers/cli.js';
import { KEY, startWizard } from '../helpers/wizard.js';

const NEW_KEY = 'sk-sp-test-new0-1111-2222-beef';
/** No tool on PATH: detection is quick and the same on every machine. */
const env = (home: string, extra: Record<string, string> = {}) => ({ ...cleanEnv(home, extra), PATH: '/usr/bin:/bin', CI: '' });

describe('the wizard flow (real commands, temp home, in-memory terminal)', () => {
  it('onboarding: menu → questions → review with a masked diff → back keeps answers → write → doctor → verify offer', async () => {
    const home = await tempHome();
    const w = startWizard(['--home', home], env(home));
    await w.waitFor('What would you like to do?');
    expect(w.frame()).toContain('No tool uses Model Studio yet');
    await w.press(KEY.enter); // Set up tools for a plan
    await w.waitFor('Which plan did you buy?');
    await w.press(KEY.down, KEY.enter); // Coding Plan
    await w.waitFor('Where did you buy it?');
    await w.press(KEY.down, KEY.enter); // International
    await w.waitFor('Which tools should use it?');
    await w.press(KEY.down, KEY.space, KEY.down, KEY.space, KEY.enter); // Qwen Code, Claude Code
    await w.waitFor('API key');
    await w.press(PLAN_KEY, KEY.enter);
    await w.waitFor('Default model');
    expect(w.frame()).toMatch(/Key:\s+sk-sp-…abcd/);
    await w.press(KEY.enter); // recommended
    await w.waitFor('Turn thinking on');
    await w.press(KEY.enter);
    await w.waitFor('Write these changes?');
    const review = w.frame();
    expect(review).toContain('Changes, keys masked:');
    // The diff is taller than the terminal: it pages inside the review. Space pages on.
    expect(review).toMatch(/Lines 1–\d+ of \d+/);
    for (let i = 0; i < 10 && !w.frame().includes('+BAILIAN_CODING_PLAN_API_KEY='); i++) await w.press(KEY.space);
    expect(w.frame()).toContain('+BAILIAN_CODING_PLAN_API_KEY=sk-sp-…abcd');
    expect(review).toContain('create ~/.claude/settings.json');
    expect(review).toContain('tp-setup · Coding Plan · International (Singapore) · model qwen3.5-plus');
    expect(review).not.toContain(PLAN_KEY);
    // Esc: back to the last question, every answer kept, nothing written.
    await w.press(KEY.esc);
    await w.waitFor(/Turn thinking on[\s\S]*$/);
    expect(await readdir(home)).toEqual([]);
    await w.press(KEY.down, KEY.enter); // thinking off this time
    await w.waitFor(/Write these changes\?[\s\S]*Enter\/y write/);
    await w.press('y');
    await w.waitFor('Check each tool now with one small request');
    expect(w.frame()).toContain('wrote ~/.qwen/settings.json');
    expect(w.frame()).toContain('TOOL_NOT_INSTALLED');
    await w.press(KEY.enter); // default: no request
    expect(await w.exit).toBe(0);
    const qwen = parseJsonc(await readFile(path.join(home, '.qwen/settings.json'), 'utf8'));
    expect(qwen.modelProviders.openai[0].baseUrl).toBe('https://coding-intl.dashscope.aliyuncs.com/v1');
    const claude = JSON.parse(await readFile(path.join(home, '.claude/settings.json'), 'utf8'));
    expect(claude.env.ANTHROPIC_BASE_URL).toBe('https://coding-intl.dashscope.aliyuncs.com/apps/anthropic');
    // Thinking was turned off on the second pass.
    expect(claude.env.MAX_THINKING_TOKENS).toBeUndefined();
    w.unmount();
  });

  it('"n" on the review cancels with 130 and writes nothing', async () => {
    const home = await tempHome();
    const w = startWizard(['--home', home, '--plan', 'payg', '--region', 'cn', '--tools', 'qwen-code', '--model', 'qwen3.6-plus', '--thinking', 'on'], env(home));
    // Flags answered everything but the key: no start screen, the key is the only question.
    await w.waitFor('API key');
    expect(w.frame()).not.toContain('What would you like to do?');
    await w.press('sk-test-payg-0000-1111-2222-wxyz', KEY.enter);
    await w.waitFor('Write these changes?');
    await w.press('n');
    expect(await w.exit).toBe(130);
    expect(await readdir(home)).toEqual([]);
    w.unmount();
  });

  it('Ctrl+C once apply has started lets the run finish (never half-written), then exits 130', async () => {
    const home = await tempHome();
    const w = startWizard(['--home', home, '--plan', 'coding', '--region', 'cn', '--tools', 'qwen-code,claude-code', '--model', 'qwen3.5-plus', '--thinking', 'on'], env(home));
    await w.waitFor('API key');
    await w.press(PLAN_KEY, KEY.enter);
    await w.waitFor('Write these changes?');
    // "y" and Ctrl+C in one chunk: the answer starts the run before the interrupt is seen.
    await w.press('y\u0003');
    expect(await w.exit).toBe(130);
    expect(await readFile(path.join(home, '.qwen/.env'), 'utf8')).toBe(`BAILIAN_CODING_PLAN_API_KEY=${PLAN_KEY}\n`);
    expect(JSON.parse(await readFile(path.join(home, '.claude/settings.json'), 'utf8')).env.ANTHROPIC_AUTH_TOKEN).toBe(PLAN_KEY);
    const runs = await readdir(path.join(home, '.local/state/tp-setup/backups'));
    const manifest = JSON.parse(await readFile(path.join(home, '.local/state/tp-setup/backups', runs[0]!, 'manifest.json'), 'utf8'));
    expect(manifest.status).toBe('complete');
    // The doctor and verify steps after a finished run are skipped once the user asked to stop.
    expect(w.frame()).not.toContain('Check each tool now');
    w.unmount();
  });

  it('a config that does not parse is refused on screen (file and position named), exit 4, file byte-identical', async () => {
    const home = await tempHome();
    const file = path.join(home, '.qwen/settings.json');
    await mkdir(path.dirname(file), { recursive: true });
    const broken = '{\n  // my settings\n  "theme": "dark",,\n}\n';
    await writeFile(file, broken);
    const w = startWizard(['--home', home, '--plan', 'coding', '--region', 'cn', '--tools', 'qwen-code', '--model', 'qwen3.5-plus', '--thinking', 'on', '--key-env', 'K'], env(home, { K: PLAN_KEY }));
    expect(await w.exit).toBe(4);
    expect(w.frame()).toMatch(/Refused: .*settings\.json does not parse \(line 3/);
    expect(await readFile(file, 'utf8')).toBe(broken);
    expect(await readdir(home)).toEqual(['.qwen']);
    w.unmount();
  });

  it('zh-CN: the review names plan and region in Chinese', async () => {
    const home = await tempHome();
    const w = startWizard(['--home', home, '--lang', 'zh-CN', '--plan', 'coding', '--region', 'cn', '--tools', 'qwen-code', '--model', 'qwen3.5-plus', '--thinking', 'on', '--key-env', 'K'], env(home, { K: PLAN_KEY }));
    await w.waitFor('写入这些改动？');
    expect(w.frame()).toContain('tp-setup · Coding Plan（编程套餐） · 中国内地（北京） · 模型 qwen3.5-plus');
    await w.press('n');
    expect(await w.exit).toBe(130);
    w.unmount();
  });

  it('Ctrl+C at a question exits 130 with the home untouched', async () => {
    const home = await tempHome();
    const w = startWizard(['--home', home], env(home));
    await w.waitFor('What would you like to do?');
    await w.press(KEY.enter);
    await w.waitFor('Which plan did you buy?');
    await w.press(KEY.ctrlC);
    expect(await w.exit).toBe(130);
    expect(w.frame()).toContain('Cancelled; nothing was changed.');
    expect(await readdir(home)).toEqual([]);
    w.unmount();
  });

  it('Esc on the first question goes back to the start screen', async () => {
    const home = await tempHome();
    const w = startWizard(['--home', home], env(home));
    await w.waitFor('What would you like to do?');
    await w.press(KEY.enter);
    await w.waitFor('Which plan did you buy?');
    await w.press(KEY.esc);
    await w.waitFor(/What would you like to do\?[\s\S]*Quit[\s\S]*$/);
    await w.press(KEY.down, KEY.enter); // Quit
    expect(await w.exit).toBe(0);
    expect(w.frame()).toContain('Nothing was changed.');
    w.unmount();
  });

  it('key reset: offered first when tp-setup configured this home, asks only the new key, replaces every copy', async () => {
    const home = await tempHome();
    const setup = await runCli(['--plan', 'coding', '--region', 'cn', '--tools', 'qwen-code,claude-code', '--yes', '--key-env', 'K', '--home', home], {
      env: cleanEnv(home, { K: PLAN_KEY }),
    });
    expect(setup.exitCode, setup.stderr).toBe(0);
    const w = startWizard(['--home', home], env(home));
    await w.waitFor('What would you like to do?');
    expect(w.frame()).toMatch(/❯ Put in a new key after a key reset/);
    expect(w.frame()).toContain('Already using Model Studio: Qwen Code (Coding Plan, China (Beijing))');
    await w.press(KEY.enter);
    await w.waitFor('API key');
    await w.press(NEW_KEY, KEY.enter);
    await w.waitFor('Write these changes?');
    expect(w.frame()).toContain('Replacing sk-sp-…abcd with sk-sp-…beef');
    await w.press('y');
    expect(await w.exit).toBe(0);
    expect(await readFile(path.join(home, '.qwen/.env'), 'utf8')).toBe(`BAILIAN_CODING_PLAN_API_KEY=${NEW_KEY}\n`);
    expect(await readFile(path.join(home, '.claude/settings.json'), 'utf8')).toContain(NEW_KEY);
    expect(w.frame()).not.toContain(NEW_KEY);
    w.unmount();
  });

  it('cache cleanup: stale OpenClaw caches come first, each with why; moved aside into a backup run', async () => {
    const home = await tempHome();
    const setup = await runCli(['--plan', 'coding', '--region', 'intl', '--tools', 'openclaw', '--yes', '--key-env', 'K', '--home', home], { env: cleanEnv(home, { K: PLAN_KEY }) });
    expect(setup.exitCode, setup.stderr).toBe(0);
    const cache = path.join(home, '.openclaw/agents/work/agent/models.json');
    await mkdir(path.dirname(cache), { recursive: true });
    await writeFile(cache, JSON.stringify({ providers: { bailian: { baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', api: 'openai-completions', models: [] } } }));
    const w = startWizard(['--home', home], env(home));
    await w.waitFor('What would you like to do?');
    expect(w.frame()).toContain('Stale OpenClaw cache files: 1');
    expect(w.frame()).toMatch(/❯ Clean stale OpenClaw caches/);
    await w.press(KEY.enter);
    await w.waitFor(/move aside ~\/\.openclaw\/agents\/work\/agent\/models\.json[\s\S]*Enter\/y yes/);
    expect(w.frame()).toContain('keeps an old baseUrl');
    await w.press('y');
    expect(await w.exit).toBe(0);
    await expect(readFile(cache, 'utf8')).rejects.toThrow();
    const restore = await runCli(['restore', '--home', home], { env: cleanEnv(home) });
    expect(restore.exitCode, restore.stderr).toBe(0);
    expect(await readFile(cache, 'utf8')).toContain('dashscope-intl');
    w.unmount();
  });

  it('after writing openclaw.json, the stale caches it finds are offered for cleanup right away', async () => {
    const home = await tempHome();
    const cache = path.join(home, '.openclaw/agents/main/agent/models.json');
    await mkdir(path.dirname(cache), { recursive: true });
    await writeFile(cache, JSON.stringify({ providers: { bailian: { baseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1', models: [] } } }));
    const w = startWizard(['--home', home, '--plan', 'token-team', '--region', 'cn', '--tools', 'openclaw', '--model', 'qwen3.6-plus', '--thinking', 'on', '--key-env', 'K'], env(home, { K: PLAN_KEY }));
    await w.waitFor('Write these changes?');
    await w.press('y');
    await w.waitFor(/move aside ~\/\.openclaw\/agents\/main\/agent\/models\.json[\s\S]*Go ahead\?/);
    await w.press('y');
    await w.waitFor('Check each tool now');
    await w.press(KEY.enter);
    expect(await w.exit).toBe(0);
    await expect(readFile(cache, 'utf8')).rejects.toThrow();
    expect(parseJsonc(await readFile(path.join(home, '.openclaw/openclaw.json'), 'utf8')).models.providers.bailian.baseUrl).toBe(
      'https://token-plan.cn-beijing.maas.aliyuncs.com/compatible-mode/v1',
    );
    // Two runs: the setup and the cleanup, each undone on its own.
    expect(await readdir(path.join(home, '.local/state/tp-setup/backups'))).toHaveLength(2);
    w.unmount();
  });

  it('restore: pick a run, see what it puts back, confirm; the home is as before the run', async () => {
    const home = await tempHome();
    await mkdir(path.join(home, '.qwen'), { recursive: true });
    await writeFile(path.join(home, '.qwen/settings.json'), '// mine\n{\n    "theme": "dark"\n}\n');
    const before = await snapshotTree(home);
    const setup = await runCli(['--plan', 'coding', '--region', 'cn', '--tools', 'qwen-code', '--yes', '--key-env', 'K', '--home', home], { env: cleanEnv(home, { K: PLAN_KEY }) });
    expect(setup.exitCode, setup.stderr).toBe(0);
    const w = startWizard(['--home', home], env(home));
    await w.waitFor('What would you like to do?');
    // Configured before, so the key reset leads; restore is further down.
    await w.press(KEY.up, KEY.up, KEY.enter);
    await w.waitFor('Which run should be undone?');
    await w.press(KEY.enter);
    await w.waitFor('Restore these files?');
    expect(w.frame()).toContain('~/.qwen/settings.json');
    await w.press('y');
    expect(await w.exit).toBe(0);
    const after = await snapshotTree(home);
    for (const [file, bytes] of before) expect(after.get(file), file).toEqual(bytes);
    expect([...after.keys()].filter((f) => f.startsWith('.qwen/'))).toEqual(['.qwen/settings.json']);
    w.unmount();
  });

  it('fix: a repairable error is offered, asked one by one, and repaired', async () => {
    const home = await tempHome();
    const file = path.join(home, '.claude/settings.json');
    await mkdir(path.dirname(file), { recursive: true });
    // Claude Code with the OpenAI-style /v1 path: a mechanical repair.
    await writeFile(file, JSON.stringify({ env: { ANTHROPIC_BASE_URL: 'https://coding.dashscope.aliyuncs.com/apps/anthropic/v1', ANTHROPIC_AUTH_TOKEN: PLAN_KEY, ANTHROPIC_MODEL: 'qwen3.5-plus' } }, null, 2), { mode: 0o600 });
    await writeFile(path.join(home, '.claude.json'), '{"hasCompletedOnboarding": true}\n');
    const w = startWizard(['--home', home], env(home));
    await w.waitFor('What would you like to do?');
    expect(w.frame()).toMatch(/❯ Fix problems doctor found/);
    await w.press(KEY.enter);
    await w.waitFor(/Repair: .*\/v1/);
    await w.press('y');
    expect(await w.exit).toBe(0);
    expect(JSON.parse(await readFile(file, 'utf8')).env.ANTHROPIC_BASE_URL).toBe('https://coding.dashscope.aliyuncs.com/apps/anthropic');
    w.unmount();
  });
});
