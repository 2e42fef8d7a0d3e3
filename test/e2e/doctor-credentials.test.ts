import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, PAYG_KEY, PLAN_KEY, runCli, snapshotTree, tempHome } from '../helpers/cli.js';

/**
 * The doctor's credential checks as a user meets them: homes written by a real `tp-setup` run (or
 * by hand, as the tools' own commands leave them), then `doctor` in a child process of its own.
 * No tool is on PATH, so no probe can answer for a real install.
 */

const GATEWAY = 'https://llm-gateway.example.com';
const OLD_KEY = 'sk-sp-test-old0-9999-8888-uvwx';
const SYSTEM_PATH = '/usr/bin:/bin';

interface Doc {
  readonly ok: boolean;
  readonly findings: readonly { code: string; severity: string; tool?: string; file?: string; keyPath?: string; params?: Record<string, string>; message: string; fix: string }[];
}

async function setup(home: string, args: readonly string[]): Promise<void> {
  const r = await runCli([...args, '--yes', '--key-env', 'K', '--home', home], { env: cleanEnv(home, { K: PLAN_KEY, PATH: SYSTEM_PATH }) });
  expect(r.exitCode, r.stderr + r.stdout).toBe(0);
}

async function doctor(home: string, tools: string, env: Record<string, string> = {}, lang = 'en'): Promise<{ exitCode: number; doc: Doc; stdout: string }> {
  const e = cleanEnv(home, { PATH: SYSTEM_PATH, ...env });
  const json = await runCli(['doctor', '--home', home, '--tools', tools, '--json', '--lang', lang], { env: e });
  for (const secret of [PLAN_KEY, OLD_KEY, PAYG_KEY]) expect(json.stdout).not.toContain(secret.slice(0, -4));
  return { exitCode: json.exitCode, doc: JSON.parse(json.stdout) as Doc, stdout: json.stdout };
}

const codes = (d: Doc) => d.findings.map((f) => f.code);

describe('doctor: key checks behind a gateway (--base-url)', () => {
  it('Codex: an unset env_key variable fails doctor with and without a gateway', async () => {
    for (const extra of [['--base-url', GATEWAY], []]) {
      const home = await tempHome();
      await setup(home, ['--plan', 'token-team', '--region', 'intl', '--tools', 'codex', '--model', 'qwen3.6-plus', ...extra]);
      // The export went nowhere (no --shell-profile), so the shell has no key.
      const { exitCode, doc } = await doctor(home, 'codex');
      expect(exitCode, JSON.stringify(doc)).toBe(3);
      expect(doc.ok).toBe(false);
      expect(doc.findings.find((f) => f.code === 'KEY_ENV_UNSET')).toMatchObject({ severity: 'error', tool: 'codex', params: { variable: 'BAILIAN_TOKEN_PLAN_API_KEY' } });
      // Exported, the same home is fine.
      const fine = await doctor(home, 'codex', { BAILIAN_TOKEN_PLAN_API_KEY: PLAN_KEY });
      expect(codes(fine.doc).filter((c) => c.startsWith('KEY_'))).toEqual([]);
    }
  });

  it('Qwen Code: a key removed from ~/.qwen/.env fails doctor with and without a gateway', async () => {
    for (const extra of [['--base-url', GATEWAY], []]) {
      const home = await tempHome();
      await setup(home, ['--plan', 'coding', '--region', 'cn', '--tools', 'qwen-code', ...extra]);
      expect((await doctor(home, 'qwen-code')).exitCode).toBe(0);
      await rm(path.join(home, '.qwen/.env'));
      const { exitCode, doc } = await doctor(home, 'qwen-code');
      expect(exitCode).toBe(3);
      expect(doc.findings.find((f) => f.code === 'KEY_ENV_UNSET')).toMatchObject({ severity: 'error', tool: 'qwen-code', params: { variable: 'BAILIAN_CODING_PLAN_API_KEY' } });
    }
  });
});

