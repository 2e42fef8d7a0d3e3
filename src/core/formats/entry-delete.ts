/**
 * Removing a member or element with its comma, and its line when it had one to itself. Comments
 * outside the entry always stay. The rules undo `entry-insert.ts` byte for byte.
 */
import { blankRestOfLine, blanksAfter, blanksBefore, isBlankRange, lineBreakAt, lineStartOf, startsLine } from './lines.js';
import { entrySpans, type ContainerSyntax, type Span } from './syntax.js';
import { removeRange, type Splice } from './splice.js';
import { firstComma, isComment, scanTrivia } from './trivia.js';
import type { EditContext } from './entry-insert.js';

function hasComment(ctx: EditContext, from: number, to: number): boolean {
  return scanTrivia(ctx.text, from, ctx.rules, to).some(isComment);
}

/** Where removal may start in the trivia [from, to): after its last comment and that comment's line break. */
function afterComments(ctx: EditContext, from: number, to: number): number {
  const items = scanTrivia(ctx.text, from, ctx.rules, to);
  const last = items.filter(isComment).pop();
  if (last === undefined) return from;
  if (last.kind !== 'lineComment') return last.end;
  return items.find((item) => item.kind === 'newline' && item.start >= last.end)?.end ?? last.end;
}

function withOwnComma(ctx: EditContext, entries: readonly Span[], index: number, comma: number): Splice[] {
  const { text } = ctx;
  const entry = entries[index] as Span;
  const isLast = index === entries.length - 1;
  const ownLine = startsLine(text, entry.start);
  const lineEnd = isBlankRange(text, entry.end, comma) ? blankRestOfLine(text, comma + 1) : undefined;
  if (ownLine && lineEnd !== undefined) return [removeRange(lineStartOf(text, entry.start), lineEnd)];
  const previous = entries[index - 1];
  if (isLast && previous !== undefined) {
    // A trailing comma stays with the entry before: remove from after that entry's comma to ours.
    const separator = firstComma(scanTrivia(text, previous.end, ctx.rules));
    if (separator !== undefined && !hasComment(ctx, entry.end, comma)) {
      return [removeRange(afterComments(ctx, separator + 1, entry.start), comma + 1)];
    }
  }
  const afterComma = blanksAfter(text, comma + 1);
  const commaEndsLine = lineBreakAt(text, afterComma) !== undefined || afterComma === text.length;
  if (isLast || commaEndsLine) {
    // Take the blanks before the entry rather than after the comma, so no line gains trailing blanks.
    const from = ownLine ? entry.start : blanksBefore(text, entry.start);
    const commaEnd = ownLine && !commaEndsLine ? afterComma : comma + 1;
    return joined(removeRange(from, entry.end), removeRange(comma, commaEnd));
  }
  return joined(removeRange(entry.start, entry.end), removeRange(comma, afterComma));
}

function lastWithoutComma(ctx: EditContext, entries: readonly Span[], index: number): Splice[] {
  const { text } = ctx;
  const entry = entries[index] as Span;
  const lineEnd = startsLine(text, entry.start) ? blankRestOfLine(text, entry.end) : undefined;
  const ownLine = lineEnd === undefined ? undefined : removeRange(lineStartOf(text, entry.start), lineEnd);
  const previous = entries[index - 1];
  if (previous === undefined) {
    return [ownLine ?? removeRange(blanksBefore(text, entry.start), entry.end)];
  }
  const separator = firstComma(scanTrivia(text, previous.end, ctx.rules));
  if (separator === undefined) throw new Error(`no comma between entries at offset ${previous.end}`);
  if (ownLine) return [removeRange(separator, separator + 1), ownLine];
  const from = afterComments(ctx, separator + 1, entry.start);
  return from === separator + 1 ? [removeRange(separator, entry.end)] : [removeRange(separator, separator + 1), removeRange(from, entry.end)];
}

function joined(a: Splice, b: Splice): Splice[] {
  return a.end >= b.start ? [removeRange(a.start, Math.max(a.end, b.end))] : [a, b];
}

export function deleteEntry(ctx: EditContext, container: ContainerSyntax, index: number): Splice[] {
  const { text, rules } = ctx;
  const entries = entrySpans(container);
  const entry = entries[index] as Span;
  const close = container.end - 1;
  const after = scanTrivia(text, entry.end, rules);
  if (entries.length === 1) {
    const before = scanTrivia(text, container.start + 1, rules, entry.start);
    // Nothing else inside: the container goes back to `{}` / `[]`.
    if (!before.some(isComment) && !after.some(isComment)) return [{ start: container.start + 1, end: close, text: '' }];
  }
  const comma = firstComma(after);
  if (comma !== undefined) return withOwnComma(ctx, entries, index, comma);
  return lastWithoutComma(ctx, entries, index);
}
