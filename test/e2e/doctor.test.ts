import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { chmod, cp, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, type ExpectStatic } from 'vitest';
import { cleanEnv, PAYG_KEY, PLAN_KEY, ROOT, runCli, snapshotTree, tempHome, type RunResult } from '../helpers/cli.js';

/**
 * `tp-setup doctor` over messy, realistic homes: one folder per finding code under
 * test/fixtures/doctor, named `<CODE>` or `<CODE>--<variant>`, each with:
 *
 * - `home/`: the files as a user has them (copied into a fresh temp home per test);
 * - `case.json`: `tools`, extra `env`, `modes` (git keeps no modes: every copied file starts 0600
 *   and every folder 0700, as private configs are kept, then these apply), `fakeBins` (tool command → the version it prints),
 *   `expect` (findings that must be present: code, severity, tool, and optionally file relative to
 *   the home, keyPath and a subset of params), `absent` (codes, or partial findings, that must not
 *   appear), `onlyInfo` (nothing but infos) and the `exit` code.
 *
 * Every run gets a PATH of its own stand-ins plus /usr/bin:/bin, never the developer's PATH: a tool
 * named in `fakeBins` prints that version, every other tool command is a stand-in that fails (so a
 * globally installed real tool can neither answer nor slow the probe down).
 *
 * Each case runs `doctor --json` (the assertions above) and the zh-CN text report (same codes in
 * the same order, Chinese messages, each file and fix shown); one case per tool also runs the
 * English text report. Every run must leave the home byte-identical and print no key of the
 * fixture or its environment. The runs are separate processes on separate temp homes, so the
 * cases run concurrently.
 */

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'doctor');
const TOOL_COMMANDS = ['openclaw', 'qwen', 'claude', 'opencode', 'codex', 'kilo', 'hermes', 'crush', 'droid', 'cline'] as const;
const SYSTEM_PATH = '/usr/bin:/bin';

interface Matcher {
  readonly code: string;
  readonly severity?: 'error' | 'warning' | 'info';
  readonly tool?: string;
  /** Relative to the home. */
  readonly file?: string;
  readonly keyPath?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

interface Case {
  readonly about: string;
  readonly tools?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly modes?: Readonly<Record<string, string>>;
  readonly fakeBins?: Readonly<Partial<Record<(typeof TOOL_COMMANDS)[number], string>>>;
  readonly expect: readonly Matcher[];
  readonly absent?: readonly (string | Matcher)[];
  readonly onlyInfo?: boolean;
  readonly exit: 0 | 3;
}

interface JsonFinding {
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly tool?: string;
  readonly file?: string;
  readonly keyPath?: string;
  readonly params?: Record<string, string | number>;
  readonly message: string;
  readonly fix: string;
}

interface DoctorDoc {
  readonly schemaVersion: number;
  readonly ok: boolean;
  readonly findings: readonly JsonFinding[];
}

const CASES = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort()
  .map((name) => ({ name, code: name.split('--')[0]!, spec: JSON.parse(readFileSync(path.join(FIXTURES, name, 'case.json'), 'utf8')) as Case }));

async function walkFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) out.push(path.join(e.parentPath, e.name));
  return out;
}

/** Stand-ins for every tool command: the given version, or a command that fails like a missing one. */
async function fakeBins(versions: Case['fakeBins'] = {}): Promise<string> {
  const dir = await tempHome('tp-doctor-bin-');
  for (const command of TOOL_COMMANDS) {
    const printed = versions[command];
    const body = printed === undefined ? 'exit 127' : `echo '${printed}'`;
    await writeFile(path.join(dir, command), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  }
  return dir;
}

/** A fixture home in a fresh temp folder, with the modes the case asks for. */
async function prepareHome(name: string, spec: Case): Promise<string> {
  const home = await tempHome('tp-doctor-');
  const source = path.join(FIXTURES, name, 'home');
  if (existsSync(source)) await cp(source, home, { recursive: true });
  for (const file of await walkFiles(home)) await chmod(file, 0o600);
  for (const e of await readdir(home, { withFileTypes: true, recursive: true })) if (e.isDirectory()) await chmod(path.join(e.parentPath, e.name), 0o700);
  for (const [rel, mode] of Object.entries(spec.modes ?? {})) await chmod(path.join(home, rel), parseInt(mode, 8));
  return home;
}

/** Key-shaped strings in the fixture and the case's environment: none may ever be printed. */
async function secretsOf(home: string, env: Readonly<Record<string, string>>): Promise<string[]> {
  const found = new Set<string>(Object.values(env).filter((v) => v.length >= 8));
  for (const file of await walkFiles(home)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\b(?:sk|ms)-[A-Za-z0-9][A-Za-z0-9_-]{5,}/g)) found.add(m[0]);
  }
  return [...found];
}

