/**
 * doctor and models run from dist/headless.cjs with V8's code cache (src/effects/script-cache.ts):
 * where the cache goes, that a warm run takes it, and that nothing put in its place (garbage, a
 * cut-off file, a FIFO, a link to a device, a folder that cannot be made, a second run at the same
 * moment) changes what a run prints or makes it wait. Speed itself is measured by `npm run bench`.
 */
import { execFileSync } from 'node:child_process';
import { cp, lstat, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { WRAPPER_HEAD } from '../../src/effects/script-cache.js';
import { cleanEnv, CLI, PLAN_KEY, ROOT, runCli, tempHome } from '../helpers/cli.js';

let home: string;
let expected: { exitCode: number; stdout: string };

/** The environment of a user whose cache folder is `cacheHome` (no NODE_COMPILE_CACHE). */
function userEnv(cacheHome: string, extra: Record<string, string> = {}): Record<string, string> {
  const { NODE_COMPILE_CACHE: _ignored, ...env } = cleanEnv(home, extra);
  return { ...env, PATH: '/usr/bin:/bin', XDG_CACHE_HOME: cacheHome };
}

const cacheDirOf = (cacheHome: string): string => path.join(cacheHome, 'tp-setup', 'compile-cache');
async function cacheFiles(cacheHome: string): Promise<string[]> {
  try {
    return (await readdir(cacheDirOf(cacheHome))).filter((f) => f.startsWith('tp-setup-headless-'));
  } catch {
    return [];
  }
}
const doctor = (env: Record<string, string>) => runCli(['doctor', '--json', '--home', home], { env });

beforeAll(async () => {
  home = await tempHome();
  const r = await runCli(['--plan', 'token-personal', '--region', 'intl', '--tools', 'openclaw,qwen-code,codex,hermes', '--key-env', 'K', '--yes', '--home', home], { env: cleanEnv(home, { K: PLAN_KEY }) });
  expect(r.exitCode).toBe(0);
  // The report as main.js gives it (a copy of the package without headless.cjs), with no cache
  // anywhere: every run below must print the same.
  const esm = await tempHome('tp-dist-');
  await copyPackage(esm);
  await rm(path.join(esm, 'dist', 'headless.cjs'));
  const plain = await runCliAt(path.join(esm, 'dist', path.basename(CLI)), ['doctor', '--json', '--home', home], userEnv(await tempHome('tp-cache-'), { NODE_DISABLE_COMPILE_CACHE: '1' }));
  expected = { exitCode: plain.exitCode, stdout: plain.stdout };
  expect([0, 3]).toContain(expected.exitCode);
}, 60_000);

describe('the code cache of headless.cjs', () => {
  it('a first run writes it (0600, in a 0700 folder under the cache home); a second takes it and writes nothing', async () => {
    const cacheHome = await tempHome('tp-cache-');
    const first = await doctor(userEnv(cacheHome));
    expect({ exitCode: first.exitCode, stdout: first.stdout }).toEqual(expected);
    const files = await cacheFiles(cacheHome);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^tp-setup-headless-doctor-${process.versions.v8.replace(/\./g, '\\.')}-${process.arch}-[0-9a-f]{16}-[0-9a-z]+\\.bin$`));
    const file = path.join(cacheDirOf(cacheHome), files[0]!);
    const st = await stat(file);
    expect(st.mode & 0o777).toBe(0o600);
    expect((await stat(cacheDirOf(cacheHome))).mode & 0o777).toBe(0o700);
    const bytes = await readFile(file);
    const second = await doctor(userEnv(cacheHome));
    expect({ exitCode: second.exitCode, stdout: second.stdout }).toEqual(expected);
    // Taken, so not written again (a rejected cache would be replaced by new bytes and a new inode).
    const after = await stat(file);
    expect(after.ino).toBe(st.ino);
    expect(after.mtimeMs).toBe(st.mtimeMs);
    expect(await readFile(file)).toEqual(bytes);
    expect((await readdir(cacheDirOf(cacheHome))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('NODE_COMPILE_CACHE chooses the folder and NODE_DISABLE_COMPILE_CACHE=1 writes none', async () => {
    const cacheHome = await tempHome('tp-cache-');
    const chosen = path.join(await tempHome('tp-cache-'), 'mine');
    const r = await doctor({ ...userEnv(cacheHome), NODE_COMPILE_CACHE: chosen });
    expect(r.stdout).toBe(expected.stdout);
    expect((await readdir(chosen)).filter((f) => f.startsWith('tp-setup-headless-'))).toHaveLength(1);
    expect(await cacheFiles(cacheHome)).toEqual([]);
    const off = await doctor(userEnv(cacheHome, { NODE_DISABLE_COMPILE_CACHE: '1' }));
    expect(off.stdout).toBe(expected.stdout);
    expect(await cacheFiles(cacheHome)).toEqual([]);
  });

  it('garbage, a cut-off cache and another build\'s cache are refused by V8, the run is the same, and a good cache replaces the bad one', async () => {
    const cacheHome = await tempHome('tp-cache-');
    await doctor(userEnv(cacheHome));
    const [name] = await cacheFiles(cacheHome);
    const file = path.join(cacheDirOf(cacheHome), name!);
    const good = await readFile(file);
    const spoilt: [string, Buffer][] = [
      ['random bytes of the same size', Buffer.from(Array.from({ length: good.length }, (_, i) => (i * 7919 + 13) & 0xff))],
      ['the first half', good.subarray(0, good.length >> 1)],
      ['one byte', Buffer.from([0])],
    ];
    for (const [what, bytes] of spoilt) {
      await writeFile(file, bytes, { mode: 0o600 });
      const r = await doctor(userEnv(cacheHome));
      expect({ exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr }, what).toEqual({ ...expected, stderr: '' });
      expect((await readFile(file)).length, what).toBeGreaterThan(1000);
      expect(await readFile(file), what).not.toEqual(bytes);
    }
    // The cache of an edited headless.cjs (another length) in this build's place: V8 refuses it.
    const edited = await tempHome('tp-dist-');
    await copyPackage(edited);
    const script = path.join(edited, 'dist', 'headless.cjs');
    await writeFile(script, `${await readFile(script, 'latin1')}\n// edited\n`, 'latin1');
    const otherCache = await tempHome('tp-cache-');
    const e = await runCliAt(path.join(edited, 'dist', path.basename(CLI)), ['doctor', '--json', '--home', home], userEnv(otherCache));
    expect(e.stdout).toBe(expected.stdout);
    const [otherName] = await cacheFiles(otherCache);
    const foreign = await readFile(path.join(cacheDirOf(otherCache), otherName!));
    await writeFile(file, foreign);
    const r = await doctor(userEnv(cacheHome));
    expect({ exitCode: r.exitCode, stdout: r.stdout }).toEqual(expected);
    expect(await readFile(file)).not.toEqual(foreign);
  });

  it('a hand edit of headless.cjs that keeps its length is another script: its own cache, and the edit shows', async () => {
    const dir = await tempHome('tp-dist-');
    await copyPackage(dir);
    const cacheHome = await tempHome('tp-cache-');
    const cli = path.join(dir, 'dist', path.basename(CLI));
    const warm = await runCliAt(cli, ['doctor', '--json', '--home', home], userEnv(cacheHome));
    expect(warm.stdout).toContain('Install it, or ignore this');
    const script = path.join(dir, 'dist', 'headless.cjs');
    const text = await readFile(script, 'latin1');
    expect(text).toContain('Install it, or ignore this');
    await writeFile(script, text.replace('Install it, or ignore this', 'INSTALL IT, or ignore this'), 'latin1');
    const r = await runCliAt(cli, ['doctor', '--json', '--home', home], userEnv(cacheHome));
    expect(r.stdout).toContain('INSTALL IT, or ignore this');
    expect(r.stdout).not.toContain('Install it, or ignore this');
    // The old build's cache is gone, the edited one's kept.
    expect(await cacheFiles(cacheHome)).toHaveLength(1);
  });

  it('a FIFO or a link to a device in its place is never read: the run neither waits nor reads /dev/zero, and the link is replaced, not followed', async () => {
    const cacheHome = await tempHome('tp-cache-');
    await doctor(userEnv(cacheHome));
    const [name] = await cacheFiles(cacheHome);
    const file = path.join(cacheDirOf(cacheHome), name!);
    await rm(file);
    execFileSync('mkfifo', [file]);
    const started = Date.now();
    const viaFifo = await doctor(userEnv(cacheHome));
    expect(Date.now() - started).toBeLessThan(20_000);
    expect({ exitCode: viaFifo.exitCode, stdout: viaFifo.stdout }).toEqual(expected);
    expect((await lstat(file)).isFile()).toBe(true);
    await rm(file);
    await symlink('/dev/zero', file);
    const viaLink = await doctor(userEnv(cacheHome));
    expect({ exitCode: viaLink.exitCode, stdout: viaLink.stdout }).toEqual(expected);
    const st = await lstat(file);
    expect(st.isSymbolicLink()).toBe(false);
    expect(st.isFile()).toBe(true);
  }, 60_000);

  it('a cache folder that cannot be made only costs speed: same report, nothing on stderr', async () => {
    const cacheHome = await tempHome('tp-cache-');
    // A file where the folder would go: mkdir fails with ENOTDIR, also for root.
    await writeFile(path.join(cacheHome, 'tp-setup'), 'not a folder\n');
    const r = await doctor(userEnv(cacheHome));
    expect({ exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr }).toEqual({ ...expected, stderr: '' });
    expect(await readFile(path.join(cacheHome, 'tp-setup'), 'utf8')).toBe('not a folder\n');
  });

  it('four first runs at once each print the same report and leave one cache and no temporary file', async () => {
    const cacheHome = await tempHome('tp-cache-');
    const runs = await Promise.all([0, 1, 2, 3].map(() => doctor(userEnv(cacheHome))));
    for (const r of runs) expect({ exitCode: r.exitCode, stdout: r.stdout }).toEqual(expected);
    expect(await cacheFiles(cacheHome)).toHaveLength(1);
    expect((await readdir(cacheDirOf(cacheHome))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const warm = await doctor(userEnv(cacheHome));
    expect({ exitCode: warm.exitCode, stdout: warm.stdout }).toEqual(expected);
  });

  it('a usage error and a line handed to main.js (doctor --fix) keep no cache', async () => {
    const cacheHome = await tempHome('tp-cache-');
    const bad = await runCli(['doctor', '--no-such-flag', '--home', home], { env: userEnv(cacheHome) });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--no-such-flag');
    expect(await cacheFiles(cacheHome)).toEqual([]);
    const fixHome = await tempHome();
    await cp(home, fixHome, { recursive: true });
    const fix = await runCli(['doctor', '--fix', '--yes', '--json', '--home', fixHome], { env: userEnv(cacheHome) });
    expect([0, 3]).toContain(fix.exitCode);
    expect(JSON.parse(fix.stdout).schemaVersion).toBe(1);
    expect(await cacheFiles(cacheHome)).toEqual([]);
  });

  it('without headless.cjs (or one that does not load) main.js runs doctor and models, with the same report', async () => {
    const dir = await tempHome('tp-dist-');
    await copyPackage(dir);
    const cli = path.join(dir, 'dist', path.basename(CLI));
    const run = (args: string[]) => runCliAt(cli, args, userEnv(path.join(dir, 'cache')));
    await rm(path.join(dir, 'dist', 'headless.cjs'));
    const missing = await run(['doctor', '--json', '--home', home]);
    expect({ exitCode: missing.exitCode, stdout: missing.stdout }).toEqual(expected);
    await writeFile(path.join(dir, 'dist', 'headless.cjs'), 'this is not JavaScript (\n');
    const broken = await run(['doctor', '--json', '--home', home]);
    expect({ exitCode: broken.exitCode, stdout: broken.stdout }).toEqual(expected);
    const models = await run(['models', '--json', '--plan', 'coding', '--region', 'intl']);
    expect(models.exitCode).toBe(0);
    expect(JSON.parse(models.stdout).schemaVersion).toBe(1);
  });

  it('a headless.cjs that is not its own CommonJS wrapper is not run as a script: main.js answers, and no cache is kept', async () => {
    const dir = await tempHome('tp-dist-');
    await copyPackage(dir);
    const script = path.join(dir, 'dist', 'headless.cjs');
    const text = await readFile(script, 'latin1');
    expect(text.startsWith(WRAPPER_HEAD)).toBe(true);
    // The module's body alone, as a bundler would write a CommonJS file.
    await writeFile(script, text.slice(WRAPPER_HEAD.length, text.lastIndexOf('})')), 'latin1');
    const cacheHome = path.join(dir, 'cache');
    const r = await runCliAt(path.join(dir, 'dist', path.basename(CLI)), ['doctor', '--json', '--home', home], userEnv(cacheHome));
    expect({ exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr }).toEqual({ ...expected, stderr: '' });
    expect(await cacheFiles(cacheHome)).toEqual([]);
  });
});

/** The package as installed: dist/, templates/ and package.json. */
async function copyPackage(dir: string): Promise<void> {
  await cp(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
  await cp(path.join(ROOT, 'templates'), path.join(dir, 'templates'), { recursive: true });
  await cp(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
}

async function runCliAt(cli: string, args: string[], env: Record<string, string>) {
  const { execa } = await import('execa');
  const r = await execa(process.execPath, [cli, ...args], { env, extendEnv: false, reject: false, stdin: 'ignore' });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}
