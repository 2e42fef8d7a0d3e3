import { fs, fsp } from './builtins.js';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { CliError, ExitCode } from '../core/errors.js';
import { MAX_CONFIG_BYTES } from '../core/limits.js';

/** node:crypto, loaded when first used: it costs some 8 ms at start, and read-only commands never need it. */
export function crypto(): typeof import('node:crypto') {
  return process.getBuiltinModule('node:crypto');
}

export function sha256(text: string | Buffer): string {
  return crypto().createHash('sha256').update(text).digest('hex');
}

export interface FileState {
  readonly text: string | null;
  readonly mode: number | null;
  /** The bytes were not valid UTF-8: tp-setup will not edit such a file. */
  readonly binary: boolean;
  /** Hard links to the file (1 for most files); null when it does not exist. */
  readonly links?: number | null;
}

const errnoOf = (err: unknown): string | undefined => (err as NodeJS.ErrnoException | null)?.code;
const MISSING = new Set(['ENOENT', 'ENOTDIR']);
/** The kernel's own limit on symlinks followed in one lookup (Linux MAXSYMLINKS). */
const MAX_HOPS = 40;

/** A file tp-setup cannot read or write, as the exit-4 refusal the user sees. */
export function refusal(file: string, err: unknown): CliError {
  if (err instanceof CliError) return err;
  const code = errnoOf(err);
  if (code === 'ELOOP') return new CliError(ExitCode.REFUSED, 'error.symlinkLoop', { path: file });
  if (code === 'EACCES' || code === 'EPERM') return new CliError(ExitCode.REFUSED, 'error.permissionDenied', { path: file });
  if (code === 'EISDIR') return new CliError(ExitCode.REFUSED, 'error.notRegular', { path: file, kind: 'directory' });
  return new CliError(ExitCode.REFUSED, 'error.unreadable', { path: file, reason: code ?? (err as Error).message });
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'directory';
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice()) return 'character-device';
  if (st.isBlockDevice()) return 'block-device';
  return 'other';
}

function assertRegular(file: string, st: Stats): void {
  if (!st.isFile()) throw new CliError(ExitCode.REFUSED, 'error.notRegular', { path: file, kind: kindOf(st) });
}

/**
 * The path a write to `file` really lands on: symlinks followed hop by hop, also when the last
 * one dangles (its target does not exist yet). tp-setup writes and removes targets, never links.
 */
export async function resolveTarget(file: string): Promise<string> {
  return resolveTargetSync(file);
}

/*
 * Reading is synchronous underneath: a run reads a few dozen small files one after another, and
 * each promise-based call is a round trip through libuv's thread pool (about a third of what
 * `doctor` spent reading). The async wrappers keep callers unchanged.
 */
function resolveTargetSync(file: string): string {
  let p = path.resolve(file);
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    let st: Stats;
    try {
      st = fs.lstatSync(p);
    } catch (err) {
      if (MISSING.has(errnoOf(err) ?? '')) return p;
      throw refusal(file, err);
    }
    if (!st.isSymbolicLink()) return p;
    let to: string;
    try {
      to = fs.readlinkSync(p);
    } catch (err) {
      throw refusal(file, err);
    }
    let dir = path.dirname(p);
    try {
      dir = fs.realpathSync(dir);
    } catch {
      // the folder itself is gone: resolve against its name
    }
    p = path.resolve(dir, to);
  }
  throw new CliError(ExitCode.REFUSED, 'error.symlinkLoop', { path: file });
}

/**
 * A regular file's bytes, or null when it does not exist. Its type is checked before it is opened
 * and again on the open descriptor (opened non-blocking, so a FIFO swapped in cannot hang the
 * run); devices, FIFOs, sockets and folders are refused (exit 4), as is a file over `limit`.
 */
