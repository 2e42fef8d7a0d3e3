import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { Answers } from '../core/adapters/index.js';
import type { FormatId } from '../core/formats/types.js';
import type { RecordedEdit } from '../core/planner.js';
import { ensurePrivateDir, writeAtomic } from './fs.js';

/**
 * One run = one folder `<state>/backups/<runId>/` holding the bytes of every file before and after
 * the run and a manifest saying which keys the run changed. `restore` needs nothing else.
 */

export interface ManifestFile {
  readonly tool: string;
  readonly path: string;
  readonly format: FormatId;
  readonly existedBefore: boolean;
  /** Relative to the run folder; null when the file did not exist. */
  readonly backup: string | null;
  /** What the run wrote, relative to the run folder. */
  readonly written: string;
  readonly sha256Before: string | null;
  readonly sha256After: string;
  readonly modeBefore: number | null;
  readonly modeAfter: number | null;
  readonly edits: readonly RecordedEdit[];
  /** The run removed the file (moved it into the run folder); restore puts it back. */
  readonly removed?: boolean;
}

/**
 * A byte copy of a file another program changes (OpenClaw's SQLite store and the files its own
 * commands rewrite or rename). Restore puts it back whole, and only while the file is still
 * byte-identical to what the run left (sha256After), unless forced.
 */
export interface ManifestSnapshot {
  readonly kind: 'snapshot';
  readonly tool: string;
  readonly path: string;
  /** The unit it is restored with: a SQLite database path for its `-wal`/`-shm`, else its own path. */
  readonly group: string;
  readonly role: 'file' | 'db' | 'wal' | 'shm';
  readonly existedBefore: boolean;
  /** The bytes before, relative to the run folder; null when the file did not exist. */
  readonly backup: string | null;
  readonly sha256Before: string | null;
  /** null: the run left no file there (removed or renamed by the command). */
  sha256After: string | null;
  readonly modeBefore: number | null;
}

/** A command of another tool the run ran (never with a key in its arguments). */
export interface ManifestCommand {
  readonly argv: readonly string[];
  readonly exitCode: number;
}

export interface Manifest {
  readonly schemaVersion: 1;
  readonly runId: string;
  readonly command: string;
  readonly createdAt: string;
  status: 'pending' | 'complete' | 'rolled-back';
  readonly answers?: Answers;
  /** For restore runs: the run they undid. */
  readonly restoreOf?: string;
  files: ManifestFile[];
  snapshots?: ManifestSnapshot[];
  commands?: ManifestCommand[];
}

export const MANIFEST = 'manifest.json';

export function backupsDir(stateDir: string): string {
  return path.join(stateDir, 'backups');
}

/** Sortable and unique: `20261122T150102Z-3fa9`. */
export function newRunId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

export async function createRunDir(stateDir: string, runId: string): Promise<string> {
  await ensurePrivateDir(stateDir);
  await ensurePrivateDir(backupsDir(stateDir));
  const dir = path.join(backupsDir(stateDir), runId);
  await ensurePrivateDir(dir);
  await ensurePrivateDir(path.join(dir, 'files'));
  return dir;
}

/** A run folder with a pending manifest, for runs whose parts are written one after another. */
export interface OpenRun {
  readonly runId: string;
  readonly dir: string;
  readonly manifest: Manifest;
}

export async function openRun(stateDir: string, command: string, extra: { restoreOf?: string } = {}): Promise<OpenRun> {
  const runId = newRunId();
  const dir = await createRunDir(stateDir, runId);
  const manifest: Manifest = {
    schemaVersion: 1,
    runId,
    command,
    createdAt: new Date().toISOString(),
    status: 'pending',
    ...(extra.restoreOf ? { restoreOf: extra.restoreOf } : {}),
    files: [],
  };
  await saveManifest(dir, manifest);
  return { runId, dir, manifest };
}

/** How many backup files the run already holds: new ones are numbered after them. */
export function entryCount(manifest: Manifest): number {
  return manifest.files.length + (manifest.snapshots?.length ?? 0);
}

export async function writeRunBytes(runDir: string, name: string, bytes: Buffer): Promise<string> {
  const rel = path.join('files', name);
  await fsp.writeFile(path.join(runDir, rel), bytes, { mode: 0o600 });
  return rel;
}

export async function readRunBytes(runDir: string, rel: string): Promise<Buffer> {
  return fsp.readFile(path.join(runDir, rel));
}

export async function saveManifest(runDir: string, manifest: Manifest): Promise<void> {
  await writeAtomic(path.join(runDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, 0o600);
}

export async function writeRunFile(runDir: string, name: string, text: string): Promise<string> {
  const rel = path.join('files', name);
  await writeAtomic(path.join(runDir, rel), text, 0o600);
  return rel;
}

export async function loadManifest(stateDir: string, runId: string): Promise<{ dir: string; manifest: Manifest }> {
  const dir = path.join(backupsDir(stateDir), runId);
  const text = await fsp.readFile(path.join(dir, MANIFEST), 'utf8');
  return { dir, manifest: JSON.parse(text) as Manifest };
}

/** Runs, newest first. Folders without a readable manifest are skipped. */
export async function listRuns(stateDir: string): Promise<Manifest[]> {
  let names: string[];
  try {
    names = await fsp.readdir(backupsDir(stateDir));
  } catch {
    return [];
  }
  const runs: Manifest[] = [];
  for (const name of names.sort().reverse()) {
    try {
      runs.push((await loadManifest(stateDir, name)).manifest);
    } catch {
      // A folder someone made by hand, or a run killed before its manifest existed.
    }
  }
  // Ids are second-stamped; two runs in the same second are ordered by their exact creation time.
  return runs.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.runId.localeCompare(a.runId));
}

export async function readRunFile(runDir: string, rel: string): Promise<string> {
  return fsp.readFile(path.join(runDir, rel), 'utf8');
}
