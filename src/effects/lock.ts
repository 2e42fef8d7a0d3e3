import { fs, fsp } from './builtins.js';
import os from 'node:os';
import path from 'node:path';
import { CliError, ExitCode } from '../core/errors.js';
import { ensurePrivateDir, removeStrayTemps } from './fs.js';

/**
 * One writer per home: every command that writes (setup, key, clean, doctor --fix, restore) holds
 * `<state>/tp-setup.lock` while it runs. The file is created with O_EXCL ('wx'), so exactly one
 * process makes it, and holds the holder's pid, host, command and start time.
 *
 * A second run waits up to LOCK_WAIT_MS for it, then refuses (exit 4) naming the lock and its
 * holder. A lock is stale, and taken over, when its holder is gone (same host, the pid no longer
 * exists) or when it is older than LOCK_STALE_MS: a person who left a prompt open blocks other
 * runs for at most that long. A run that lost its lock that way still cannot overwrite anyone:
 * every write first checks the file is what it read (ChangedOnDisk, exit 4).
 */

export const LOCK_FILE = 'tp-setup.lock';
export const LOCK_WAIT_MS = 5_000;
export const LOCK_STALE_MS = 10 * 60_000;
/** A lock file still empty after this long was left by a writer killed between create and write. */
const EMPTY_GRACE_MS = 2_000;

interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly command: string;
  readonly startedAt: string;
}

export interface HeldLock {
  readonly path: string;
  release(): Promise<void>;
}