function expectNoSecret(expect: ExpectStatic, r: RunResult, secrets: readonly string[]): void {
  for (const s of secrets) {
    // The whole key, and the key without the 4 characters a mask may show (`sk-sp-…abcd`).
    for (const form of [s, ...(s.length >= 12 ? [s.slice(0, -4)] : [])]) {
      expect(r.stdout, `stdout shows ${s}`).not.toContain(form);
      expect(r.stderr, `stderr shows ${s}`).not.toContain(form);
    }
  }
}

function matches(f: JsonFinding, m: Matcher, home: string): boolean {
  if (f.code !== m.code) return false;
  if (m.severity !== undefined && f.severity !== m.severity) return false;
  if (m.tool !== undefined && f.tool !== m.tool) return false;
  if (m.file !== undefined && f.file !== path.join(home, m.file)) return false;
  if (m.keyPath !== undefined && f.keyPath !== m.keyPath) return false;
  return Object.entries(m.params ?? {}).every(([k, v]) => f.params?.[k] === v);
}

const brief = (fs: readonly JsonFinding[]): string => fs.map((f) => `${f.severity} ${f.code} [${f.tool}] ${f.keyPath ?? ''} ${JSON.stringify(f.params ?? {})}`).join('\n');

/** The home as the text report shows it. */
const shown = (file: string, home: string): string => (file.startsWith(`${home}/`) ? `~${file.slice(home.length)}` : file);

const SEVERITY_OF: Record<string, JsonFinding['severity']> = { '✖ error': 'error', '! warning': 'warning', 'i info': 'info' };

/** The text report's findings: `  <mark> CODE: message`, then indented file and `→ fix` lines. */
function textBlocks(stdout: string): { code: string; severity: string; message: string; lines: string[]; fix: string }[] {
  const blocks: { code: string; severity: string; message: string; lines: string[]; fix: string }[] = [];
  for (const line of stdout.split('\n')) {
    const head = /^ {2}(✖ error|! warning|i info) ([A-Z0-9_]+): (.*)$/.exec(line);
    if (head) blocks.push({ code: head[2]!, severity: SEVERITY_OF[head[1]!]!, message: head[3]!, lines: [], fix: '' });
    else if (/^ {6}\S/.test(line) && blocks.length > 0) {
      const b = blocks[blocks.length - 1]!;
      b.lines.push(line.trim());
      if (line.startsWith('      → ')) b.fix = line.slice('      → '.length);
    }
  }
  return blocks;
}

/** English text output is checked on one case per tool (the first in name order); zh-CN text on every case. */
const TEXT_EN = new Set(
  [...new Map(CASES.map((c) => [c.spec.expect[0]!.tool, c.name] as const).reverse()).values()],
);

