import { constants, promises as fsp } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import type { ToolId } from '../core/adapters/index.js';

/** The command each tool answers `--version` on. */
const VERSION_COMMAND: Readonly<Partial<Record<ToolId, readonly [string, ...string[]]>>> = {
  openclaw: ['openclaw', '--version'],
  'qwen-code': ['qwen', '--version'],
  'claude-code': ['claude', '--version'],
  opencode: ['opencode', '--version'],
  codex: ['codex', '--version'],
  kilo: ['kilo', '--version'],
  hermes: ['hermes', '--version'],
};

/** Tools whose config shape or compatibility depends on the installed release. */
export const VERSION_SENSITIVE: readonly ToolId[] = ['openclaw', 'codex', 'opencode'];

/**
 * Whether `file` is an executable somewhere on PATH. Looking costs a few stat calls; spawning a
 * missing command costs a process start per tool, on every doctor run.
 */
async function onPath(file: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean);
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';').concat('') : [''];
  for (const dir of dirs) {
    for (const ext of exts) {
      try {
        await fsp.access(path.join(dir, file + ext), constants.X_OK);
        return true;
      } catch {
        // not here
      }
    }
  }
  return false;
}

/**
 * Ask each tool for its version, in parallel, each with a short timeout. A tool that is missing,
 * hangs or fails prints nothing useful: null. Only tools whose config shape depends on the
 * version need this before planning (OpenClaw).
 */
export async function probeVersions(tools: readonly ToolId[], env: NodeJS.ProcessEnv, timeoutMs = 8000): Promise<Record<string, string | null>> {
  const entries = await Promise.all(
    tools.map(async (tool) => {
      const command = VERSION_COMMAND[tool];
      if (!command) return [tool, null] as const;
      const [file, ...args] = command;
      if (!(await onPath(file, env))) return [tool, null] as const;
      try {
        const r = await execa(file, args, { env, extendEnv: false, timeout: timeoutMs, reject: false, stdin: 'ignore' });
        const out = `${r.stdout}\n${r.stderr}`.trim();
        return [tool, r.exitCode === 0 && out ? out.split('\n')[0]! : null] as const;
      } catch {
        return [tool, null] as const;
      }
    }),
  );
  return Object.fromEntries(entries);
}
