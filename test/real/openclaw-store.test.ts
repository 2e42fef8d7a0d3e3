/**
 * `clean`, `key` and `restore` with the real OpenClaw 2026.9.6, whose credentials live in its own
 * SQLite store: a key stored with `openclaw models auth paste-api-key` overrides openclaw.json, so
 * tp-setup removes it with OpenClaw's own commands (after a byte backup of the store), and
 * `restore` puts the store back. No model request is sent.
 */
import { execa } from 'execa';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanEnv, PLAN_KEY, runCli, snapshotTree, tempHome } from '../helpers/cli.js';
import { toolStatus } from './harness.js';

const status = toolStatus('openclaw');
const OLD = 'sk-sp-test-old-0000-1111-dead';
const NEW = 'sk-sp-test-new-2222-3333-beef';
const KEEP = process.env.TP_SETUP_REAL_KEEP === '1';

interface Home {
  readonly home: string;
  readonly env: Record<string, string>;
}

const homes: string[] = [];
afterEach(async () => {
  for (const h of homes.splice(0)) if (KEEP) process.stdout.write(`kept ${h}\n`);
  else await rm(h, { recursive: true, force: true, maxRetries: 3 });
});

/** The real openclaw with only what it needs: Node 24 first on PATH, HOME at the temp home, offline. */
async function openclaw(h: Home, args: readonly string[], input?: string): Promise<{ exitCode: number; stdout: string; stderr: string; seconds: number }> {
  const started = Date.now();
  const r = await execa(status.ok!.bin, args, {
    env: { PATH: h.env.PATH!, HOME: h.home, LANG: 'C.UTF-8', NO_COLOR: '1', OPENCLAW_OFFLINE: '1', TMPDIR: path.join(h.home, 'tmp') },
    extendEnv: false,
    reject: false,
    timeout: 120_000,
    ...(input !== undefined ? { input } : { stdin: 'ignore' as const }),
  });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr), seconds: (Date.now() - started) / 1000 };
}

async function profileIds(h: Home): Promise<string[]> {
  const r = await openclaw(h, ['models', 'auth', 'list', '--provider', 'bailian', '--json']);
  expect(r.exitCode, r.stdout + r.stderr).toBe(0);
  return (JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as { profiles: { id: string }[] }).profiles.map((p) => p.id).sort();
}

/** tp-setup's OpenClaw config (key in OpenClaw's .env), then the old key stored in OpenClaw's own store. */
async function configured(): Promise<Home> {
  const home = await tempHome('tp-real-openclaw-store-');
  homes.push(home);
  await mkdir(path.join(home, 'tmp'), { recursive: true });
  const PATH = [...status.ok!.pathDirs, '/usr/local/bin', '/usr/bin', '/bin'].join(path.delimiter);
  const h = { home, env: cleanEnv(home, { PATH, OPENCLAW_OFFLINE: '1', TMPDIR: path.join(home, 'tmp') }) };
  const setup = await runCli(['--plan', 'coding', '--region', 'intl', '--tools', 'openclaw', '--yes', '--key-env', 'K', '--home', home], { env: { ...h.env, K: PLAN_KEY } });
  expect(setup.exitCode, setup.stdout + setup.stderr).toBe(0);
  const paste = await openclaw(h, ['models', 'auth', 'paste-api-key', '--provider', 'bailian', '--profile-id', 'bailian:default'], `${OLD}\n`);
  expect(paste.exitCode, paste.stdout + paste.stderr).toBe(0);
  expect(await profileIds(h)).toEqual(['bailian:default']);
  return h;
}

const storeFiles = async (home: string) => new Map([...(await snapshotTree(home))].filter(([k]) => k.startsWith('.openclaw/state/') || k === '.openclaw/openclaw.json' || k.includes('/agent/')));

