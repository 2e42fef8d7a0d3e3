import fc from 'fast-check';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { laterRuns, undoneBy, type Manifest } from '../../src/core/usecases/restore.js';
import { cleanEnv, PLAN_KEY, runCli, snapshotTree, tempHome } from '../helpers/cli.js';
import { KEYS, PtyRun } from '../helpers/pty.js';

/*
 * Restoring a run that later runs built on never leaves a mixed config: later runs are undone
 * first (asked in a terminal, --with-later headless) or nothing is written (exit 4). doctor flags
 * the mixed config itself: a plan key sent without its base URL, two credentials at once.
 */

const SETUP = ['--plan', 'coding', '--region', 'cn', '--tools', 'claude-code', '--yes', '--key-env', 'K'];
const OLD_API_KEY = 'sk-ant-test-0000-1111-2222-old0';
const ORIGINAL = `{\n  "env": {\n    "ANTHROPIC_API_KEY": "${OLD_API_KEY}"\n  }\n}\n`;
const keyN = (n: number) => `sk-sp-test-0000-1111-2222-${n.toString(16).padStart(4, '0')}`;

async function claudeHome(): Promise<{ home: string; env: Record<string, string>; settings: string }> {
  const home = await tempHome('rorder-');
  await mkdir(path.join(home, '.claude'), { recursive: true });
  const settings = path.join(home, '.claude', 'settings.json');
  await writeFile(settings, ORIGINAL);
  return { home, env: cleanEnv(home, { K: PLAN_KEY }), settings };
}

const userTree = async (home: string) => JSON.stringify([...(await snapshotTree(home))].filter(([k]) => !k.startsWith('.local/state/')).sort());

async function setupThenKey(): Promise<{ home: string; env: Record<string, string>; settings: string; setupId: string; keyId: string }> {
  const h = await claudeHome();
  const s = await runCli([...SETUP, '--home', h.home, '--json'], { env: h.env });
  expect(s.exitCode, s.stderr).toBe(0);
  const k = await runCli(['key', '--key-stdin', '--home', h.home, '--json'], { env: h.env, input: keyN(1) });
  expect(k.exitCode, k.stdout + k.stderr).toBe(0);
  return { ...h, setupId: JSON.parse(s.stdout).runId, keyId: JSON.parse(k.stdout).runId };
}

