/**
 * Line-level differences, for editors that hand the work to a library which prints more than the
 * edit needs: what it changed can be compared with the file and the needless part undone.
 */
import { diffLines } from './anchored-diff.js';

export interface LineHunk {
  /** Replaces lines [start, end) of the first text with `lines`. */
  readonly start: number;
  end: number;
  readonly lines: string[];
}

/** Lines with their own line breaks kept, so that joining them gives the text back. */
export function rawLines(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

/** A line without its line break, trailing blanks and trailing `#` comment. */
function lineCore(line: string): string {
  return line.replace(/\s+#[^"']*$/, '').trimEnd();
}

/** The indented plain key a `key: value` or `key = value` line starts with. */
function lineKey(line: string): string | undefined {
  return /^([ \t]*(?:- )?[A-Za-z0-9_$-][^:=#"'\s]*)[ \t]*[:=](?:\s|$)/.exec(line)?.[1];
}

/** Whether two lines are the same entry: equal but for a trailing comment, or the same key. */
function sameEntry(a: string, b: string): boolean {
  const key = lineKey(a);
  return lineCore(a) === lineCore(b) || (key !== undefined && key === lineKey(b));
}

const TRIVIAL = /^[ \t]*(#.*)?\r?\n?$/;

/**
 * A removal that ends in blank and comment lines, as a removed TOML table takes along the
 * comments below it up to the next header: those trailing lines each become a removal of their
 * own, so that they can be given back. Leading ones stay: they describe what was removed.
 */
function splitTrailing(hunk: LineHunk, from: readonly string[]): LineHunk[] {
  let last = hunk.end;
  while (last > hunk.start && TRIVIAL.test(from[last - 1] ?? '')) last--;
  if (last === hunk.end) return [hunk];
  const result: LineHunk[] = last > hunk.start || hunk.lines.length > 0 ? [{ start: hunk.start, end: last, lines: hunk.lines }] : [];
  for (let i = last; i < hunk.end; i++) result.push({ start: i, end: i + 1, lines: [] });
  return result;
}

/**
 * Splits a hunk into one-line replacements where a removed line and an added line are the same
 * entry, and plain insertions and removals between.
 */
function splitHunk(hunk: LineHunk, from: readonly string[], split: Split): LineHunk[] {
  const removed = from.slice(hunk.start, hunk.end);
  const added = hunk.lines;
  if (split === 'lines' && removed.length === added.length) {
    return added.map((line, i) => ({ start: hunk.start + i, end: hunk.start + i + 1, lines: [line] }));
  }
  const result: LineHunk[] = [];
  let pending: LineHunk = { start: hunk.start, end: hunk.start, lines: [] };
  const flush = (): void => {
    if (pending.end > pending.start || pending.lines.length > 0) result.push(...splitTrailing(pending, from));
  };
  let j = 0;
  removed.forEach((line, i) => {
    const match = added.findIndex((candidate, k) => k >= j && sameEntry(line, candidate));
    if (match === -1) {
      pending.end = hunk.start + i + 1;
      return;
    }
    pending.lines.push(...added.slice(j, match));
    flush();
    result.push({ start: hunk.start + i, end: hunk.start + i + 1, lines: [added[match] as string] });
    j = match + 1;
    pending = { start: hunk.start + i + 1, end: hunk.start + i + 1, lines: [] };
  });
  pending.lines.push(...added.slice(j));
  flush();
  return result;
}

/**
 * How finely hunks are cut: 'none' keeps each run of changed lines whole; 'entries' cuts where a
 * line is replaced by the same entry (same key, or equal but for its comment) and before trailing
 * blank and comment lines; 'lines' also cuts a run that replaces as many lines as it removes line
 * by line, as a printer that reformats a file replaces its lines one for one.
 */
export type Split = 'none' | 'entries' | 'lines';

/** The hunks turning `from` into `to`. */
export function lineHunks(from: readonly string[], to: readonly string[], split: Split): LineHunk[] {
  const result: LineHunk[] = [];
  let at = 0;
  let open: LineHunk | undefined;
  const close = (): void => {
    if (open) result.push(...(split === 'none' ? [open] : splitHunk(open, from, split)));
    open = undefined;
  };
  for (const change of diffLines(from, to)) {
    const items = change.value;
    if (change.removed || change.added) {
      open ??= { start: at, end: at, lines: [] };
      if (change.removed) {
        open.end += items.length;
        at += items.length;
      } else {
        open.lines.push(...items);
      }
    } else {
      close();
      at += items.length;
    }
  }
  close();
  return result;
}

/** `from` with each hunk's lines in place of the lines it replaces. */
export function applyHunks(from: readonly string[], hunks: readonly LineHunk[], keep: (index: number) => boolean = () => false): string {
  let out = '';
  let at = 0;
  hunks.forEach((hunk, i) => {
    out += from.slice(at, hunk.start).join('');
    out += keep(i) ? from.slice(hunk.start, hunk.end).join('') : hunk.lines.join('');
    at = hunk.end;
  });
  return out + from.slice(at).join('');
}

/**
 * `changed` with each line that replaced exactly one line of `original` passed through `rewrite`
 * (old and new line without their line ending; return null to keep the new line as it is).
 */
export function rewriteChangedLines(original: string, changed: string, split: Split, rewrite: (oldLine: string, newLine: string) => string | null): string {
  const from = rawLines(original);
  const hunks = lineHunks(from, rawLines(changed), split);
  for (const hunk of hunks) {
    if (hunk.end - hunk.start !== 1 || hunk.lines.length !== 1) continue;
    const oldLine = (from[hunk.start] as string).replace(/\r?\n$/, '');
    const newRow = hunk.lines[0] as string;
    const newLine = newRow.replace(/\r?\n$/, '');
    const next = rewrite(oldLine, newLine);
    if (next !== null) hunk.lines[0] = next + newRow.slice(newLine.length);
  }
  return applyHunks(from, hunks);
}

/**
 * `changed` with every changed line put back as it was in `original` wherever `holds` still
 * accepts the text without that change: what a library rewrote but the edit did not need.
 */
export function undoNeedlessLines(original: string, changed: string, holds: (text: string) => boolean): string {
  const from = rawLines(original);
  const hunks = lineHunks(from, rawLines(changed), 'entries');
  const undone = new Set<number>();
  const build = (): string => applyHunks(from, hunks, (i) => undone.has(i));
  for (let i = 0; i < hunks.length; i++) {
    undone.add(i);
    if (!holds(build())) undone.delete(i);
  }
  return build();
}
