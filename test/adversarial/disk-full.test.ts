/**
 * Class 5: a write error at any point of a run (backup copies, manifest, temp file, fsync,
 * rename, chmod, read-back) leaves every config with its old bytes and ends with exit 5
 * (RolledBack), or exit 4 when nothing was written yet; never exit 1, never half-applied.
 * Proved by injecting a failure into each file-system call of a run in turn, and with a real,
 * small tmpfs under the configs or under the state folder.
 */
import { execFileSync } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CliError } from '../../src/core/errors.js';
import type { FileWrite } from '../../src/core/writes.js';
import { applyWrites } from '../../src/effects/apply.js';
import { listRuns } from '../../src/effects/runs.js';
import { cleanEnv, PLAN_KEY, runCli, snapshotTree, tempHome } from '../helpers/cli.js';

const w = (p: string, before: string | null, after: string | null, secret = false): FileWrite => ({ tool: 't', path: p, format: 'json', secret, before, after, edits: [] });

async function seed(home: string): Promise<{ writes: FileWrite[]; files: string[] }> {
  const env = path.join(home, '.qwen', '.env');
  const json = path.join(home, '.qwen', 'settings.json');
  const fresh = path.join(home, '.hermes', 'deep', 'config.yaml');
  const gone = path.join(home, 'old.json');
  await mkdir(path.dirname(env), { recursive: true });
  await writeFile(env, 'A=1\n', { mode: 0o600 });
  await writeFile(json, '{"a":1}\n');
  await writeFile(gone, '{"old":true}\n');
  return {
    files: [env, json, fresh, gone],
    writes: [w(json, '{"a":1}\n', '{"a":2}\n'), w(env, 'A=1\n', `A=1\nK=${PLAN_KEY}\n`, true), w(fresh, null, 'model: x\n', true), w(gone, '{"old":true}\n', null)],
  };
}

/** Every call that writes, syncs, renames, changes a mode, creates a folder, or reads back. */
const ERRNOS = ['ENOSPC', 'EIO', 'EDQUOT', 'EROFS', 'EACCES'] as const;
let failAt = -1;
let calls = 0;
let errno: (typeof ERRNOS)[number] = 'ENOSPC';
const tick = (what: string) => {
  calls++;
  if (calls === failAt) throw Object.assign(new Error(`${errno}: injected, ${what}`), { code: errno });
};

beforeAll(async () => {
  for (const name of ['rename', 'chmod', 'mkdir', 'writeFile', 'rm', 'unlink', 'open', 'copyFile'] as const) {
    const orig = fsp[name] as (...a: unknown[]) => Promise<unknown>;
    vi.spyOn(fsp, name).mockImplementation((async (...a: unknown[]) => {
      tick(name);
      return orig.apply(fsp, a);
    }) as never);
  }
  const probe = await fsp.open(os.tmpdir(), 'r');
  const proto = Object.getPrototypeOf(probe) as Record<string, (...a: unknown[]) => Promise<unknown>>;
  await probe.close();
  for (const name of ['writeFile', 'write', 'sync', 'chmod', 'read']) {
    const orig = proto[name]!;
    vi.spyOn(proto, name as never).mockImplementation((async function (this: unknown, ...a: unknown[]) {
      tick(`handle.${name}`);
      return orig.apply(this, a);
    }) as never);
  }
});
afterAll(() => vi.restoreAllMocks());

describe('a failure injected into each file-system call of a run, in turn', () => {
  it('every point: success with every file new, or exit 4/5 with every file old; never another error', async () => {
    // A clean run first, to count its calls.
    const ref = await tempHome('tp-fault-ref-');
    const { writes: refWrites } = await seed(ref);
    failAt = -1;
    calls = 0;
    await applyWrites(refWrites, { stateDir: path.join(ref, 'state'), command: 'test' });
    const total = calls;
    expect(total).toBeGreaterThan(20);

    const outcomes = { ok: 0, refused: 0, rolledBack: 0 };
    for (let n = 1; n <= total + 1; n++) {
      errno = ERRNOS[n % ERRNOS.length]!;
      const home = await tempHome('tp-fault-');
      const { writes, files } = await seed(home);
      const before = await snapshotTree(home);
      const state = path.join(home, 'state');
      calls = 0;
      failAt = n;
      const err = await applyWrites(writes, { stateDir: state, command: 'test' }).then(() => null, (e: unknown) => e);
      failAt = -1;
      const after = await snapshotTree(home);
      const user = (m: Map<string, { text: string; mode: number }>) => [...m].filter(([k]) => !k.startsWith('state')).map(([k, v]) => [k, v.text, v.mode]);
      if (err === null) {
        outcomes.ok++;
        expect(await readFile(files[1]!, 'utf8')).toBe('{"a":2}\n');
        continue;
      }
      expect(err, `call ${n}: ${String(err)}`).toBeInstanceOf(CliError);
      const code = (err as CliError).exitCode;
      expect([4, 5], `call ${n}: ${(err as CliError).code}`).toContain(code);
      expect(user(after), `call ${n} (${errno}) left a config changed`).toEqual(user(before));
      const runs = await listRuns(state);
      if (code === 4) {
        outcomes.refused++;
        expect(runs.filter((r) => r.status !== 'refused'), `call ${n}`).toEqual([]);
      } else {
        outcomes.rolledBack++;
        expect(runs.map((r) => r.status)).not.toContain('pending');
      }
    }
    expect(outcomes.refused).toBeGreaterThan(3);
    expect(outcomes.rolledBack).toBeGreaterThan(3);
    expect(outcomes.ok).toBeGreaterThan(0);
  }, 40_000);
});

