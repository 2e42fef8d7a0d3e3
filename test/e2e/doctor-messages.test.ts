import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { CLI, cleanEnv, PLAN_KEY, runCli, tempHome } from '../helpers/cli.js';

async function setupHome(tools: string, extra: string[] = []): Promise<{ home: string; env: Record<string, string> }> {
  const home = await tempHome();
  const env = cleanEnv(home, { K: PLAN_KEY });
  const r = await runCli(['--plan', 'coding', '--region', 'cn', '--tools', tools, '--yes', '--key-env', 'K', '--home', home, ...extra], { env });
  expect(r.exitCode, r.stderr).toBe(0);
  return { home, env };
}

const doctor = async (home: string, env: Record<string, string>) => JSON.parse((await runCli(['doctor', '--home', home, '--json'], { env })).stdout).findings as any[];

describe('doctor messages say the right thing', () => {
  it('TOOL_VERSION_TOO_OLD names the tool that is old and why', async () => {
    const { home, env } = await setupHome('opencode');
    const bin = path.join(home, 'bin');
    await mkdir(bin);
    await writeFile(path.join(bin, 'opencode'), "#!/bin/sh\necho '1.2.15'\n");
    await chmod(path.join(bin, 'opencode'), 0o755);
    const f = (await doctor(home, { ...env, PATH: `${bin}:/usr/bin:/bin` })).find((x) => x.code === 'TOOL_VERSION_TOO_OLD');
    expect(f.message).toBe('OpenCode 1.2.15 is older than 1.2.16: before that release large requests fail with "Request Entity Too Large".');
    expect(f.fix).toBe('Upgrade OpenCode.');
  });

  it('a second Claude Code credential is one finding that points at where the variable is set', async () => {
    const { home, env } = await setupHome('claude-code');
    const file = path.join(home, '.claude/settings.json');
    const settings = JSON.parse(await readFile(file, 'utf8'));
    settings.env.ANTHROPIC_API_KEY = 'sk-ant-test-not-real';
    await writeFile(file, JSON.stringify(settings, null, 2));
    const inFile = await doctor(home, env);
    const two = inFile.find((x) => x.code === 'TWO_CREDENTIALS');
    expect(two).toMatchObject({ file, keyPath: 'env.ANTHROPIC_API_KEY', fixable: true });
    expect(two.fix).toBe(`Keep only ANTHROPIC_AUTH_TOKEN: remove ANTHROPIC_API_KEY from ${file}.`);
    expect(inFile.map((x) => x.code)).not.toContain('CLAUDE_API_KEY_VAR');
    delete settings.env.ANTHROPIC_API_KEY;
    await writeFile(file, JSON.stringify(settings, null, 2));
    const exported = await doctor(home, { ...env, ANTHROPIC_API_KEY: 'sk-ant-test-not-real' });
    const shell = exported.find((x) => x.code === 'TWO_CREDENTIALS');
    expect(shell.file).toBeUndefined();
    expect(shell.fixable).toBe(false);
    expect(shell.fix).toContain('your shell environment');
    expect(exported.map((x) => x.code)).not.toContain('CLAUDE_API_KEY_VAR');
  });

  it('setup with ANTHROPIC_API_KEY exported warns before writing, and the finding is not repeated after', async () => {
    const home = await tempHome();
    const env = cleanEnv(home, { K: PLAN_KEY, ANTHROPIC_API_KEY: 'sk-ant-test-not-real' });
    const r = await runCli(['--plan', 'coding', '--region', 'cn', '--tools', 'claude-code', '--yes', '--key-env', 'K', '--home', home, '--json'], { env });
    expect(r.exitCode, r.stderr).toBe(0);
    const codes = (JSON.parse(r.stdout).findings as { code: string }[]).map((f) => f.code);
    expect(codes.filter((c) => c === 'TWO_CREDENTIALS')).toHaveLength(1);
    expect(codes).not.toContain('CLAUDE_API_KEY_VAR');
  });

  it('key findings point at the real key path, and an unknown Token Plan edition is named as Token Plan', async () => {
    const home = await tempHome();
    const env = cleanEnv(home, { K: 'sk-test-payg-0000-1111-zzzz' });
    expect((await runCli(['--plan', 'token-personal', '--region', 'cn', '--tools', 'claude-code', '--yes', '--key-env', 'K', '--home', home], { env })).exitCode).toBe(4);
    await mkdir(path.join(home, '.claude'), { recursive: true });
    await writeFile(path.join(home, '.claude/settings.json'), JSON.stringify({ env: { ANTHROPIC_BASE_URL: 'https://token-plan.cn-beijing.maas.aliyuncs.com/apps/anthropic', ANTHROPIC_AUTH_TOKEN: 'sk-test-payg-0000-1111-zzzz', ANTHROPIC_MODEL: 'qwen3.6-plus' } }));
    const f = (await doctor(home, env)).find((x) => x.code === 'KEY_WRONG_KIND');
    expect(f.keyPath).toBe('env.ANTHROPIC_AUTH_TOKEN');
    expect(f.message).toBe('This looks like a pay-as-you-go (sk-) key, which Token Plan does not accept.');
  });

  it('a case slip of a known id is an error naming the id; an unlisted id is only a warning', async () => {
    // setup refuses a wrong-case id, so the slip comes from a hand edit.
    const { home, env } = await setupHome('qwen-code', ['--model', 'qwen3.5-plus']);
    const settings = path.join(home, '.qwen/settings.json');
    await writeFile(settings, (await readFile(settings, 'utf8')).replaceAll('"qwen3.5-plus"', '"Qwen3.5-Plus"'));
    const found = await doctor(home, env);
    const slip = found.find((x) => x.code === 'MODEL_ID_CASE');
    expect(slip).toMatchObject({ severity: 'error', params: { suggestion: 'qwen3.5-plus' } });
    expect(slip.fix).toBe('Use qwen3.5-plus, exactly as written.');
    expect(found.some((x) => x.code === 'MODEL_UNLISTED')).toBe(false);
    const other = await setupHome('qwen-code', ['--model', 'qwen3.5-plus']);
    const file = path.join(other.home, '.qwen/settings.json');
    await writeFile(file, (await readFile(file, 'utf8')).replaceAll('qwen3.5-plus', 'qwen9-omega'));
    const f = (await doctor(other.home, other.env)).find((x) => x.code === 'MODEL_UNLISTED');
    expect(f).toMatchObject({ severity: 'warning', params: { model: 'qwen9-omega' } });
    expect(f.params.suggestion).toBeUndefined();
  });

  it('a reader that stops early ends the run quietly with the real exit code', async () => {
    const { home, env } = await setupHome('codex,qwen-code', ['--plan', 'token-team']);
    const r = await execa('bash', ['-c', `"${process.execPath}" "${CLI}" doctor --home "${home}" | head -1; exit \${PIPESTATUS[0]}`], { env, reject: false });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(3);
  });
});