describe.concurrent('doctor over messy fixture homes', () => {
  it('has a fixture for every finding code issue #4 names', () => {
    const covered = new Set(CASES.map((c) => c.code));
    const wanted = [
      'KEY_MISSING', 'KEY_PLACEHOLDER', 'KEY_MALFORMED', 'KEY_WRONG_KIND', 'KEY_ENV_UNSET', 'URL_UNKNOWN_HOST', 'URL_WRONG_PATH',
      'URL_REGION_MISMATCH', 'MODEL_UNLISTED', 'MODEL_NOT_ON_PROTOCOL', 'THINKING_BUDGET_TOO_HIGH', 'THINKING_UNSUPPORTED',
      'MAX_TOKENS_TOO_HIGH', 'CONTEXT_TOO_LARGE', 'OPENCLAW_STALE_CACHE', 'OPENCLAW_PRIMARY_PREFIX', 'OPENCLAW_MODEL_UNDEFINED',
      'OPENCLAW_NO_ALLOWLIST', 'OPENCLAW_LEFTOVER_PROVIDER', 'OPENCLAW_AUTH_PROFILE_KEY', 'OPENCLAW_OAUTH_LEFTOVER',
      'OPENCLAW_DISCOVERY_PROFILE', 'OPENCLAW_THINKING_CONFIG', 'TOOL_VERSION_TOO_OLD', 'CLAUDE_ONBOARDING_MISSING',
      'CLAUDE_API_KEY_VAR', 'CLAUDE_SETTINGS_COMMENTS', 'ENV_OVERRIDE', 'GENERAL_CREDENTIALS_LEFTOVER', 'FILE_UNPARSEABLE',
      'FILE_PERMISSIONS', 'TOOL_NOT_INSTALLED', 'X_API_KEY_ONLY', 'CODEX_WIRE_API',
    ];
    expect(wanted.filter((c) => !covered.has(c))).toEqual([]);
    // Spread over every tool with files, not everything on OpenClaw.
    const tools = new Set(CASES.flatMap((c) => c.spec.expect.map((m) => m.tool)));
    expect([...tools].sort()).toEqual(['claude-code', 'cline', 'codex', 'crush', 'droid', 'hermes', 'kilo', 'openclaw', 'opencode', 'qwen-code']);
  });

  // Concurrent tests assert through their own `expect`, so a failure is reported on the right case.
  it.for(CASES)('$name', async ({ name, code, spec }, { expect }) => {
    expect(spec.expect.map((m) => m.code), 'the folder names a code the case expects').toContain(code);
    const home = await prepareHome(name, spec);
    const bin = await fakeBins(spec.fakeBins);
    const env = cleanEnv(home, { ...(spec.env ?? {}), PATH: `${bin}:${SYSTEM_PATH}` });
    const args = ['doctor', '--home', home, ...(spec.tools ? ['--tools', spec.tools] : [])];
    const secrets = await secretsOf(home, spec.env ?? {});
    const before = await snapshotTree(home);

    const withText = TEXT_EN.has(name);
    const [json, zh, text] = await Promise.all([
      runCli([...args, '--json'], { env }),
      runCli([...args, '--lang', 'zh-CN'], { env }),
      withText ? runCli(args, { env }) : null,
    ]);

    // JSON: one document, the exit code, the findings the case names.
    const doc = JSON.parse(json.stdout) as DoctorDoc;
    const list = brief(doc.findings);
    expect(json.exitCode, `${json.stderr}\n${list}`).toBe(spec.exit);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.ok).toBe(spec.exit === 0);
    for (const m of spec.expect) expect(doc.findings.some((f) => matches(f, m, home)), `missing ${JSON.stringify(m)} in\n${list}`).toBe(true);
    for (const a of spec.absent ?? []) {
      const m = typeof a === 'string' ? { code: a } : a;
      expect(doc.findings.some((f) => matches(f, m, home)), `unexpected ${JSON.stringify(m)} in\n${list}`).toBe(false);
    }
    if (spec.onlyInfo) expect(doc.findings.filter((f) => f.severity !== 'info'), list).toEqual([]);
    for (const f of doc.findings) {
      expect(f.message, f.code).not.toBe(f.code);
      expect(`${f.message} ${f.fix}`, `${f.code}: a parameter left unfilled`).not.toMatch(/\{\w+\}/);
    }

    // Text in zh-CN: the same codes in the same order, each in Chinese, with its file (as ~/…) and its fix.
    expect(zh.exitCode, zh.stderr).toBe(spec.exit);
    const blocks = textBlocks(zh.stdout);
    expect(blocks.map((b) => b.code)).toEqual(doc.findings.map((f) => f.code));
    doc.findings.forEach((f, i) => {
      const b = blocks[i]!;
      expect(b.severity, f.code).toBe(f.severity);
      expect(b.message, f.code).toMatch(/[\u4e00-\u9fff]/);
      expect(b.message, f.code).not.toMatch(/\{\w+\}/);
      if (f.file) expect(b.lines.join('\n'), f.code).toContain(shown(f.file, home));
      if (f.fix) expect(b.fix, f.code).toMatch(/[\u4e00-\u9fff]/);
    });

    // Text in English (one case per tool): exactly the JSON's message and fix.
    if (text) {
      expect(text.exitCode, text.stderr).toBe(spec.exit);
      for (const f of doc.findings) {
        expect(text.stdout).toContain(`${f.code}: ${f.message}`);
        if (f.file) expect(text.stdout, f.code).toContain(shown(f.file, home));
        if (f.fix) expect(text.stdout, f.code).toContain(`→ ${f.fix}`);
      }
    }

    // Read-only and silent about keys.
    expect(await snapshotTree(home)).toEqual(before);
    for (const r of [json, zh, text]) if (r) expectNoSecret(expect, r, secrets);

    await rm(home, { recursive: true, force: true });
    await rm(bin, { recursive: true, force: true });
  });
});

