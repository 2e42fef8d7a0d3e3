/**
 * What each command loads of the bundle. `doctor` and `models` run from dist/headless.cjs, one
 * script (src/headless.ts): what of it ran is V8's own coverage count (test/helpers/script-coverage.ts),
 * so the readers' libraries are seen to stay idle where no file needs them, and Ink is not in the
 * script at all. `--fix` runs from main.js, recorded with Node's module hooks, and loads the
 * writing code when it repairs.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, PLAN_KEY, runCli, tempHome } from '../helpers/cli.js';
import { anyHolds, runRecordingLoads } from '../helpers/loaded-modules.js';
import { runCovered } from '../helpers/script-coverage.js';
import { en } from '../../src/i18n/en.js';
import { zhCN } from '../../src/i18n/zh-CN.js';

// Strings each package keeps through minification: toml-patch's, execa's and React's reconciler's.
const TOML_WRITER = 'Unsupported parent type';
const EXECA = 'Command failed with';
const INK = 'react-reconciler';
// The json5 package's Unicode space class (set when its module runs), and the yaml package's own symbol name.
const JSON5_PARSER = '/[\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]/';
const YAML_LIBRARY = 'yaml.alias';

async function configuredHome(): Promise<string> {
  const home = await tempHome();
  const env = cleanEnv(home, { K: PLAN_KEY });
  const r = await runCli(['--plan', 'token-personal', '--region', 'intl', '--tools', 'openclaw,qwen-code,codex,hermes', '--key-env', 'K', '--yes', '--home', home], { env });
  expect(r.exitCode).toBe(0);
  return home;
}

/** A message as the bundle holds it: esbuild writes every character beyond ASCII as \\uXXXX. */
const bundled = (text: string): string => text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);

