/** Every exit code tp-setup uses, in one place; the README's table mirrors this map. */
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

/**
 * An error that already knows its exit code and what to tell the user: `message` is a message
 * key (or plain text from a library), `params` fill it, `lines` follow it one per line.
 */
export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCodeValue,
    message: string,
    readonly params: Readonly<Record<string, string | number>> = {},
    readonly lines: readonly string[] = [],
  ) {
    super(message);
    this.name = 'CliError';
  }
}
