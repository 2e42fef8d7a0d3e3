/**
 * YAML, as Hermes's `~/.hermes/config.yaml` is written.
 *
 * Edits go through the `yaml` package's Document API, which keeps comments, key order, quoting
 * and blank lines, but prints the whole document anew: it would re-indent, re-space comments and
 * re-pad flow collections everywhere. So the printed document before the edits and after them are
 * both compared with the file: lines the edits did not change come from the file byte for byte,
 * and only the regions the edits changed come from the printer (a three-way line merge).
 */
import {
  Lexer,
  isAlias,
  isCollection,
  isMap,
  isScalar,
  isSeq,
  Pair,
  parse as parseYaml,
  parseDocument,
  Scalar,
  type Document,
  type Node as YamlNode,
  type ToStringOptions,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { ParseFailure } from './failures.js';
import { lineHunks, rawLines, rewriteChangedLines, type LineHunk } from './line-diff.js';
import { detectEol, detectIndentUnit, offsetToLineColumn, splitBom, type Eol } from './text.js';
import { applyEdit, applyEditsToValue, deepEqual, formatPath, nestUnder, setOwn, type JsonObject } from './value.js';
import { EditError, type Edit, type FormatEditor, type JsonValue, type KeyPath, type ParseError, type ParseResult } from './types.js';

type Loaded = { ok: true; doc: Document; value: JsonValue } | { ok: false; error: ParseError };

function toJson(value: unknown): JsonValue {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(toJson);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'object') {
    const result: JsonObject = {};
    for (const [key, child] of Object.entries(value)) setOwn(result, key, toJson(child));
    return result;
  }
  return value as JsonValue;
}

