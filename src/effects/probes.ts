import { constants, promises as fsp } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { adapters, type ToolId } from '../core/adapters/index.js';

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
      try {
        await fsp.access(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
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

async function versionOf(file: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string | null> {
  const found = await onPath(file, env);
  if (!found) return null;
  const st = await fsp.stat(found).catch(() => null);
  const key = [found, st?.size, st?.mtimeMs, ...args].join('\0');
  let answer = answers.get(key);
  if (!answer) {
    answer = execa(file, args, { env, extendEnv: false, timeout: timeoutMs, reject: false, stdin: 'ignore' }).then(
      (r) => {
        const out = `${r.stdout}\n${r.stderr}`.trim();
        return r.exitCode === 0 && out ? out.split('\n')[0]! : null;
      },
      () => null,
    );
    answers.set(key, answer);
  }
  return answer;
}

/**
 * Ask each tool for its version, in parallel, each with a short timeout. A tool that is missing,
 * hangs or fails prints nothing useful: null. Before planning only `VERSION_SENSITIVE` tools need
 * this (OpenClaw, Codex, OpenCode).
 */
export async function probeVersions(tools: readonly ToolId[], env: NodeJS.ProcessEnv, timeoutMs = 8000): Promise<Record<string, string | null>> {
  const entries = await Promise.all(
    tools.map(async (tool) => {
      // The adapter's binary and version arguments; app-only tools have none.
      const { bin, versionArgs } = adapters[tool];
      if (!bin || !versionArgs) return [tool, null] as const;
      return [tool, await versionOf(bin, versionArgs, env, timeoutMs)] as const;
    }),
  );
  return Object.fromEntries(entries);
}
