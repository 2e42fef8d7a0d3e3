import { execa } from 'execa';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, cleanEnv, PLAN_KEY, runCli, tempHome } from '../helpers/cli.js';
import { PtyRun } from '../helpers/pty.js';

/*
 * Runs that wrote nothing are listed with their status and never undone; two runs on one home are
 * serialized by <state>/tp-setup.lock (src/effects/lock.ts), and a lock whose holder died or that
 * outlived its bound is taken over.
 */

const STATE = path.join('.local', 'state', 'tp-setup');
const SETUP = ['--plan', 'coding', '--region', 'cn', '--tools', 'claude-code', '--yes', '--key-env', 'K'];
const OTHER_KEY = 'sk-sp-test-9999-1111-2222-abcd';

async function home(): Promise<{ home: string; env: Record<string, string> }> {
  const h = await tempHome('rlock-');
  return { home: h, env: cleanEnv(h, { K: PLAN_KEY }) };
}

async function plantRun(h: string, runId: string, status: string, createdAt: string, files: unknown[] = []): Promise<void> {
  const dir = path.join(h, STATE, 'backups', runId);
  await mkdir(path.join(dir, 'files'), { recursive: true });
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ schemaVersion: 1, runId, command: 'setup', createdAt, status, files }));
}

interface RunDoc { runId: string; status: string; command: string }
const backups = async (h: string, env: Record<string, string>): Promise<RunDoc[]> => JSON.parse((await runCli(['backups', '--home', h, '--json'], { env })).stdout).runs as RunDoc[];

describe('runs that wrote nothing', () => {
  it('backups shows each status; restore never undoes a refused, rolled-back or empty pending run; plain restore picks the latest complete run', async () => {
    const { home: h, env } = await home();
    const setup = await runCli([...SETUP, '--home', h, '--json'], { env });
    expect(setup.exitCode, setup.stderr).toBe(0);
    const good = JSON.parse(setup.stdout).runId as string;
    const later = new Date(Date.now() + 60_000);
    const planted = [['20991231T000001Z-aaaa', 'refused'], ['20991231T000002Z-bbbb', 'rolled-back'], ['20991231T000003Z-cccc', 'pending']] as const;
    for (const [i, [id, status]] of planted.entries()) await plantRun(h, id, status, new Date(later.getTime() + i * 1000).toISOString());

    const list = await backups(h, env);
    expect(list.map((r) => [r.runId, r.status])).toEqual([...planted.map(([id, s]) => [id, s]).reverse(), [good, 'complete']]);
    const text = await runCli(['backups', '--home', h], { env });
    for (const [id, status] of planted) expect(text.stdout).toMatch(new RegExp(`${id}\\s+setup\\s+${status}`));

    const settings = path.join(h, '.claude', 'settings.json');
    const configured = await readFile(settings, 'utf8');
    for (const [id, status] of planted) {
      const r = await runCli(['restore', id, '--home', h, '--json'], { env });
      expect(r.exitCode, r.stdout).toBe(4);
      expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'error.runWroteNothing', params: { runId: id, status } });
      expect(await readFile(settings, 'utf8')).toBe(configured);
    }
    const plain = await runCli(['restore', '--home', h, '--json'], { env });
    expect(plain.exitCode, plain.stdout).toBe(0);
    expect(JSON.parse(plain.stdout).restored).toBe(good);
  });

  it('a setup refused with exit 4 leaves no run that restore would pick', async () => {
    const { home: h, env } = await home();
    await mkdir(path.join(h, '.claude'), { recursive: true });
    await writeFile(path.join(h, '.claude', 'settings.json'), '{ "env": { broken');
    const r = await runCli([...SETUP, '--home', h], { env });
    expect(r.exitCode).toBe(4);
    const list = await backups(h, env);
    expect(list.filter((x) => x.status === 'complete')).toEqual([]);
    const restore = await runCli(['restore', '--home', h, '--json'], { env });
    expect(restore.exitCode).toBe(2);
    expect(JSON.parse(restore.stdout).error.code).toBe('error.noRuns');
    // The refused run released its lock.
    await expect(stat(path.join(h, STATE, 'tp-setup.lock'))).rejects.toThrow();
  });
});

