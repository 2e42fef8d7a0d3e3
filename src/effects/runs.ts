import { fsp } from './builtins.js';
import path from 'node:path';
import { CliError, ExitCode } from '../core/errors.js';
import { isRunFileName, isRunId, parseManifest, pathEnv, type Manifest } from '../core/usecases/restore.js';
import { crypto, ensurePrivateDir, sha256, writeAtomic } from './fs.js';

/**
 * One run = one folder `<state>/backups/<runId>/` holding the bytes of every file before and after
 * the run and a manifest saying which keys the run changed. `restore` needs nothing else.
 */

export type { Manifest, ManifestCommand, ManifestFile, ManifestSnapshot } from '../core/usecases/restore.js';

export const MANIFEST = 'manifest.json';

export function backupsDir(stateDir: string): string {
  return path.join(stateDir, 'backups');
}

/** Sortable and unique: `20261122T150102Z-3fa9`. */
export function newRunId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${crypto().randomBytes(2).toString('hex')}`;
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
  await fsp().writeFile(path.join(runDir, rel), bytes, { mode: 0o600 });
  return rel;
}

export async function readRunBytes(runDir: string, rel: string): Promise<Buffer> {
  return readVerified(path.basename(runDir), runDir, rel, null);
}

export async function saveManifest(runDir: string, manifest: Manifest): Promise<void> {
  // The path variables the tools read, as they are now: restore names the same files later.
  const env = manifest.env ?? pathEnv(process.env, '/', process.platform);
  (manifest as { env?: Manifest['env'] }).env = env;
  await writeAtomic(path.join(runDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, 0o600);
}

export async function writeRunFile(runDir: string, name: string, text: string): Promise<string> {
  const rel = path.join('files', name);
  await writeAtomic(path.join(runDir, rel), text, 0o600);
  return rel;
}

/** An id that is not in newRunId's shape names no run: nothing under it is read. */
export function badRunId(runId: string): CliError {
  return new CliError(ExitCode.USAGE, 'error.noRun', { runId }, [{ code: 'error.badRunId', params: { runId } }]);
}

/** A run folder or one of its files that is not what tp-setup wrote: exit 4, nothing written. */
export class DamagedRun extends CliError {
  constructor(runId: string, file: string, reason: string) {
    super(ExitCode.REFUSED, 'error.runDamaged', { runId, file, reason });
    this.name = 'DamagedRun';
  }
}

/** A regular file (never a symlink) whose real path is inside `dir`, else why not. */
async function plainFileIn(dir: string, file: string): Promise<string | null> {
  const st = await fsp().lstat(file).catch((err: NodeJS.ErrnoException) => err);
  if (st instanceof Error) return st.code === 'ENOENT' ? 'missing' : `unreadable (${st.code ?? st.message})`;
  if (st.isSymbolicLink()) return 'a symbolic link';
  if (!st.isFile()) return 'not a regular file';
  const [real, base] = await Promise.all([fsp().realpath(file), fsp().realpath(dir)]);
  if (!real.startsWith(base + path.sep)) return 'outside its run folder';
  return null;
}

/** The run folder itself: a real folder under backups/, not a link to somewhere else. */
async function runFolder(stateDir: string, runId: string): Promise<string | null> {
  if (!isRunId(runId)) throw badRunId(runId);
  const dir = path.join(backupsDir(stateDir), runId);
  const st = await fsp().lstat(dir).catch(() => null);
  if (!st) return null;
  if (!st.isDirectory() || st.isSymbolicLink()) throw new DamagedRun(runId, dir, 'not a folder');
  return dir;
}

/**
 * One run's manifest, checked: the id has the shape newRunId makes, the folder and manifest are
 * plain, and the manifest parses to exactly the schema tp-setup writes. null: no such run.
 */
export async function findManifest(stateDir: string, runId: string): Promise<{ dir: string; manifest: Manifest } | null> {
  const dir = await runFolder(stateDir, runId);
  if (!dir) return null;
  const file = path.join(dir, MANIFEST);
  const why = await plainFileIn(dir, file);
  if (why) throw new DamagedRun(runId, file, why);
  const parsed = parseManifest(await fsp().readFile(file, 'utf8'), runId);
  if (!parsed.ok) throw new DamagedRun(runId, file, parsed.reason);
  return { dir, manifest: parsed.manifest };
}

/** As findManifest, for a run that must exist. */
export async function loadManifest(stateDir: string, runId: string): Promise<{ dir: string; manifest: Manifest }> {
  const found = await findManifest(stateDir, runId);
  if (!found) throw new CliError(ExitCode.USAGE, 'error.noRun', { runId });
  return found;
}

/** A backup of a run, only as a plain file inside its folder and only with the bytes the manifest names. */
export async function readVerified(runId: string, runDir: string, rel: string, sha: string | null): Promise<Buffer> {
  const file = path.join(runDir, rel);
  if (!isRunFileName(rel)) throw new DamagedRun(runId, file, 'not a name inside the run folder');
  const why = await plainFileIn(runDir, file);
  if (why) throw new DamagedRun(runId, file, why);
  const bytes = await fsp().readFile(file);
  if (sha !== null && sha256(bytes) !== sha) throw new DamagedRun(runId, file, 'its sha256 does not match the manifest');
  return bytes;
}

/** Runs, newest first. Folders without a readable manifest are skipped. */
export async function listRuns(stateDir: string): Promise<Manifest[]> {
  let names: string[];
  try {
    names = await fsp().readdir(backupsDir(stateDir));
  } catch {
    return [];
  }
  const runs: Manifest[] = [];
  for (const name of names.filter(isRunId).sort().reverse()) {
    try {
      const loaded = await findManifest(stateDir, name);
      if (loaded) runs.push(loaded.manifest);
    } catch {
      // A folder someone made by hand, a damaged manifest, or a run killed before its manifest existed.
    }
  }
  // Ids are second-stamped; two runs in the same second are ordered by their exact creation time.
  return runs.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.runId.localeCompare(a.runId));
}

export async function readRunFile(runDir: string, rel: string): Promise<string> {
  return (await readVerified(path.basename(runDir), runDir, rel, null)).toString('utf8');
}
