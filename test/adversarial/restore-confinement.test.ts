import fc from 'fast-check';
import { mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedFiles, isAllowedFile, isRunId, outsideFiles, parseManifest, pathEnv, type Manifest } from '../../src/core/usecases/restore.js';
import { cleanEnv, PLAN_KEY, runCli, snapshotTree, tempHome } from '../helpers/cli.js';

/*
 * restore only ever writes files the adapters name for the run's home, from plain files inside
 * the run's own folder whose bytes match the manifest; anything else is exit 4 (or 2 for an id
 * that is not a run id) and nothing is written.
 */

const sha = (t: string | Buffer) => createHash('sha256').update(t).digest('hex');
const STATE = '.local/state/tp-setup/backups';

async function setupRun(extraEnv: Record<string, string> = {}): Promise<{ home: string; env: Record<string, string>; runId: string; dir: string }> {
  const home = await tempHome('rconf-');
  const env = cleanEnv(home, { K: PLAN_KEY, ...extraEnv });
  const r = await runCli(['--plan', 'coding', '--region', 'cn', '--tools', 'claude-code', '--yes', '--key-env', 'K', '--home', home, '--json'], { env });
  expect(r.exitCode, r.stderr).toBe(0);
  const { runId } = JSON.parse(r.stdout) as { runId: string };
  return { home, env, runId, dir: path.join(home, STATE, runId) };
}

const manifestOf = async (dir: string): Promise<Manifest> => JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
const saveManifest = (dir: string, m: unknown) => writeFile(path.join(dir, 'manifest.json'), JSON.stringify(m, null, 2));

/** Every file of the home but the backups, to prove a refused restore wrote nothing. */
async function userTree(home: string): Promise<string> {
  const t = await snapshotTree(home);
  return JSON.stringify([...t].filter(([k]) => !k.startsWith('.local/state/')).sort());
}

const base = (over: Partial<Manifest> = {}): Manifest => ({ schemaVersion: 1, runId: '20261122T150102Z-3fa9', command: 'setup', createdAt: '2026-11-22T15:01:02.000Z', status: 'complete', files: [], ...over });

describe('run ids', () => {
  it('accepts exactly the shape newRunId makes', () => {
    expect(isRunId('20261122T150102Z-3fa9')).toBe(true);
    for (const bad of ['../../x', '20261122T150102Z-3fa9/..', '20261122T150102Z-3FA9', '20261122T150102Z-3fa', '/abs', '', '.', '20261122T150102Z-3fa9\n', 'x20261122T150102Z-3fa9']) expect(isRunId(bad), bad).toBe(false);
    fc.assert(fc.property(fc.string(), (s) => !isRunId(s) || /^\d{8}T\d{6}Z-[0-9a-f]{4}$/.test(s)), { numRuns: 2000 });
  });

  it('restore ../../x and other non-ids exit 2 before reading anything, even with a planted manifest there', async () => {
    const home = await tempHome('rconf-');
    const env = cleanEnv(home);
    // A manifest planted where ../../x would lead, pointing at a file outside the home.
    const planted = path.join(home, '.local', 'x');
    await mkdir(path.join(planted, 'files'), { recursive: true });
    const victim = path.join(home, '..', `victim-${path.basename(home)}`);
    await writeFile(path.join(planted, 'files', 'a'), 'evil');
    await saveManifest(planted, base({ runId: 'x', files: [{ tool: 'claude-code', path: victim, format: 'text' as never, existedBefore: false, backup: null, written: 'files/a', sha256Before: null, sha256After: sha('evil'), modeBefore: null, modeAfter: 384, edits: [], removed: true }] }));
    for (const id of ['../../x', '../x', '..', '/etc', `${'2'.repeat(8)}T000000Z-zzzz`]) {
      const r = await runCli(['restore', id, '--home', home, '--json'], { env });
      expect(r.exitCode, `${id}: ${r.stdout}`).toBe(2);
      const err = JSON.parse(r.stdout).error;
      expect(err.code).toBe('error.noRun');
      expect(err.details.map((d: { code: string }) => d.code)).toEqual(['error.badRunId']);
    }
    await expect(stat(victim)).rejects.toThrow();
  });
});