describe('one writer per home', () => {
  it('10 setups at once on one home: each succeeds in turn or refuses naming the lock; none interleaves; restore works after', async () => {
    const { home: h, env } = await home();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => runCli([...SETUP, '--model', ['qwen3.5-plus', 'qwen3.7-plus', 'qwen3.6-plus'][i % 3]!, '--home', h, '--json'], { env })),
    );
    const ok = results.filter((r) => r.exitCode === 0);
    const refused = results.filter((r) => r.exitCode !== 0);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of refused) {
      expect(r.exitCode, r.stdout + r.stderr).toBe(4);
      const err = JSON.parse(r.stdout).error;
      expect(err.code).toBe('error.locked');
      expect(err.params.path).toBe(path.join(h, STATE, 'tp-setup.lock'));
      expect(Number(err.params.pid)).toBeGreaterThan(0);
    }
    // Serial: each run found exactly what the previous one left (its before is the other's after).
    const dirs = (await readdir(path.join(h, STATE, 'backups'))).sort();
    const manifests = await Promise.all(dirs.map(async (d) => JSON.parse(await readFile(path.join(h, STATE, 'backups', d, 'manifest.json'), 'utf8'))));
    manifests.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    expect(manifests.every((m) => m.status === 'complete')).toBe(true);
    expect(manifests.length).toBeGreaterThanOrEqual(Math.min(ok.length, 2));
    for (let i = 1; i < manifests.length; i++) {
      const prev = new Map(manifests[i - 1].files.map((f: { path: string; sha256After: string }) => [f.path, f.sha256After]));
      for (const f of manifests[i].files) if (prev.has(f.path)) expect(f.sha256Before, `${manifests[i].runId} ${f.path}`).toBe(prev.get(f.path));
    }
    JSON.parse(await readFile(path.join(h, '.claude', 'settings.json'), 'utf8'));
    await expect(stat(path.join(h, STATE, 'tp-setup.lock'))).rejects.toThrow();
    const restore = await runCli(['restore', '--home', h, '--json'], { env });
    expect(restore.exitCode, restore.stdout).toBe(0);
  }, 40_000);

  it('a live holder makes the next run wait, then refuse naming it; kill -9 of the holder frees the home at once', async () => {
    const { home: h, env } = await home();
    expect((await runCli([...SETUP, '--home', h], { env })).exitCode).toBe(0);
    // `key --key-stdin` holds the lock while it waits for the key on an open stdin.
    const holder = execa(process.execPath, [CLI, 'key', '--key-stdin', '--home', h], { env, extendEnv: false, reject: false, stdin: 'pipe' });
    const lockFile = path.join(h, STATE, 'tp-setup.lock');
    for (let i = 0; i < 100 && !(await stat(lockFile).catch(() => null)); i++) await new Promise((r) => setTimeout(r, 50));
    const lock = JSON.parse(await readFile(lockFile, 'utf8'));
    expect(lock).toMatchObject({ pid: holder.pid, command: 'key', host: os.hostname() });
    expect(Number.isNaN(Date.parse(lock.startedAt))).toBe(false);

    const t0 = Date.now();
    const blocked = await runCli([...SETUP, '--home', h], { env });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(4_000);
    expect(blocked.exitCode).toBe(4);
    expect(blocked.stderr).toContain(lockFile);
    expect(blocked.stderr).toContain(`pid ${holder.pid}`);

    holder.kill('SIGKILL');
    await holder;
    const after = await runCli([...SETUP, '--home', h], { env });
    expect(after.exitCode, after.stderr).toBe(0);
    await expect(stat(lockFile)).rejects.toThrow();
    const key = await runCli(['key', '--key-stdin', '--home', h], { env, input: OTHER_KEY });
    expect(key.exitCode, key.stderr).toBe(0);
  }, 30_000);

  it('a lock older than its bound is taken over even if its pid is alive; a damaged or empty old lock too', async () => {
    const { home: h, env } = await home();
    const lockFile = path.join(h, STATE, 'tp-setup.lock');
    await mkdir(path.dirname(lockFile), { recursive: true });
    const old = new Date(Date.now() - 3600_000).toISOString();
    await writeFile(lockFile, JSON.stringify({ pid: process.pid, host: os.hostname(), command: 'setup', startedAt: old }));
    expect((await runCli([...SETUP, '--home', h], { env })).exitCode).toBe(0);
    await expect(stat(lockFile)).rejects.toThrow();
    // A dead pid on this host.
    const dead = execa(process.execPath, ['-e', '0']);
    await dead;
    await writeFile(lockFile, JSON.stringify({ pid: dead.pid, host: os.hostname(), command: 'setup', startedAt: new Date().toISOString() }));
    expect((await runCli(['restore', '--home', h], { env })).exitCode).toBe(0);
    // Garbage left by a writer killed between creating and filling the file, seconds ago.
    await writeFile(lockFile, '');
    const { utimes } = await import('node:fs/promises');
    await utimes(lockFile, new Date(Date.now() - 10_000), new Date(Date.now() - 10_000));
    expect((await runCli(['restore', '--home', h], { env })).exitCode).toBe(0);
  }, 30_000);

  it('a person sitting at a question (line prompts, wizard) holds no lock: another run goes ahead at once', async () => {
    const { home: h, env } = await home();
    const lockFile = path.join(h, STATE, 'tp-setup.lock');
    for (const args of [['--plain', '--home', h], ['--home', h]]) {
      const waiting = new PtyRun(args, { ...env, TERM: 'xterm' });
      await waiting.waitFor(/Which plan did you buy\?|Set up/);
      await expect(stat(lockFile)).rejects.toThrow();
      const t0 = Date.now();
      const other = await runCli([...SETUP, '--home', h], { env });
      expect(other.exitCode, other.stderr).toBe(0);
      expect(Date.now() - t0).toBeLessThan(4_000);
      waiting.kill();
      await waiting.exited;
    }
  }, 30_000);

  it('read-only commands take no lock: backups and doctor run beside a holder', async () => {
    const { home: h, env } = await home();
    const lockFile = path.join(h, STATE, 'tp-setup.lock');
    await mkdir(path.dirname(lockFile), { recursive: true });
    await writeFile(lockFile, JSON.stringify({ pid: process.pid, host: os.hostname(), command: 'setup', startedAt: new Date().toISOString() }));
    const t0 = Date.now();
    expect((await runCli(['backups', '--home', h], { env })).exitCode).toBe(0);
    expect((await runCli([...SETUP, '--dry-run', '--home', h], { env })).exitCode).toBe(0);
    expect(Date.now() - t0).toBeLessThan(4_000);
  });
});
