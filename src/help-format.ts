/** What the parser's help and the precomputed help (src/help.ts) agree on. */

/**
 * Help is wrapped to at most 80 columns, narrower only for a narrower terminal. One width for
 * every wider terminal and for pipes is what lets `--help` print text computed at build time.
 */
export const HELP_WIDTH = 80;

export function helpWidthFor(stdoutIsTTY: boolean, columns: number | undefined): number {
  return stdoutIsTTY && columns !== undefined && columns > 0 && columns < HELP_WIDTH ? Math.max(40, columns) : HELP_WIDTH;
}

export interface HelpTable {
  /** The distinct texts. */
  readonly texts: readonly string[];
  /** Per language (as earlyLang decides it), the command line (tokens joined by NUL) → its text's index. */
  readonly lines: Readonly<Record<'en' | 'zh-CN', Readonly<Record<string, number>>>>;
}

export const LINE_SEPARATOR = '\u0000';
