import type { CommonOptions } from '../args.js';
import { planFileRestore, UnparseableFile, type RestoreAction } from '../core/restore-plan.js';
import { applyWrites, ChangedOnDisk, RolledBack, type FileWrite } from '../effects/apply.js';
import { readFileState } from '../effects/fs.js';
import { resolveHomes } from '../effects/paths.js';
import { backupsDir, listRuns, loadManifest, openRun, readRunFile, saveManifest, type OpenRun } from '../effects/runs.js';
import { planSnapshots, putBackSnapshots } from '../effects/snapshots.js';
import { CliError, ExitCode } from '../exit-codes.js';
import type { Io } from './io.js';
import type { Reporter, RestoreRow } from './report.js';
import type { Prompter } from './prompter.js';

export async function runBackups(opts: CommonOptions, io: Io, reporter: Reporter): Promise<number> {
  const { stateDir } = resolveHomes(opts.home, io.env);
  reporter.backups(await listRuns(stateDir), backupsDir(stateDir));
  return ExitCode.OK;
}

/**
 * Put back what one run changed. The restore is itself a run with its own backups, so it can be
 * undone the same way.
 */
export async function runRestore(
  opts: CommonOptions & { runId: string | undefined; force: boolean },
  io: Io,
  reporter: Reporter,
  prompter: Pick<Prompter, 'askOverwrite'> | null,
): Promise<number> {
  const { stateDir } = resolveHomes(opts.home, io.env);
  let runId = opts.runId;
  if (!runId) {
    const latest = (await listRuns(stateDir)).find((r) => r.status !== 'rolled-back');
    if (!latest) throw new CliError(ExitCode.USAGE, 'error.noRuns', { dir: backupsDir(stateDir) });
    runId = latest.runId;
  }
  const loaded = await loadManifest(stateDir, runId).catch(() => null);
  if (!loaded) throw new CliError(ExitCode.USAGE, 'error.noRun', { runId });
  const { dir, manifest } = loaded;

  const rows: RestoreRow[] = [];
  const writes: FileWrite[] = [];
  // Plan every file first: one that cannot be restored safely stops the whole restore.
  for (const f of manifest.files) {
    const state = await readFileState(f.path);
    const original = f.backup ? await readRunFile(dir, f.backup) : null;
    const written = await readRunFile(dir, f.written);
    let action: RestoreAction;
    try {
      const input = { format: f.format, existedBefore: f.existedBefore, original, written, current: state.text, edits: f.edits, force: opts.force, removed: f.removed === true };
      action = planFileRestore(input);
      // In a terminal, each key the user changed since is a question, not a silent keep.
      if (prompter && action.kept.length > 0) {
        const forced: string[] = [];
        for (const key of action.kept) if (await prompter.askOverwrite(f.path, key)) forced.push(key);
        if (forced.length > 0) action = planFileRestore({ ...input, force: forced });
      }
    } catch (err) {
      if (err instanceof UnparseableFile) {
        throw new CliError(ExitCode.REFUSED, 'error.refusedParse', { path: f.path, line: err.error.line, column: err.error.column, message: err.error.message });
      }
      throw err;
    }
    rows.push({ path: f.path, outcome: action.kind, ...(action.kind === 'skip' ? { reason: action.reason } : {}), kept: action.kept });
    if (action.kind !== 'skip') {
      // secret: false keeps each file's current mode; a restore never loosens a file's mode.
      writes.push({ tool: f.tool, path: f.path, format: f.format, secret: false, before: state.text, after: action.kind === 'write' ? action.text : null, edits: action.edits });
    }
  }

  // Byte backups (OpenClaw's store and the files its commands rewrote): whole units, and only
  // while each is still exactly what the run left, unless forced.
  const snapshots = manifest.snapshots ?? [];
  const units = await planSnapshots(snapshots, opts.force);
  for (const u of units) {
    for (const p of u.paths) {
      const e = snapshots.find((x) => x.path === p);
      if (u.plan.kind === 'refuse') {
        if (u.plan.changed.includes(p)) rows.push({ path: p, outcome: 'refused', kept: [] });
      } else if (u.plan.kind === 'skip') {
        if (e) rows.push({ path: p, outcome: 'skip', reason: 'unchanged', kept: [] });
      } else if (u.plan.kind === 'held') {
        if (e) rows.push({ path: p, outcome: 'skip', reason: 'held', kept: [] });
      } else if (e || (await readFileState(p)).text !== null) {
        rows.push({ path: p, outcome: e?.existedBefore ? 'write' : 'remove', kept: [] });
      }
    }
  }

  let newRunId: string | null = null;
  try {
    let run: OpenRun | null = null;
    if (units.some((u) => u.plan.kind === 'restore')) {
      run = await openRun(stateDir, 'restore', { restoreOf: runId });
      await putBackSnapshots(snapshots, units, dir, run);
    }
    newRunId = (await applyWrites(writes, { stateDir, command: 'restore', restoreOf: runId, onProgress: (e) => reporter.progress(e), ...(run ? { run } : {}) })).runId;
    if (run) {
      run.manifest.status = 'complete';
      await saveManifest(run.dir, run.manifest);
    }
  } catch (err) {
    if (err instanceof ChangedOnDisk) throw new CliError(ExitCode.REFUSED, 'error.changedOnDisk', { path: err.paths.join(', ') });
    if (err instanceof RolledBack) throw new CliError(ExitCode.ROLLED_BACK, 'error.rolledBack', { path: err.failedPath, reason: err.reason });
    throw err;
  }
  reporter.restoreResult(runId, rows, newRunId);
  return ExitCode.OK;
}