describe('the files a run may name', () => {
  it('records the path variables the adapters read, and nothing else', () => {
    const env = { OPENCLAW_STATE_DIR: '/o', QWEN_HOME: '/q', CLAUDE_CONFIG_DIR: '/c', CODEX_HOME: '/x', HERMES_HOME: '/h', OPENCODE_CONFIG: '/oc.json', KILO_CONFIG_DIR: '/k', PATH: '/bin', ANTHROPIC_API_KEY: 'sk-ant-x', HOME: '/home/u' };
    const got = pathEnv(env, '/home/u', 'linux');
    for (const k of ['OPENCLAW_STATE_DIR', 'QWEN_HOME', 'CLAUDE_CONFIG_DIR', 'CODEX_HOME', 'HERMES_HOME', 'OPENCODE_CONFIG', 'KILO_CONFIG_DIR']) expect(got[k], k).toBe(env[k as keyof typeof env]);
    // XDG folders count where no tool-specific variable overrides them.
    expect(pathEnv({ XDG_CONFIG_HOME: '/xc', XDG_DATA_HOME: '/xd' }, '/home/u', 'linux')).toEqual({ XDG_CONFIG_HOME: '/xc', XDG_DATA_HOME: '/xd' });
    expect(got).not.toHaveProperty('PATH');
    expect(got).not.toHaveProperty('ANTHROPIC_API_KEY');
    // With none set, the adapters still read each of these names (the set is derived, not listed).
    const read = Object.keys(pathEnv(Object.fromEntries(['OPENCLAW_CONFIG_PATH', 'OPENCLAW_HOME', 'OPENCODE_CONFIG_DIR', 'KILO_CONFIG'].map((k) => [k, `/v/${k}`])), '/home/u', 'linux'));
    expect(read.sort()).toEqual(['KILO_CONFIG', 'OPENCLAW_CONFIG_PATH', 'OPENCLAW_HOME', 'OPENCODE_CONFIG_DIR']);
  });

  it('allows the targets, profiles and OpenClaw state files of the home, and no path outside them (fast-check)', () => {
    const home = '/home/u';
    const allowed = allowedFiles({ home, env: {}, platform: 'linux', versions: {} }, []);
    for (const p of ['/home/u/.claude/settings.json', '/home/u/.claude.json', '/home/u/.bashrc', '/home/u/.zshrc', '/home/u/.openclaw/openclaw.json', '/home/u/.openclaw/state/openclaw.sqlite', '/home/u/.openclaw/agents/main/agent/auth-profiles.json', '/home/u/.codex/config.toml', '/home/u/.qwen/settings.json']) {
      expect(isAllowedFile(p, allowed), p).toBe(true);
    }
    for (const p of ['/etc/passwd', '/home/u/.ssh/authorized_keys', '/home/u/.claude/../.ssh/id_rsa', '/home/u//.bashrc', 'relative/.bashrc', '/home/u/.openclaw/agents/main/agent/../../../../.ssh/x', '/home/u/.openclaw/agents/a/b/agent/x', '/home/u/.bashrc\0']) {
      expect(isAllowedFile(p, allowed), p).toBe(false);
    }
    const segment = fc.stringMatching(/^[a-z.]{1,8}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.constantFrom('/', '/home/u/', '/home/u/.ssh/', '/tmp/', '/home/u/.claude/../'), (parts, prefix) => {
        const p = prefix + parts.join('/');
        if (!isAllowedFile(p, allowed)) return true;
        // Whatever is allowed lies under the home, with no part climbing out.
        return p.startsWith('/home/u/') && !p.split('/').includes('..');
      }),
      { numRuns: 3000 },
    );
  });

  it('a recorded path variable moves the allowed set with it', () => {
    const m = base({ env: { CLAUDE_CONFIG_DIR: '/opt/claude' }, files: [{ tool: 'claude-code', path: '/opt/claude/settings.json', format: 'json', existedBefore: false, backup: null, written: 'files/01-settings.json.after', sha256Before: null, sha256After: sha(''), modeBefore: null, modeAfter: 384, edits: [] }] });
    // Outside the home, a recorded value counts only while the shell has it too.
    expect(outsideFiles(m, '/home/u', 'linux', { CLAUDE_CONFIG_DIR: '/opt/claude' })).toEqual([]);
    expect(outsideFiles(m, '/home/u', 'linux')).toEqual(['/opt/claude/settings.json']);
    const inside = { ...m, env: { CLAUDE_CONFIG_DIR: '/home/u/alt' }, files: [{ ...m.files[0]!, path: '/home/u/alt/settings.json' }] };
    expect(outsideFiles(inside, '/home/u', 'linux')).toEqual([]);
    expect(outsideFiles({ ...inside, env: {} }, '/home/u', 'linux')).toEqual(['/home/u/alt/settings.json']);
  });
});

