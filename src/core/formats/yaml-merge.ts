/**
 * Printing the edited YAML document and merging the print back into the file, for the editor in
 * yaml.ts: the printer reprints the whole document, so lines the edits did not change come from
 * the file byte for byte, and only the regions the edits changed come from the printer (a
 * three-way line merge).
 */
import type { Document, ToStringOptions } from 'yaml';
import { lineHunks, rawLines, type LineHunk } from './line-diff.js';
import { detectIndentUnit, type Eol } from './text.js';

/** How the file indents, so that printed lines match it and the merge has little to reconcile. */
export function printOptions(body: string): ToStringOptions {
  const unit = detectIndentUnit(body);
  const indent = unit.includes('\t') ? 2 : Math.min(Math.max(unit.length, 1), 8);
  const lines = body.split(/\r?\n/);
  let indentSeq = true;
  for (let i = 0; i < lines.length - 1; i++) {
    const keyLine = /^( *)[^\s#-][^#]*:\s*(#.*)?$/.exec(lines[i] ?? '');
    if (!keyLine) continue;
    const next = lines.slice(i + 1).find((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
    const item = /^( *)- /.exec(next ?? '') ?? /^( *)-$/.exec(next ?? '');
    if (!item) continue;
    indentSeq = (item[1] ?? '').length > (keyLine[1] ?? '').length;
    break;
  }
  // lineWidth 0: never fold a long string onto several lines.
  return { indent, indentSeq, lineWidth: 0, minContentWidth: 0 };
}

export function print(doc: Document, options: ToStringOptions): string[] {
  // Comments read from a CRLF file keep their '\r'; the merge adds the file's own line breaks.
  const lines = doc.toString(options).split(/\r*\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * The printer leaves indentation on some blank lines (a key that keeps its blank line above
 * after the entry before it was deleted). Inside a block scalar such a line could be content, so
 * a merge without it is checked, and retried with the lines as printed.
 */
export function tidy(lines: readonly string[]): string[] {
  return lines.map((line) => (/^[ \t]+$/.test(line) ? '' : line));
}

// --- merging the printed edit back into the file ---------------------------------------------

type Hunk = LineHunk & { readonly side: 'file' | 'edit' };

function hunks(base: readonly string[], other: readonly string[], side: Hunk['side']): Hunk[] {
  // Reprinted file lines replace their originals one for one: split so an edit conflicts with its own lines only.
  return lineHunks(base, other, side === 'file' ? 'lines' : 'none').map((hunk) => ({ ...hunk, side }));
}

export type Reach = 'narrow' | 'conflicts' | 'wide';

/**
 * Which changes are one region. 'narrow' joins only overlapping changes; 'conflicts' also lets a
 * region both sides changed take in the reformatted lines around it, so a block comes out in one
 * indentation; 'wide' joins everything that touches.
 */
function regions(all: readonly Hunk[], reach: Reach): Hunk[][] {
  // Each group's span is kept beside it, so that joining stays linear in the number of hunks.
  const groups: { hunks: Hunk[]; start: number; end: number }[] = [];
  for (const hunk of all) {
    const group = groups[groups.length - 1];
    const sameInsertionPoint = group !== undefined && hunk.start === hunk.end && group.start === group.end && hunk.start === group.start;
    if (group && (hunk.start < group.end || sameInsertionPoint || (reach === 'wide' && hunk.start === group.end))) {
      group.hunks.push(hunk);
      group.start = Math.min(group.start, hunk.start);
      group.end = Math.max(group.end, hunk.end);
    } else {
      groups.push({ hunks: [hunk], start: hunk.start, end: hunk.end });
    }
  }
  if (reach !== 'conflicts') return groups.map((group) => group.hunks);
  const conflict = (group: readonly Hunk[]) => group.some((h) => h.side === 'file') && group.some((h) => h.side === 'edit');
  const fileOnly = (group: readonly Hunk[]) => group.every((h) => h.side === 'file');
  // One pass joins what repeated passes over neighbours would: a conflict takes in the file-only
  // groups touching it on either side, and a joined group is a conflict again.
  const joined: { hunks: Hunk[]; start: number; end: number }[] = [];
  for (const group of groups) {
    const previous = joined[joined.length - 1];
    if (previous && previous.end === group.start && ((conflict(previous.hunks) && fileOnly(group.hunks)) || (fileOnly(previous.hunks) && conflict(group.hunks)))) {
      previous.hunks.push(...group.hunks);
      previous.end = Math.max(previous.end, group.end);
      previous.start = Math.min(previous.start, group.start);
      // A file-only group before that joined a conflict may now join the one before it as well.
      while (joined.length >= 2) {
        const last = joined[joined.length - 1] as (typeof joined)[number];
        const before = joined[joined.length - 2] as (typeof joined)[number];
        if (before.end === last.start && fileOnly(before.hunks) && conflict(last.hunks)) {
          before.hunks.push(...last.hunks);
          before.end = Math.max(before.end, last.end);
          joined.pop();
        } else break;
      }
    } else {
      joined.push({ hunks: [...group.hunks], start: group.start, end: group.end });
    }
  }
  return joined.map((group) => group.hunks);
}

/**
 * Three-way merge by lines. `base` is the printed file before the edits, `edited` after them;
 * where the printer changed lines the edits did not touch, the file's own lines win, and where
 * both changed the same lines the edited print wins for that region only.
 */
export function merge(file: string, base: readonly string[], edited: readonly string[], eol: Eol, reach: Reach): string {
  const raw = rawLines(file);
  const fileLines = raw.map((line) => line.replace(/\r?\n$/, ''));
  const all = [...hunks(base, fileLines, 'file'), ...hunks(base, edited, 'edit')].sort((a, b) => a.start - b.start || a.end - b.end);
  const groups = regions(all, reach);
  // Parts are collected and joined once: asking a long concatenated string how it ends would
  // flatten it on every line.
  const parts: string[] = [];
  let endsLine = true;
  const emit = (text: string): void => {
    if (parts.length > 0 && !endsLine) {
      parts.push(eol);
      endsLine = true;
    }
    if (text !== '') {
      parts.push(text);
      endsLine = text.endsWith('\n');
    }
  };
  let at = 0;
  let fileAt = 0;
  for (const group of groups) {
    const start = Math.min(...group.map((h) => h.start));
    const end = Math.max(...group.map((h) => h.end));
    for (; at < start; at++) emit(raw[fileAt++] ?? '');
    const fromFile = group.filter((h) => h.side === 'file');
    const fromEdit = group.filter((h) => h.side === 'edit');
    const fileSpan = end - start + fromFile.reduce((n, h) => n + h.lines.length - (h.end - h.start), 0);
    if (fromEdit.length === 0 || start === end) {
      // Lines both sides add at one place (a comment the printer moved, a new key) keep both, the file's first.
      for (let i = 0; i < fileSpan; i++) emit(raw[fileAt + i] ?? '');
      for (const hunk of fromEdit) for (const line of hunk.lines) emit(line + eol);
    } else {
      let pos = start;
      for (const hunk of fromEdit) {
        for (; pos < hunk.start; pos++) emit((base[pos] ?? '') + eol);
        for (const line of hunk.lines) emit(line + eol);
        pos = hunk.end;
      }
      for (; pos < end; pos++) emit((base[pos] ?? '') + eol);
    }
    fileAt += fileSpan;
    at = end;
  }
  for (; fileAt < raw.length; fileAt++) emit(raw[fileAt] ?? '');
  let out = parts.join('');
  // A file without a final line break keeps lacking one.
  if (file !== '' && !file.endsWith('\n') && out.endsWith(eol)) out = out.slice(0, -eol.length);
  return out;
}

export function withEol(lines: readonly string[], eol: Eol): string {
  return lines.map((line) => line + eol).join('');
}