/** Homes written by tp-setup itself: the doctor must find nothing that stops a request. */
const HEALTHY = [
  { tool: 'openclaw', args: ['--plan', 'coding', '--region', 'intl', '--model', 'qwen3.5-plus,glm-5'], key: PLAN_KEY, env: {} },
  { tool: 'qwen-code', args: ['--plan', 'token-personal', '--region', 'cn'], key: PLAN_KEY, env: {} },
  { tool: 'claude-code', args: ['--plan', 'token-team', '--region', 'intl', '--model', 'glm-5'], key: PLAN_KEY, env: {} },
  { tool: 'opencode', args: ['--plan', 'coding', '--region', 'cn', '--model', 'qwen3.5-plus,kimi-k2.5'], key: PLAN_KEY, env: {} },
  { tool: 'kilo', args: ['--plan', 'token-team', '--region', 'cn', '--model', 'qwen3.6-plus'], key: PLAN_KEY, env: {} },
  // Codex reads its key only from an exported variable.
  { tool: 'codex', args: ['--plan', 'token-team', '--region', 'intl', '--model', 'qwen3.6-plus'], key: PLAN_KEY, env: { BAILIAN_TOKEN_PLAN_API_KEY: PLAN_KEY } },
  { tool: 'hermes', args: ['--plan', 'payg', '--region', 'intl'], key: PAYG_KEY, env: {} },
] as const;

describe.concurrent('doctor on homes that tp-setup wrote', () => {
  it.for(HEALTHY)('$tool', async ({ tool, args, key, env: extra }, { expect }) => {
    const home = await tempHome('tp-doctor-healthy-');
    const bin = await fakeBins();
    const env = cleanEnv(home, { ...extra, PATH: `${bin}:${SYSTEM_PATH}` });
    const setup = await runCli(['setup', ...args, '--tools', tool, '--yes', '--key-env', 'K', '--home', home, '--json'], { env: { ...env, K: key } });
    expect(setup.exitCode, setup.stdout + setup.stderr).toBe(0);

    const before = await snapshotTree(home);
    const r = await runCli(['doctor', '--tools', tool, '--home', home, '--json'], { env });
    const doc = JSON.parse(r.stdout) as DoctorDoc;
    expect(doc.findings.filter((f) => f.severity !== 'info'), brief(doc.findings)).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(doc.ok).toBe(true);
    // Proof the doctor did read the config (it is only reported for a tool with one): not a vacuous pass.
    expect(doc.findings.map((f) => f.code)).toContain('TOOL_NOT_INSTALLED');
    expect(await snapshotTree(home)).toEqual(before);
    expectNoSecret(expect, r, [key]);

    await rm(home, { recursive: true, force: true });
    await rm(bin, { recursive: true, force: true });
  });
});
