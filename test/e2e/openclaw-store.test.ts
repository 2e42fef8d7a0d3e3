/**
 * `clean`, `key` and `restore` on OpenClaw 2026.8 and later, where credentials live in OpenClaw's
 * own SQLite store: tp-setup runs OpenClaw's commands (a stand-in here, see fake-openclaw.ts),
 * announces each, asks or needs --yes, backs up the store and the files the commands rewrite,
 * and restore puts them back only while they are what the run left.
 */
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runClean } from '../../src/commands/clean.js';
import { runKey } from '../../src/commands/key.js';
import type { CommandContext, Outcome } from '../../src/commands/context.js';
import type { Prompter } from '../../src/commands/prompter.js';
import type { Io } from '../../src/commands/io.js';
import { displayPath } from '../../src/core/paths.js';
import { resolveHomes } from '../../src/effects/paths.js';
import { translator } from '../../src/i18n/index.js';
import { cleanPresenter } from '../../src/presenters/clean.js';
import { eventText } from '../../src/presenters/events.js';
import { keyPresenter } from '../../src/presenters/key.js';
import type { Presenter, View } from '../../src/presenters/view.js';
import { cleanEnv, runCli, snapshotTree, tempHome } from '../helpers/cli.js';
import { fakeOpenclaw, storedProfiles, type FakeOpenclaw } from '../helpers/fake-openclaw.js';

const OLD = 'sk-sp-test-old-0000-1111-dead';
const NEW = 'sk-sp-test-new-2222-3333-beef';
const CONFIG = `// my OpenClaw
{
  models: {
    providers: {
      bailian: {
        baseUrl: "https://coding-intl.dashscope.aliyuncs.com/v1",
        apiKey: "\${BAILIAN_API_KEY}",
        api: "openai-completions",
        models: [{ id: "qwen3.5-plus", name: "qwen3.5-plus", reasoning: true, compat: { thinkingFormat: "qwen" }, contextWindow: 1000000, maxTokens: 65536 }],
      },
    },
  },
  agents: { defaults: { model: { primary: "bailian/qwen3.5-plus" }, models: { "bailian/qwen3.5-plus": {} } } },
}
`;

interface Home {
  readonly home: string;
  readonly env: Record<string, string>;
  readonly oc: FakeOpenclaw;
  readonly store: string;
  readonly legacy: string;
}

/**
 * OpenClaw 2026.9.6 configured with `${BAILIAN_API_KEY}`, a stored `bailian:default` profile that
 * overrides it, and (optionally) a leftover auth-profiles.json with an `alibaba-cloud` profile.
 */
async function storeHome(opts: { legacy?: boolean; version?: string; config?: string } = {}): Promise<Home> {
  const home = await tempHome();
  const oc = await fakeOpenclaw(opts.version);
  const env = cleanEnv(home, { PATH: `${oc.binDir}:${process.env.PATH ?? ''}` });
  const dir = path.join(home, '.openclaw');
  await mkdir(path.join(dir, 'state'), { recursive: true });
  await mkdir(path.join(dir, 'agents/main/agent'), { recursive: true });
  await writeFile(path.join(dir, 'openclaw.json'), opts.config ?? CONFIG, { mode: 0o600 });
  await writeFile(path.join(dir, '.env'), `BAILIAN_API_KEY=${OLD}\n`, { mode: 0o600 });
  const store = path.join(dir, 'state/openclaw.sqlite');
  await writeFile(store, `${JSON.stringify({ profiles: { 'bailian:default': { type: 'api_key', provider: 'bailian', key: OLD }, 'ollama:default': { type: 'api_key', provider: 'ollama', key: 'local' } } }, null, 2)}\n`, { mode: 0o600 });
  const legacy = path.join(dir, 'agents/main/agent/auth-profiles.json');
  if (opts.legacy) {
    await writeFile(legacy, JSON.stringify({ version: 1, profiles: { 'alibaba-cloud:default': { type: 'api_key', provider: 'alibaba-cloud', key: OLD } } }, null, 2), { mode: 0o600 });
  }
  return { home, env, oc, store, legacy };
}

