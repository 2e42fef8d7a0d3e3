import type { CommonOptions } from '../args.js';
import { CliError, ExitCode } from '../core/errors.js';
import { planFileRestore, type RestoreAction } from '../core/restore-plan.js';
import type { FileWrite } from '../core/writes.js';
import { applyWrites } from '../effects/apply.js';
import { readFileState } from '../effects/fs.js';
import { isRunId, laterRuns, outsideFiles, undoneBy, wroteNothing } from '../core/usecases/restore.js';
import { backupsDir, badRunId, findManifest, listRuns, openRun, readVerified, saveManifest, type Manifest, type OpenRun } from '../effects/runs.js';
import { planSnapshots, putBackSnapshots } from '../effects/snapshots.js';
import type { CommandContext, Outcome } from './context.js';

export interface RestoreOptions extends CommonOptions {
  readonly runId: string | undefined;
  readonly force: boolean;
  /** Also undo the later runs that changed the same files, newest first (headless consent). */
  readonly withLater?: boolean;
}

export interface RestoreRow {
  readonly path: string;
  /** `refused`: a byte backup whose file changed since the run (put back only with --force). */
  readonly outcome: 'write' | 'remove' | 'skip' | 'refused';
  readonly reason?: string;
  readonly kept: readonly string[];
}

/** One run undone. */
export interface RunRestored {
  /** The run that was undone. */
  readonly restored: string;
  readonly rows: readonly RestoreRow[];
  /** The restore's own run (it can be undone too); null when nothing needed writing. */
  readonly runId: string | null;
}

export interface RestoreOutcome extends Outcome, RunRestored {
  /** Later runs on the same files, undone first, newest first. */
  readonly undoneFirst: readonly RunRestored[];
  /** The run was already undone by this restore run: nothing was written. */
  readonly alreadyUndoneBy?: string;
}

export interface BackupsOutcome extends Outcome {
  readonly runs: readonly Manifest[];
  readonly dir: string;
}

export async function runBackups(ctx: CommandContext<CommonOptions>): Promise<BackupsOutcome> {
  return { exitCode: ExitCode.OK, runs: await listRuns(ctx.homes.stateDir), dir: backupsDir(ctx.homes.stateDir) };
}

/** A run read in full before anything is written: manifest, backups checked, inside its home. */
interface LoadedRun {
  readonly dir: string;
  readonly manifest: Manifest;
  readonly texts: ReadonlyMap<string, { original: string | null; written: string }>;
}

async function loadRun(ctx: CommandContext<RestoreOptions>, runId: string): Promise<LoadedRun> {
  const { home, stateDir } = ctx.homes;
  const found = await findManifest(stateDir, runId);
  if (!found) throw new CliError(ExitCode.USAGE, 'error.noRun', { runId });
  const { dir, manifest } = found;
  const outside = outsideFiles(manifest, home, ctx.io.platform, ctx.io.env);
  if (outside.length > 0) throw new CliError(ExitCode.REFUSED, 'error.runOutside', { runId, path: outside.join(', ') });
  const texts = new Map<string, { original: string | null; written: string }>();
  for (const f of manifest.files) {
    const original = f.backup ? (await readVerified(runId, dir, f.backup, f.sha256Before)).toString('utf8') : null;
    const written = (await readVerified(runId, dir, f.written, f.sha256After)).toString('utf8');
    texts.set(f.path, { original, written });
  }
  for (const s of manifest.snapshots ?? []) if (s.backup) await readVerified(runId, dir, s.backup, s.sha256Before);
  return { dir, manifest, texts };
}

/** The run plain `restore` undoes: the latest complete one. */
function pickTarget(runs: readonly Manifest[], stateDir: string): string {
  const latest = runs.find((r) => r.status === 'complete');
  if (!latest) throw new CliError(ExitCode.USAGE, 'error.noRuns', { dir: backupsDir(stateDir) });
  return latest.runId;
}

/**
 * Put back what one run changed. The restore is itself a run with its own backups, so it can be
 * undone the same way. Runs that wrote nothing are never undone; a run later runs built on is
 * undone only after them (asked in a terminal, `--with-later` headless), so no file ends up half
 * one run and half another. Everything is read and checked before the first write.
 */