describe('a doctor with nothing to report says what it looked at', () => {
  it('an empty home: nothing is set up, so nothing was checked (en and zh-CN), and --json has an empty checked list', async () => {
    const home = await tempHome();
    const env = cleanEnv(home);
    const en = await runCli(['doctor', '--home', home], { env });
    expect(en.exitCode).toBe(0);
    expect(en.stdout).toContain('No tool here is set up for Model Studio yet, so there was nothing to check.');
    expect(en.stdout).not.toContain('Checked for each tool');
    const zh = await runCli(['doctor', '--home', home, '--lang', 'zh-CN'], { env });
    expect(zh.stdout).toContain('这里还没有工具配置了百炼');
    const doc = JSON.parse((await runCli(['doctor', '--home', home, '--json'], { env })).stdout);
    expect(doc.checked).toEqual([]);
  });

  it('a configured home: each configured tool with the files read, the key file included', async () => {
    const { home, env } = await setupHome('qwen-code,claude-code');
    const en = await runCli(['doctor', '--home', home], { env });
    expect(en.exitCode, en.stdout).toBe(0);
    expect(en.stdout).toContain('Checked for each tool:');
    const lines = en.stdout.split('\n');
    const qwen = lines.find((l) => l.trim().startsWith('Qwen Code:'));
    expect(qwen).toContain('.qwen/settings.json');
    expect(lines.find((l) => l.trim().startsWith('Claude Code:'))).toContain('.claude/settings.json');
    const zh = await runCli(['doctor', '--home', home, '--lang', 'zh-CN'], { env });
    expect(zh.stdout).toContain('已逐个工具检查');
    const doc = JSON.parse((await runCli(['doctor', '--home', home, '--json'], { env })).stdout);
    const tools = (doc.checked as { tool: string; files: string[] }[]).map((c) => c.tool).sort();
    expect(tools).toEqual(['claude-code', 'qwen-code']);
    const q = doc.checked.find((c: { tool: string }) => c.tool === 'qwen-code');
    expect(q.files).toContain(path.join(home, '.qwen/settings.json'));
  });

  it('with a warning to show, the checked list stays out of the way', async () => {
    const { home, env } = await setupHome('claude-code');
    const out = await runCli(['doctor', '--home', home], { env: { ...env, ANTHROPIC_API_KEY: 'sk-ant-test-not-real' } });
    expect(out.stdout).toContain('ANTHROPIC_API_KEY');
    expect(out.stdout).not.toContain('Checked for each tool');
  });
});