const userFiles = async (home: string) => new Map([...(await snapshotTree(home))].filter(([k]) => !k.startsWith('.local/state/')));
const commandsOf = (doc: { openclaw?: { commands: { command: string; status: string; exitCode?: number }[] } }) =>
  (doc.openclaw?.commands ?? []).map((c) => [c.command, c.status, c.exitCode ?? null]);
/** A command run in this process as main runs it in a terminal: events and the outcome's text go to `io.stdout`. */
async function inProcess<O, R extends Outcome>(run: (ctx: CommandContext<O>) => Promise<R>, presenter: Presenter<R>, opts: O & { home: string }, io: Io, prompter: Partial<Prompter>): Promise<number> {
  const homes = resolveHomes(opts.home, io.env);
  const view: View = { t: translator('en'), show: (p) => displayPath(p, homes.home), stateDir: homes.stateDir };
  const events: CommandContext<O>['events'] = (e) => {
    const { stream, text } = eventText(e, view);
    io[stream](`${text}\n`);
  };
  const outcome = await run({ opts, io, homes, lang: 'en', prompter: prompter as Prompter, events });
  for (const b of presenter.text(outcome, view)) io.stdout(b.text);
  return outcome.exitCode;
}
const calls = async (oc: FakeOpenclaw) => (await oc.calls()).map((c) => c.argv.join(' ')).filter((c) => c !== '--version');

