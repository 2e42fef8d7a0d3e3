/**
 * TOML, as Codex's `~/.codex/config.toml` is written.
 *
 * Reading uses smol-toml, a strict TOML 1.1 parser with line/column errors; it is also the check
 * that every edited text still parses and holds the intended value. Writing uses
 * @decimalturn/toml-patch: it diffs the parsed document against the updated object and rewrites
 * only what differs, keeping comments (also the one after a replaced value), blank lines, key
 * order, CRLF and a BOM. @shopify/toml-patch (toml_edit as WASM) was tried and rejected: on the
 * same Codex file it dropped the comment after a replaced value and the comment above an existing
 * table, turned CRLF into LF, dropped the BOM, and takes no tables as values.
 *
 * What toml-patch does its own way is done or repaired here, each step kept only if the text
 * still holds the intended value:
 * - A new table under the root or under a `[section]` table becomes a `[section]` appended at the
 *   end of the file, as a person would add `[model_providers.x]`; toml-patch would write a dotted
 *   inline table (`model_providers.x = { ... }`) among the root keys.
 * - The comments at the top of the file, above the first entry, are the file's header and stay
 *   when the first entry goes; toml-patch would take a comment right above an entry along with it.
 * - Lines toml-patch rewrote or removed without need (a comment after an empty array, comments
 *   between a removed table and the next header) are put back as they were.
 * - Values it cannot write (a new array of tables, a table only its sub-tables define) are
 *   written through a placeholder, or removed and added anew.
 */
import {
  parse as parseWithPatcher,
  parseDocument as patcherDocument,
  patch as patchWithPatcher,
  stringify as stringifyWithPatcher,
  type TomlFormat,
} from '@decimalturn/toml-patch';
import { parse as parseStrict, TomlError } from 'smol-toml';
import { ParseFailure, VerifyFailure } from './failures.js';
import { applyHunks, lineHunks, rawLines, rewriteChangedLines, undoNeedlessLines, type LineHunk } from './line-diff.js';
import { detectEol, splitBom, type Eol } from './text.js';
import { applyEdit, applyEditsToValue, deepEqual, formatPath, getAt, isJsonObject, setOwn, type JsonObject } from './value.js';
import { EditError, type Edit, type FormatEditor, type JsonValue, type KeyPath, type ParseError, type ParseResult } from './types.js';

// Inline tables stay on one line: multi-line inline tables are TOML 1.1, and Codex's reader may be 1.0.
const PATCH_FORMAT: Partial<TomlFormat> = { multilineTable: false };
// Rows of a section this editor writes itself, in the same style toml-patch writes values.
const ROW_FORMAT: Partial<TomlFormat> = { multilineTable: false, multilineArray: false, inlineTableStart: 0 };

type Read = { ok: true; value: JsonObject } | { ok: false; error: ParseError };

function offsetOf(body: string, line: number, column: number): number {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const next = body.indexOf('\n', start);
    if (next === -1) break;
    start = next + 1;
  }
  return Math.min(body.length, start + Math.max(0, column - 1));
}

/** Dates become their TOML text; integers past 2^53 become the nearest number. */
function toJson(value: unknown): JsonValue {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object' && value !== null) {
    const result: JsonObject = {};
    for (const [key, child] of Object.entries(value)) setOwn(result, key, toJson(child));
    return result;
  }
  return value as JsonValue;
}

function read(body: string): Read {
  try {
    const value = toJson(parseStrict(body, { integersAsBigInt: 'asNeeded' }));
    return { ok: true, value: value as JsonObject };
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const message = (error.message.split('\n')[0] ?? '').replace(/^Invalid TOML document:\s*/, '') || 'invalid TOML';
    const offset = offsetOf(body, error.line, error.column);
    return { ok: false, error: { message, offset, line: error.line, column: error.column } };
  }
}

function holds(body: string, value: JsonValue): boolean {
  const result = read(body);
  return result.ok && deepEqual(result.value, value);
}

// --- writing values --------------------------------------------------------------------------

