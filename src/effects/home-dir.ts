import { fs } from './builtins.js';
import path from 'node:path';
import { CliError, ExitCode } from '../core/errors.js';

/**
 * `--home` (or TP_SETUP_HOME) must name an existing folder: a file, or a folder a typo or an
 * unset variable left missing, would otherwise become a fresh home that tp-setup fills, or fail
 * half way through with a file-system error. Usage errors, exit 2.
 */
export function checkHomeOption(home: string | undefined): void {
  if (home === undefined) return;
  const resolved = path.resolve(home);
  let isDir: boolean;
  try {
    isDir = fs.statSync(resolved).isDirectory();
  } catch {
    throw new CliError(ExitCode.USAGE, 'error.homeMissing', { path: resolved });
  }
  if (!isDir) throw new CliError(ExitCode.USAGE, 'error.homeNotDir', { path: resolved });
}