describe('path variables recorded at run time', () => {
  it('a run made with CLAUDE_CONFIG_DIR records it, and restore in a shell without it still undoes that folder', async () => {
    const home = await tempHome('rconf-');
    const other = path.join(home, 'elsewhere', 'claude');
    const env = cleanEnv(home, { K: PLAN_KEY, CLAUDE_CONFIG_DIR: other });
    const r = await runCli(['--plan', 'coding', '--region', 'cn', '--tools', 'claude-code', '--yes', '--key-env', 'K', '--home', home, '--json'], { env });
    expect(r.exitCode, r.stderr).toBe(0);
    const { runId } = JSON.parse(r.stdout) as { runId: string };
    const m = await manifestOf(path.join(home, STATE, runId));
    expect(m.env).toMatchObject({ CLAUDE_CONFIG_DIR: other });
    expect(m.env).not.toHaveProperty('K');
    expect(m.files.map((f) => f.path)).toContain(path.join(other, 'settings.json'));
    const restore = await runCli(['restore', runId, '--home', home, '--json'], { env: cleanEnv(home) });
    expect(restore.exitCode, restore.stdout).toBe(0);
    await expect(stat(path.join(other, 'settings.json'))).rejects.toThrow();
    // A recorded variable edited to point elsewhere is a tampered manifest: its sha256 chain breaks.
    const m2 = { ...m, env: { CLAUDE_CONFIG_DIR: '/etc' }, files: m.files.map((f) => ({ ...f, path: f.path.replace(other, '/etc') })) };
    await saveManifest(path.join(home, STATE, runId), m2);
    const bad = await runCli(['restore', runId, '--home', home, '--json'], { env: cleanEnv(home) });
    expect(bad.exitCode, bad.stdout).toBe(4);
    expect(JSON.parse(bad.stdout).error.code).toBe('error.runOutside');
    // Honoured when the shell has the same value (the user's own setting).
    expect(outsideFiles(m2, home, 'linux', { CLAUDE_CONFIG_DIR: '/etc' })).toEqual([]);
  });
});