const BARE_KEY = /^[A-Za-z0-9_-]+$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function basicString(value: string): string {
  return `"${value.replace(/[\\"\u0000-\u001f\u007f]/g, (ch) => {
    const short: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };
    return short[ch] ?? `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  })}"`;
}

function tomlKey(key: string): string {
  return BARE_KEY.test(key) ? key : basicString(key);
}

/** TOML has no null, and its strings must be Unicode: refuse before anything is written. */
function checkWritable(value: JsonValue, path: KeyPath): void {
  if (value === null) throw new EditError(`cannot write null at ${formatPath(path)}: TOML has no null`, path);
  if (typeof value === 'string' && LONE_SURROGATE.test(value)) {
    throw new EditError(`cannot write the string at ${formatPath(path)}: it is not valid Unicode`, path);
  }
  if (Array.isArray(value)) value.forEach((item, i) => checkWritable(item, [...path, i]));
  else if (isJsonObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (LONE_SURROGATE.test(key)) throw new EditError(`cannot write the key ${JSON.stringify(key)}: it is not valid Unicode`, path);
      checkWritable(child, [...path, key]);
    }
  }
}

// --- new tables as sections ------------------------------------------------------------------

/** Key paths of every `[table]` and `[[array]]` header, from toml-patch's syntax tree. */
function headerPaths(body: string): string[][] {
  const blocks = patcherDocument(body).cst as unknown as readonly { type: string; key?: { item?: { value?: unknown } } }[];
  return blocks
    .filter((block) => block.type === 'Table' || block.type === 'TableArray')
    .map((block) => block.key?.item?.value)
    .filter((keys): keys is string[] => Array.isArray(keys));
}

/** `key = value` rows; integers stay integers, and only what TOML integers cannot hold becomes a float. */
function rows(table: JsonObject, eol: Eol): string {
  return stringifyWithPatcher(toNative(table), { ...ROW_FORMAT, newLine: eol }).replace(/(\r?\n)+$/, '');
}

function appendBlock(body: string, block: string, eol: Eol, blankBefore: boolean): string {
  if (body.trim() === '') return block + eol;
  const finalEol = body.endsWith('\n');
  let text = finalEol ? body : body + eol;
  if (blankBefore && !/(^|\n)[ \t]*\r?\n$/.test(text)) text += eol;
  return text + block + (finalEol ? eol : '');
}

/**
 * The text with a set that creates a new table written as a `[section]` at the end, or undefined
 * when the new key belongs inside an existing section, a dotted key, an inline table or an array.
 */
function sectionFor(body: string, before: JsonObject, edit: Edit, eol: Eol): string | undefined {
  if (edit.op === 'delete') return undefined;
  let path = edit.path;
  let value = edit.value;
  if (edit.op === 'insert') {
    path = edit.path.slice(0, -1);
    if (getAt(before, path) !== undefined) return undefined;
    value = [edit.value];
  }
  let depth = 0;
  while (depth < path.length && getAt(before, path.slice(0, depth + 1)) !== undefined) depth++;
  if (depth === path.length || path.some((segment) => typeof segment !== 'string')) return undefined;
  const keys = path as readonly string[];
  const parent = keys.slice(0, depth);
  const headers = depth === 0 ? [] : headerPaths(body);
  const startsWith = (header: readonly string[], prefix: readonly string[]) => prefix.every((segment, i) => header[i] === segment);
  // Only under the root or a table that has (or whose sub-tables have) a `[header]` can a new header go.
  if (depth > 0 && !headers.some((header) => header.length >= depth && startsWith(header, parent))) return undefined;
  // The new section is the deepest new table: `[model_providers.x]` for `model_providers.x.name`.
  const tableKeys = isJsonObject(value) ? keys : keys.slice(0, -1);
  if (tableKeys.length > depth) {
    const table: JsonObject = isJsonObject(value) ? value : {};
    if (!isJsonObject(value)) setOwn(table, keys[keys.length - 1] as string, value);
    return appendBlock(body, section(tableKeys, table, eol), eol, true);
  }
  const row: JsonObject = {};
  setOwn(row, keys[depth] as string, value);
  if (depth === 0) {
    // A file without any entry yet takes a root key at its end, below any comments; otherwise
    // toml-patch puts it after the last root key.
    return Object.keys(before).length === 0 ? appendBlock(body, rows(row, eol), eol, false) : undefined;
  }
  // A table that only exists through its sub-tables' headers gets its own header for the new key.
  if (headers.some((header) => header.length === depth && startsWith(header, parent))) return undefined;
  return appendBlock(body, section(parent, row, eol), eol, true);
}

