/**
 * Class 12: temp files are `.<name>.tp-setup-<pid>-<random>.tmp`, created 0600 beside the file,
 * and hold the content before any mode is loosened. A run killed with SIGKILL may leave one; the
 * next run that touches that folder removes every stray whose pid is gone, and nothing else.
 */
import { execFileSync } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import { lstat, mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { removeStrayTemps, writeAtomic } from '../../src/effects/fs.js';
import { cleanEnv, PLAN_KEY, runCli, spawnCli, tempHome } from '../helpers/cli.js';

const TEMP = /^\..+\.tp-setup-\d+-[0-9a-f]{8}\.tmp$/;
const SETUP = ['--plan', 'token-team', '--region', 'intl', '--tools', 'qwen-code,hermes,claude-code,codex', '--yes', '--key-env', 'K'];

/** A pid that surely belongs to no process: one that just exited. */
function deadPid(): number {
  return Number(execFileSync('sh', ['-c', 'sh -c "echo \\$\\$"']).toString().trim());
}

async function walk(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map((r) => path.join(dir, String(r)));
}

describe('temp files', () => {
  it('are named by pattern, 0600 until renamed into place complete, beside the target (through symlinks)', async () => {
    const home = await tempHome('tp-temp-');
    const real = path.join(home, 'dots', 'settings.json');
    await mkdir(path.dirname(real));
    await writeFile(real, '{}', { mode: 0o644 });
    const link = path.join(home, 'settings.json');
    await symlink(real, link);
    const seen: { name: string; dir: string; mode: number; text: string }[] = [];
    const orig = fsp.rename.bind(fsp);
    const spy = vi.spyOn(fsp, 'rename').mockImplementation(async (from, to) => {
      const st = await stat(from);
      seen.push({ name: path.basename(String(from)), dir: path.dirname(String(from)), mode: st.mode & 0o777, text: await readFile(from, 'utf8') });
      return orig(from, to);
    });
    try {
      await writeAtomic(link, `{"k":"${PLAN_KEY}"}`, 0o600);
      await writeAtomic(link, '{"plain":1}', 0o644);
    } finally {
      spy.mockRestore();
    }
    expect(seen).toHaveLength(2);
    for (const s of seen) {
      expect(s.name).toMatch(TEMP);
      expect(s.name.startsWith('.settings.json.tp-setup-')).toBe(true);
      expect(s.dir).toBe(path.dirname(real));
    }
    // Every temp file is 0600 up to its rename; a file meant for 0644 is loosened only after it.
    expect(seen[0]).toMatchObject({ mode: 0o600, text: `{"k":"${PLAN_KEY}"}` });
    expect(seen[1]).toMatchObject({ mode: 0o600, text: '{"plain":1}' });
    expect((await stat(real)).mode & 0o777).toBe(0o644);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
  });

  it('a later run removes strays of dead runs beside the files it touches, keeps live ones and foreign names', async () => {
    const home = await tempHome('tp-strays-');
    await mkdir(path.join(home, '.qwen'));
    await writeFile(path.join(home, '.qwen', 'settings.json'), '{}\n');
    const dead = deadPid();
    const strays = [
      path.join(home, '.qwen', `.settings.json.tp-setup-${dead}-0a1b2c3d.tmp`),
      path.join(home, '.qwen', `..env.tp-setup-${dead}-ffffffff.tmp`),
    ];
    const live = path.join(home, '.qwen', `.settings.json.tp-setup-${process.pid}-12345678.tmp`);
    const foreign = [path.join(home, '.qwen', '.settings.json.tmp'), path.join(home, '.qwen', `.x.tp-setup-${dead}-nothex00.tmp`), path.join(home, '.qwen', `settings.json.${dead}`)];
    for (const p of [...strays, live, ...foreign]) await writeFile(p, `K=${PLAN_KEY}\n`, { mode: 0o644 });
    // A folder with the pattern's name is never removed either.
    const dirLike = path.join(home, '.qwen', `.d.tp-setup-${dead}-00000000.tmp`);
    await mkdir(dirLike);
    const r = await runCli(SETUP, { env: cleanEnv(home, { K: PLAN_KEY }) });
    expect(r.exitCode, r.stderr).toBe(0);
    for (const p of strays) expect(await lstat(p).then(() => 'kept', () => 'removed'), p).toBe('removed');
    for (const p of [live, ...foreign, dirLike]) expect(await lstat(p).then(() => 'kept', () => 'removed'), p).toBe('kept');
    expect(await removeStrayTemps(path.join(home, 'nowhere'))).toEqual([]);
  });

  it('SIGKILL at random moments: any leftover is ours and 0600, and the next run leaves none', async () => {
    let leftovers = 0;
    for (let round = 0; round < 10; round++) {
      const home = await tempHome('tp-kill-');
      const env = cleanEnv(home, { K: PLAN_KEY });
      const child = spawnCli(SETUP, { env });
      const after = 150 + Math.random() * 500;
      setTimeout(() => child.kill('SIGKILL'), after);
      await child;
      for (const p of await walk(home)) {
        const name = path.basename(p);
        if (!name.includes('.tp-setup-')) continue;
        leftovers++;
        expect(name).toMatch(TEMP);
        expect((await stat(p)).mode & 0o777, p).toBe(0o600);
      }
      const again = await runCli(SETUP, { env });
      expect(again.exitCode, again.stderr).toBe(0);
      // Beside every config the next run touched; a killed run's own backup folder (0700) is not one.
      const backups = path.join(home, '.local', 'state', 'tp-setup', 'backups');
      expect((await walk(home)).filter((p) => TEMP.test(path.basename(p)) && !p.startsWith(backups))).toEqual([]);
    }
    // Not every kill lands mid-write; the count is reported, the rules above hold either way.
    expect(leftovers).toBeGreaterThanOrEqual(0);
  }, 40_000);
});
