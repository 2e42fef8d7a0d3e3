/**
 * Comment and blank-line fix-ups for the editor in toml.ts: lines @decimalturn/toml-patch rewrote,
 * moved or removed without need are put back as the file had them. Each repair is a pure function
 * of the original text and the patched one; toml-patcher.ts keeps a repair only if the text still
 * holds the intended value.
 */
import { hashCommentStart } from './hash-comment.js';
import { applyHunks, lineHunks, rawLines, rewriteChangedLines, type LineHunk } from './line-diff.js';
import type { Eol } from './text.js';

// Comment and blank lines at the top of the file, up to the first entry.
const LEADING_COMMENTS = /^(?:[ \t]*(?:#[^\n]*)?\r?\n)+/;

/**
 * Runs `change` with the file's header comment detached from the first entry by a blank line:
 * the comments at the top of the file are the file's, and stay when the first entry goes;
 * toml-patch would take a comment right above an entry along with it.
 */
export function keepingHeader(body: string, eol: Eol, change: (text: string) => string): string {
  const header = LEADING_COMMENTS.exec(body)?.[0];
  if (header === undefined || !/#[^\n]*\n$/.test(header) || header.length === body.length) return change(body);
  const rest = body.slice(header.length);
  const changed = change(header + eol + rest);
  return changed.startsWith(header + eol) ? header + changed.slice(header.length + eol.length) : changed;
}

/** Where the comment on a line starts (a `#` outside quotes), or -1. */
function commentStart(line: string): number {
  return hashCommentStart(line, { opensString: () => true, opensComment: () => true });
}

/**
 * toml-patch drops the comment after a value it rewrites (`a = [1] # note` → `a = [1, 2]`, an
 * element `{}, # note` in a multi-line array); the comment goes back after the new text of that line.
 */
function keepTrailingComments(original: string, changed: string): string {
  return rewriteChangedLines(original, changed, 'entries', (oldBody, newBody) => {
    const at = commentStart(oldBody);
    if (at <= 0 || oldBody.slice(0, at).trim() === '' || newBody.trim() === '' || commentStart(newBody) !== -1) return null;
    const gap = /\s*$/.exec(oldBody.slice(0, at))?.[0] || ' ';
    return newBody.trimEnd() + gap + oldBody.slice(at);
  });
}

const BLANK_OR_COMMENT = /^[ \t]*(#.*)?\r?\n?$/;

/**
 * toml-patch appends a new row at the very end of its table, below a comment that stands apart
 * at the end (`a = 1`, blank, `# note`); it would then count as the new row's and go when the row
 * is removed. The new rows move up to just below the table's last row instead.
 */
function rowsAboveClosingComments(original: string, changed: string, eol: Eol): string {
  const from = rawLines(original);
  const all = lineHunks(from, rawLines(changed), 'entries');
  const hunks = all.map((hunk) => {
    if (hunk.start !== hunk.end || hunk.lines.some((line) => /^\s*\[/.test(line))) return hunk;
    let top = hunk.start;
    while (top > 0 && BLANK_OR_COMMENT.test(from[top - 1] ?? '')) top--;
    const closing = from.slice(top, hunk.start);
    const apart = top > 0 && /^[ \t]*\r?\n$/.test(closing[0] ?? '') && closing.some((line) => line.trimStart().startsWith('#'));
    // Giving the file's last line a line break is no reason to stay below it.
    const onlyBreak = (other: LineHunk) => other.end - other.start === 1 && other.lines[0]?.trimEnd() === from[other.start]?.trimEnd();
    const crossesOther = all.some((other) => other !== hunk && other.start < hunk.start && other.end > top && !onlyBreak(other));
    if (!apart || crossesOther) return hunk;
    const lines = hunk.lines.map((line) => (line.endsWith('\n') ? line : line + eol));
    return { start: top, end: top, lines };
  });
  return applyHunks(from, hunks.sort((a, b) => a.start - b.start || a.end - b.end));
}

/** A section toml-patch appends right below a comment would make the comment its own; a blank line keeps them apart. */
function blankLineBeforeNewSection(original: string, changed: string, eol: Eol): string {
  const from = rawLines(original);
  const hunks = lineHunks(from, rawLines(changed), 'entries').map((hunk) => {
    const above = from[hunk.start - 1];
    if (hunk.start !== hunk.end || !/^\s*\[/.test(hunk.lines[0] ?? '') || above === undefined || !above.trimStart().startsWith('#')) return hunk;
    return { ...hunk, lines: [above.endsWith('\n') ? eol : eol + eol, ...hunk.lines] };
  });
  return applyHunks(from, hunks);
}

/** A removed section leaves the blank lines above and below it; one of them goes too. */
function noDoubleBlankLines(original: string, changed: string): string {
  const from = rawLines(original);
  const blank = (line: string | undefined) => line !== undefined && /^[ \t]*\r?\n$/.test(line);
  const hunks = lineHunks(from, rawLines(changed), 'none');
  hunks.forEach((hunk, i) => {
    const next = hunks[i + 1];
    const removal = hunk.lines.length === 0 && hunk.end > hunk.start;
    if (removal && (hunk.start === 0 || blank(from[hunk.start - 1])) && blank(from[hunk.end]) && (!next || next.start > hunk.end + 1)) {
      hunk.end++;
    }
  });
  return applyHunks(from, hunks);
}

/**
 * toml-patch ends a line it rewrites with the file's main line ending; in a file with mixed line
 * endings a rewritten line keeps the ending it had.
 */
function keepLineEndings(original: string, changed: string): string {
  const from = rawLines(original);
  const hunks = lineHunks(from, rawLines(changed), 'lines');
  for (const hunk of hunks) {
    if (hunk.end - hunk.start !== hunk.lines.length) continue;
    hunk.lines.forEach((line, i) => {
      const had = /\r?\n$/.exec(from[hunk.start + i] ?? '')?.[0];
      const has = /\r?\n$/.exec(line)?.[0];
      if (had !== undefined && has !== undefined && had !== has) hunk.lines[i] = line.slice(0, -has.length) + had;
    });
  }
  return applyHunks(from, hunks);
}

/** The repairs, in the order they are tried. */
export const REPAIRS: readonly ((original: string, changed: string, eol: Eol) => string)[] = [
  keepLineEndings,
  keepTrailingComments,
  rowsAboveClosingComments,
  blankLineBeforeNewSection,
  noDoubleBlankLines,
];