function parseHolder(text: string): Holder | null {
  try {
    const v = JSON.parse(text) as Partial<Holder>;
    return typeof v.pid === 'number' && typeof v.startedAt === 'string' ? { pid: v.pid, host: String(v.host ?? ''), command: String(v.command ?? '?'), startedAt: v.startedAt } : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the lock text (and its file's age) names a holder that can no longer release it. */
export function isStale(text: string, mtimeMs: number, now = Date.now(), staleMs = LOCK_STALE_MS): boolean {
  const h = parseHolder(text);
  if (!h) return now - mtimeMs > EMPTY_GRACE_MS;
  const started = Date.parse(h.startedAt);
  if (!Number.isFinite(started) || now - started > staleMs) return true;
  return h.host === os.hostname() && !alive(h.pid);
}

async function readLock(file: string): Promise<{ text: string; mtimeMs: number } | null> {
  try {
    const [text, st] = await Promise.all([fsp().readFile(file, 'utf8'), fsp().stat(file)]);
    return { text, mtimeMs: st.mtimeMs };
  } catch {
    return null;
  }
}

/**
 * Remove a stale lock, but only the one that was judged stale: a second file (`.break`, itself
 * 'wx') makes the check-and-remove one step among the processes that all saw it stale.
 */
async function breakStale(file: string, seen: string): Promise<void> {
  const breaker = `${file}.break`;
  try {
    await (await fsp().open(breaker, 'wx', 0o600)).close();
  } catch {
    const b = await fsp().stat(breaker).catch(() => null);
    if (b && Date.now() - b.mtimeMs > EMPTY_GRACE_MS) await fsp().rm(breaker, { force: true });
    return;
  }
  try {
    const now = await readLock(file);
    if (now && now.text === seen) await fsp().rm(file, { force: true });
  } finally {
    await fsp().rm(breaker, { force: true });
  }
}

/** The folders from `dir` up that do not exist yet, deepest first: a run that wrote nothing removes them again. */
async function missingDirs(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (let d = dir; ; d = path.dirname(d)) {
    if (await fsp().stat(d).then(() => true, () => false)) return out;
    out.push(d);
    if (path.dirname(d) === d) return out;
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Take the home's lock for `command`, waiting up to `waitMs` for another run to finish. */
export async function acquireLock(stateDir: string, command: string, opts: { waitMs?: number; staleMs?: number } = {}): Promise<HeldLock> {
  const waitMs = opts.waitMs ?? LOCK_WAIT_MS;
  const staleMs = opts.staleMs ?? LOCK_STALE_MS;
  const created = await missingDirs(stateDir);
  await ensurePrivateDir(stateDir);
  const file = path.join(stateDir, LOCK_FILE);
  const mine = JSON.stringify({ pid: process.pid, host: os.hostname(), command, startedAt: new Date().toISOString() });
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const fh = await fsp().open(file, 'wx', 0o600);
      try {
        await fh.writeFile(`${mine}\n`);
      } catch (err) {
        // A full or read-only state disk: nothing was changed yet, so this is a refusal, not a bug.
        await fh.close().catch(() => undefined);
        await fsp().rm(file, { force: true }).catch(() => undefined);
        throw new CliError(ExitCode.REFUSED, 'error.lockFailed', { path: file, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message });
      }
      await fh.close();
      // Every writing run passes here: a killed run's temp files in the state folder go now, even
      // when this run has nothing of its own to write there.
      await removeStrayTemps(stateDir).catch(() => undefined);
      return {
        path: file,
        // Synchronous, so the lock is gone before whatever the command threw reaches its caller.
        release: async () => {
          // Only our own lock: after a takeover the file is someone else's.
          let now: string | null = null;
          try {
            now = fs.readFileSync(file, 'utf8');
          } catch {
            // already gone
          }
          if (now !== null && now.trim() === mine) fs.rmSync(file, { force: true });
          // A home the run left untouched stays untouched: folders made only for the lock go.
          for (const d of created) {
            try {
              fs.rmdirSync(d);
            } catch {
              break;
            }
          }
        },
      };
    } catch (err) {
      if (err instanceof CliError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new CliError(ExitCode.REFUSED, 'error.lockFailed', { path: file, reason: code ?? (err as Error).message });
    }
    const held = await readLock(file);
    if (held && isStale(held.text, held.mtimeMs, Date.now(), staleMs)) {
      await breakStale(file, held.text);
      continue;
    }
    if (Date.now() >= deadline) {
      const h = held ? parseHolder(held.text) : null;
      throw new CliError(ExitCode.REFUSED, 'error.locked', { path: file, pid: h?.pid ?? '?', command: h?.command ?? '?', since: h?.startedAt ?? '?' });
    }
    await sleep(50 + Math.floor(Math.random() * 100));
  }
}

/** Run `fn` holding the home's lock. */
export async function withLock<T>(stateDir: string, command: string, fn: () => Promise<T>): Promise<T> {
  const lock = await acquireLock(stateDir, command);
  try {
    return await fn();
  } finally {
    await lock.release();
  }
}

/** The questions whose "yes" is consent to write: where a run that asks takes the lock. */
export const CONSENTS = ['reviewSetup', 'reviewRotation', 'confirmClean', 'confirmFix', 'confirmStoreStep'] as const;

/**
 * For a run that asks a person first: the same object, whose first "yes" to one of `methods`
 * takes the home's lock (before anything is written), so nobody holds it while a question waits.
 * A "yes" while another run holds the lock ends this run with that run's error.locked (exit 4).
 */
export function lockOnConsent<T extends object>(target: T, stateDir: string, command: string, methods: readonly string[] = CONSENTS): { readonly target: T; release(): Promise<void> } {
  let held: Promise<HeldLock> | null = null;
  const proxy = new Proxy(target, {
    get(t, name) {
      const v: unknown = Reflect.get(t, name, t);
      if (typeof v !== 'function') return v;
      const fn = v as (...a: unknown[]) => unknown;
      if (typeof name !== 'string' || !methods.includes(name)) return fn.bind(t);
      return async (...args: unknown[]) => {
        const yes = await fn.apply(t, args);
        if (yes === true) await (held ??= acquireLock(stateDir, command));
        return yes;
      };
    },
  });
  return {
    target: proxy,
    release: async () => {
      const lock = held ? await held.catch(() => null) : null;
      await lock?.release();
    },
  };
}