describe('doctor: an exported variable against the tool\'s own .env', () => {
  it('Codex uses the key in ~/.codex/.env over the export tp-setup wrote to the shell profile, and says so', async () => {
    const home = await tempHome();
    const profile = path.join(home, '.zshrc');
    await setup(home, ['--plan', 'token-team', '--region', 'intl', '--tools', 'codex', '--model', 'qwen3.6-plus', '--shell-profile', profile]);
    expect(await readFile(profile, 'utf8')).toContain('BAILIAN_TOKEN_PLAN_API_KEY');
    await writeFile(path.join(home, '.codex/.env'), `BAILIAN_TOKEN_PLAN_API_KEY=${OLD_KEY}\n`, { mode: 0o600 });
    const before = await snapshotTree(home);
    const { exitCode, doc } = await doctor(home, 'codex', { BAILIAN_TOKEN_PLAN_API_KEY: PLAN_KEY });
    expect(exitCode).toBe(0);
    const f = doc.findings.find((x) => x.code === 'ENV_FILE_OVERRIDE')!;
    expect(f).toMatchObject({ severity: 'warning', tool: 'codex', file: path.join(home, '.codex/.env'), keyPath: 'BAILIAN_TOKEN_PLAN_API_KEY', params: { winner: 'file', used: 'sk-sp-…uvwx', ignored: 'sk-sp-…abcd', source: profile } });
    expect(f.message).toBe(`BAILIAN_TOKEN_PLAN_API_KEY is exported in your shell (sk-sp-…abcd) and set to another key in ${path.join(home, '.codex/.env')} (sk-sp-…uvwx); Codex loads that file over the shell, so it uses sk-sp-…uvwx.`);
    expect(f.fix).toContain(`unset or change BAILIAN_TOKEN_PLAN_API_KEY in ${profile}`);
    expect(f.fix).toContain('tp-setup key');
    const zh = await doctor(home, 'codex', { BAILIAN_TOKEN_PLAN_API_KEY: PLAN_KEY }, 'zh-CN');
    expect(zh.doc.findings.find((x) => x.code === 'ENV_FILE_OVERRIDE')!.message).toContain('覆盖 shell 的值');
    expect(await snapshotTree(home)).toEqual(before);
  });

  it('Qwen Code keeps the export over ~/.qwen/.env: an error when the exported key is pay-as-you-go', async () => {
    const home = await tempHome();
    await setup(home, ['--plan', 'coding', '--region', 'cn', '--tools', 'qwen-code']);
    const { exitCode, doc } = await doctor(home, 'qwen-code', { BAILIAN_CODING_PLAN_API_KEY: PAYG_KEY });
    expect(exitCode).toBe(3);
    expect(doc.findings.find((f) => f.code === 'ENV_OVERRIDE')).toMatchObject({ severity: 'error', file: path.join(home, '.qwen/.env'), params: { winner: 'environment', used: 'sk-…wxyz', ignored: 'sk-sp-…abcd' } });
    expect(codes(doc)).toContain('KEY_WRONG_KIND');
    expect(codes(doc)).not.toContain('ENV_FILE_OVERRIDE');
  });
});

describe('doctor: general credentials and recorded regions', () => {
  it('Qwen Code: DASHSCOPE_API_KEY left in settings.json env beside the plan key is a warning naming file and key path', async () => {
    const home = await tempHome();
    await setup(home, ['--plan', 'coding', '--region', 'cn', '--tools', 'qwen-code']);
    const file = path.join(home, '.qwen/settings.json');
    const settings = JSON.parse(await readFile(file, 'utf8'));
    settings.env = { DASHSCOPE_API_KEY: PAYG_KEY };
    await writeFile(file, JSON.stringify(settings, null, 2));
    const { exitCode, doc } = await doctor(home, 'qwen-code');
    expect(exitCode).toBe(0);
    const f = doc.findings.find((x) => x.code === 'GENERAL_KEY_LEFTOVER')!;
    expect(f).toMatchObject({ severity: 'warning', file, keyPath: 'env.DASHSCOPE_API_KEY' });
    expect(f.message).toContain('billed pay-as-you-go');
    expect(f.fix).toBe(`Remove DASHSCOPE_API_KEY from ${file} unless you use it on purpose.`);
  });

  it('OpenCode: a pay-as-you-go key stored for the built-in alibaba provider beside the plan provider', async () => {
    const home = await tempHome();
    await setup(home, ['--plan', 'coding', '--region', 'cn', '--tools', 'opencode']);
    const auth = path.join(home, '.local/share/opencode/auth.json');
    const store = JSON.parse(await readFile(auth, 'utf8'));
    await writeFile(auth, JSON.stringify({ ...store, alibaba: { type: 'api', key: PAYG_KEY } }), { mode: 0o600 });
    const { doc } = await doctor(home, 'opencode');
    expect(doc.findings.find((x) => x.code === 'GENERAL_KEY_LEFTOVER')).toMatchObject({ severity: 'warning', tool: 'opencode', file: auth, keyPath: 'alibaba.key' });
  });

  it('Qwen Code: a legacy codingPlan.region that disagrees with the host is a warning; the matching one is not', async () => {
    const home = await tempHome();
    await setup(home, ['--plan', 'coding', '--region', 'cn', '--tools', 'qwen-code']);
    const file = path.join(home, '.qwen/settings.json');
    const settings = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify({ ...settings, codingPlan: { region: 'global', version: 'x' } }, null, 2));
    const { exitCode, doc } = await doctor(home, 'qwen-code');
    expect(exitCode).toBe(0);
    const f = doc.findings.find((x) => x.code === 'TOOL_REGION_MISMATCH')!;
    expect(f).toMatchObject({ severity: 'warning', file, keyPath: 'codingPlan.region', params: { recorded: 'global', region: 'intl', host: 'cn' } });
    expect(f.fix).toBe('Run tp-setup setup again for Qwen Code with the region you bought the plan in, or correct codingPlan.region.');
    await writeFile(file, JSON.stringify({ ...settings, codingPlan: { region: 'china', version: 'x' } }, null, 2));
    expect(codes((await doctor(home, 'qwen-code')).doc)).not.toContain('TOOL_REGION_MISMATCH');
  });
});
