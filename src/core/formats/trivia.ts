/**
 * Scans what may sit between two tokens: blanks, line breaks, comments and commas. The engine only
 * calls it on ranges the parser has already accepted, so anything else simply ends the scan.
 */

export type TriviaKind = 'blank' | 'newline' | 'blockComment' | 'lineComment' | 'comma';

export interface Trivia {
  readonly kind: TriviaKind;
  readonly start: number;
  readonly end: number;
}

export interface TriviaRules {
  /** JSON5 also ends a line comment at U+2028 and U+2029; jsonc-parser only at '\r' and '\n'. */
  readonly lineCommentEnds: RegExp;
}

export function scanTrivia(text: string, from: number, rules: TriviaRules, to = text.length): Trivia[] {
  const items: Trivia[] = [];
  let pos = from;
  while (pos < to) {
    const ch = text[pos] as string;
    const start = pos;
    let kind: TriviaKind;
    if (ch === ',') {
      kind = 'comma';
      pos++;
    } else if (ch === '\n' || ch === '\r') {
      kind = 'newline';
      pos += ch === '\r' && text[pos + 1] === '\n' ? 2 : 1;
    } else if (ch === '/' && text[pos + 1] === '/') {
      kind = 'lineComment';
      pos += 2;
      while (pos < text.length && !rules.lineCommentEnds.test(text[pos] as string)) pos++;
    } else if (ch === '/' && text[pos + 1] === '*') {
      kind = 'blockComment';
      const close = text.indexOf('*/', pos + 2);
      pos = close === -1 ? text.length : close + 2;
    } else if (/\s/.test(ch) || ch === '\uFEFF' || ch === '\u200B') {
      // jsonc-parser also skips U+200B between tokens, though JavaScript's \s does not cover it.
      kind = 'blank';
      pos++;
    } else {
      break;
    }
    const previous = items[items.length - 1];
    if (kind === 'blank' && previous?.kind === 'blank') {
      items[items.length - 1] = { kind, start: previous.start, end: pos };
    } else {
      items.push({ kind, start, end: pos });
    }
  }
  return items;
}

export function isComment(item: Trivia): boolean {
  return item.kind === 'lineComment' || item.kind === 'blockComment';
}

export function firstComma(items: readonly Trivia[]): number | undefined {
  return items.find((item) => item.kind === 'comma')?.start;
}