/** Nested tables stay inline inside a new section, as toml-patch writes them too. */
function section(keys: readonly string[], table: JsonObject, eol: Eol): string {
  const header = `[${keys.map(tomlKey).join('.')}]`;
  const body = rows(table, eol);
  return body === '' ? header : header + eol + body;
}

// --- everything else through toml-patch ------------------------------------------------------

type Native = Record<string, unknown> | unknown[];

function childOf(node: unknown, segment: string | number): unknown {
  if (node === null || typeof node !== 'object') return undefined;
  return Object.hasOwn(node, segment) ? (node as Record<string | number, unknown>)[segment] : undefined;
}

function assign(target: Native, segment: string | number, value: unknown): void {
  if (Array.isArray(target)) target[segment as number] = value;
  else Object.defineProperty(target, segment, { value, enumerable: true, writable: true, configurable: true });
}

function toNative(value: JsonValue): unknown {
  if (Array.isArray(value)) return value.map(toNative);
  if (isJsonObject(value)) {
    const result: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) assign(result, key, toNative(child));
    return result;
  }
  return value;
}

/** The edit applied to toml-patch's own parse, whose dates and big integers must stay as they are. */
function mutate(root: Native, edit: Edit): void {
  const setAt = (path: KeyPath, value: JsonValue): void => {
    let node: Native = root;
    for (let i = 0; i < path.length - 1; i++) {
      const segment = path[i] as string | number;
      let next = childOf(node, segment);
      if (next === undefined || next === null || typeof next !== 'object') {
        next = {};
        assign(node, segment, next);
      }
      node = next as Native;
    }
    assign(node, path[path.length - 1] as string | number, toNative(value));
  };
  const last = edit.path[edit.path.length - 1] as string | number;
  const parentPath = edit.path.slice(0, -1);
  const parent = parentPath.reduce<unknown>((node, segment) => childOf(node, segment), root);
  if (edit.op === 'set') {
    setAt(edit.path, edit.value);
  } else if (edit.op === 'insert') {
    if (Array.isArray(parent)) parent.splice(last as number, 0, toNative(edit.value));
    else setAt(parentPath, [edit.value]);
  } else if (Array.isArray(parent)) {
    parent.splice(last as number, 1);
  } else if (parent !== null && typeof parent === 'object') {
    delete (parent as Record<string, unknown>)[last as string];
  }
}

