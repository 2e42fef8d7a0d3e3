import { execa } from 'execa';
import type { ToolId } from '../core/adapters/index.js';

/** The command each tool answers `--version` on. */
const VERSION_COMMAND: Readonly<Record<ToolId, readonly [string, ...string[]]>> = {
  openclaw: ['openclaw', '--version'],
  'qwen-code': ['qwen', '--version'],
  'claude-code': ['claude', '--version'],
};

/**
 * Ask each tool for its version, in parallel, each with a short timeout. A tool that is missing,
 * hangs or fails prints nothing useful: null. Only tools whose config shape depends on the
 * version need this before planning (OpenClaw).
 */
export async function probeVersions(tools: readonly ToolId[], env: NodeJS.ProcessEnv, timeoutMs = 8000): Promise<Record<string, string | null>> {
  const entries = await Promise.all(
    tools.map(async (tool) => {
      const [file, ...args] = VERSION_COMMAND[tool];
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