describe('restoring a run later runs built on', () => {
  it('headless: refuses with exit 4 naming the later run, writing nothing; --with-later undoes both and the original bytes come back', async () => {
    const { home, env, settings, setupId, keyId } = await setupThenKey();
    const before = await userTree(home);
    const refused = await runCli(['restore', setupId, '--yes', '--home', home, '--json'], { env });
    expect(refused.exitCode, refused.stdout).toBe(4);
    expect(JSON.parse(refused.stdout).error).toMatchObject({ code: 'error.restoreLaterRuns', params: { runId: setupId, later: keyId } });
    expect(await userTree(home)).toBe(before);

    const both = await runCli(['restore', setupId, '--with-later', '--home', home, '--json'], { env });
    expect(both.exitCode, both.stdout).toBe(0);
    const doc = JSON.parse(both.stdout);
    expect(doc.undoneFirst.map((r: { restored: string }) => r.restored)).toEqual([keyId]);
    expect(doc.restored).toBe(setupId);
    expect(await readFile(settings, 'utf8')).toBe(ORIGINAL);
  }, 30_000);

  it('the env twin TP_SETUP_WITH_LATER does the same', async () => {
    const { home, env, settings, setupId } = await setupThenKey();
    const r = await runCli(['restore', setupId, '--home', home], { env: { ...env, TP_SETUP_WITH_LATER: '1' } });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(await readFile(settings, 'utf8')).toBe(ORIGINAL);
    expect(r.stdout).toContain('Undoing later run');
  });

  it('in a terminal it offers to undo the later runs first; no writes nothing, yes undoes both', async () => {
    const { home, env, settings, setupId, keyId } = await setupThenKey();
    const before = await userTree(home);
    const no = new PtyRun(['restore', setupId, '--home', home], { ...env, TERM: 'xterm' });
    await no.waitFor(`Later runs changed the same files: ${keyId}`);
    no.write('n');
    no.write(KEYS.enter);
    expect(await no.exited).toBe(4);
    expect(await userTree(home)).toBe(before);
    const yes = new PtyRun(['restore', setupId, '--home', home], { ...env, TERM: 'xterm' });
    await yes.waitFor('Undo them first');
    yes.write('y');
    yes.write(KEYS.enter);
    expect(await yes.exited).toBe(0);
    expect(await readFile(settings, 'utf8')).toBe(ORIGINAL);
  }, 30_000);

  it('random sequences of setup, key and restore (fast-check): undoing the first run with --with-later gives back the original bytes (or says it was undone already), never a mixed config', async () => {
    const op = fc.constantFrom('setup-a', 'setup-b', 'key', 'restore');
    const seqs = fc.sample(fc.array(op, { minLength: 1, maxLength: 4 }), { numRuns: 4, seed: 7 });
    let n = 10;
    for (const seq of seqs) {
      const { home, env, settings } = await claudeHome();
      const first = await runCli([...SETUP, '--home', home, '--json'], { env });
      const firstId = JSON.parse(first.stdout).runId as string;
      for (const o of seq) {
        if (o === 'setup-a' || o === 'setup-b') await runCli([...SETUP, '--model', o === 'setup-a' ? 'qwen3.7-plus' : 'qwen3.5-plus', '--home', home], { env });
        else if (o === 'key') await runCli(['key', '--key-stdin', '--home', home], { env, input: keyN(n++) });
        else await runCli(['restore', '--home', home, '--with-later'], { env });
      }
      const r = await runCli(['restore', firstId, '--with-later', '--home', home, '--json'], { env });
      expect(r.exitCode, `${seq.join(' ')}: ${r.stdout}${r.stderr}`).toBe(0);
      const doc = JSON.parse(r.stdout);
      // Undone already (a plain restore did it): what is there now is later runs' own, whole.
      if (doc.alreadyUndoneBy) {
        const text = await readFile(settings, 'utf8');
        expect(text === ORIGINAL || !text.includes(OLD_API_KEY), `${seq.join(' ')}: ${text}`).toBe(true);
      } else expect(await readFile(settings, 'utf8'), seq.join(' ')).toBe(ORIGINAL);
      const d = await runCli(['doctor', '--tools', 'claude-code', '--home', home, '--json'], { env });
      const codes = (JSON.parse(d.stdout).findings as { code: string }[]).map((f) => f.code);
      expect(codes, seq.join(' ')).not.toContain('PLAN_KEY_NO_BASE_URL');
      expect(codes, seq.join(' ')).not.toContain('TWO_CREDENTIALS');
    }
  }, 40_000);
});

