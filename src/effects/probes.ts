import { fs, fsp } from './builtins.js';
import path from 'node:path';
import { adapters, type ToolId } from '../core/adapters/index.js';
import { timed, type OnTask } from './tasks.js';

/** Tools whose config shape or compatibility depends on the installed release; each adapter says so. */
export { VERSION_SENSITIVE } from '../core/adapters/index.js';

/**
 * Where `file` is an executable on PATH, or null. Looking costs a few stat calls; spawning a
 * missing command costs a process start per tool, on every doctor run.
 */
async function onPath(file: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean);
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';').concat('') : [''];
  for (const dir of dirs) {
    for (const ext of exts) {
      const candidate = path.join(dir, file + ext);
      // Synchronous: a missing tool is some ten failed lookups, each a thread-pool round trip when
      // async. A stat that returns nothing for a missing file comes first: a failed accessSync
      // throws, and building each error (its stack included) cost more than the lookup.
      let found: ReturnType<typeof fs.statSync>;
      try {
        found = fs.statSync(candidate, { throwIfNoEntry: false });
      } catch {
        continue; // a PATH entry that is a file, or a folder we may not read
      }
      // A folder of that name is not the tool, though access(X_OK) says yes to folders.
      if (!found?.isFile()) continue;
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        return candidate;
      } catch {
        // there, but not executable by us
      }
    }
  }
  return null;
}

/**
 * One answer per binary per process: the wizard's start screen, setup and its after-checks ask
 * the same tools within seconds, and each Node-based tool takes a process start to answer. Keyed
 * by the file found with its size and mtime, so a tool installed or replaced meanwhile is asked anew.
 */
const answers = new Map<string, Promise<string | null>>();

/** A tool's binary found on PATH, and the key its answer is kept under. */
async function located(file: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<string | null> {
  const found = await onPath(file, env);
  if (!found) return null;
  const st = await fsp().stat(found).catch(() => null);
  return [found, st?.size, st?.mtimeMs, ...args].join('\0');
}

/** execa loads only when a tool is on PATH to ask: a home without tools (and `doctor` there) never needs it. */
async function ask(file: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string | null> {
  const { execa } = await import('execa');
  return execa(file, args, { env, extendEnv: false, timeout: timeoutMs, reject: false, stdin: 'ignore' }).then(
    (r) => {
      const out = `${r.stdout}\n${r.stderr}`.trim();
      return r.exitCode === 0 && out ? out.split('\n')[0]! : null;
    },
    () => null,
  );
}

/**
 * Ask each tool for its version, in parallel, each with a short timeout. A tool that is missing,
 * hangs or fails prints nothing useful: null. Before planning only `VERSION_SENSITIVE` tools need
 * this (OpenClaw, Codex, OpenCode).
 */
export async function probeVersions(tools: readonly ToolId[], env: NodeJS.ProcessEnv, opts: { readonly timeoutMs?: number; readonly onTask?: OnTask } = {}): Promise<Record<string, string | null>> {
  const timeoutMs = opts.timeoutMs ?? 8000;
  // The adapter's binary and version arguments; app-only tools have none.
  const found = await Promise.all(
    tools.map(async (tool) => {
      const { bin, versionArgs } = adapters[tool];
      return { tool, argv: bin && versionArgs ? [bin, ...versionArgs] : [], key: bin && versionArgs ? await located(bin, versionArgs, env) : null };
    }),
  );
  // Only binaries not asked yet start a process: that is the step people may wait for.
  const fresh = new Map<string, readonly string[]>();
  for (const f of found) if (f.key !== null && !answers.has(f.key)) fresh.set(f.key, f.argv);
  for (const [key, [bin, ...args]] of fresh) answers.set(key, ask(bin!, args, env, timeoutMs));
  const all = (): Promise<(string | null)[]> => Promise.all(found.map((f) => (f.key === null ? null : answers.get(f.key)!)));
  const answered = (values: (string | null)[]): boolean => found.every((f, i) => f.key === null || !fresh.has(f.key) || values[i] !== null);
  const values = fresh.size === 0 ? await all() : await timed(opts.onTask, { kind: 'versions', argvs: [...fresh.values()] }, all, answered);
  return Object.fromEntries(found.map((f, i) => [f.tool, values[i] ?? null]));
}