function readRegular(file: string, limit: number | null): { bytes: Buffer; st: Stats } | null {
  const target = resolveTargetSync(file);
  let st: Stats;
  try {
    st = fs.statSync(target);
  } catch (err) {
    if (MISSING.has(errnoOf(err) ?? '')) return null;
    throw refusal(file, err);
  }
  assertRegular(file, st);
  const tooLarge = (size: number) => new CliError(ExitCode.REFUSED, 'error.tooLarge', { path: file, size, limit: limit ?? 0 });
  if (limit !== null && st.size > limit) throw tooLarge(st.size);
  let fd: number;
  try {
    fd = fs.openSync(target, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | (fs.constants.O_NOFOLLOW ?? 0));
  } catch (err) {
    if (MISSING.has(errnoOf(err) ?? '')) return null;
    throw refusal(file, err);
  }
  try {
    const now = fs.fstatSync(fd);
    assertRegular(file, now);
    if (limit !== null && now.size > limit) throw tooLarge(now.size);
    // One read of the size fstat gave plus a byte, then reads until the end: a file that grew
    // meanwhile is read to its end. The buffer is the file's size, not a fixed chunk: fresh
    // memory costs page faults, and the 64 KB buffers small configs were once read into (two per
    // file, with the read that finds the end) cost more than the reads (README, Size and speed).
    const chunks: Buffer[] = [];
    let total = 0;
    let chunk: Buffer = Buffer.allocUnsafe(now.size + 1);
    for (;;) {
      const bytesRead = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (limit !== null && total > limit) throw tooLarge(total);
      chunks.push(chunk.subarray(0, bytesRead));
      // Under 4 KB, Buffer.allocUnsafe hands out a slice of Node's shared pool: the read that
      // finds the end costs no fresh memory of its own.
      chunk = Buffer.allocUnsafe(4095);
    }
    return { bytes: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total), st: now };
  } catch (err) {
    throw refusal(file, err);
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // nothing was written through it
    }
  }
}

/** Read a config through symlinks; a missing file is `text: null`. Non-regular or oversized: exit 4. */
export async function readFileState(file: string): Promise<FileState> {
  const got = await readRegular(file, MAX_CONFIG_BYTES);
  if (!got) return { text: null, mode: null, binary: false, links: null };
  const text = got.bytes.toString('utf8');
  // Not UTF-8: decoding replaced some bytes, and writing the text back would change them.
  return { text, mode: got.st.mode & 0o777, binary: !isUtf8(got.bytes), links: got.st.nlink };
}

/** Mode of the folder that really holds `file` (through symlinks); null when there is none. */
export async function folderMode(file: string): Promise<number | null> {
  try {
    return fs.statSync(path.dirname(resolveTargetSync(file))).mode & 0o777;
  } catch {
    return null;
  }
}

/**
 * Temp files are `.<name>.tp-setup-<pid>-<random>.tmp` beside the file, created 0600 with
 * O_EXCL, so a key is never in a file others can read and a run killed mid-write leaves
 * something later runs recognize and remove.
 */
const TEMP = /^\..*\.tp-setup-(\d+)-[0-9a-f]{8}\.tmp$/;

export function tempPathFor(target: string): string {
  const base = path.basename(target).slice(0, 100);
  return path.join(path.dirname(target), `.${base}.tp-setup-${process.pid}-${crypto().randomBytes(4).toString('hex')}.tmp`);
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errnoOf(err) === 'EPERM';
  }
}

/** Remove temp files of tp-setup runs that died (their pid is gone) from this folder. */
export async function removeStrayTemps(dir: string): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await fsp().readdir(dir).catch(() => [] as string[])) {
    const m = TEMP.exec(name);
    if (!m || alive(Number(m[1]))) continue;
    const p = path.join(dir, name);
    const st = await fsp().lstat(p).catch(() => null);
    if (!st?.isFile()) continue;
    if (await fsp().unlink(p).then(() => true, () => false)) removed.push(p);
  }
  return removed;
}

/**
 * Create `dir` and any missing parents. `isPrivate(d)` says which new folders hold a key: those
 * are 0700 from the start; the rest get the umask's default. Existing folders are never changed.
 */