describe('which later runs count (pure)', () => {
  const run = (id: number, files: string[], over: Partial<Manifest> = {}): Manifest => ({
    schemaVersion: 1, runId: `20261122T1501${String(id).padStart(2, '0')}Z-000${id % 10}`, command: 'setup', createdAt: `2026-11-22T15:01:${String(id).padStart(2, '0')}.000Z`, status: 'complete',
    files: files.map((p) => ({ tool: 'claude-code', path: p, format: 'json', existedBefore: true, backup: null, written: 'files/x', sha256Before: null, sha256After: '0'.repeat(64), modeBefore: null, modeAfter: null, edits: [] })), ...over,
  });

  it('later runs on the same files, newest first; an undone pair cancels; a run on a later run\'s file follows it; runs that wrote nothing never count', () => {
    const a = run(1, ['/h/s']);
    const b = run(2, ['/h/s', '/h/p']);
    const c = run(3, ['/h/p']);
    const d = run(4, ['/h/other']);
    const e = run(5, ['/h/s'], { status: 'refused', files: [] });
    expect(laterRuns(a, [a, b, c, d, e]).map((r) => r.runId)).toEqual([c.runId, b.runId]);
    const undoB = run(6, ['/h/s', '/h/p'], { command: 'restore', restoreOf: b.runId });
    expect(laterRuns(a, [a, b, undoB]).map((r) => r.runId)).toEqual([]);
    expect(undoneBy(b, [a, b, undoB])).toBe(undoB.runId);
    const redo = run(7, ['/h/s', '/h/p'], { command: 'restore', restoreOf: undoB.runId });
    expect(undoneBy(b, [a, b, undoB, redo])).toBe(null);
    expect(laterRuns(a, [a, b, undoB, redo]).map((r) => r.runId)).toEqual([redo.runId]);
  });

  it('(fast-check) the later runs are after the target, touch its files or theirs, and come newest first', () => {
    const files = ['/h/a', '/h/b', '/h/c'];
    fc.assert(
      fc.property(fc.array(fc.subarray(files, { minLength: 1 }), { minLength: 1, maxLength: 8 }), fc.nat(), (sets, pick) => {
        const runs = sets.map((s, i) => run(i + 1, s));
        const target = runs[pick % runs.length]!;
        const later = laterRuns(target, runs);
        const seen = new Set(target.files.map((f) => f.path));
        const chrono = [...later].reverse();
        for (const r of chrono) {
          if (r.createdAt <= target.createdAt) return false;
          if (!r.files.some((f) => seen.has(f.path))) return false;
          for (const f of r.files) seen.add(f.path);
        }
        return later.every((r, i) => i === 0 || r.createdAt < later[i - 1]!.createdAt);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('doctor on the mixed config', () => {
  const doctor = async (home: string, env: Record<string, string>) => {
    const r = await runCli(['doctor', '--tools', 'claude-code', '--home', home, '--json'], { env });
    return { exit: r.exitCode, codes: (JSON.parse(r.stdout).findings as { code: string; severity: string }[]).filter((f) => f.severity === 'error').map((f) => f.code) };
  };

  it('a plan key with no base URL, and two credentials at once, are errors (exit 3), not "No problems found"', async () => {
    const home = await tempHome('rorder-');
    await mkdir(path.join(home, '.claude'), { recursive: true });
    const file = path.join(home, '.claude', 'settings.json');
    await writeFile(file, JSON.stringify({ env: { ANTHROPIC_AUTH_TOKEN: PLAN_KEY, ANTHROPIC_API_KEY: OLD_API_KEY } }));
    let d = await doctor(home, cleanEnv(home));
    expect(d.exit).toBe(3);
    expect(d.codes).toEqual(expect.arrayContaining(['PLAN_KEY_NO_BASE_URL', 'TWO_CREDENTIALS']));
    // Only the plan key, still no base URL.
    await writeFile(file, JSON.stringify({ env: { ANTHROPIC_AUTH_TOKEN: PLAN_KEY } }));
    d = await doctor(home, cleanEnv(home));
    expect(d.codes).toContain('PLAN_KEY_NO_BASE_URL');
    // The plan key exported in the shell, nothing in the file.
    await writeFile(file, '{}');
    d = await doctor(home, cleanEnv(home, { ANTHROPIC_API_KEY: PLAN_KEY }));
    expect(d.codes).toContain('PLAN_KEY_NO_BASE_URL');
    // A base URL on Anthropic's own host counts as none.
    await writeFile(file, JSON.stringify({ env: { ANTHROPIC_AUTH_TOKEN: PLAN_KEY, ANTHROPIC_BASE_URL: 'https://api.anthropic.com' } }));
    d = await doctor(home, cleanEnv(home));
    expect(d.codes).toContain('PLAN_KEY_NO_BASE_URL');
    // Text and zh-CN name it too.
    await writeFile(file, JSON.stringify({ env: { ANTHROPIC_AUTH_TOKEN: PLAN_KEY, ANTHROPIC_API_KEY: OLD_API_KEY } }));
    const zh = await runCli(['doctor', '--tools', 'claude-code', '--home', home, '--lang', 'zh-CN'], { env: cleanEnv(home) });
    expect(zh.stdout).toContain('PLAN_KEY_NO_BASE_URL');
    expect(zh.stdout).toContain('两个凭据');
    expect(zh.stdout).not.toContain('No problems found');
  });

  it('a setup config is clean of both; a config with no plan key raises neither', async () => {
    const home = await tempHome('rorder-');
    const env = cleanEnv(home, { K: PLAN_KEY });
    expect((await runCli([...SETUP, '--home', home], { env })).exitCode).toBe(0);
    let d = await doctor(home, env);
    expect(d.codes).not.toContain('PLAN_KEY_NO_BASE_URL');
    expect(d.codes).not.toContain('TWO_CREDENTIALS');
    await writeFile(path.join(home, '.claude', 'settings.json'), JSON.stringify({ env: { ANTHROPIC_API_KEY: OLD_API_KEY } }));
    d = await doctor(home, env);
    expect(d.codes).toEqual([]);
  });
});
