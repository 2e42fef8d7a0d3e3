import { CliError, ExitCode } from '../core/errors.js';
import type { Io } from './io.js';

/**
 * The key never comes from argv: a named environment variable, standard input, or (in a
 * terminal) the hidden prompt `ask`; with none of them it is a usage error.
 */
export async function readKeyInput(opts: { keyEnv: string | undefined; keyStdin: boolean }, io: Io, ask: (() => Promise<string>) | null): Promise<string> {
  if (opts.keyEnv) {
    const value = io.env[opts.keyEnv];
    if (value === undefined) throw new CliError(ExitCode.USAGE, 'error.keyEnvUnset', { name: opts.keyEnv });
    return value;
  }
  if (opts.keyStdin) {
    const value = await io.readStdin();
    if (value.trim() === '') throw new CliError(ExitCode.USAGE, 'error.keyStdinEmpty');
    // `echo key |` and a file saved by an editor end with one line break: that is how text
    // arrives on stdin, not damage. Anything more is still the key checks' to name.
    return value.replace(/\r?\n$/, '');
  }
  if (ask) return ask();
  throw new CliError(ExitCode.USAGE, 'error.missing', {}, [{ code: 'error.missingKey' }]);
}
