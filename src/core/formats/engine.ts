/**
 * The shared editing engine behind the JSON, JSONC and JSON5 editors: each edit is planned as a
 * few splices on the current text, which is re-parsed before the next edit.
 */
import { deleteEntry } from './entry-delete.js';
import { insertEntry, type EditContext, type RenderEntry } from './entry-insert.js';
import { ParseFailure, VerifyFailure } from './failures.js';
import { lineIndentAt } from './lines.js';
import { parseSyntax, readDialect, type Dialect } from './dialect-read.js';
import { formatKey, formatValue, type Layout } from './serialize.js';
import { applySplices, type Splice } from './splice.js';
import { learnStyle, type TextStyle } from './style.js';
import { childSyntax, entrySpans, memberNamed, syntaxToValue, type ValueSyntax } from './syntax.js';
import { splitBom } from './text.js';
import { applyEdit, applyEditsToValue, deepEqual, nestUnder } from './value.js';
import type { Edit, FormatEditor, JsonValue, KeyPath } from './types.js';

export type { Dialect } from './dialect-read.js';

export function editorFromDialect(dialect: Dialect): FormatEditor {
  return {
    format: dialect.format,
    parse: (text) => readDialect(dialect, text),
    apply: (text, edits) => applyTextEdits(dialect, text, edits),
  };
}

export function applyTextEdits(dialect: Dialect, text: string, edits: readonly Edit[]): string {
  const { bom, body } = splitBom(text);
  const parsed = parseSyntax(dialect, body);
  if (!parsed.ok) throw new ParseFailure(dialect.format, parsed.error);
  const before = parsed.root ? syntaxToValue(parsed.root) : {};
  // Edits that cancel out leave the text alone, even if each step alone would have touched it.
  if (deepEqual(applyEditsToValue(before, edits), before)) return text;
  const style = learnStyle(body, parsed.root, dialect.json5);
  let current = body;
  // The first edit plans from the parse above; each later one from a parse of the text before it.
  let known: { root: ValueSyntax | undefined; value: JsonValue } | undefined = { root: parsed.root, value: before };
  for (const edit of edits) {
    current = applyOne(dialect, style, current, edit, known);
    known = undefined;
  }
  return bom + current;
}

function applyOne(
  dialect: Dialect,
  style: TextStyle,
  body: string,
  edit: Edit,
  known?: { root: ValueSyntax | undefined; value: JsonValue },
): string {
  let root: ValueSyntax | undefined;
  let before: JsonValue;
  if (known) {
    ({ root, value: before } = known);
  } else {
    const parsed = parseSyntax(dialect, body);
    if (!parsed.ok) {
      throw new VerifyFailure(`an earlier edit left ${dialect.format} text that no longer parses: ${parsed.error.message}`, dialect.format);
    }
    root = parsed.root;
    before = root ? syntaxToValue(root) : {};
  }
  // The value model decides what is allowed, so text and model reject the same edits.
  const after = applyEdit(before, edit);
  if (deepEqual(before, after)) return body;
  if (root === undefined) return writeIntoBlank(body, style, after);
  const ctx: EditContext = { text: body, style, rules: dialect.rules };
  const next = applySplices(body, planEdit(ctx, root, edit));
  // A repeated key hides its earlier copies; keep deleting until the key is really gone. Only a
  // parent that held the key more than once needs another look.
  const byKey = edit.op === 'delete' && typeof edit.path[edit.path.length - 1] === 'string';
  return byKey && repeatsKey(root, edit.path) ? applyOne(dialect, style, next, edit) : next;
}

/** Whether the object at the path's parent holds its last key more than once. */
function repeatsKey(root: ValueSyntax, path: KeyPath): boolean {
  const parent = resolve(root, path.slice(0, -1));
  const node = parent.length === path.length ? parent[parent.length - 1] : undefined;
  if (node?.kind !== 'object') return true;
  const key = path[path.length - 1];
  return node.members.filter((member) => member.key === key).length > 1;
}

