import { execFileSync } from 'node:child_process';
import { lstat, mkdir, readdir, readFile, readlink, stat, symlink, writeFile, chmod } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/core/errors.js';
import type { FileWrite } from '../../src/core/writes.js';
import { applyWrites, ChangedOnDisk, RolledBack } from '../../src/effects/apply.js';
import { listRuns, loadManifest } from '../../src/effects/runs.js';
import { tempHome } from '../helpers/cli.js';

const write = (p: string, before: string | null, after: string | null, secret = false): FileWrite => ({
  tool: 't',
  path: p,
  format: 'json',
  secret,
  before,
  after,
  edits: [],
});

const mode = async (p: string) => (await stat(p)).mode & 0o777;

describe('applyWrites', () => {
  it('writes through a symlink: the link stays a link, its target gets the new text', async () => {
    const dir = await tempHome();
    const real = path.join(dir, 'dotfiles', 'settings.json');
    const link = path.join(dir, 'settings.json');
    await mkdir(path.dirname(real));
    await writeFile(real, '{}\n');
    await symlink(real, link);
    await applyWrites([write(link, '{}\n', '{"a":1}\n')], { stateDir: path.join(dir, 'state'), command: 'test' });
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(real);
    expect(await readFile(real, 'utf8')).toBe('{"a":1}\n');
  });

  it('tightens a file that now holds a key to 0600, keeps other modes, and creates key folders 0700', async () => {
    const dir = await tempHome();
    const open = path.join(dir, 'open.json');
    const shared = path.join(dir, 'shared.json');
    await writeFile(open, '{}');
    await chmod(open, 0o644);
    await writeFile(shared, '{}');
    await chmod(shared, 0o640);
    const fresh = path.join(dir, 'new', 'deep', 'key.env');
    await applyWrites([write(open, '{}', '{"k":1}', true), write(shared, '{}', '{"x":1}'), write(fresh, null, 'K=1\n', true)], {
      stateDir: path.join(dir, 'state'),
      command: 'test',
    });
    expect(await mode(open)).toBe(0o600);
    expect(await mode(shared)).toBe(0o640);
    expect(await mode(fresh)).toBe(0o600);
    expect(await mode(path.join(dir, 'new', 'deep'))).toBe(0o700);
  });

  it('a failed write puts back every file already written and marks the run rolled back', async () => {
    const dir = await tempHome();
    const first = path.join(dir, 'first.json');
    await writeFile(first, 'original\n');
    // A plain file where a folder should be: the second write cannot succeed.
    await writeFile(path.join(dir, 'blocker'), '');
    const second = path.join(dir, 'blocker', 'second.json');
    const state = path.join(dir, 'state');
    await expect(applyWrites([write(first, 'original\n', 'new\n'), write(second, null, 'x')], { stateDir: state, command: 'test' })).rejects.toBeInstanceOf(
      RolledBack,
    );
    expect(await readFile(first, 'utf8')).toBe('original\n');
    const [run] = await listRuns(state);
    expect(run?.status).toBe('rolled-back');
  });

  it('refuses with nothing written when a file changed after it was read', async () => {
    const dir = await tempHome();
    const a = path.join(dir, 'a.json');
    const b = path.join(dir, 'b.json');
    await writeFile(a, 'A');
    await writeFile(b, 'B');
    // The user saves b while the backups are being made.
    const onProgress = (e: { type: string; path: string }) => {
      if (e.type === 'backup' && e.path === a) void writeFile(b, 'B, edited by the user');
    };
    await expect(
      applyWrites([write(a, 'A', 'A2'), write(b, 'B', 'B2')], { stateDir: path.join(dir, 'state'), command: 'test', onProgress: (e) => onProgress(e) }),
    ).rejects.toBeInstanceOf(ChangedOnDisk);
    expect(await readFile(a, 'utf8')).toBe('A');
    expect(await readFile(b, 'utf8')).toBe('B, edited by the user');
    // The manifest was saved as pending before the second check: no run is left for restore.
    expect(await listRuns(path.join(dir, 'state'))).toEqual([]);
    expect(await readdir(path.join(dir, 'state', 'backups'))).toEqual([]);
  });

  it('writes through a dangling symlink: the target is created, the link stays a link', async () => {
    const dir = await tempHome();
    const link = path.join(dir, 'settings.json');
    const target = path.join(dir, 'dots', 'new', 'settings.json');
    await symlink(target, link);
    await applyWrites([write(link, null, '{"k":1}\n', true)], { stateDir: path.join(dir, 'state'), command: 'test' });
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(target, 'utf8')).toBe('{"k":1}\n');
    expect(await mode(target)).toBe(0o600);
    expect(await mode(path.dirname(target))).toBe(0o700);
  });

  it('a folder holding a key is 0700 even when a file without a key in it is written first', async () => {
    const dir = await tempHome();
    const old = process.umask(0o022);
    try {
      const settings = path.join(dir, '.qwen', 'settings.json');
      const env = path.join(dir, '.qwen', '.env');
      await applyWrites([write(settings, null, '{}'), write(env, null, 'K=1\n', true)], { stateDir: path.join(dir, 'state'), command: 'test' });
      expect(await mode(path.join(dir, '.qwen'))).toBe(0o700);
      expect(await mode(settings)).toBe(0o644);
    } finally {
      process.umask(old);
    }
  });

  it('backups that cannot be saved: exit 4, no config touched, no run folder left', async () => {
    const dir = await tempHome();
    const a = path.join(dir, 'a.json');
    await writeFile(a, 'A');
    // The state folder cannot be created: a plain file stands where it should be.
    await writeFile(path.join(dir, 'state'), 'not a folder');
    const err = (await applyWrites([write(a, 'A', 'A2')], { stateDir: path.join(dir, 'state'), command: 'test' }).catch((e: unknown) => e)) as CliError;
    expect(err).toBeInstanceOf(CliError);
    expect(err.exitCode).toBe(4);
    expect(err.code).toBe('error.backupFailed');
    expect(await readFile(a, 'utf8')).toBe('A');
  });

  it('refuses a config that became a FIFO between reading and writing, without blocking or replacing it', async () => {
    const dir = await tempHome();
    const a = path.join(dir, 'a.json');
    execFileSync('mkfifo', [a]);
    const err = (await applyWrites([write(a, null, '{}')], { stateDir: path.join(dir, 'state'), command: 'test' }).catch((e: unknown) => e)) as CliError;
    expect(err.exitCode).toBe(4);
    expect(err.code).toBe('error.notRegular');
    expect((await lstat(a)).isFIFO()).toBe(true);
    expect(await listRuns(path.join(dir, 'state'))).toEqual([]);
  });

  it('records a manifest with sha256, modes and whether each file existed', async () => {
    const dir = await tempHome();
    const a = path.join(dir, 'a.json');
    await writeFile(a, '{}');
    const state = path.join(dir, 'state');
    const { runId } = await applyWrites([write(a, '{}', '{"a":1}'), write(path.join(dir, 'b.json'), null, '{}')], { stateDir: state, command: 'test' });
    const { manifest } = await loadManifest(state, runId!);
    expect(manifest.status).toBe('complete');
    expect(manifest.files.map((f) => [f.existedBefore, f.sha256Before?.length ?? null, f.sha256After.length])).toEqual([
      [true, 64, 64],
      [false, null, 64],
    ]);
  });

  it('writes nothing and makes no run when nothing changes', async () => {
    const dir = await tempHome();
    const state = path.join(dir, 'state');
    const r = await applyWrites([write(path.join(dir, 'a.json'), 'same', 'same')], { stateDir: state, command: 'test' });
    expect(r.runId).toBeNull();
    expect(await listRuns(state)).toEqual([]);
  });
});