describe('manifests restore refuses (exit 4, nothing written)', () => {
  it('an absolute path outside the home in a real run is refused', async () => {
    const { home, env, runId, dir } = await setupRun();
    const outside = path.join(path.dirname(home), `outside-${path.basename(home)}.txt`);
    const m = await manifestOf(dir);
    m.files[0] = { ...m.files[0]!, path: outside };
    await saveManifest(dir, m);
    const before = await userTree(home);
    const r = await runCli(['restore', runId, '--home', home, '--json'], { env });
    expect(r.exitCode, r.stdout).toBe(4);
    expect(JSON.parse(r.stdout).error.code).toBe('error.runOutside');
    expect(JSON.parse(r.stdout).error.message).toContain(outside);
    await expect(stat(outside)).rejects.toThrow();
    expect(await userTree(home)).toBe(before);
  });

  it('many planted paths (fast-check): every one outside the adapters\' files is refused with no write', async () => {
    const { home, env, runId, dir } = await setupRun();
    const original = await manifestOf(dir);
    const before = await userTree(home);
    const candidates = fc.sample(
      fc.oneof(
        fc.constantFrom('/etc/x', '/tmp/tp-planted', `${home}/.ssh/authorized_keys`, `${home}/.claude/../.ssh/k`, `${home}/.claude/settings.json/../../x`, `${home}/.openclaw/agents/a/b/c/d`, `${home}//.bashrc`, '.bashrc', `${home}/.config/autostart/x.desktop`),
        fc.stringMatching(/^[a-z]{1,6}(\/[a-z.]{1,6}){0,3}$/).map((s) => `${home}/${s}`),
      ),
      { numRuns: 20, seed: 42 },
    );
    let refused = 0;
    for (const p of candidates) {
      const allowed = outsideFiles({ ...original, files: [{ ...original.files[0]!, path: p }] }, home, 'linux').length === 0;
      if (allowed) continue;
      await saveManifest(dir, { ...original, files: [{ ...original.files[0]!, path: p }, ...original.files.slice(1)] });
      const r = await runCli(['restore', runId, '--home', home, '--json'], { env });
      expect(r.exitCode, `${p}: ${r.stdout}${r.stderr}`).toBe(4);
      refused++;
    }
    expect(refused).toBeGreaterThan(10);
    expect(await userTree(home)).toBe(before);
  }, 40_000);

  it('backup entries that climb out, symlinks inside the run folder, a run folder that is a link: refused', async () => {
    const { home, env, runId, dir } = await setupRun();
    const original = await manifestOf(dir);
    const secret = path.join(path.dirname(home), `secret-${path.basename(home)}`);
    await writeFile(secret, '{"env":{"STOLEN":"1"}}');
    const before = await userTree(home);
    const f0 = original.files[0]!;
    const cases: [string, () => Promise<void>][] = [
      ['written ../../', () => saveManifest(dir, { ...original, files: [{ ...f0, written: `files/../../../../${path.basename(secret)}` }] })],
      ['written absolute', () => saveManifest(dir, { ...original, files: [{ ...f0, written: secret }] })],
      ['symlinked backup', async () => {
        await saveManifest(dir, original);
        await rm(path.join(dir, f0.written));
        await symlink(secret, path.join(dir, f0.written));
      }],
      ['symlinked manifest', async () => {
        await writeFile(`${secret}.json`, JSON.stringify(original));
        await rm(path.join(dir, 'manifest.json'));
        await symlink(`${secret}.json`, path.join(dir, 'manifest.json'));
      }],
    ];
    for (const [name, plant] of cases) {
      await plant();
      const r = await runCli(['restore', runId, '--home', home, '--json'], { env });
      expect(r.exitCode, `${name}: ${r.stdout}${r.stderr}`).toBe(4);
      expect(JSON.parse(r.stdout).error.code, name).toMatch(/^error\.run(Damaged|Outside)$/);
      expect(await userTree(home), name).toBe(before);
    }
    // A run folder that is itself a link to a folder elsewhere.
    const elsewhere = await tempHome('rconf-else-');
    const linked = path.join(home, STATE, '20261122T150102Z-0bad');
    await symlink(elsewhere, linked);
    const r = await runCli(['restore', '20261122T150102Z-0bad', '--home', home, '--json'], { env });
    expect(r.exitCode, r.stdout).toBe(4);
  });

  it('bad JSON, wrong schema, wrong field types, a sha256 that does not match, a deleted backup: exit 4 naming file and reason', async () => {
    const { home, env, runId, dir } = await setupRun();
    const original = await manifestOf(dir);
    const before = await userTree(home);
    const f0 = original.files[0]!;
    const cases: [string, string | object, RegExp][] = [
      ['bad JSON', '{"schemaVersion": 1,', /not JSON/],
      ['wrong schema version', { ...original, schemaVersion: 2 }, /schemaVersion/],
      ['files not a list', { ...original, files: 'x' }, /files/],
      ['path a number', { ...original, files: [{ ...f0, path: 7 }] }, /path/],
      ['edits not a list', { ...original, files: [{ ...f0, edits: {} }] }, /edits/],
      ['unknown status', { ...original, status: 'done' }, /status/],
      ['run id not its folder', { ...original, runId: '20261122T150102Z-0000' }, /folder/],
      ['sha256 changed', { ...original, files: [{ ...f0, sha256After: sha('something else') }] }, /sha256/],
    ];
    for (const [name, m, reason] of cases) {
      await writeFile(path.join(dir, 'manifest.json'), typeof m === 'string' ? m : JSON.stringify(m));
      const r = await runCli(['restore', runId, '--home', home, '--json'], { env });
      expect(r.exitCode, `${name}: ${r.stdout}`).toBe(4);
      const err = JSON.parse(r.stdout).error;
      expect(err.code, name).toBe('error.runDamaged');
      expect(err.message, name).toMatch(reason);
      expect(err.params.file, name).toContain(dir);
      expect(await userTree(home), name).toBe(before);
    }
    // The backup's bytes edited under an intact manifest.
    await saveManifest(dir, original);
    await writeFile(path.join(dir, f0.written), '{"tampered":true}');
    let r = await runCli(['restore', runId, '--home', home], { env });
    expect(r.exitCode).toBe(4);
    expect(r.stderr).toContain('sha256');
    expect(r.stderr).not.toContain('Internal error');
    // The backup files deleted.
    for (const f of await readdir(path.join(dir, 'files'))) await rm(path.join(dir, 'files', f));
    r = await runCli(['restore', runId, '--home', home], { env });
    expect(r.exitCode).toBe(4);
    expect(r.stderr).toMatch(/missing/);
    expect(r.stderr).toContain(path.join(dir, 'files'));
    expect(r.stderr).not.toContain('Internal error');
    expect(await userTree(home)).toBe(before);
  }, 40_000);

  it('the pure schema check (fast-check): random field values never parse as a valid manifest unless well typed', () => {
    const good = base({ files: [{ tool: 'claude-code', path: '/home/u/.claude/settings.json', format: 'json', existedBefore: true, backup: 'files/01-a.before', written: 'files/01-a.after', sha256Before: sha('a'), sha256After: sha('b'), modeBefore: 420, modeAfter: 384, edits: [{ op: 'set', path: ['env', 'X'], value: '1' } as never] }] });
    expect(parseManifest(JSON.stringify(good), good.runId).ok).toBe(true);
    const fields = ['path', 'backup', 'written', 'sha256Before', 'sha256After', 'modeBefore', 'existedBefore', 'edits'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.boolean(), fc.object()), (field, value) => {
        const m = { ...good, files: [{ ...good.files[0]!, [field]: value }] };
        const res = parseManifest(JSON.stringify(m), good.runId);
        if (!res.ok) return true;
        // What still parses is well typed, and a backup never names a path outside files/.
        const f = res.manifest.files[0]!;
        return typeof f.path === 'string' && typeof f.written === 'string' && /^files\/[^/]+$/.test(f.written) && (f.backup === null || /^files\/[^/]+$/.test(f.backup));
      }),
      { numRuns: 1500 },
    );
  });
});