describe('a real, small tmpfs', () => {
  let root = '';
  const mounts: string[] = [];
  let reason = '';
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'tp-tmpfs-'));
    for (const name of ['home', 'state']) {
      const dir = path.join(root, name);
      await mkdir(dir);
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'pipe' });
        mounts.push(dir);
      } catch (e) {
        reason = `mount -t tmpfs failed (needs root): ${String((e as Error).message).split('\n')[0]}`;
      }
    }
  });
  afterEach(async () => {
    for (const m of mounts) for (const e of await readdir(m)) await rm(path.join(m, e), { recursive: true, force: true });
  });
  afterAll(() => {
    for (const m of mounts) execFileSync('umount', [m]);
  });

  /** Fill `dir`'s file system, then give back `free` bytes. */
  async function fill(dir: string, free: number): Promise<void> {
    const filler = path.join(dir, 'filler');
    const fh = await fsp.open(filler, 'w');
    const chunk = Buffer.alloc(1024, 120);
    try {
      for (;;) await fh.write(chunk);
    } catch {
      // full
    } finally {
      await fh.close();
    }
    const size = (await fsp.stat(filler)).size;
    await fsp.truncate(filler, Math.max(0, size - free));
  }

  const SETUP = ['--plan', 'token-team', '--region', 'intl', '--tools', 'qwen-code,hermes,claude-code', '--yes', '--key-env', 'K', '--json'];

  async function seedTools(home: string): Promise<void> {
    await mkdir(path.join(home, '.qwen'), { recursive: true });
    await writeFile(path.join(home, '.qwen', 'settings.json'), `{"ui":{"theme":"dark","pad":"${'p'.repeat(3000)}"}}\n`);
    await mkdir(path.join(home, '.hermes'), { recursive: true });
    await writeFile(path.join(home, '.hermes', '.env'), 'OTHER=1\n', { mode: 0o600 });
    await mkdir(path.join(home, '.claude'), { recursive: true });
    await writeFile(path.join(home, '.claude', 'settings.json'), '{"theme":"light"}\n');
  }

  it('configs on a full disk, backups with room: each fill level ends all-new (0) or all-old (4/5)', async (t) => {
    if (mounts.length < 2) return t.skip(reason);
    const home = mounts[0]!;
    const stateDir = await mkdtemp(path.join(os.tmpdir(), 'tp-state-'));
    const seen = new Set<number>();
    for (const pages of [0, 1, 2, 3, 4, 6, 9]) {
      for (const e of await readdir(home)) await rm(path.join(home, e), { recursive: true, force: true });
      await seedTools(home);
      await fill(home, pages * 4096);
      const before = await snapshotTree(home);
      const r = await runCli(SETUP, { env: cleanEnv(home, { K: PLAN_KEY, TP_SETUP_STATE_DIR: stateDir }) });
      seen.add(r.exitCode);
      expect([0, 4, 5], `${pages} pages free: ${r.stdout}${r.stderr}`).toContain(r.exitCode);
      if (r.exitCode !== 0) {
        const after = await snapshotTree(home);
        expect([...after].filter(([k]) => k !== 'filler'), `${pages} pages free`).toEqual([...before].filter(([k]) => k !== 'filler'));
        // No stray temp file is left on the full disk either.
        expect([...after.keys()].filter((k) => k.includes('.tp-setup-'))).toEqual([]);
      }
    }
    expect(seen.has(0) || seen.has(5) || seen.has(4)).toBe(true);
    expect([...seen].some((c) => c !== 0), 'no fill level made the run fail').toBe(true);
  }, 40_000);

  it('backups on a full disk, configs with room: exit 4, no config changed, no run left to restore', async (t) => {
    if (mounts.length < 2) return t.skip(reason);
    const stateDir = path.join(mounts[1]!, 'tp-setup');
    const codes: string[] = [];
    // The lock file (src/effects/lock.ts) takes the first page; the levels start past it.
    for (const free of [4096, 8192, 12288, 16384, 24576]) {
      const home = await tempHome('tp-full-state-');
      await seedTools(home);
      for (const e of await readdir(mounts[1]!)) await rm(path.join(mounts[1]!, e), { recursive: true, force: true });
      await fill(mounts[1]!, free);
      const before = await snapshotTree(home);
      const r = await runCli(SETUP, { env: cleanEnv(home, { K: PLAN_KEY, TP_SETUP_STATE_DIR: stateDir }) });
      expect([0, 4, 5], `${free} bytes free: ${r.stdout}${r.stderr}`).toContain(r.exitCode);
      if (r.exitCode !== 0) {
        expect(await snapshotTree(home)).toEqual(before);
        const runs = await listRuns(stateDir);
        expect(runs.filter((x) => x.status === 'pending' || x.status === 'complete')).toEqual([]);
      }
      codes.push(r.exitCode === 0 ? 'ok' : (JSON.parse(r.stdout) as { error: { code: string } }).error.code);
    }
    expect(codes, codes.join(' ')).toContain('error.backupFailed');
  }, 40_000);
});