/** A document without a value gets one, below any comments it already holds. */
function writeIntoBlank(body: string, style: TextStyle, value: JsonValue): string {
  const kept = body.trimEnd();
  return (kept === '' ? '' : kept + style.eol) + formatValue(value, style, '', 'pretty') + style.eol;
}

/** The nodes along `path` from the root, as far as they exist. */
function resolve(root: ValueSyntax, path: KeyPath): ValueSyntax[] {
  const nodes = [root];
  for (const segment of path) {
    const next = childSyntax(nodes[nodes.length - 1] as ValueSyntax, segment);
    if (next === undefined) break;
    nodes.push(next);
  }
  return nodes;
}

function planEdit(ctx: EditContext, root: ValueSyntax, edit: Edit): Splice[] {
  switch (edit.op) {
    case 'set':
      return planSet(ctx, root, edit.path, edit.value);
    case 'insert':
      return planInsert(ctx, root, edit.path, edit.value);
    case 'delete':
      return planDelete(ctx, root, edit.path);
  }
}

/** Whether a container spreads its own entries over lines; nested values do not count. */
function isMultiLine(ctx: EditContext, node: ValueSyntax): boolean {
  if (node.kind === 'scalar') return false;
  const entries = entrySpans(node);
  let gapStart = node.start + 1;
  for (const entry of entries) {
    if (ctx.text.slice(gapStart, entry.start).includes('\n')) return true;
    gapStart = entry.end;
  }
  return ctx.text.slice(gapStart, node.end - 1).includes('\n');
}

function planSet(ctx: EditContext, root: ValueSyntax, path: KeyPath, value: JsonValue): Splice[] {
  const nodes = resolve(root, path);
  const depth = nodes.length - 1;
  const node = nodes[depth] as ValueSyntax;
  if (depth === path.length) {
    const parent = nodes[depth - 1];
    const layout: Layout = parent && !isMultiLine(ctx, parent) ? 'inline' : 'pretty';
    const text = formatValue(value, ctx.style, lineIndentAt(ctx.text, node.start), layout, path);
    return [{ start: node.start, end: node.end, text }];
  }
  const key = path[depth];
  if (node.kind !== 'object' || typeof key !== 'string') throw new Error(`cannot create ${String(key)} here`);
  const nested = nestUnder(path.slice(depth + 1), value, path);
  return insertEntry(ctx, node, node.members.length, renderMember(ctx, key, nested, path.slice(0, depth + 1)), false);
}

function planInsert(ctx: EditContext, root: ValueSyntax, path: KeyPath, value: JsonValue): Splice[] {
  const arrayPath = path.slice(0, -1);
  const index = path[path.length - 1] as number;
  const nodes = resolve(root, arrayPath);
  const target = nodes[nodes.length - 1] as ValueSyntax;
  if (nodes.length - 1 < arrayPath.length || target.kind !== 'array') return planSet(ctx, root, arrayPath, [value]);
  const render: RenderEntry = (layout, indent) => formatValue(value, ctx.style, indent, layout, path);
  const scalar = value === null || typeof value !== 'object';
  return insertEntry(ctx, target, index, render, scalar);
}

function planDelete(ctx: EditContext, root: ValueSyntax, path: KeyPath): Splice[] {
  const parent = resolve(root, path.slice(0, -1))[path.length - 1];
  const last = path[path.length - 1];
  if (parent?.kind === 'object' && typeof last === 'string') {
    const member = memberNamed(parent, last);
    if (member) return deleteEntry(ctx, parent, parent.members.indexOf(member));
  }
  if (parent?.kind === 'array' && typeof last === 'number') return deleteEntry(ctx, parent, last);
  throw new Error(`nothing to delete at ${String(last)}`);
}

function renderMember(ctx: EditContext, key: string, value: JsonValue, path: KeyPath): RenderEntry {
  const { style } = ctx;
  return (layout, indent) => formatKey(key, style) + style.colon + formatValue(value, style, indent, layout, path);
}
