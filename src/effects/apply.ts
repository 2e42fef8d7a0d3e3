import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { Answers } from '../core/adapters/index.js';
import { CliError, ExitCode } from '../core/errors.js';
import type { FileWrite } from '../core/writes.js';
import { ensurePrivateDir, readFileState, removeFile, sha256, targetMode, writeAtomic } from './fs.js';
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
  ) {
    super(ExitCode.ROLLED_BACK, 'error.rolledBack', { path: failedPath, reason });
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

async function ensureParent(file: string, secret: boolean): Promise<void> {
  const dir = path.dirname(await fsp.realpath(file).catch(() => file));
  const exists = await fsp.stat(dir).then(() => true, () => false);
  // A folder created to hold a key is private from the start.
  if (!exists) await (secret ? ensurePrivateDir(dir) : fsp.mkdir(dir, { recursive: true }));
}

/**
 * Back up, then write every changed file atomically, then verify each by reading it back.
 * All-or-nothing: a failure puts back what was already written (exit 5 upstream).
 */
export async function applyWrites(all: readonly FileWrite[], opts: ApplyOptions): Promise<ApplyResult> {
  const files = all.filter((f) => f.after !== f.before);
  if (files.length === 0) return { runId: opts.run?.runId ?? null, runDir: opts.run?.dir ?? null, backups: {} };

  const modes = await assertUnchanged(files);
  const runId = opts.run?.runId ?? newRunId();
  const runDir = opts.run?.dir ?? (await createRunDir(opts.stateDir, runId));
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
  const backups: Record<string, string | null> = {};
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
  await assertUnchanged(files);
  const done: FileWrite[] = [];
  try {
    for (const f of files) {
      if (f.after === null) {
        await removeFile(f.path);
        opts.onProgress?.({ type: 'remove', path: f.path });
      } else {
        await ensureParent(f.path, f.secret);
        await writeAtomic(f.path, f.after, targetMode(modes.get(f.path) ?? null, f.secret));
        opts.onProgress?.({ type: 'write', path: f.path });
      }
      done.push(f);
      const back = await readFileState(f.path);
      if (back.text !== f.after) throw new Error('read-back differs from what was written');
    }
  } catch (err) {
    const failed = files[done.length] ?? files[files.length - 1];
    // Each file is put back on its own, so one stubborn file cannot keep the others from it.
    for (const f of [...done, ...(failed ? [failed] : [])].reverse()) {
      try {
        if (f.before === null) await removeFile(f.path);
        else await writeAtomic(f.path, f.before, modes.get(f.path) ?? undefined);
        opts.onProgress?.({ type: 'rollback', path: f.path });
      } catch {
        // Its backup is in the run folder; `restore` can still put it back.
      }
    }
    manifest.status = 'rolled-back';
    await saveManifest(runDir, manifest);
    throw new RolledBack(failed?.path ?? '?', (err as Error).message);
  }
  if (!opts.run) manifest.status = 'complete';
  await saveManifest(runDir, manifest);
  return { runId, runDir, backups };
}
