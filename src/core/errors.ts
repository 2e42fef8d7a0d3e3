/**
 * The one error model. Every failure a user can meet is a `CliError`: it knows its exit code, a
 * stable `code` (a message key, as finding codes are), the parameters that fill it, and detail
 * lines as data. The headless entry and the wizard both turn whatever was thrown into one of these
 * through `toCliError`, so an exit code is decided in exactly one place.
 */

/** Every exit code tp-setup uses; the README's table mirrors this map. */
export const ExitCode = {
  OK: 0,
  INTERNAL: 1,
  USAGE: 2,
  CHECK_FAILED: 3,
  REFUSED: 4,
  ROLLED_BACK: 5,
  CANCELLED: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export type ErrorParams = Readonly<Record<string, string | number>>;

/** One line under an error's message, as data: a message code and what fills it. */
export interface ErrorDetail {
  readonly code: string;
  readonly params?: ErrorParams;
}

export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCodeValue,
    /** A message key (`error.refusedParse`); stable, for `--json` readers. */
    readonly code: string,
    readonly params: ErrorParams = {},
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(code);
    this.name = 'CliError';
  }
}

/** A prompt library's or the wizard's "the user stopped": by name, so no UI module is imported here. */
const CANCEL_NAMES = new Set(['ExitPromptError', 'AbortPromptError', 'CancelSignal']);

/** Anything thrown → the CliError the user sees. Unknown errors are bugs: exit 1, with their text. */
export function toCliError(err: unknown): CliError {
  if (err instanceof CliError) return err;
  if (err instanceof Error && CANCEL_NAMES.has(err.name)) return new CliError(ExitCode.CANCELLED, 'error.cancelled');
  return new CliError(ExitCode.INTERNAL, 'error.internal', { message: err instanceof Error ? err.message : String(err) });
}