describe('clean on OpenClaw 2026.8+ (credentials in its own store)', () => {
  it('headless without --yes: runs nothing that changes OpenClaw, lists what would run, changes no file', async () => {
    const h = await storeHome({ legacy: true });
    const before = await snapshotTree(h.home);
    const r = await runCli(['clean', '--home', h.home, '--json'], { env: h.env });
    expect(r.exitCode, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(commandsOf(doc)).toEqual([
      ['openclaw doctor --fix --non-interactive --yes', 'planned', null],
      ['openclaw models auth list --json', 'blocked', null],
    ]);
    // Not even the read-only list: OpenClaw refuses it until the migration ran.
    expect(await calls(h.oc)).toEqual([]);
    expect(await snapshotTree(h.home)).toEqual(before);
    // The leftover file is OpenClaw's to migrate, not ours to edit.
    expect(doc.items).toEqual([]);
  });

  it('headless without --yes and no leftover: the read-only list runs, names the overriding profile, and the logout is only listed', async () => {
    const h = await storeHome();
    const before = await snapshotTree(h.home);
    const r = await runCli(['clean', '--home', h.home], { env: h.env });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('OpenClaw: `openclaw models auth list --json` lists the keys OpenClaw has stored (read-only)');
    expect(r.stdout).toContain('OpenClaw: `openclaw models auth logout bailian:default --yes` removes the stored profile bailian:default');
    expect(r.stdout).toContain('OpenClaw has a key stored in the profile bailian:default; it wins over the apiKey of provider bailian');
    expect(r.stdout).toContain('would run `openclaw models auth logout bailian:default --yes` (run again with --yes');
    expect(await calls(h.oc)).toEqual(['models auth list --json']);
    expect(await snapshotTree(h.home)).toEqual(before);
    expect(r.stdout + r.stderr).not.toContain(OLD);
  });

  it('--yes: migrates, lists, logs out the overriding and discovery profiles, each announced first; JSON lists the commands with exit codes; restore puts every byte back', async () => {
    const h = await storeHome({ legacy: true });
    // A stale per-agent models.json still goes aside as a file (it no longer routes, but shows stale rows).
    const modelsJson = path.join(h.home, '.openclaw/agents/main/agent/models.json');
    await writeFile(modelsJson, JSON.stringify({ providers: { bailian: { baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1' } } }));
    const before = await userFiles(h.home);
    const text = await runCli(['clean', '--yes', '--home', h.home, '--lang', 'zh-CN'], { env: h.env });
    expect(text.exitCode, text.stderr).toBe(0);
    // Each command is announced (in the user's language) before it runs.
    expect(text.stdout).toContain('OpenClaw：`openclaw doctor --fix --non-interactive --yes` 会把遗留的 ~/.openclaw/agents/main/agent/auth-profiles.json 迁移到');
    expect(text.stdout).toContain('OpenClaw：`openclaw models auth logout alibaba-cloud:default --yes` 删除已保存的 profile alibaba-cloud:default');
    expect(text.stdout.indexOf('openclaw doctor')).toBeLessThan(text.stdout.indexOf('openclaw models auth list'));
    expect(await calls(h.oc)).toEqual([
      'doctor --fix --non-interactive --yes',
      'models auth list --json',
      'models auth logout bailian:default --yes',
      'models auth logout alibaba-cloud:default --yes',
    ]);
    expect(Object.keys(await storedProfiles(h.store))).toEqual(['ollama:default']);
    await expect(readFile(modelsJson)).rejects.toThrow();
    expect(text.stdout + text.stderr).not.toContain(OLD);

    const runId = /tp-setup restore (\S+)/.exec(text.stdout)?.[1];
    expect(runId).toBeTruthy();
    const manifest = JSON.parse(await readFile(path.join(h.home, '.local/state/tp-setup/backups', runId!, 'manifest.json'), 'utf8'));
    const snaps = Object.fromEntries(manifest.snapshots.map((s: { path: string; existedBefore: boolean; sha256Before: string | null; sha256After: string | null }) => [path.relative(h.home, s.path), [s.existedBefore, s.sha256Before !== null, s.sha256After !== null]]));
    expect(snaps).toEqual({
      '.openclaw/openclaw.json': [true, true, true],
      '.openclaw/state/openclaw.sqlite': [true, true, true],
      '.openclaw/agents/main/agent/auth-profiles.json': [true, true, false],
    });
    // OpenClaw's renamed copy held the old key in plain text: gone; the original is in the run.
    expect(await readdir(path.join(h.home, '.openclaw/agents/main/agent'))).not.toContainEqual(expect.stringContaining('.migrated-'));
    expect(manifest.commands.map((c: { argv: string[]; exitCode: number }) => [c.argv.join(' '), c.exitCode])).toEqual([
      ['openclaw doctor --fix --non-interactive --yes', 0],
      ['openclaw models auth list --json', 0],
      ['openclaw models auth logout bailian:default --yes', 0],
      ['openclaw models auth logout alibaba-cloud:default --yes', 0],
    ]);
    // Nothing in the run folder is readable by others.
    const filesDir = path.join(h.home, '.local/state/tp-setup/backups', runId!, 'files');
    const files = await readdir(filesDir);
    for (const f of files) expect((await stat(path.join(filesDir, f))).mode & 0o077, f).toBe(0);
    // models.json (moved aside, with its before and after), then openclaw.json, the store and the leftover file.
    expect(files.length).toBe(5);
    expect(manifest.files.map((f: { path: string; removed?: boolean }) => [path.relative(h.home, f.path), f.removed])).toEqual([['.openclaw/agents/main/agent/models.json', true]]);

    const restore = await runCli(['restore', runId!, '--home', h.home, '--json'], { env: h.env });
    expect(restore.exitCode, restore.stderr).toBe(0);
    const after = await userFiles(h.home);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [rel, v] of before) expect(after.get(rel), rel).toEqual(v);
  });

  it('--json: the commands with their exit codes; a failing command stops the rest, exits 3, and its output never shows a key', async () => {
    const h = await storeHome();
    await h.oc.failOn('models auth logout');
    const r = await runCli(['clean', '--yes', '--home', h.home, '--json'], { env: h.env });
    expect(r.exitCode).toBe(3);
    const doc = JSON.parse(r.stdout);
    expect(doc.ok).toBe(false);
    expect(commandsOf(doc)).toEqual([
      ['openclaw models auth list --json', 'ran', 0],
      ['openclaw models auth logout bailian:default --yes', 'failed', 1],
    ]);
    expect(doc.openclaw.findings.map((f: { code: string; keyPath: string }) => [f.code, f.keyPath])).toEqual([['OPENCLAW_STORED_PROFILE', 'bailian:default']]);
    expect(r.stdout).not.toContain(OLD);
  });

  it('restore refuses a backed-up store file that changed since the run, naming it, and --force puts it back', async () => {
    const h = await storeHome();
    const storeBefore = await readFile(h.store, 'utf8');
    const configBefore = await readFile(path.join(h.home, '.openclaw/openclaw.json'), 'utf8');
    const clean = JSON.parse((await runCli(['clean', '--yes', '--home', h.home, '--json'], { env: h.env })).stdout);
    expect(clean.runId).toBeTruthy();
    // OpenClaw (or the user) used the store since: a profile was added.
    const changed = `${JSON.stringify({ profiles: { 'openai:default': { type: 'api_key', provider: 'openai', key: 'x' } } }, null, 2)}\n`;
    await writeFile(h.store, changed);

    const refused = await runCli(['restore', clean.runId, '--home', h.home], { env: h.env });
    expect(refused.exitCode, refused.stderr).toBe(0);
    expect(refused.stdout).toContain('! ~/.openclaw/state/openclaw.sqlite: changed since that run (by OpenClaw or by you); left as it is. --force puts the backup back anyway.');
    expect(await readFile(h.store, 'utf8')).toBe(changed);
    // OpenClaw's files go back whole or not at all: openclaw.json, unchanged since, is held too.
    expect(refused.stdout).toContain('~/.openclaw/openclaw.json: left as it is too, because the file above changed');
    const configCleaned = await readFile(path.join(h.home, '.openclaw/openclaw.json'), 'utf8');
    expect(configCleaned).not.toBe(configBefore);

    const forced = await runCli(['restore', clean.runId, '--force', '--home', h.home, '--json'], { env: h.env });
    expect(forced.exitCode, forced.stderr).toBe(0);
    expect(await readFile(h.store, 'utf8')).toBe(storeBefore);
    expect(await readFile(path.join(h.home, '.openclaw/openclaw.json'), 'utf8')).toBe(configBefore);
    // That restore is a run too: undoing it gives back the store as it was before the forced restore.
    const undo = await runCli(['restore', JSON.parse(forced.stdout).runId, '--home', h.home], { env: h.env });
    expect(undo.exitCode, undo.stderr).toBe(0);
    expect(await readFile(h.store, 'utf8')).toBe(changed);
  });

  it('in a terminal each command that changes OpenClaw is asked for; a no skips it', async () => {
    const h = await storeHome({ legacy: true });
    const out: string[] = [];
    const io: Io = { env: h.env, platform: process.platform, stdout: (s) => out.push(s), stderr: () => {}, readStdin: async () => '', stdinIsTTY: true, stdoutIsTTY: true, today: () => new Date().toISOString().slice(0, 10) };
    const asked: string[] = [];
    const ask = async (q: 'clean' | 'restart'): Promise<boolean> => {
      asked.push(`${q}: ${out.join('').trim().split('\n').pop()}`);
      // Yes to the migration, no to the first logout, yes to the rest; no restart.
      return q === 'clean' && asked.length !== 2;
    };
    const code = await inProcess(runClean, cleanPresenter, { home: h.home, json: false, lang: 'en', color: false, yes: false, restart: false }, io, {
      confirmClean: () => ask('clean'),
      confirmStoreStep: () => ask('clean'),
      confirmRestart: () => ask('restart'),
    });
    expect(code).toBe(0);
    expect(asked.map((a) => a.replace(/: OpenClaw: `(.*?)`.*/, ': $1'))).toEqual([
      'clean: openclaw doctor --fix --non-interactive --yes',
      'clean: openclaw models auth logout bailian:default --yes',
      'clean: openclaw models auth logout alibaba-cloud:default --yes',
      expect.stringMatching(/^restart/),
    ]);
    expect(await calls(h.oc)).toEqual(['doctor --fix --non-interactive --yes', 'models auth list --json', 'models auth logout alibaba-cloud:default --yes']);
    expect(out.join('')).toContain('skipped `openclaw models auth logout bailian:default --yes`');
    expect(Object.keys(await storedProfiles(h.store)).sort()).toEqual(['bailian:default', 'ollama:default']);
  });

  it('asks in a real terminal before the first OpenClaw command, and runs nothing on "no"', async () => {
    const h = await storeHome({ legacy: true });
    const { PtyRun } = await import('../helpers/pty.js');
    const run = new PtyRun(['clean', '--home', h.home], { ...h.env, TERM: 'xterm' });
    await run.waitFor('Go ahead?');
    expect(run.output).toContain('`openclaw doctor --fix --non-interactive --yes` moves the leftover');
    run.write('n\r');
    expect(await run.exited).toBe(0);
    expect(await calls(h.oc)).toEqual([]);
    expect(await readFile(h.legacy, 'utf8')).toContain('alibaba-cloud:default');
  });

  it('below 2026.8 (and when OpenClaw is not installed) clean keeps the file behaviour and runs no OpenClaw command', async () => {
    const h = await storeHome({ legacy: true, version: 'OpenClaw 2026.5.2' });
    const r = await runCli(['clean', '--yes', '--home', h.home, '--json'], { env: h.env });
    expect(r.exitCode, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.openclaw).toBeUndefined();
    expect(doc.items.map((i: { action: string; file: string }) => [i.action, path.relative(h.home, i.file)])).toEqual([['edit', '.openclaw/agents/main/agent/auth-profiles.json']]);
    expect(JSON.parse(await readFile(h.legacy, 'utf8')).profiles).toEqual({});
    expect(await calls(h.oc)).toEqual([]);
  });
});

describe('key on OpenClaw 2026.8+', () => {
  it('replaces the file copies, then logs out the stored profile that would keep the old key in use; restore undoes both', async () => {
    const h = await storeHome({ legacy: true });
    const before = await userFiles(h.home);
    const r = await runCli(['key', '--key-env', 'NEW', '--yes', '--home', h.home, '--json'], { env: { ...h.env, NEW } });
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.changes.map((c: { path: string }) => path.relative(h.home, c.path))).toEqual(['.openclaw/.env']);
    expect(commandsOf(doc)).toEqual([
      ['openclaw doctor --fix --non-interactive --yes', 'ran', 0],
      ['openclaw models auth list --json', 'ran', 0],
      ['openclaw models auth logout bailian:default --yes', 'ran', 0],
    ]);
    expect(await readFile(path.join(h.home, '.openclaw/.env'), 'utf8')).toBe(`BAILIAN_API_KEY=${NEW}\n`);
    expect(Object.keys(await storedProfiles(h.store)).sort()).toEqual(['alibaba-cloud:default', 'ollama:default']);
    expect(r.stdout + r.stderr).not.toContain(OLD);
    expect(r.stdout + r.stderr).not.toContain(NEW);

    // One run holds the file change and the store backups.
    const restore = await runCli(['restore', doc.runId, '--home', h.home], { env: h.env });
    expect(restore.exitCode, restore.stderr).toBe(0);
    const after = await userFiles(h.home);
    for (const [rel, v] of before) expect(after.get(rel), rel).toEqual(v);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  });

  it('a provider whose key lives only in the store gets the new key in place, on stdin, never on the command line', async () => {
    const config = CONFIG.replace('apiKey: "${BAILIAN_API_KEY}",\n', '');
    const h = await storeHome({ config });
    // The old key also sits in Qwen Code (that is where `key` finds it by value).
    const setup = await runCli(['--plan', 'coding', '--region', 'intl', '--tools', 'qwen-code', '--yes', '--key-env', 'K', '--home', h.home], { env: { ...h.env, K: OLD } });
    expect(setup.exitCode, setup.stderr).toBe(0);
    const r = await runCli(['key', '--key-env', 'NEW', '--yes', '--home', h.home, '--json'], { env: { ...h.env, NEW } });
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    const paste = (await h.oc.calls()).find((c) => c.argv.includes('paste-api-key'))!;
    expect(paste.argv).toEqual(['models', 'auth', 'paste-api-key', '--provider', 'bailian', '--profile-id', 'bailian:default']);
    expect(paste.stdin).toBe(`${NEW}\n`);
    expect((await storedProfiles(h.store))['bailian:default']?.key).toBe(NEW);
    expect(r.stdout).not.toContain(NEW);
  });

  it('headless without --yes replaces the files and only lists the OpenClaw command', async () => {
    const h = await storeHome();
    const r = await runCli(['key', '--key-env', 'NEW', '--home', h.home, '--json'], { env: { ...h.env, NEW } });
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(commandsOf(JSON.parse(r.stdout))).toEqual([
      ['openclaw models auth list --json', 'ran', 0],
      ['openclaw models auth logout bailian:default --yes', 'planned', null],
    ]);
    expect(await readFile(path.join(h.home, '.openclaw/.env'), 'utf8')).toBe(`BAILIAN_API_KEY=${NEW}\n`);
    expect(Object.keys(await storedProfiles(h.store))).toContain('bailian:default');
  });

  it('in a terminal the OpenClaw command is its own question after the file changes; a no leaves the store alone', async () => {
    const h = await storeHome();
    const out: string[] = [];
    const io: Io = { env: { ...h.env, NEW }, platform: process.platform, stdout: (s) => out.push(s), stderr: () => {}, readStdin: async () => '', stdinIsTTY: true, stdoutIsTTY: true, today: () => new Date().toISOString().slice(0, 10) };
    const asked: string[] = [];
    const code = await inProcess(runKey, keyPresenter, { home: h.home, json: false, lang: 'en', color: false, keyEnv: 'NEW', keyStdin: false, plan: undefined }, io, {
      reviewRotation: async () => {
        asked.push('confirm');
        return true;
      },
      confirmStoreStep: async () => {
        asked.push(`Run it now? after: ${out.join('').trim().split('\n').pop()}`);
        return false;
      },
    });
    expect(code).toBe(0);
    expect(asked).toEqual(['confirm', expect.stringMatching(/^Run it now\? after: OpenClaw: `openclaw models auth logout bailian:default --yes` removes/)]);
    expect(await calls(h.oc)).toEqual(['models auth list --json']);
    expect(await readFile(path.join(h.home, '.openclaw/.env'), 'utf8')).toBe(`BAILIAN_API_KEY=${NEW}\n`);
    expect(Object.keys(await storedProfiles(h.store))).toContain('bailian:default');
    expect(out.join('')).not.toContain(NEW);
  });
});

describe('doctor on OpenClaw 2026.8+ (offline)', () => {
  it('names a stored profile from its metadata in openclaw.json only where the store wins (2026.8+), without running OpenClaw\'s credential commands', async () => {
    const config = CONFIG.replace('agents: {', 'auth: { profiles: { "bailian:default": { provider: "bailian", mode: "api_key" } } },\n  agents: {');
    for (const [version, present] of [['OpenClaw 2026.9.6 (eb377ac)', true], ['OpenClaw 2026.5.2', false]] as const) {
      const h = await storeHome({ config, version });
      const r = await runCli(['doctor', '--tools', 'openclaw', '--home', h.home, '--json'], { env: h.env });
      const codes = JSON.parse(r.stdout).findings.map((f: { code: string }) => f.code);
      expect(codes.includes('OPENCLAW_STORED_PROFILE'), version).toBe(present);
      expect(await calls(h.oc)).toEqual([]);
    }
  });
});