function load(body: string): Loaded {
  const doc = parseDocument(body, { prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const offset = first.pos[0];
    const at = first.linePos?.[0];
    const position = at ? { line: at.line, column: at.col } : offsetToLineColumn(body, offset);
    const message = (first.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    return { ok: false, error: { message, offset, ...position } };
  }
  // An empty or comment-only file has no contents; it stands for an empty mapping.
  if (doc.contents === null) return { ok: true, doc, value: {} };
  try {
    return { ok: true, doc, value: toJson(doc.toJS()) };
  } catch (error) {
    // yaml refuses aliases that would expand without bound ("billion laughs").
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { message, offset: 0, line: 1, column: 1 } };
  }
}

// --- printing --------------------------------------------------------------------------------

/** How the file indents, so that printed lines match it and the merge has little to reconcile. */
function printOptions(body: string): ToStringOptions {
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

function print(doc: Document, options: ToStringOptions): string[] {
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
function tidy(lines: readonly string[]): string[] {
  return lines.map((line) => (/^[ \t]+$/.test(line) ? '' : line));
}

// --- merging the printed edit back into the file ---------------------------------------------

type Hunk = LineHunk & { readonly side: 'file' | 'edit' };

function hunks(base: readonly string[], other: readonly string[], side: Hunk['side']): Hunk[] {
  // Reprinted file lines replace their originals one for one: split so an edit conflicts with its own lines only.
  return lineHunks(base, other, side === 'file' ? 'lines' : 'none').map((hunk) => ({ ...hunk, side }));
}

type Reach = 'narrow' | 'conflicts' | 'wide';

/**
 * Which changes are one region. 'narrow' joins only overlapping changes; 'conflicts' also lets a
 * region both sides changed take in the reformatted lines around it, so a block comes out in one
 * indentation; 'wide' joins everything that touches.
 */
function regions(all: readonly Hunk[], reach: Reach): Hunk[][] {
  const groups: Hunk[][] = [];
  const spanOf = (group: readonly Hunk[]) => ({
    start: Math.min(...group.map((h) => h.start)),
    end: Math.max(...group.map((h) => h.end)),
  });
  for (const hunk of all) {
    const group = groups[groups.length - 1];
    const span = group && spanOf(group);
    const sameInsertionPoint = span !== undefined && hunk.start === hunk.end && span.start === span.end && hunk.start === span.start;
    if (group && span && (hunk.start < span.end || sameInsertionPoint || (reach === 'wide' && hunk.start === span.end))) group.push(hunk);
    else groups.push([hunk]);
  }
  if (reach !== 'conflicts') return groups;
  const conflict = (group: readonly Hunk[]) => group.some((h) => h.side === 'file') && group.some((h) => h.side === 'edit');
  const fileOnly = (group: readonly Hunk[]) => group.every((h) => h.side === 'file');
  for (let joined = true; joined; ) {
    joined = false;
    for (let i = 0; i + 1 < groups.length; i++) {
      const a = groups[i] as Hunk[];
      const b = groups[i + 1] as Hunk[];
      const touch = spanOf(a).end === spanOf(b).start;
      if (touch && ((conflict(a) && fileOnly(b)) || (fileOnly(a) && conflict(b)))) {
        groups.splice(i, 2, [...a, ...b]);
        joined = true;
      }
    }
  }
  return groups;
}

/**
 * Three-way merge by lines. `base` is the printed file before the edits, `edited` after them;
 * where the printer changed lines the edits did not touch, the file's own lines win, and where
 * both changed the same lines the edited print wins for that region only.
 */
function merge(file: string, base: readonly string[], edited: readonly string[], eol: Eol, reach: Reach): string {
  const raw = rawLines(file);
  const fileLines = raw.map((line) => line.replace(/\r?\n$/, ''));
  const all = [...hunks(base, fileLines, 'file'), ...hunks(base, edited, 'edit')].sort((a, b) => a.start - b.start || a.end - b.end);
  const groups = regions(all, reach);
  let out = '';
  const emit = (text: string): void => {
    if (out !== '' && !out.endsWith('\n')) out += eol;
    out += text;
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
  // A file without a final line break keeps lacking one.
  if (file !== '' && !file.endsWith('\n') && out.endsWith(eol)) out = out.slice(0, -eol.length);
  return out;
}

// --- editing the document --------------------------------------------------------------------

type Container = YAMLMap | YAMLSeq;

function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}

function pairIndex(map: YAMLMap, key: string): number {
  return map.items.findIndex((pair) => keyText(pair.key) === key);
}

function childNode(node: unknown, segment: string | number): unknown {
  if (isMap(node) && typeof segment === 'string') {
    const index = pairIndex(node, segment);
    return index === -1 ? undefined : (node.items[index] as Pair).value;
  }
  if (isSeq(node) && typeof segment === 'number') return node.items[segment];
  return undefined;
}

function containerAt(doc: Document, path: KeyPath): Container {
  let node: unknown = doc.contents;
  for (const segment of path) {
    if (isAlias(node)) throw new EditError(`cannot edit ${formatPath(path)}: it goes through a YAML alias`, path);
    node = childNode(node, segment);
  }
  if (isAlias(node)) throw new EditError(`cannot edit ${formatPath(path)}: it goes through a YAML alias`, path);
  if (!isMap(node) && !isSeq(node)) throw new Error(`no collection at ${formatPath(path)}`);
  return node;
}

// YAML 1.1 readers (PyYAML, which Hermes uses) take `yes`, `on`, `1:30` or `2024-01-01` as other
// types; YAML 1.2 prints them plain, so such strings are quoted for both to read a string.
function readsAsOtherType(value: string): boolean {
  if (value.includes('\n')) return false;
  try {
    return parseYaml(value, { version: '1.1', logLevel: 'silent' }) !== value;
  } catch {
    return true;
  }
}

function quoteAmbiguous(node: unknown): void {
  if (isScalar(node)) {
    if (typeof node.value === 'string' && node.type === undefined && readsAsOtherType(node.value)) node.type = 'QUOTE_DOUBLE';
  } else if (isMap(node)) {
    for (const pair of node.items) {
      quoteAmbiguous(pair.key);
      quoteAmbiguous(pair.value);
    }
  } else if (isSeq(node)) {
    node.items.forEach(quoteAmbiguous);
  }
}

function createNode(doc: Document, value: JsonValue): YamlNode {
  const node = doc.createNode(value) as YamlNode;
  quoteAmbiguous(node);
  return node;
}

function createKey(doc: Document, key: string): Scalar {
  const node = doc.createNode(key) as Scalar;
  quoteAmbiguous(node);
  return node;
}

/** The new node takes over the comments and blank line around the one it replaces. */
function replacement(doc: Document, old: unknown, value: JsonValue): YamlNode {
  const node = createNode(doc, value);
  if (!isScalar(old) && !isCollection(old)) return node;
  if (isCollection(old) && isCollection(node) && old.flow) node.flow = true;
  // An empty collection prints as `[]` or `{}` anyway; as a flow node it keeps a comment on its line.
  if (isCollection(node) && node.items.length === 0) node.flow = true;
  node.spaceBefore = old.spaceBefore;
  const comments = [old.commentBefore, old.comment].filter(Boolean).join('\n') || undefined;
  // A block collection starts on the line below its key, so the comments go above it; anything
  // else stays on the key's line, with the comments after it.
  if (isCollection(node) && !node.flow) node.commentBefore = comments;
  else node.comment = comments;
  if (isScalar(old) && isScalar(node) && typeof old.value === 'string' && typeof value === 'string') {
    if (old.type === 'QUOTE_DOUBLE' || old.type === 'QUOTE_SINGLE') node.type = old.type;
  }
  return node;
}

function setIn(doc: Document, path: KeyPath, value: JsonValue): void {
  if (path.length === 0) {
    doc.contents = replacement(doc, doc.contents, value) as Document['contents'];
    return;
  }
  if (doc.contents === null) doc.contents = createNode(doc, {}) as Document['contents'];
  let depth = 0;
  let node: unknown = doc.contents;
  while (depth < path.length - 1) {
    const next = childNode(node, path[depth] as string | number);
    if (next === undefined || isAlias(next)) break;
    node = next;
    depth++;
  }
  const container = containerAt(doc, path.slice(0, depth));
  const segment = path[depth] as string | number;
  const nested = nestUnder(path.slice(depth + 1), value, path);
  if (isMap(container) && typeof segment === 'string') {
    const index = pairIndex(container, segment);
    const pair = container.items[index];
    if (pair) pair.value = replacement(doc, pair.value, nested);
    else container.items.push(new Pair(createKey(doc, segment), createNode(doc, nested)));
  } else if (isSeq(container) && typeof segment === 'number') {
    container.items[segment] = replacement(doc, container.items[segment], nested);
  } else {
    throw new Error(`cannot set ${formatPath(path)}`);
  }
}

/**
 * A block collection whose last entry went prints as `[]` or `{}` on a line of its own, which
 * does not parse below a key; as a flow node it stays on the key's line, with its comments after.
 */
function settleEmpty(node: Container): void {
  if (node.items.length > 0 || node.flow) return;
  node.flow = true;
  node.comment = [node.commentBefore, node.comment].filter(Boolean).join('\n') || undefined;
  node.commentBefore = undefined;
}

/**
 * yaml gives the comment lines after a block collection to that collection, though they stand
 * above the next entry; when the collection goes, they stay, above that entry.
 */
function passOnEndComment(removed: unknown, next: unknown): void {
  if (!isCollection(removed) || removed.flow || !removed.comment) return;
  if (!isScalar(next) && !isCollection(next)) return;
  next.commentBefore = next.commentBefore ? `${removed.comment}\n${next.commentBefore}` : removed.comment;
}

function deleteIn(doc: Document, path: KeyPath): void {
  const container = containerAt(doc, path.slice(0, -1));
  const last = path[path.length - 1];
  if (isSeq(container) && typeof last === 'number') {
    const [removed] = container.items.splice(last, 1);
    passOnEndComment(removed, container.items[last]);
    settleEmpty(container);
    return;
  }
  if (!isMap(container) || typeof last !== 'string') return;
  const index = pairIndex(container, last);
  if (index === -1) return;
  const [pair] = container.items.splice(index, 1);
  passOnEndComment(pair?.value, container.items[index]?.key);
  if (container !== doc.contents) {
    settleEmpty(container);
    return;
  }
  if (index !== 0) return;
  // The comments above the first key are the file's header, not the key's: they stay, above
  // what is now the first key.
  const header = isScalar(pair?.key) ? pair.key.commentBefore : undefined;
  const next = container.items[0]?.key;
  if (header && isScalar(next)) {
    next.commentBefore = next.commentBefore ? `${header}\n${next.commentBefore}` : header;
  } else if (header) {
    doc.commentBefore = doc.commentBefore ? `${doc.commentBefore}\n${header}` : header;
  }
  // The printer puts a blank line below a document comment already.
  if (doc.commentBefore && isScalar(next)) next.spaceBefore = false;
}

function insertIn(doc: Document, path: KeyPath, value: JsonValue): void {
  const arrayPath = path.slice(0, -1);
  const index = path[path.length - 1] as number;
  let node: unknown = doc.contents;
  for (const segment of arrayPath) node = childNode(node, segment);
  if (!isSeq(node)) {
    setIn(doc, arrayPath, [value]);
    return;
  }
  node.items.splice(index, 0, createNode(doc, value));
}

function applyToDocument(doc: Document, edit: Edit): void {
  if (edit.op === 'set') setIn(doc, edit.path, edit.value);
  else if (edit.op === 'insert') insertIn(doc, edit.path, edit.value);
  else deleteIn(doc, edit.path);
}

/** Where the comment on a line starts (a `#` after a blank, outside quotes), or -1. */
function commentStart(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote === '"' && ch === '\\') i++;
    else if (quote !== undefined && ch === quote) quote = undefined;
    else if (quote === undefined && (ch === '"' || ch === "'") && /(^|[\s:,[{-])$/.test(line.slice(0, i))) quote = ch;
    else if (quote === undefined && ch === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) return i;
  }
  return -1;
}

/**
 * A line the printer wrote for an edit keeps the spacing the file had before its comment
 * (`default: x   # note`, not `default: x # note`).
 */
function alignComments(original: string, merged: string): string {
  return rewriteChangedLines(original, merged, 'lines', (oldLine, newLine) => {
    const [oldAt, newAt] = [commentStart(oldLine), commentStart(newLine)];
    if (oldAt <= 0 || newAt <= 0 || oldLine.slice(oldAt) !== newLine.slice(newAt)) return null;
    const gap = /\s*$/.exec(oldLine.slice(0, oldAt))?.[0] ?? ' ';
    return newLine.slice(0, newAt).trimEnd() + gap + newLine.slice(newAt);
  });
}

/** Every comment in a YAML text, as the lexer finds them (a `#` inside a string is no comment). */
function commentsIn(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of new Lexer().lex(text)) {
    if (token.startsWith('#')) counts.set(token.trimEnd(), (counts.get(token.trimEnd()) ?? 0) + 1);
  }
  return counts;
}

function keepsComments(text: string, wanted: Map<string, number>): boolean {
  const found = commentsIn(text);
  for (const [comment, count] of wanted) if ((found.get(comment) ?? 0) < count) return false;
  return true;
}

function withEol(lines: readonly string[], eol: Eol): string {
  return lines.map((line) => line + eol).join('');
}

export const yamlEditor: FormatEditor = {
  format: 'yaml',

  parse(text: string): ParseResult {
    const loaded = load(splitBom(text).body);
    return loaded.ok ? { ok: true, value: loaded.value } : loaded;
  },

  apply(text: string, edits: readonly Edit[]): string {
    const { bom, body } = splitBom(text);
    const loaded = load(body);
    if (!loaded.ok) throw new ParseFailure('yaml', loaded.error);
    const intended = applyEditsToValue(loaded.value, edits);
    // Edits that cancel out leave the text alone, even if each step alone would have touched it.
    if (deepEqual(intended, loaded.value)) return text;
    const { doc } = loaded;
    const options = printOptions(body);
    const eol = detectEol(body);
    const printedBase = print(doc, options);
    let value = loaded.value;
    for (const edit of edits) {
      // The value model decides what is allowed, so text and model reject the same edits.
      const next = applyEdit(value, edit);
      if (deepEqual(next, value)) continue;
      applyToDocument(doc, edit);
      value = next;
    }
    // A merge can miss the value where the file's indentation differs from the printer's right
    // beside an edit, and a comment where the printer moved it into a line the edit changed; the
    // next wider merge is tried then, and the whole print is the last resort.
    const printed = print(doc, options);
    const comments = commentsIn(printed.join('\n'));
    for (const tidied of [true, false]) {
      const base = tidied ? tidy(printedBase) : printedBase;
      const edited = tidied ? tidy(printed) : printed;
      for (const reach of ['narrow', 'conflicts', 'wide'] as const) {
        const merged = merge(body, base, edited, eol, reach);
        const check = load(merged);
        if (check.ok && deepEqual(check.value, intended) && keepsComments(merged, comments)) {
          const aligned = alignComments(body, merged);
          const recheck = load(aligned);
          return bom + (recheck.ok && deepEqual(recheck.value, intended) ? aligned : merged);
        }
      }
    }
    return bom + withEol(printed, eol);
  },
};