describe('what doctor loads', () => {
  it('a run executes the messages of its own language only', async () => {
    const home = await configuredHome();
    const english = bundled(en['finding.TOOL_NOT_INSTALLED']);
    const chinese = bundled(zhCN['finding.TOOL_NOT_INSTALLED']);
    const inEnglish = await runCovered(['doctor', '--home', home], { ...cleanEnv(home), PATH: '/usr/bin:/bin', TP_SETUP_LANG: 'en' });
    expect(inEnglish.stdout).toContain(en['finding.TOOL_NOT_INSTALLED']);
    expect(inEnglish.ran(english)).toBe(true);
    expect(inEnglish.ran(chinese)).toBe(false);
    const inChinese = await runCovered(['doctor', '--home', home], { ...cleanEnv(home), PATH: '/usr/bin:/bin', TP_SETUP_LANG: 'zh-CN' });
    expect(inChinese.stdout).toContain(zhCN['finding.TOOL_NOT_INSTALLED']);
    expect(inChinese.ran(chinese)).toBe(true);
    expect(inChinese.ran(english)).toBe(false);
  });

  it('doctor --json and models --json run from headless.cjs alone: no ES module of the bundle loads', async () => {
    const home = await configuredHome();
    const r = await runRecordingLoads(['doctor', '--json', '--home', home], { ...cleanEnv(home), PATH: '/usr/bin:/bin' });
    expect([0, 3]).toContain(r.exitCode);
    expect(JSON.parse(r.stdout).checked.map((c: { tool: string }) => c.tool).sort()).toEqual(['codex', 'hermes', 'openclaw', 'qwen-code']);
    // The entry only (it was 25 files, then 9 as ES modules).
    expect(r.files).toEqual(['cli.cjs']);
    const models = await runRecordingLoads(['models', '--json', '--plan', 'coding', '--region', 'intl'], { ...cleanEnv(home), PATH: '/usr/bin:/bin' });
    expect(models.exitCode).toBe(0);
    expect(models.files).toEqual(['cli.cjs']);
  });

  it('doctor --json on a home with TOML, YAML and JSON5 configs runs their readers only: no TOML writer, no Ink', async () => {
    const home = await configuredHome();
    const r = await runCovered(['doctor', '--json', '--home', home], { ...cleanEnv(home), PATH: '/usr/bin:/bin' });
    expect([0, 3]).toContain(r.exitCode);
    expect(JSON.parse(r.stdout).checked.map((c: { tool: string }) => c.tool).sort()).toEqual(['codex', 'hermes', 'openclaw', 'qwen-code']);
    // The repairs are not in the script (src/headless.ts), nor is the wizard.
    expect(r.holds(TOML_WRITER)).toBe(false);
    expect(r.holds(INK)).toBe(false);
    // execa is, for asking installed tools their version: none is on this PATH.
    expect(r.ran(EXECA)).toBe(false);
    expect(r.ran(YAML_LIBRARY)).toBe(true);
  });

  it('the JSON5 and JSONC parsers run only for a config JSON.parse refuses, and then read it', async () => {
    const home = await configuredHome();
    const plain = await runCovered(['doctor', '--json', '--home', home], { ...cleanEnv(home), PATH: '/usr/bin:/bin' });
    expect([0, 3]).toContain(plain.exitCode);
    expect(plain.ran(JSON5_PARSER)).toBe(false);
    // A comment and a trailing comma in OpenClaw's JSON5 config, as people write them.
    const file = path.join(home, '.openclaw', 'openclaw.json');
    const text = await readFile(file, 'utf8');
    await writeFile(file, `// my gateway\n${text.replace(/\}\s*$/, ',}\n')}`);
    const commented = await runCovered(['doctor', '--json', '--home', home], { ...cleanEnv(home), PATH: '/usr/bin:/bin' });
    expect(commented.ran(JSON5_PARSER)).toBe(true);
    const before = JSON.parse(plain.stdout);
    const after = JSON.parse(commented.stdout);
    expect(after.findings.map((f: { code: string }) => f.code)).not.toContain('FILE_UNPARSEABLE');
    expect(after.checked).toEqual(before.checked);
  });

  it('the YAML library runs only where a YAML config is (Hermes), and then reads it', async () => {
    const home = await tempHome();
    const r = await runCli(['--plan', 'token-personal', '--region', 'intl', '--tools', 'openclaw,codex', '--key-env', 'K', '--yes', '--home', home], { env: cleanEnv(home, { K: PLAN_KEY }) });
    expect(r.exitCode).toBe(0);
    const without = await runCovered(['doctor', '--json', '--home', home], { ...cleanEnv(home), PATH: '/usr/bin:/bin' });
    expect(JSON.parse(without.stdout).checked.map((c: { tool: string }) => c.tool).sort()).toEqual(['codex', 'openclaw']);
    expect(without.ran(YAML_LIBRARY)).toBe(false);
    const withHermes = await runCovered(['doctor', '--json', '--home', await configuredHome()], { ...cleanEnv(home), PATH: '/usr/bin:/bin' });
    expect(withHermes.ran(YAML_LIBRARY)).toBe(true);
    expect(JSON.parse(withHermes.stdout).checked.map((c: { tool: string }) => c.tool)).toContain('hermes');
    expect(JSON.parse(withHermes.stdout).findings.map((f: { code: string }) => f.code)).not.toContain('FILE_UNPARSEABLE');
  });

  it('doctor --fix --yes loads the writing code on demand and makes the repair', async () => {
    const home = await configuredHome();
    // A stale OpenClaw agent cache: a repair doctor --fix makes.
    const agent = path.join(home, '.openclaw', 'agents', 'work', 'agent');
    await mkdir(agent, { recursive: true });
    await writeFile(path.join(agent, 'models.json'), JSON.stringify({ providers: { bailian: { baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', apiKey: 'sk-test-old-0000-1111-2222-wxyz', api: 'openai-completions', models: [] } } }), { mode: 0o600 });
    const r = await runRecordingLoads(['doctor', '--fix', '--yes', '--json', '--home', home], { ...cleanEnv(home), PATH: '/usr/bin:/bin' });
    const report = JSON.parse(r.stdout);
    expect(report.fixed).toContain('OPENCLAW_STALE_CACHE');
    expect(report.fixRunId).toMatch(/^\d{8}T\d{6}Z-[0-9a-f]{4}$/);
    expect(report.findings.map((f: { code: string }) => f.code)).not.toContain('OPENCLAW_STALE_CACHE');
    // headless.cjs does not carry the repairs (src/headless.ts): main.js runs the line.
    expect(r.files.slice(0, 2)).toEqual(['cli.cjs', 'main.js']);
    expect(r.files).toContain('cmd-doctor.js');
    expect(await anyHolds(r.files, TOML_WRITER)).toBe(true);
    expect(await anyHolds(r.files, INK)).toBe(false);
  });
});
