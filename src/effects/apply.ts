import { fsp } from './builtins.js';
import path from 'node:path';
import type { Answers } from '../core/adapters/index.js';
import { CliError, ExitCode } from '../core/errors.js';
import type { FileWrite } from '../core/writes.js';
import { makeDirs, readFileState, refusal, removeFile, resolveTarget, sha256, targetMode, writeAtomic } from './fs.js';
import { createRunDir, entryCount, newRunId, saveManifest, writeRunFile, type Manifest, type ManifestFile, type OpenRun } from './runs.js';


export type Progress =
  | { readonly type: 'backup'; readonly path: string }
  | { readonly type: 'write'; readonly path: string }
  | { readonly type: 'remove'; readonly path: string }
  | { readonly type: 'rollback'; readonly path: string };

export interface ApplyOptions {
  readonly stateDir: string;
  readonly command: string;
  readonly answers?: Answers;
  readonly restoreOf?: string;
  readonly onProgress?: (event: Progress) => void;
  /** Add to this run instead of starting one; the caller marks it complete. */
  readonly run?: OpenRun;
}

export interface ApplyResult {
  /** null when nothing needed writing. */
  readonly runId: string | null;
  readonly runDir: string | null;
  readonly backups: Readonly<Record<string, string | null>>;
}

/** A file changed between reading it and writing it: nothing was written. */
export class ChangedOnDisk extends CliError {
  constructor(readonly paths: readonly string[]) {
    super(ExitCode.REFUSED, 'error.changedOnDisk', { path: paths.join(', ') });
    this.name = 'ChangedOnDisk';
  }
}

/** A write failed part-way; every file written so far was put back. */
export class RolledBack extends CliError {
  constructor(
    readonly failedPath: string,
    readonly reason: string,
    /** Files that could not be put back (their backups stay in the run folder). */
    readonly stuck: readonly string[] = [],
  ) {
    super(ExitCode.ROLLED_BACK, 'error.rolledBack', { path: failedPath, reason }, stuck.map((p) => ({ code: 'error.notPutBack', params: { path: p } })));
    this.name = 'RolledBack';
  }
}

async function assertUnchanged(files: readonly FileWrite[]): Promise<Map<string, number | null>> {
  const modes = new Map<string, number | null>();
  const changed: string[] = [];
  for (const f of files) {
    const state = await readFileState(f.path);
    if (state.text !== f.before) changed.push(f.path);
    modes.set(f.path, state.mode);
  }
  if (changed.length > 0) throw new ChangedOnDisk(changed);
  return modes;
}

function slug(index: number, file: string): string {
  return `${String(index + 1).padStart(2, '0')}-${path.basename(file).replace(/^\.+/, '')}`;
}

/**
 * Every folder the run will have to create on the way to a file that holds a key: those are 0700
 * from the start, also when a file without a key in the same folder is written first (Qwen
 * Code's settings.json before its .env).
 */
async function privateFolders(files: readonly FileWrite[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const f of files) {
    if (!f.secret || f.after === null) continue;
    let d = path.dirname(await resolveTarget(f.path));
    while (!(await fsp().stat(d).then(() => true, () => false))) {
      out.add(d);
      const up = path.dirname(d);
      if (up === d) break;
      d = up;
    }
  }
  return out;
}

async function ensureParent(file: string, priv: ReadonlySet<string>): Promise<void> {
  await makeDirs(path.dirname(await resolveTarget(file)), (d) => priv.has(d));
}

/** An effect failed before any config was touched: exit 4, the run's partial folder removed. */
class BackupFailed extends CliError {
  constructor(dir: string, reason: string) {
    super(ExitCode.REFUSED, 'error.backupFailed', { path: dir, reason });
    this.name = 'BackupFailed';
  }
}

const reasonOf = (err: unknown): string => (err instanceof CliError ? err.code : ((err as NodeJS.ErrnoException).code ?? (err as Error).message));

/**
 * A run that wrote no config leaves nothing `restore` could pick: its own folder goes; a shared
 * run (restore's) loses this call's entries; if neither can be saved it is marked 'refused'.
 */
async function abandon(opts: ApplyOptions, runDir: string | null, manifest: Manifest, entriesBefore: number): Promise<void> {
  if (!runDir) return;
  if (!opts.run) {
    const gone = await fsp().rm(runDir, { recursive: true, force: true }).then(() => true, () => false);
    if (gone) return;
  } else {
    manifest.files.splice(entriesBefore);
    if (await saveManifest(runDir, manifest).then(() => true, () => false)) return;
  }
  manifest.status = 'refused';
  await saveManifest(runDir, manifest).catch(() => undefined);
}

