import { CliError } from '../../src/core/errors.js';

/** The CliError a call throws; any other outcome fails the test. */
export function thrown(fn: () => unknown): CliError {
  try {
    fn();
  } catch (err) {
    if (err instanceof CliError) return err;
    throw err;
  }
  throw new Error('did not throw');
}