export async function runRestore(ctx: CommandContext<RestoreOptions>): Promise<RestoreOutcome> {
  const { opts, homes, prompter } = ctx;
  const { stateDir } = homes;
  if (opts.runId !== undefined && !isRunId(opts.runId)) throw badRunId(opts.runId);
  const runs = await listRuns(stateDir);
  const runId = opts.runId ?? pickTarget(runs, stateDir);
  const target = await loadRun(ctx, runId);
  const { manifest } = target;
  if (wroteNothing(manifest)) throw new CliError(ExitCode.REFUSED, 'error.runWroteNothing', { runId, status: manifest.status });
  const by = opts.force ? null : undoneBy(manifest, runs);
  if (by) return { exitCode: ExitCode.OK, restored: runId, rows: [], runId: null, alreadyUndoneBy: by, undoneFirst: [] };

  const later = laterRuns(manifest, runs).map((r) => r.runId);
  if (later.length > 0 && !opts.withLater) {
    const refusal = new CliError(ExitCode.REFUSED, 'error.restoreLaterRuns', { runId, later: later.join(', ') });
    if (!prompter || !(await prompter.undoLaterRuns(later))) throw refusal;
  }
  const chain = [...(await Promise.all(later.map((id) => loadRun(ctx, id)))), target];
  await dryRunChain(chain, opts.force);

  const undoneFirst: RunRestored[] = [];
  for (const run of chain.slice(0, -1)) undoneFirst.push(await restoreOne(ctx, run));
  const own = await restoreOne(ctx, target);
  return { exitCode: ExitCode.OK, ...own, undoneFirst };
}

/** Plan every file of every run in order, on the texts the earlier ones would leave: a file that would refuse stops it all now. */
async function dryRunChain(chain: readonly LoadedRun[], force: boolean): Promise<void> {
  const now = new Map<string, string | null>();
  for (const run of chain) {
    for (const f of run.manifest.files) {
      if (!now.has(f.path)) now.set(f.path, (await readFileState(f.path)).text);
      const t = run.texts.get(f.path)!;
      const action = planFileRestore({ path: f.path, format: f.format, existedBefore: f.existedBefore, original: t.original, written: t.written, current: now.get(f.path) ?? null, edits: f.edits, force, removed: f.removed === true });
      if (action.kind === 'write') now.set(f.path, action.text);
      else if (action.kind === 'remove') now.set(f.path, null);
    }
  }
}

async function restoreOne(ctx: CommandContext<RestoreOptions>, run: LoadedRun): Promise<RunRestored> {
  const { opts, homes, prompter } = ctx;
  const { stateDir } = homes;
  const { dir, manifest } = run;
  const runId = manifest.runId;
  const rows: RestoreRow[] = [];
  const writes: FileWrite[] = [];
  // Plan every file first: one that cannot be restored safely stops the whole restore.
  for (const f of manifest.files) {
    const state = await readFileState(f.path);
    const { original, written } = run.texts.get(f.path)!;
    const input = { path: f.path, format: f.format, existedBefore: f.existedBefore, original, written, current: state.text, edits: f.edits, force: opts.force, removed: f.removed === true };
    let action: RestoreAction = planFileRestore(input);
    // In a terminal, each key changed since (not by a later run: those were undone first) is a question.
    if (prompter && action.kept.length > 0) {
      const forced: string[] = [];
      for (const key of action.kept) if (await prompter.restoreOverwrite(f.path, key)) forced.push(key);
      if (forced.length > 0) action = planFileRestore({ ...input, force: forced });
    }
    rows.push({ path: f.path, outcome: action.kind, ...(action.kind === 'skip' ? { reason: action.reason } : {}), kept: action.kept });
    if (action.kind !== 'skip') {
      // An existing file keeps its mode (a restore never loosens it); one that comes back is
      // private again if it was private before (a key file removed by an earlier restore).
      const secret = state.text === null && f.modeBefore !== null && (f.modeBefore & 0o077) === 0;
      writes.push({ tool: f.tool, path: f.path, format: f.format, secret, before: state.text, after: action.kind === 'write' ? action.text : null, edits: action.edits });
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

  let open: OpenRun | null = null;
  if (units.some((u) => u.plan.kind === 'restore')) {
    open = await openRun(stateDir, 'restore', { restoreOf: runId });
    await putBackSnapshots(snapshots, units, dir, open);
  }
  const newRunId = (await applyWrites(writes, { stateDir, command: 'restore', restoreOf: runId, onProgress: ctx.events, ...(open ? { run: open } : {}) })).runId;
  if (open) {
    open.manifest.status = 'complete';
    await saveManifest(open.dir, open.manifest);
  }
  return { restored: runId, rows, runId: newRunId };
}