/** Put one file back: atomically, or, when the disk has no room for a temp file, in place. */
async function putBack(f: FileWrite, mode: number | undefined): Promise<void> {
  if (f.before === null) return removeFile(f.path);
  try {
    await writeAtomic(f.path, f.before, mode);
  } catch {
    const target = await resolveTarget(f.path);
    await fsp().writeFile(target, f.before, { encoding: 'utf8' });
    if (mode !== undefined) await fsp().chmod(target, mode);
  }
  const back = await readFileState(f.path);
  if (back.text !== f.before) throw new Error('read-back differs after putting the file back');
}

/**
 * Back up, then write every changed file atomically, then verify each by reading it back.
 * All-or-nothing: a failure puts back what was already written (exit 5 upstream).
 */
export async function applyWrites(all: readonly FileWrite[], opts: ApplyOptions): Promise<ApplyResult> {
  const files = all.filter((f) => f.after !== f.before);
  if (files.length === 0) return { runId: opts.run?.runId ?? null, runDir: opts.run?.dir ?? null, backups: {} };

  const modes = await assertUnchanged(files);
  const priv = await privateFolders(files).catch((err: unknown) => Promise.reject(refusal(files[0]!.path, err)));
  const runId = opts.run?.runId ?? newRunId();
  let runDir: string | null = opts.run?.dir ?? null;
  const manifest: Manifest = opts.run?.manifest ?? {
    schemaVersion: 1,
    runId,
    command: opts.command,
    createdAt: new Date().toISOString(),
    status: 'pending',
    ...(opts.answers ? { answers: opts.answers } : {}),
    ...(opts.restoreOf ? { restoreOf: opts.restoreOf } : {}),
    files: [],
  };
  const offset = entryCount(manifest);
  const entriesBefore = manifest.files.length;
  const backups: Record<string, string | null> = {};
  let checking = false;
  try {
    runDir ??= await createRunDir(opts.stateDir, runId);
    for (const [i, f] of files.entries()) {
      const name = slug(offset + i, f.path);
      const backup = f.before === null ? null : await writeRunFile(runDir, `${name}.before`, f.before);
      const written = await writeRunFile(runDir, `${name}.after`, f.after ?? '');
      const modeBefore = modes.get(f.path) ?? null;
      const entry: ManifestFile = {
        tool: f.tool,
        path: f.path,
        format: f.format,
        existedBefore: f.before !== null,
        backup,
        written,
        sha256Before: f.before === null ? null : sha256(f.before),
        sha256After: sha256(f.after ?? ''),
        modeBefore,
        modeAfter: f.after === null ? null : (targetMode(modeBefore, f.secret) ?? null),
        edits: f.edits,
        ...(f.after === null ? { removed: true } : {}),
      };
      manifest.files.push(entry);
      backups[f.path] = backup === null ? null : path.join(runDir, backup);
      if (backup !== null) opts.onProgress?.({ type: 'backup', path: f.path });
    }
    await saveManifest(runDir, manifest);
    // Between planning and now the user may have saved one of the files: check again, just before.
    checking = true;
    await assertUnchanged(files);
  } catch (err) {
    await abandon(opts, runDir, manifest, entriesBefore);
    if (checking && err instanceof CliError) throw err;
    throw new BackupFailed(runDir ?? opts.stateDir, reasonOf(err));
  }

  const dir = runDir;
  const done: FileWrite[] = [];
  let failedAt: FileWrite | undefined;
  try {
    for (const f of files) {
      failedAt = f;
      if (f.after === null) {
        await removeFile(f.path);
        opts.onProgress?.({ type: 'remove', path: f.path });
      } else {
        await ensureParent(f.path, priv);
        await writeAtomic(f.path, f.after, targetMode(modes.get(f.path) ?? null, f.secret));
        opts.onProgress?.({ type: 'write', path: f.path });
      }
      done.push(f);
      const back = await readFileState(f.path);
      if (back.text !== f.after) throw new Error('read-back differs from what was written');
    }
    failedAt = undefined;
    if (!opts.run) manifest.status = 'complete';
    await saveManifest(dir, manifest);
  } catch (err) {
    // Each file is put back on its own, so one stubborn file cannot keep the others from it.
    const touched = failedAt && !done.includes(failedAt) ? [...done, failedAt] : done;
    const stuck: string[] = [];
    for (const f of [...touched].reverse()) {
      try {
        await putBack(f, modes.get(f.path) ?? undefined);
        opts.onProgress?.({ type: 'rollback', path: f.path });
      } catch {
        // Its backup is in the run folder; `restore` can still put it back.
        stuck.push(f.path);
      }
    }
    manifest.status = 'rolled-back';
    const saved = await saveManifest(dir, manifest).then(() => true, () => false);
    // Nothing left to undo and no way to record it: the folder goes, so restore never picks it.
    if (!saved && stuck.length === 0 && !opts.run) await fsp().rm(dir, { recursive: true, force: true }).catch(() => undefined);
    throw new RolledBack((failedAt ?? files[files.length - 1])!.path, errText(err), stuck);
  }
  return { runId, runDir: dir, backups };
}

function errText(err: unknown): string {
  if (err instanceof CliError) return err.code;
  return (err as Error).message;
}