// Comment and blank lines at the top of the file, up to the first entry.
const LEADING_COMMENTS = /^(?:[ \t]*(?:#[^\n]*)?\r?\n)+/;

/** Runs `change` with the file's header comment detached from the first entry by a blank line. */
function keepingHeader(body: string, eol: Eol, change: (text: string) => string): string {
  const header = LEADING_COMMENTS.exec(body)?.[0];
  if (header === undefined || !/#[^\n]*\n$/.test(header) || header.length === body.length) return change(body);
  const rest = body.slice(header.length);
  const changed = change(header + eol + rest);
  return changed.startsWith(header + eol) ? header + changed.slice(header.length + eol.length) : changed;
}

function patchOne(body: string, edit: Edit, eol: Eol): string {
  return keepingHeader(body, eol, (text) => {
    let native = parseWithPatcher(text) as Native;
    if (edit.path.length === 0 && edit.op === 'set') native = toNative(edit.value) as Native;
    else mutate(native, edit);
    return patchWithPatcher(text, native, PATCH_FORMAT);
  });
}

function viaLibrary(body: string, edit: Edit, eol: Eol, after: JsonObject): string | undefined {
  let patched: string;
  try {
    patched = patchOne(body, edit, eol);
  } catch (error) {
    if (error instanceof EditError) throw error;
    return undefined;
  }
  // toml-patch reprints a few lines it need not (it drops the comment after an empty array `[]`
  // whenever anything changes): those lines go back to the file's own. Each repair after that is
  // kept only if the text still holds the value.
  let text = undoNeedlessLines(body, patched, (candidate) => holds(candidate, after));
  if (!holds(text, after)) return undefined;
  for (const repair of [keepTrailingComments, rowsAboveClosingComments, blankLineBeforeNewSection, noDoubleBlankLines]) {
    const repaired = repair(body, text, eol);
    if (holds(repaired, after)) text = repaired;
  }
  return text;
}

/** Where the comment on a line starts (a `#` outside quotes), or -1. */
function commentStart(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote === '"' && ch === '\\') i++;
    else if (quote !== undefined && ch === quote) quote = undefined;
    else if (quote === undefined && (ch === '"' || ch === "'")) quote = ch;
    else if (quote === undefined && ch === '#') return i;
  }
  return -1;
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

const PLACEHOLDER = 'tp-setup placeholder 5f1c0e';

/**
 * toml-patch cannot create some values (a new key holding an array of tables fails with "Node not
 * found"): it writes a placeholder string where the value goes, which is then replaced by the
 * value written inline.
 */
function viaPlaceholder(body: string, before: JsonObject, edit: Edit, eol: Eol, after: JsonObject): string | undefined {
  if (edit.op === 'delete') return undefined;
  const stand: Edit = { ...edit, value: PLACEHOLDER };
  const withPlaceholder = viaLibrary(body, stand, eol, applyEdit(before, stand) as JsonObject);
  const marker = `"${PLACEHOLDER}"`;
  if (withPlaceholder === undefined || withPlaceholder.indexOf(marker) !== withPlaceholder.lastIndexOf(marker)) return undefined;
  const inline = rows({ x: edit.value }, eol).replace(/^x = /, '');
  const text = withPlaceholder.replace(marker, () => inline);
  return holds(text, after) ? text : undefined;
}

/**
 * An array of tables that must take something else than a table (`[[a]]` and a string) can only
 * be an inline array: the whole array is written anew in its place.
 */
function viaWholeArray(body: string, before: JsonObject, edit: Edit, eol: Eol, after: JsonObject): string | undefined {
  for (let k = edit.path.length - 1; k >= 1; k--) {
    const arrayPath = edit.path.slice(0, k);
    const value = getAt(after, arrayPath);
    if (Array.isArray(value)) return viaPlaceholder(body, before, { op: 'set', path: arrayPath, value }, eol, after);
  }
  return undefined;
}

/**
 * Removes the key, then writes it anew as a new key: for a table that exists only through its
 * sub-tables' headers, which toml-patch cannot replace ("Node not found"), and for a plain value
 * that becomes a table.
 */
function viaRemoveAndAdd(body: string, before: JsonObject, edit: Edit, eol: Eol): string | undefined {
  if (edit.op !== 'set' || edit.path.length === 0 || getAt(before, edit.path) === undefined) return undefined;
  // An array element cannot be removed and added back at its index.
  if (edit.path.some((segment) => typeof segment !== 'string')) return undefined;
  const removal: Edit = { op: 'delete', path: edit.path };
  const removed = viaLibrary(body, removal, eol, applyEdit(before, removal) as JsonObject);
  if (removed === undefined) return undefined;
  try {
    return applyOne(removed, edit, eol);
  } catch (error) {
    if (error instanceof VerifyFailure) return undefined;
    throw error;
  }
}

/**
 * The last resort where toml-patch fails on a key (it mismatches a dotted key with an escaped
 * quote, `"q\"x".y = 1`): the nearest enclosing table is removed and written anew, losing the
 * layout and comments inside it but nothing outside.
 */
function viaRewrittenTable(body: string, before: JsonObject, edit: Edit, eol: Eol, after: JsonObject): string | undefined {
  for (let k = edit.path.length - 1; k >= 1; k--) {
    const tablePath = edit.path.slice(0, k);
    const table = getAt(after, tablePath);
    if (!isJsonObject(table) || getAt(before, tablePath) === undefined) continue;
    const text = viaRemoveAndAdd(body, before, { op: 'set', path: tablePath, value: table }, eol);
    if (text !== undefined && holds(text, after)) return text;
  }
  return undefined;
}

/** Whether every number of `value` is a TOML integer exactly where it is a JSON integer. */
function sameNumberKinds(written: unknown, value: JsonValue): boolean {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? typeof written === 'bigint' : typeof written === 'number';
  if (Array.isArray(value)) return Array.isArray(written) && value.every((item, i) => sameNumberKinds(written[i], item));
  if (isJsonObject(value)) return Object.entries(value).every(([key, child]) => sameNumberKinds(childOf(written, key), child));
  return true;
}

/**
 * toml-patch keeps a float a float (`f = 3.0` set to 4 gives `f = 4.0`); a JSON integer must be
 * written as a TOML integer, so such a value is written again through the placeholder.
 */
function keepsIntegers(text: string, edit: Edit): boolean {
  if (edit.op === 'delete') return true;
  const typed: unknown = parseWithPatcher(text, { integersAsBigInt: true });
  return sameNumberKinds(edit.path.reduce<unknown>((node, segment) => childOf(node, segment), typed), edit.value);
}

function applyOne(body: string, edit: Edit, eol: Eol): string {
  const current = read(body);
  if (!current.ok) throw new VerifyFailure(`an earlier edit left TOML text that no longer parses: ${current.error.message}`, 'toml');
  const after = applyEdit(current.value, edit);
  if (deepEqual(current.value, after)) return body;
  if (edit.op !== 'delete') checkWritable(edit.value, edit.path);
  if (!isJsonObject(after)) throw new EditError('a TOML document is a table at its root', edit.path);
  const section = sectionFor(body, current.value, edit, eol);
  // A section that would break the file (say, a table defined by dotted keys) gives way to toml-patch.
  if (section !== undefined && holds(section, after)) return section;
  // A plain value that becomes a table: toml-patch would move rows around the old one and drop
  // their comments; the row goes, and the table is added as a new one.
  const old = getAt(current.value, edit.path);
  if (edit.op === 'set' && isJsonObject(edit.value) && old !== undefined && !isJsonObject(old)) {
    const rewritten = viaRemoveAndAdd(body, current.value, edit, eol);
    if (rewritten !== undefined) return rewritten;
  }
  const patched = viaLibrary(body, edit, eol, after);
  if (patched !== undefined && !keepsIntegers(patched, edit)) {
    const again = viaPlaceholder(body, current.value, edit, eol, after);
    if (again !== undefined && keepsIntegers(again, edit)) return again;
  }
  const text =
    patched ??
    viaPlaceholder(body, current.value, edit, eol, after) ??
    viaWholeArray(body, current.value, edit, eol, after) ??
    viaRemoveAndAdd(body, current.value, edit, eol) ??
    viaRewrittenTable(body, current.value, edit, eol, after);
  if (text === undefined) throw new VerifyFailure(`could not write ${formatPath(edit.path)} into this TOML file`, 'toml');
  return text;
}

export const tomlEditor: FormatEditor = {
  format: 'toml',

  parse(text: string): ParseResult {
    return read(splitBom(text).body);
  },

  apply(text: string, edits: readonly Edit[]): string {
    const { bom, body } = splitBom(text);
    const parsed = read(body);
    if (!parsed.ok) throw new ParseFailure('toml', parsed.error);
    // Edits that cancel out leave the text alone, even if each step alone would have touched it.
    if (deepEqual(applyEditsToValue(parsed.value, edits), parsed.value)) return text;
    const eol = detectEol(body);
    let current = body;
    for (const edit of edits) current = applyOne(current, edit, eol);
    return bom + current;
  },
};
