/**
 * Slow steps show what they are doing (issue #13): OpenClaw 2026.8+ takes 24–37 s per credential
 * command, so headless text runs print one stderr line when each slow step starts and one when it
 * ends, with its elapsed time; `--json` keeps stdout one document and prints no progress at all.
 * The stand-in `openclaw` (test/helpers/fake-openclaw.ts) is made to take 1.5 s per list.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, runCli, tempHome } from '../helpers/cli.js';
import { fakeOpenclaw } from '../helpers/fake-openclaw.js';

const OLD = 'sk-sp-test-old-0000-1111-dead';
const CONFIG = `{
  models: { providers: { bailian: { baseUrl: "https://coding-intl.dashscope.aliyuncs.com/v1", apiKey: "\${BAILIAN_API_KEY}", api: "openai-completions",
    models: [{ id: "qwen3.5-plus", name: "qwen3.5-plus", reasoning: true, compat: { thinkingFormat: "qwen" }, contextWindow: 1000000, maxTokens: 65536 }] } } },
  agents: { defaults: { model: { primary: "bailian/qwen3.5-plus" }, models: { "bailian/qwen3.5-plus": {} } } },
}
`;

/** OpenClaw 2026.9.6 with a stored `bailian:default` profile overriding openclaw.json; its list takes 1.5 s. */
async function slowHome() {
  const home = await tempHome();
  const oc = await fakeOpenclaw();
  await oc.slowOn('models auth list', 1500);
  const dir = path.join(home, '.openclaw');
  await mkdir(path.join(dir, 'state'), { recursive: true });
  await writeFile(path.join(dir, 'openclaw.json'), CONFIG, { mode: 0o600 });
  await writeFile(path.join(dir, '.env'), `BAILIAN_API_KEY=${OLD}\n`, { mode: 0o600 });
  await writeFile(path.join(dir, 'state/openclaw.sqlite'), JSON.stringify({ profiles: { 'bailian:default': { type: 'api_key', provider: 'bailian', key: OLD } } }), { mode: 0o600 });
  return { home, env: cleanEnv(home, { PATH: `${oc.binDir}:${process.env.PATH ?? ''}` }) };
}

/** The index of the first stderr line matching, after `from`; fails naming the line looked for. */
function lineAt(lines: readonly string[], pattern: RegExp, from = -1): number {
  const i = lines.findIndex((l, n) => n > from && pattern.test(l));
  expect(i, `${pattern} after line ${from} in:\n${lines.join('\n')}`).toBeGreaterThan(from);
  return i;
}

describe('slow steps report their start and end', () => {
  it('headless clean --yes --restart: each OpenClaw command and the version probe get a start line and a done line with seconds, in order, on stderr', async () => {
    const h = await slowHome();
    const r = await runCli(['clean', '--yes', '--restart', '--home', h.home], { env: h.env });
    expect(r.exitCode, r.stderr).toBe(0);
    const lines = r.stderr.split('\n');
    const probe = lineAt(lines, /^ {2}… asking installed tools for their versions: openclaw --version$/);
    const probed = lineAt(lines, /^ {2}✔ done in \d+\.\d s · openclaw --version$/, probe);
    const list = lineAt(lines, /^ {2}… running openclaw models auth list --json$/, probed);
    const listed = lineAt(lines, /^ {2}✔ done in (\d+(?:\.\d)?) s · openclaw models auth list --json$/, list);
    // The stand-in sleeps 1.5 s: the elapsed time is measured, not made up.
    expect(Number(/done in ([\d.]+) s/.exec(lines[listed]!)![1])).toBeGreaterThanOrEqual(1.5);
    const logout = lineAt(lines, /^ {2}… running openclaw models auth logout bailian:default --yes$/, listed);
    const loggedOut = lineAt(lines, /^ {2}✔ done in [\d.]+ s · openclaw models auth logout bailian:default --yes$/, logout);
    const restart = lineAt(lines, /^ {2}… running openclaw gateway restart$/, loggedOut);
    lineAt(lines, /^ {2}✔ done in [\d.]+ s · openclaw gateway restart$/, restart);
    // Plain lines only: stderr is not a terminal here, so no spinner and no escape codes.
    expect(r.stderr).not.toMatch(/\u001b/);
    // What each command does is still said on stdout before it runs; progress stays off stdout.
    expect(r.stdout).toContain('OpenClaw: `openclaw models auth list --json` lists the keys OpenClaw has stored (read-only)');
    expect(r.stdout).not.toContain('… running');
    expect(r.stdout + r.stderr).not.toContain(OLD);
  });

  it('a failing command ends with a failed line and its seconds', async () => {
    const h = await slowHome();
    const oc = await fakeOpenclaw();
    await oc.failOn('models auth list');
    const env = { ...h.env, PATH: `${oc.binDir}:${process.env.PATH ?? ''}` };
    const r = await runCli(['clean', '--yes', '--home', h.home], { env });
    expect(r.exitCode).toBe(3);
    const lines = r.stderr.split('\n');
    const list = lineAt(lines, /^ {2}… running openclaw models auth list --json$/);
    lineAt(lines, /^ {2}✖ failed after [\d.]+ s · openclaw models auth list --json$/, list);
  });

  it('--json: stdout stays one valid document with each command’s seconds, and no progress lines are printed', async () => {
    const h = await slowHome();
    const r = await runCli(['clean', '--yes', '--json', '--home', h.home], { env: h.env });
    expect(r.exitCode, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { openclaw: { commands: { command: string; status: string; seconds: number }[] } };
    const list = doc.openclaw.commands.find((c) => c.command === 'openclaw models auth list --json')!;
    expect(list).toMatchObject({ status: 'ran' });
    expect(list.seconds).toBeGreaterThanOrEqual(1.5);
    expect(r.stderr).toBe('');
  });

  it('doctor --network: the DNS/TLS check of each host gets its own start line and an end line (failed for a name that does not resolve)', async () => {
    const home = await tempHome();
    const env = cleanEnv(home, { K: 'sk-sp-test-0000-1111-2222-abcd' });
    const setup = await runCli(['--plan', 'coding', '--region', 'intl', '--tools', 'qwen-code', '--yes', '--key-env', 'K', '--base-url', 'https://model-studio.tp-setup-test.invalid', '--home', home], { env });
    expect(setup.exitCode, setup.stderr).toBe(0);
    const r = await runCli(['doctor', '--network', '--home', home], { env });
    expect(r.exitCode).toBe(3);
    const lines = r.stderr.split('\n');
    const start = lineAt(lines, /^ {2}… checking DNS and TLS of model-studio\.tp-setup-test\.invalid$/);
    lineAt(lines, /^ {2}✖ failed after [\d.]+ s · model-studio\.tp-setup-test\.invalid$/, start);
    const json = await runCli(['doctor', '--network', '--json', '--home', home], { env });
    expect(JSON.parse(json.stdout)).toMatchObject({ schemaVersion: 1 });
    expect(json.stderr).toBe('');
  });

  it('--lang zh-CN words the lines in Chinese', async () => {
    const h = await slowHome();
    const r = await runCli(['clean', '--yes', '--lang', 'zh-CN', '--home', h.home], { env: h.env });
    expect(r.exitCode, r.stderr).toBe(0);
    const lines = r.stderr.split('\n');
    const list = lineAt(lines, /^ {2}… 正在运行 openclaw models auth list --json$/);
    lineAt(lines, /^ {2}✔ 完成，用时 [\d.]+ 秒 · openclaw models auth list --json$/, list);
  });
});
