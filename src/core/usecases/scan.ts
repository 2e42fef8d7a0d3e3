import { TOOL_IDS, adapters, isToolId, type ToolId } from '../adapters/index.js';
import { CliError, ExitCode } from '../errors.js';

/** Tools that keep files tp-setup can read (the app-only guides have none). */
export const FILE_TOOLS: readonly ToolId[] = TOOL_IDS.filter((t) => adapters[t].examine !== undefined);

/** `--tools a,b` for the commands that read configs; absent → every tool with files. */
export function parseToolsFlag(flag: string | undefined): ToolId[] {
  const tools = flag ? flag.split(',').map((t) => t.trim()).filter(Boolean) : [...FILE_TOOLS];
  const bad = tools.find((t) => !isToolId(t) || !FILE_TOOLS.includes(t));
  if (bad) throw new CliError(ExitCode.USAGE, 'error.invalid', { flag: '--tools', value: bad, choices: FILE_TOOLS.join(', ') });
  return tools as ToolId[];
}
