/**
 * Comments in the merged YAML text, for the editor in yaml.ts: a merge must keep every comment
 * the print has, and a line written for an edit keeps the spacing the file had before its comment.
 */
import { Lexer } from 'yaml';
import { hashCommentStart } from './hash-comment.js';
import { rewriteChangedLines } from './line-diff.js';

/** Where the comment on a line starts (a `#` after a blank, outside quotes), or -1. */
function commentStart(line: string): number {
  return hashCommentStart(line, {
    opensString: (text, i) => /(^|[\s:,[{-])$/.test(text.slice(0, i)),
    opensComment: (text, i) => i === 0 || /\s/.test(text[i - 1] ?? ''),
  });
}

/**
 * A line the printer wrote for an edit keeps the spacing the file had before its comment
 * (`default: x   # note`, not `default: x # note`).
 */
export function alignComments(original: string, merged: string): string {
  return rewriteChangedLines(original, merged, 'lines', (oldLine, newLine) => {
    const [oldAt, newAt] = [commentStart(oldLine), commentStart(newLine)];
    if (oldAt <= 0 || newAt <= 0 || oldLine.slice(oldAt) !== newLine.slice(newAt)) return null;
    const gap = /\s*$/.exec(oldLine.slice(0, oldAt))?.[0] ?? ' ';
    return newLine.slice(0, newAt).trimEnd() + gap + newLine.slice(newAt);
  });
}

/** Every comment in a YAML text, as the lexer finds them (a `#` inside a string is no comment). */
export function commentsIn(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of new Lexer().lex(text)) {
    if (token.startsWith('#')) counts.set(token.trimEnd(), (counts.get(token.trimEnd()) ?? 0) + 1);
  }
  return counts;
}

export function keepsComments(text: string, wanted: Map<string, number>): boolean {
  const found = commentsIn(text);
  for (const [comment, count] of wanted) if ((found.get(comment) ?? 0) < count) return false;
  return true;
}
