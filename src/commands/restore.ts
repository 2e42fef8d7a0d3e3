import type { CommonOptions } from '../args.js';
import { CliError, ExitCode } from '../core/errors.js';
import { planFileRestore, type RestoreAction } from '../core/restore-plan.js';
import type { FileWrite } from '../core/writes.js';
import { applyWrites } from '../effects/apply.js';
import { readFileState } from '../effects/fs.js';
import { backupsDir, listRuns, loadManifest, openRun, readRunFile, saveManifest, type Manifest, type OpenRun } from '../effects/runs.js';
import { planSnapshots, putBackSnapshots } from '../effects/snapshots.js';
import type { CommandContext, Outcome } from './context.js';

export interface RestoreOptions extends CommonOptions {
  readonly runId: string | undefined;
  readonly force: boolean;
}

export interface RestoreRow {
  readonly path: string;
  /** `refused`: a byte backup whose file changed since the run (put back only with --force). */
  readonly outcome: 'write' | 'remove' | 'skip' | 'refused';
  readonly reason?: string;
  readonly kept: readonly string[];
}

export interface RestoreOutcome extends Outcome {
  /** The run that was undone. */
  readonly restored: string;
  readonly rows: readonly RestoreRow[];
  /** The restore's own run (it can be undone too); null when nothing needed writing. */
  readonly runId: string | null;
}

export interface BackupsOutcome extends Outcome {
  readonly runs: readonly Manifest[];
  readonly dir: string;
}

export async function runBackups(ctx: CommandContext<CommonOptions>): Promise<BackupsOutcome> {
  return { exitCode: ExitCode.OK, runs: await listRuns(ctx.homes.stateDir), dir: backupsDir(ctx.homes.stateDir) };
}

/**
 * Put back what one run changed. The restore is itself a run with its own backups, so it can be
 * undone the same way.
 */
export async function runRestore(ctx: CommandContext<RestoreOptions>): Promise<RestoreOutcome> {
  const { opts, homes, prompter } = ctx;
  const { stateDir } = homes;
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
    const input = { path: f.path, format: f.format, existedBefore: f.existedBefore, original, written, current: state.text, edits: f.edits, force: opts.force, removed: f.removed === true };
    let action: RestoreAction = planFileRestore(input);
    // In a terminal, each key the user changed since is a question, not a silent keep.
    if (prompter && action.kept.length > 0) {
      const forced: string[] = [];
      for (const key of action.kept) if (await prompter.restoreOverwrite(f.path, key)) forced.push(key);
      if (forced.length > 0) action = planFileRestore({ ...input, force: forced });
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
      } else if (u.plan.kind === 'skip' || u.plan.kind === 'held') {
        if (e) rows.push({ path: p, outcome: 'skip', reason: u.plan.kind === 'skip' ? 'unchanged' : 'held', kept: [] });
      } else if (e || (await readFileState(p)).text !== null) {
        rows.push({ path: p, outcome: e?.existedBefore ? 'write' : 'remove', kept: [] });
      }
    }
  }

  let run: OpenRun | null = null;
  if (units.some((u) => u.plan.kind === 'restore')) {
    run = await openRun(stateDir, 'restore', { restoreOf: runId });
    await putBackSnapshots(snapshots, units, dir, run);
  }
  const newRunId = (await applyWrites(writes, { stateDir, command: 'restore', restoreOf: runId, onProgress: ctx.events, ...(run ? { run } : {}) })).runId;
  if (run) {
    run.manifest.status = 'complete';
    await saveManifest(run.dir, run.manifest);
  }
  return { exitCode: ExitCode.OK, restored: runId, rows, runId: newRunId };
}
