import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import fse from 'fs-extra';
import writeFileAtomic from 'write-file-atomic';
import { CliError, ExitCode } from '../core/errors.js';

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface FileState {
  readonly text: string | null;
  readonly mode: number | null;
  /** The bytes were not valid UTF-8: tp-setup will not edit such a file. */
  readonly binary: boolean;
}

/** Read a file through symlinks; a missing file is `text: null`. */
export async function readFileState(file: string): Promise<FileState> {
  try {
    const bytes = await fsp.readFile(file);
    const stat = await fsp.stat(file);
    const text = bytes.toString('utf8');
    return { text, mode: stat.mode & 0o777, binary: !Buffer.from(text, 'utf8').equals(bytes) };
  } catch (err) {
    // ENOTDIR: a parent on the path is a file, so this file cannot exist either.
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { text: null, mode: null, binary: false };
    throw err;
  }
}

/**
 * Temp file + fsync + rename onto the real path. write-file-atomic resolves symlinks first, so a
 * dotfile manager's link stays a link and its target gets the new content.
 */
export async function writeAtomic(file: string, text: string, mode: number | undefined): Promise<void> {
  const real = await fsp.realpath(file).catch(() => file);
  await fse.ensureDir(path.dirname(real));
  await writeFileAtomic(file, text, mode === undefined ? { encoding: 'utf8' } : { encoding: 'utf8', mode });
  if (mode !== undefined) await fsp.chmod(real, mode);
}

/** Mode for a file we write: secrets lose every group/other bit; nothing is ever loosened. */
export function targetMode(existing: number | null, secret: boolean): number | undefined {
  if (secret) return existing === null ? 0o600 : (existing & 0o700) | 0o600;
  return existing === null ? undefined : existing;
}

export async function ensurePrivateDir(dir: string): Promise<void> {
  await fse.ensureDir(dir, { mode: 0o700 });
  await fsp.chmod(dir, 0o700);
}

/** Remove a file; one that is already gone (or could never exist there) is fine. */
export async function removeFile(file: string): Promise<void> {
  try {
    await fsp.rm(file, { force: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOTDIR') throw err;
  }
}

/** Bytes (a database, a file another program owns) put back atomically, with the given mode. */
export async function writeAtomicBytes(file: string, bytes: Buffer, mode: number | undefined): Promise<void> {
  await fse.ensureDir(path.dirname(file));
  await writeFileAtomic(file, bytes, mode === undefined ? {} : { mode });
  if (mode !== undefined) await fsp.chmod(file, mode);
}

/** A file's bytes and mode; null when it does not exist. */
export async function readBytes(file: string): Promise<{ bytes: Buffer; mode: number } | null> {
  try {
    const bytes = await fsp.readFile(file);
    return { bytes, mode: (await fsp.stat(file)).mode & 0o777 };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return null;
    throw err;
  }
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
  return fsp.readdir(dir).catch(() => [] as string[]);
}

/** Tighten a file's mode (doctor --fix). */
export async function setMode(file: string, mode: number): Promise<void> {
  await fsp.chmod(file, mode);
}
