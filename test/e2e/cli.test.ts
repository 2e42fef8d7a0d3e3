import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { parse as parseJsonc } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { CLI, cleanEnv, PLAN_KEY, ROOT, runCli, tempHome } from '../helpers/cli.js';
import { KEYS, PtyRun } from '../helpers/pty.js';

describe('the tp-setup binary', () => {
  it('refuses to run on a Node older than 20.17, with a message that says what to do', async () => {
    const dir = await tempHome('tp-node-');
    const preload = path.join(dir, 'old-node.cjs');
    // The guard reads process.versions.node; this makes a current Node report an old version.
    await writeFile(preload, "Object.defineProperty(process.versions, 'node', { value: '20.16.1' });\n");
    const r = await execa(process.execPath, ['--require', preload, CLI, '--help'], { reject: false });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('needs Node.js 20.17 or newer; this is 20.16.1');
  });

  it('prints help listing every command and setup flag, and the version from package.json', async () => {
    const home = await tempHome();
    const help = await runCli(['setup', '--help'], { env: cleanEnv(home) });
    expect(help.exitCode).toBe(0);
    for (const flag of ['--plan', '--region', '--tools', '--model', '--thinking', '--key-env', '--key-stdin', '--yes', '--dry-run', '--json', '--home', '--lang']) {
      expect(help.stdout).toContain(flag);
    }
    const top = await runCli(['--help'], { env: cleanEnv(home) });
    for (const cmd of ['setup', 'backups', 'restore']) expect(top.stdout).toContain(cmd);
    const version = await runCli(['--version'], { env: cleanEnv(home) });
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
    expect(version.stdout.trim()).toBe(pkg.version);
  });

  it('takes every answer from its TP_SETUP_* environment twin', async () => {
    const home = await tempHome();
    const r = await runCli([], {
      env: cleanEnv(home, {
        TP_SETUP_PLAN: 'token-team',
        TP_SETUP_REGION: 'intl',
        TP_SETUP_TOOLS: 'qwen-code',
        TP_SETUP_MODEL: 'glm-5',
        TP_SETUP_THINKING: 'off',
        TP_SETUP_KEY_ENV: 'K',
        TP_SETUP_HOME: home,
        TP_SETUP_JSON: '1',
        K: PLAN_KEY,
      }),
    });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).answers).toEqual({ plan: 'token-team', region: 'intl', tools: ['qwen-code'], models: ['glm-5'], thinking: false });
    const qs = parseJsonc(await readFile(path.join(home, '.qwen/settings.json'), 'utf8'));
    expect(qs.modelProviders.openai[0].generationConfig.extra_body.enable_thinking).toBe(false);
  });

  it('a flag beats its environment twin', async () => {
    const home = await tempHome();
    const r = await runCli(['--plan', 'coding', '--region', 'cn', '--tools', 'qwen-code', '--key-env', 'K', '--yes', '--json', '--home', home], {
      env: cleanEnv(home, { TP_SETUP_PLAN: 'payg', K: PLAN_KEY }),
    });
    expect(JSON.parse(r.stdout).answers.plan).toBe('coding');
  });

  it('speaks Chinese with --lang zh-CN, and JSON codes stay the same', async () => {
    const home = await tempHome();
    const r = await runCli(['setup', '--home', home, '--lang', 'zh-CN'], { env: cleanEnv(home) });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('缺少以下回答');
    const j = await runCli(['--plan', 'coding', '--region', 'cn', '--tools', 'qwen-code', '--model', 'Qwen3.5-Plus', '--yes', '--key-env', 'K', '--home', home, '--json', '--lang', 'zh-CN'], {
      env: cleanEnv(home, { K: PLAN_KEY }),
    });
    const f = JSON.parse(j.stdout).findings.find((x: { code: string }) => x.code === 'MODEL_NOT_IN_PLAN');
    expect(f.message).toContain('不提供模型 Qwen3.5-Plus');
  });

  it('--plain asks the same questions as line prompts and writes both chosen tools', async () => {
    const home = await tempHome();
    const run = new PtyRun(['--plain', '--home', home], { ...cleanEnv(home), TERM: 'xterm' });
    await run.waitFor('Which plan did you buy?');
    run.write(KEYS.enter); // Coding Plan (first)
    await run.waitFor('Where did you buy it?');
    run.write(KEYS.down + KEYS.enter); // International
    await run.waitFor('Which tools should use it?');
    run.write(KEYS.down + KEYS.space + KEYS.down + KEYS.space + KEYS.enter); // Qwen Code, Claude Code
    await run.waitFor('Default model');
    run.write(KEYS.enter); // recommended
    await run.waitFor('Turn thinking on');
    run.write(KEYS.enter);
    await run.waitFor('API key');
    run.write('sk-wrong-kind-0000-1111\r');
    await run.waitFor('which Coding Plan does not accept');
    // Clear the rejected input, then type the right key.
    run.write('\u0015'.repeat(1) + '\b'.repeat(30) + PLAN_KEY + KEYS.enter);
    await run.waitFor('Write these changes?');
    expect(run.output).not.toContain(PLAN_KEY);
    run.write(KEYS.enter);
    expect(await run.exited).toBe(0);
    const qs = parseJsonc(await readFile(path.join(home, '.qwen/settings.json'), 'utf8'));
    expect(qs.modelProviders.openai[0].baseUrl).toBe('https://coding-intl.dashscope.aliyuncs.com/v1');
    expect(await readFile(path.join(home, '.qwen/.env'), 'utf8')).toBe(`BAILIAN_CODING_PLAN_API_KEY=${PLAN_KEY}\n`);
    const claude = JSON.parse(await readFile(path.join(home, '.claude/settings.json'), 'utf8'));
    expect(claude.env.ANTHROPIC_BASE_URL).toBe('https://coding-intl.dashscope.aliyuncs.com/apps/anthropic');
  });

  it('Ctrl+C at a question exits 130 and leaves the home untouched', async () => {
    const home = await tempHome();
    const run = new PtyRun(['--plain', '--home', home], { ...cleanEnv(home), TERM: 'xterm' });
    await run.waitFor('Which plan did you buy?');
    run.write(KEYS.ctrlC);
    expect(await run.exited).toBe(130);
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(home)).toEqual([]);
  });
});
