import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, runCli, snapshotTree, tempHome } from '../helpers/cli.js';

const KEY = 'sk-sp-test-secret-0000-5555-9f3e';
const TOOLS = 'openclaw,qwen-code,claude-code';

async function modesUnder(dir: string): Promise<{ files: Map<string, number>; dirs: Map<string, number> }> {
  const files = new Map<string, number>();
  const dirs = new Map<string, number>([[dir, (await stat(dir)).mode & 0o777]]);
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const p = path.join(e.parentPath, e.name);
    (e.isDirectory() ? dirs : files).set(p, (await stat(p)).mode & 0o777);
  }
  return { files, dirs };
}

describe('the key never shows and its files are private', () => {
  it('no output of any mode contains the key', async () => {
    const home = await tempHome();
    const env = cleanEnv(home, { K: KEY });
    const base = ['setup', '--plan', 'coding', '--region', 'cn', '--tools', TOOLS, '--yes', '--home', home];
    const runs = [
      await runCli([...base, '--key-env', 'K', '--dry-run'], { env }),
      await runCli([...base, '--key-env', 'K', '--dry-run', '--json'], { env }),
      await runCli([...base, '--key-stdin', '--json'], { env, input: `${KEY}\n` }),
      await runCli(['backups', '--home', home], { env }),
      await runCli(['backups', '--home', home, '--json'], { env }),
      await runCli(['restore', '--home', home, '--json'], { env }),
    ];
    for (const r of runs) {
      expect(r.exitCode, r.stderr).toBe(0);
      expect(r.stdout).not.toContain(KEY);
      expect(r.stderr).not.toContain(KEY);
      // The last 4 characters alone do show, as the mask's tail.
      expect(r.stdout).not.toContain('secret-0000');
    }
    // The dry-run diff does show that a key is set, masked.
    expect(runs[0]!.stdout).toContain('sk-sp-…9f3e');
    expect(JSON.parse(runs[1]!.stdout).changes.some((c: { diff?: string }) => c.diff?.includes('sk-sp-…9f3e'))).toBe(true);
  });

  it('every file holding the key is 0600, backups too, in 0700 folders', async () => {
    const home = await tempHome();
    const env = cleanEnv(home, { K: KEY });
    expect((await runCli(['--plan', 'coding', '--region', 'cn', '--tools', TOOLS, '--yes', '--key-env', 'K', '--home', home], { env })).exitCode).toBe(0);
    // A second run with a new key makes backups that hold the first key.
    expect(
      (await runCli(['--plan', 'coding', '--region', 'cn', '--tools', TOOLS, '--yes', '--key-env', 'K', '--home', home], { env: { ...env, K: `${KEY}-2` } })).exitCode,
    ).toBe(0);
    const tree = await snapshotTree(home);
    const holding = [...tree].filter(([, v]) => v.text.includes(KEY));
    expect(holding.length).toBeGreaterThanOrEqual(6);
    for (const [rel, v] of holding) expect(v.mode, rel).toBe(0o600);
    const state = path.join(home, '.local/state/tp-setup');
    const { files, dirs } = await modesUnder(state);
    for (const [p, m] of files) expect(m, p).toBe(0o600);
    for (const [p, m] of dirs) expect(m, p).toBe(0o700);
  });
});

describe('a key change shows neither key in clear', () => {
  it('the previous key, of any shape, is masked on removed lines of --dry-run and --json, as the new one is on added lines', async () => {
    const home = await tempHome();
    // An old key of no known format: masked because it is the value the new key replaces.
    const OLD = 'zzOldKeyOfNoKnownShape0000777755553333';
    const first = await runCli(['--plan', 'coding', '--region', 'cn', '--tools', TOOLS, '--yes', '--key-env', 'K', '--key-storage', 'inline', '--home', home], { env: cleanEnv(home, { K: OLD }) });
    expect(first.exitCode, first.stderr).toBe(0);
    const base = ['--plan', 'coding', '--region', 'cn', '--tools', TOOLS, '--yes', '--key-env', 'K', '--key-storage', 'inline', '--home', home, '--dry-run'];
    const env = cleanEnv(home, { K: KEY });
    const text = await runCli(base, { env });
    const json = await runCli([...base, '--json'], { env });
    for (const r of [text, json]) {
      expect(r.exitCode, r.stderr).toBe(0);
      for (const out of [r.stdout, r.stderr]) {
        expect(out).not.toContain(OLD);
        expect(out).not.toContain('NoKnownShape');
        expect(out).not.toContain('secret-0000');
      }
    }
    // The change still shows: a removed line and an added line for the key.
    expect(text.stdout).toMatch(/^-.*…3333/m);
    expect(text.stdout).toMatch(/^\+.*sk-sp-…9f3e/m);
  });
});
