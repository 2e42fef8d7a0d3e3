import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planFileRestore } from '../../src/core/restore-plan.js';
import { cleanEnv, PLAN_KEY, runCli, snapshotTree, tempHome } from '../helpers/cli.js';

/*
 * What restore says: a run restored twice was already undone (never "kept your later change"
 * when nobody edited anything), and a damaged run is exit 4 naming the file and the reason,
 * never an internal error.
 */

const STATE = path.join('.local', 'state', 'tp-setup', 'backups');
const TOOLS = 'claude-code,qwen-code,opencode';

async function configured(): Promise<{ home: string; env: Record<string, string>; runId: string }> {
  const home = await tempHome('rmsg-');
  const env = cleanEnv(home, { K: PLAN_KEY });
  const r = await runCli(['--plan', 'coding', '--region', 'cn', '--tools', TOOLS, '--yes', '--key-env', 'K', '--home', home, '--json'], { env });
  expect(r.exitCode, r.stderr).toBe(0);
  return { home, env, runId: JSON.parse(r.stdout).runId };
}

const userTree = async (home: string) => JSON.stringify([...(await snapshotTree(home))].filter(([k]) => !k.startsWith('.local/state/')).sort());
const runCount = async (home: string) => (await readdir(path.join(home, STATE))).length;

describe('restoring the same run twice', () => {
  it('the second restore says it was already undone, writes nothing and blames nobody (text, --json, zh-CN)', async () => {
    const { home, env, runId } = await configured();
    const first = await runCli(['restore', runId, '--home', home, '--json'], { env });
    expect(first.exitCode, first.stdout).toBe(0);
    const undoId = JSON.parse(first.stdout).runId as string;
    const tree = await userTree(home);
    const runs = await runCount(home);

    const again = await runCli(['restore', runId, '--home', home], { env });
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain(`Run ${runId} was already undone by run ${undoId}`);
    expect(again.stdout + again.stderr).not.toMatch(/kept your later change|you changed/);
    const json = JSON.parse((await runCli(['restore', runId, '--home', home, '--json'], { env })).stdout);
    expect(json).toMatchObject({ ok: true, restored: runId, runId: null, alreadyUndoneBy: undoId, files: [] });
    const zh = await runCli(['restore', runId, '--home', home, '--lang', 'zh-CN'], { env });
    expect(zh.stdout).toContain(`已被运行 ${undoId} 撤销`);
    expect(zh.stdout).not.toContain('保留了你之后');
    expect(await userTree(home)).toBe(tree);
    expect(await runCount(home)).toBe(runs);
  });

  it('--force on an undone run: every file says nothing to restore, none says kept', async () => {
    const { home, env, runId } = await configured();
    expect((await runCli(['restore', runId, '--home', home], { env })).exitCode).toBe(0);
    const tree = await userTree(home);
    const forced = await runCli(['restore', runId, '--force', '--home', home], { env });
    expect(forced.exitCode, forced.stderr).toBe(0);
    expect(forced.stdout).not.toContain('kept your later change');
    expect(await userTree(home)).toBe(tree);
  });

  it('undoing the undo brings the run back, private files private again; restoring the run then goes through that redo', async () => {
    const { home, env, runId } = await configured();
    const configuredTree = await userTree(home);
    const undo = JSON.parse((await runCli(['restore', runId, '--home', home, '--json'], { env })).stdout).runId as string;
    const redo = await runCli(['restore', undo, '--home', home, '--json'], { env });
    expect(redo.exitCode, redo.stderr).toBe(0);
    const redoId = JSON.parse(redo.stdout).runId as string;
    // Byte for byte and mode for mode: key files come back 0600.
    expect(await userTree(home)).toBe(configuredTree);
    // The run's effect now lives in the redo: headless, restore names it instead of guessing.
    const again = await runCli(['restore', runId, '--home', home, '--json'], { env });
    expect(again.exitCode).toBe(4);
    expect(JSON.parse(again.stdout).error).toMatchObject({ code: 'error.restoreLaterRuns', params: { later: redoId } });
    const both = await runCli(['restore', runId, '--with-later', '--home', home], { env });
    expect(both.exitCode, both.stderr).toBe(0);
    expect(both.stdout).not.toContain('kept your later change');
    expect(await userTree(home)).toBe('[]');
  });

  it('the pure plan: a file already back to its old bytes is "nothing to restore", with nothing kept', () => {
    const original = '{\n  "a": 1\n}\n';
    const written = '{\n  "a": 2,\n  "b": 3\n}\n';
    const edits = [
      { op: 'set' as const, path: ['a'], value: 2, previousExisted: true, previous: 1 },
      { op: 'set' as const, path: ['b'], value: 3, previousExisted: false },
    ];
    const action = planFileRestore({ format: 'json', existedBefore: true, original, written, current: original, edits, force: false });
    expect(action).toEqual({ kind: 'skip', reason: 'unchanged', kept: [] });
    expect(planFileRestore({ format: 'json', existedBefore: true, original, written, current: original, edits, force: true })).toEqual({ kind: 'skip', reason: 'unchanged', kept: [] });
  });
});

describe('damaged runs are exit 4 with file and reason, never an internal error', () => {
  it('deleted backups, a corrupt manifest, a missing manifest, a run folder that is a file', async () => {
    const { home, env, runId } = await configured();
    const dir = path.join(home, STATE, runId);
    const tree = await userTree(home);
    const manifest = await readFile(path.join(dir, 'manifest.json'), 'utf8');

    await rm(path.join(dir, 'files'), { recursive: true });
    for (const lang of ['en', 'zh-CN']) {
      const r = await runCli(['restore', runId, '--home', home, '--lang', lang], { env });
      expect(r.exitCode, r.stderr).toBe(4);
      expect(r.stderr).toContain(path.join(dir, 'files'));
      expect(r.stderr).toContain('missing');
      expect(r.stderr).not.toMatch(/Internal error|内部错误/);
    }
    await mkdir(path.join(dir, 'files'));
    await writeFile(path.join(dir, 'manifest.json'), manifest.slice(0, manifest.length / 2));
    let r = await runCli(['restore', runId, '--home', home, '--json'], { env });
    expect(r.exitCode).toBe(4);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'error.runDamaged', params: { runId, file: path.join(dir, 'manifest.json') } });
    expect(JSON.parse(r.stdout).error.params.reason).toMatch(/not JSON/);
    // Plain restore skips a damaged run instead of crashing on it.
    r = await runCli(['restore', '--home', home], { env });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).not.toContain('Internal error');
    await rm(path.join(dir, 'manifest.json'));
    r = await runCli(['restore', runId, '--home', home], { env });
    expect(r.exitCode).toBe(4);
    expect(r.stderr).toContain('manifest.json');
    await rm(dir, { recursive: true });
    await writeFile(dir, 'not a folder');
    r = await runCli(['restore', runId, '--home', home], { env });
    expect(r.exitCode).toBe(4);
    expect(r.stderr).toContain('not a folder');
    // backups lists what it can and never fails on them.
    expect((await runCli(['backups', '--home', home], { env })).exitCode).toBe(0);
    expect(await userTree(home)).toBe(tree);
  });
});
