/**
 * Where and how a new member or element goes into an existing object or array. The layout rules
 * mirror `entry-delete.ts` exactly, so that deleting what was inserted restores the text.
 */
import { blanksAfter, lineBreakAt, lineIndentAt, startsLine } from './lines.js';
import { entrySpans, type ContainerSyntax, type Span } from './syntax.js';
import { insertAt, type Splice } from './splice.js';
import { firstComma, isComment, scanTrivia, type TriviaRules } from './trivia.js';
import type { Layout } from './serialize.js';
import type { TextStyle } from './style.js';

export interface EditContext {
  readonly text: string;
  readonly style: TextStyle;
  readonly rules: TriviaRules;
}

/** Renders the entry (`"key": value` or a bare element) for a layout and the indent of its line. */
export type RenderEntry = (layout: Layout, indent: string) => string;

interface Tail {
  /** The comma after the entry, when there is one on its line. */
  readonly comma: number | undefined;
  /** End of the last comma or comment on the entry's line. */
  readonly itemsEnd: number;
  /** The line break ending the entry's line, when nothing but blanks and those items precede it. */
  readonly lineBreak: number | undefined;
  readonly endsInLineComment: boolean;
}

/** What follows an entry on its own line: the place a following entry is attached to. */
function scanTail(ctx: EditContext, end: number): Tail {
  let comma: number | undefined;
  let itemsEnd = end;
  let endsInLineComment = false;
  for (const item of scanTrivia(ctx.text, end, ctx.rules)) {
    if (item.kind === 'blank') continue;
    if (item.kind === 'newline') return { comma, itemsEnd, lineBreak: item.start, endsInLineComment };
    if (item.kind === 'comma') comma ??= item.start;
    endsInLineComment = item.kind === 'lineComment';
    itemsEnd = item.end;
  }
  return { comma, itemsEnd, lineBreak: undefined, endsInLineComment };
}

/** The blanks a one-line container puts after its commas; one space when it has none. */
function inlineSeparator(ctx: EditContext, container: ContainerSyntax): string {
  const entries = entrySpans(container);
  for (let i = 0; i + 1 < entries.length; i++) {
    const comma = firstComma(scanTrivia(ctx.text, (entries[i] as Span).end, ctx.rules));
    if (comma === undefined) continue;
    const between = ctx.text.slice(comma + 1, (entries[i + 1] as Span).start);
    if (/^[ \t]*$/.test(between)) return between;
  }
  return ' ';
}

function append(ctx: EditContext, container: ContainerSyntax, render: RenderEntry): Splice[] {
  const { text, style } = ctx;
  const entries = entrySpans(container);
  const last = entries[entries.length - 1] as Span;
  const tail = scanTail(ctx, last.end);
  const comma = tail.comma === undefined ? ',' : '';
  // A container written with a trailing comma keeps one after the new last entry too.
  const trailing = tail.comma === undefined ? '' : ',';
  const ownLine = startsLine(text, last.start);
  let at: number;
  let insertion: string;
  if (ownLine || tail.endsInLineComment) {
    const indent = ownLine ? lineIndentAt(text, last.start) : lineIndentAt(text, container.start) + style.unit;
    at = tail.lineBreak ?? tail.itemsEnd;
    const eol = tail.lineBreak === undefined ? style.eol : (lineBreakAt(text, tail.lineBreak) ?? style.eol);
    insertion = eol + indent + render('pretty', indent) + trailing;
  } else {
    at = tail.itemsEnd;
    insertion = inlineSeparator(ctx, container) + render('inline', '') + trailing;
  }
  if (at === last.end) return [insertAt(at, comma + insertion)];
  return [insertAt(last.end, comma), insertAt(at, insertion)];
}

function insertBefore(ctx: EditContext, container: ContainerSyntax, index: number, render: RenderEntry): Splice[] {
  const { text, style } = ctx;
  const next = entrySpans(container)[index] as Span;
  if (startsLine(text, next.start)) {
    const indent = lineIndentAt(text, next.start);
    return [insertAt(next.start, render('pretty', indent) + ',' + style.eol + indent)];
  }
  return [insertAt(next.start, render('inline', '') + ',' + inlineSeparator(ctx, container))];
}

function insertIntoEmpty(ctx: EditContext, container: ContainerSyntax, render: RenderEntry, inline: boolean): Splice[] {
  const { text, style } = ctx;
  const open = container.start;
  const close = container.end - 1;
  const outer = lineIndentAt(text, open);
  const inner = outer + style.unit;
  const comments = scanTrivia(text, open + 1, ctx.rules, close).filter(isComment);
  const last = comments[comments.length - 1];
  if (last === undefined) {
    const content = inline ? render('inline', '') : style.eol + inner + render('pretty', inner) + style.eol + outer;
    return [{ start: open + 1, end: close, text: content }];
  }
  // Comments stay where they are; the entry goes on its own line after the last of them.
  const afterComment = blanksAfter(text, last.end);
  const eol = lineBreakAt(text, afterComment);
  if (eol !== undefined) {
    const indent = startsLine(text, last.start) ? lineIndentAt(text, last.start) : inner;
    return [insertAt(afterComment, eol + indent + render('pretty', indent))];
  }
  return [{ start: last.end, end: close, text: style.eol + inner + render('pretty', inner) + style.eol + outer }];
}

/**
 * `inlineWhenEmpty`: an empty array takes a scalar as `[x]`; everything else that goes into an
 * empty container is laid out over several lines.
 */
export function insertEntry(
  ctx: EditContext,
  container: ContainerSyntax,
  index: number,
  render: RenderEntry,
  inlineWhenEmpty: boolean,
): Splice[] {
  const count = entrySpans(container).length;
  if (count === 0) return insertIntoEmpty(ctx, container, render, inlineWhenEmpty);
  if (index < count) return insertBefore(ctx, container, index, render);
  return append(ctx, container, render);
}
