/**
 * Line-level questions the splice engine asks. Only '\n' ends a line here ('\r\n' ends in one);
 * every other whitespace character, '\r' included, counts as blank space within a line.
 */

const BLANK = /[^\S\n]/;

export function isBlank(ch: string | undefined): boolean {
  return ch !== undefined && BLANK.test(ch);
}

export function lineStartOf(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

/** The leading whitespace of the line holding `pos`. */
export function lineIndentAt(text: string, pos: number): string {
  const start = lineStartOf(text, pos);
  let end = start;
  while (end < text.length && text[end] !== '\r' && isBlank(text[end])) end++;
  return text.slice(start, end);
}

/** True when only whitespace precedes `pos` on its line. */
export function startsLine(text: string, pos: number): boolean {
  for (let i = lineStartOf(text, pos); i < pos; i++) if (!isBlank(text[i])) return false;
  return true;
}

/** When the rest of the line from `pos` is blank, the offset just after its '\n'. */
export function blankRestOfLine(text: string, pos: number): number | undefined {
  for (let i = pos; i < text.length; i++) {
    if (text[i] === '\n') return i + 1;
    if (!isBlank(text[i])) return undefined;
  }
  return undefined;
}

export function isBlankRange(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isBlank(text[i])) return false;
  return true;
}

/** Start of the run of blanks (within the line) that ends at `pos`. */
export function blanksBefore(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && isBlank(text[i - 1])) i--;
  return i;
}

/** End of the run of blanks (within the line) that starts at `pos`, stopping before a '\r\n'. */
export function blanksAfter(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && isBlank(text[i]) && !(text[i] === '\r' && text[i + 1] === '\n')) i++;
  return i;
}

/** The line break at `pos` ('\r\n' or '\n'), or undefined when there is none. */
export function lineBreakAt(text: string, pos: number): string | undefined {
  if (text[pos] === '\n') return '\n';
  if (text[pos] === '\r' && text[pos + 1] === '\n') return '\r\n';
  return undefined;
}