describe.skipIf(!status.ok)(`OpenClaw's credential store with the real openclaw 2026.9.6${status.ok ? '' : ` (skipped: ${status.error})`}`, () => {
  it('clean --yes migrates a leftover auth-profiles.json and logs out the stored profile; restore brings the store back', async () => {
    const h = await configured();
    // A leftover from an older OpenClaw: it blocks OpenClaw's credential commands until migrated.
    const legacy = path.join(h.home, '.openclaw/agents/main/agent/auth-profiles.json');
    await mkdir(path.dirname(legacy), { recursive: true });
    await writeFile(legacy, JSON.stringify({ version: 1, profiles: { 'alibaba-cloud:default': { type: 'api_key', provider: 'alibaba-cloud', key: OLD } } }), { mode: 0o600 });
    const before = await storeFiles(h.home);

    const started = Date.now();
    const clean = await runCli(['clean', '--yes', '--home', h.home, '--json'], { env: h.env });
    const cleanSeconds = (Date.now() - started) / 1000;
    expect(clean.exitCode, clean.stdout + clean.stderr).toBe(0);
    const doc = JSON.parse(clean.stdout);
    const commands = doc.openclaw.commands.map((c: { command: string; exitCode: number }) => [c.command, c.exitCode]);
    expect(commands[0]).toEqual(['openclaw doctor --fix --non-interactive --yes', 0]);
    expect(commands[1]).toEqual(['openclaw models auth list --json', 0]);
    expect(commands).toContainEqual(['openclaw models auth logout bailian:default --yes', 0]);
    expect(commands).toContainEqual(['openclaw models auth logout alibaba-cloud:default --yes', 0]);
    expect(clean.stdout + clean.stderr).not.toContain(OLD);
    expect(clean.stdout).not.toContain(PLAN_KEY);
    process.stdout.write(`clean --yes with the real openclaw: ${cleanSeconds.toFixed(1)} s (${doc.openclaw.commands.map((c: { argv: string[]; seconds: number }) => `${c.argv.slice(1, 4).join(' ')} ${c.seconds} s`).join(', ')})\n`);

    // The leftover was migrated (OpenClaw renamed it); restore straight away, before OpenClaw touches its store again.
    await expect(readFile(legacy)).rejects.toThrow();
    const restore = await runCli(['restore', doc.runId, '--home', h.home, '--json'], { env: h.env });
    expect(restore.exitCode, restore.stdout + restore.stderr).toBe(0);
    const rows = JSON.parse(restore.stdout).files as { path: string; outcome: string }[];
    expect(rows.filter((r) => r.outcome === 'refused'), restore.stdout).toEqual([]);
    // Byte for byte: the store, openclaw.json and the leftover file as they were before clean.
    const after = await storeFiles(h.home);
    for (const [rel, v] of before) if (!rel.endsWith('-shm')) expect(after.get(rel)?.text === v.text, rel).toBe(true);
    expect([...after.keys()].filter((k) => !k.endsWith('-shm') && !k.endsWith('-wal')).sort()).toEqual([...before.keys()].filter((k) => !k.endsWith('-shm') && !k.endsWith('-wal')).sort());
    // OpenClaw reads the restored store: the stored profile is back (and the leftover blocks it again, as before).
    await rm(legacy);
    expect(await profileIds(h)).toEqual(['bailian:default']);
  });

  it('key --yes replaces the key in OpenClaw\'s .env and logs out the stored profile, so the new key applies; restore brings the profile back', async () => {
    const h = await configured();
    const key = await runCli(['key', '--key-env', 'NEW', '--yes', '--home', h.home, '--json'], { env: { ...h.env, NEW } });
    expect(key.exitCode, key.stdout + key.stderr).toBe(0);
    const doc = JSON.parse(key.stdout);
    expect(doc.openclaw.commands.map((c: { command: string; exitCode: number }) => [c.command, c.exitCode])).toEqual([
      ['openclaw models auth list --json', 0],
      ['openclaw models auth logout bailian:default --yes', 0],
    ]);
    expect(await readFile(path.join(h.home, '.openclaw/.env'), 'utf8')).toContain(`BAILIAN_API_KEY=${NEW}`);
    expect(key.stdout + key.stderr).not.toContain(NEW);
    expect(key.stdout + key.stderr).not.toContain(PLAN_KEY);

    // OpenClaw now takes the key from openclaw.json's ${BAILIAN_API_KEY}, not from a stored profile.
    const st = await openclaw(h, ['models', 'status', '--json']);
    expect(st.exitCode, st.stdout + st.stderr).toBe(0);
    const s = JSON.parse(st.stdout.slice(st.stdout.indexOf('{'))) as { auth: { providers: { provider: string; effective: { kind: string } }[] } };
    expect(s.auth.providers.find((p) => p.provider === 'bailian')?.effective.kind).toBe('env');
    expect(await profileIds(h)).toEqual([]);

    // OpenClaw itself wrote to its store since (the status and list above): restore refuses
    // to put an older copy over it, naming the file, and puts the store back only with --force.
    const restore = await runCli(['restore', doc.runId, '--home', h.home, '--json'], { env: h.env });
    expect(restore.exitCode, restore.stdout + restore.stderr).toBe(0);
    const refused = (JSON.parse(restore.stdout).files as { path: string; outcome: string }[]).filter((r) => r.outcome === 'refused').map((r) => path.relative(h.home, r.path));
    process.stdout.write(`restore after OpenClaw used its store: refused ${refused.join(', ') || 'nothing'}\n`);
    for (const p of refused) expect(p.startsWith('.openclaw/')).toBe(true);
    if (refused.length > 0) {
      expect(await profileIds(h)).toEqual([]);
      const forced = await runCli(['restore', doc.runId, '--force', '--home', h.home, '--json'], { env: h.env });
      expect(forced.exitCode, forced.stdout + forced.stderr).toBe(0);
      expect(JSON.parse(forced.stdout).files.filter((r: { outcome: string }) => r.outcome === 'refused')).toEqual([]);
    }
    expect(await profileIds(h)).toEqual(['bailian:default']);
    expect(await readFile(path.join(h.home, '.openclaw/.env'), 'utf8')).toContain(`BAILIAN_API_KEY=${PLAN_KEY}`);
  });
});