export async function makeDirs(dir: string, isPrivate: (d: string) => boolean): Promise<void> {
  const missing: string[] = [];
  let d = path.resolve(dir);
  for (;;) {
    const st = await fsp().stat(d).catch((err: unknown) => (MISSING.has(errnoOf(err) ?? '') ? null : Promise.reject(err)));
    if (st) {
      if (!st.isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`), { code: 'ENOTDIR' });
      break;
    }
    missing.unshift(d);
    const up = path.dirname(d);
    if (up === d) break;
    d = up;
  }
  for (const m of missing) {
    const priv = isPrivate(m);
    await fsp().mkdir(m, priv ? 0o700 : 0o777).catch((err: unknown) => (errnoOf(err) === 'EEXIST' ? undefined : Promise.reject(err)));
    if (priv) await fsp().chmod(m, 0o700);
  }
}

function defaultMode(): number {
  const mask = process.umask();
  return 0o666 & ~mask;
}

/**
 * Temp file (0600, O_EXCL) + fsync + rename onto the link's target, then fsync of the folder. A
 * dotfile manager's symlink stays a link; a dangling link gets its target created. The owner of
 * an existing file is kept when root writes it. `mode` undefined keeps the existing mode.
 */
async function replaceFile(file: string, data: string | Buffer, mode: number | undefined): Promise<void> {
  const target = await resolveTarget(file);
  const before = await fsp().stat(target).catch((err: unknown) => (MISSING.has(errnoOf(err) ?? '') ? null : Promise.reject(refusal(file, err))));
  if (before) assertRegular(file, before);
  const dir = path.dirname(target);
  const finalMode = mode ?? (before ? before.mode & 0o7777 : defaultMode());
  await makeDirs(dir, () => (finalMode & 0o077) === 0);
  await removeStrayTemps(dir);
  // A temp file stays 0600 for as long as it is a temp file: a kill before the rename leaves
  // nothing readable behind. A looser final mode comes after the rename (a kill in between leaves
  // the file tighter than asked, never looser).
  const looser = (finalMode & 0o7777 & ~0o600) !== 0;
  const tmp = tempPathFor(target);
  const fh = await fsp().open(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0), 0o600);
  try {
    try {
      await fh.writeFile(data);
      await fh.sync();
      if (before && process.getuid?.() === 0 && (before.uid !== 0 || before.gid !== 0)) await fh.chown(before.uid, before.gid);
      if (!looser) await fh.chmod(finalMode);
    } finally {
      await fh.close();
    }
    await fsp().rename(tmp, target);
  } catch (err) {
    await fsp().unlink(tmp).catch(() => undefined);
    throw err;
  }
  if (looser) await fsp().chmod(target, finalMode);
  const dh = await fsp().open(dir, fs.constants.O_RDONLY).catch(() => null);
  await dh?.sync().catch(() => undefined);
  await dh?.close().catch(() => undefined);
}

/** Write text atomically (see replaceFile); `mode` undefined keeps the file's mode. */
export async function writeAtomic(file: string, text: string, mode: number | undefined): Promise<void> {
  await replaceFile(file, text, mode);
}

/** Mode for a file we write: secrets lose every group/other bit; nothing is ever loosened. */
export function targetMode(existing: number | null, secret: boolean): number | undefined {
  if (secret) return existing === null ? 0o600 : (existing & 0o700) | 0o600;
  return existing === null ? undefined : existing;
}

export async function ensurePrivateDir(dir: string): Promise<void> {
  await makeDirs(dir, () => true);
  await fsp().chmod(dir, 0o700);
}

/**
 * Remove a file; one that is already gone (or could never exist there) is fine. Through a symlink
 * the target goes and the link stays (dangling), so a later write through it recreates the target.
 */
export async function removeFile(file: string): Promise<void> {
  const target = await resolveTarget(file);
  const st = await fsp().lstat(target).catch(() => null);
  // A device, FIFO, socket or folder is never removed (as root, /dev/null itself would go).
  if (st && !st.isFile()) assertRegular(file, st);
  try {
    await fsp().rm(target, { force: true });
  } catch (err) {
    if (errnoOf(err) !== 'ENOTDIR') throw err;
  }
}

/** Bytes (a database, a file another program owns) put back atomically, with the given mode. */
export async function writeAtomicBytes(file: string, bytes: Buffer, mode: number | undefined): Promise<void> {
  await replaceFile(file, bytes, mode);
}

/** A file's bytes and mode; null when it does not exist. Non-regular files are refused (exit 4). */
export async function readBytes(file: string): Promise<{ bytes: Buffer; mode: number } | null> {
  const got = await readRegular(file, null);
  return got ? { bytes: got.bytes, mode: got.st.mode & 0o777 } : null;
}

/** Texts of these files (null = missing). A file that is not UTF-8 text is refused, exit 4. */
export async function readTexts(files: readonly string[]): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {};
  for (const p of files) {
    const state = await readFileState(p);
    if (state.binary) throw new CliError(ExitCode.REFUSED, 'error.refusedParse', { path: p, line: 1, column: 1, message: 'not UTF-8 text' });
    out[p] = state.text;
  }
  return out;
}

/** Names in a folder; a missing folder has none. */
export async function listDir(dir: string): Promise<string[]> {
  return fsp().readdir(dir).catch(() => [] as string[]);
}

/** Tighten a file's mode (doctor --fix). */
export async function setMode(file: string, mode: number): Promise<void> {
  await fsp().chmod(file, mode);
}
