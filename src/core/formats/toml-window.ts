/**
 * Large TOML files, for the editor in toml.ts: @decimalturn/toml-patch reprints and diffs the
 * whole document for every edit, which takes seconds per megabyte. An edit inside one `[table]`
 * (or among the root keys above the first header) only needs that table, so the edit is made on
 * the table's lines alone and spliced back. The window is used only when it holds the edited
 * key exactly as the whole file does; toml.ts checks the whole result once more after the edits.
 */
import { read } from './toml-read.js';
import { deepEqual, getAt, isJsonObject } from './value.js';
import type { Edit, JsonValue, KeyPath } from './types.js';

/** Files below this size are edited whole; windows only pay off for large files. */
export const WINDOW_MIN_BYTES = 16 * 1024;

// A `[table]` header on a line of its own; `[[array]]` headers end a window but open none.
const TABLE_HEADER = /^[ \t]*\[(?!\[)[^\[\]=]*\][ \t]*(?:#[^\n]*)?\r?\n?$/;
const ANY_HEADER = /^[ \t]*\[/;

export interface Block {
  readonly start: number;
  readonly end: number;
  /** The table's key path; [] for the root keys above the first header. */
  readonly path: readonly string[] | undefined;
}

const BARE_HEADER = /^[ \t]*\[([A-Za-z0-9_\-. \t]+)\][ \t]*(?:#[^\n]*)?\r?\n?$/;
const BARE_KEY = /^[A-Za-z0-9_-]+$/;

/** The key path a header line names: bare keys split here, quoted ones read by the TOML parser itself. */
function headerPath(line: string): string[] | undefined {
  const bare = BARE_HEADER.exec(line)?.[1];
  if (bare !== undefined) {
    const keys = bare.split('.').map((key) => key.trim());
    return keys.every((key) => BARE_KEY.test(key)) ? keys : undefined;
  }
  const parsed = read(line.replace(/\r?\n$/, ''));
  if (!parsed.ok) return undefined;
  const path: string[] = [];
  let node: JsonValue = parsed.value;
  while (isJsonObject(node)) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    if (keys.length !== 1) return undefined;
    path.push(keys[0] as string);
    node = node[keys[0] as string] as JsonValue;
  }
  return path.length > 0 ? path : undefined;
}

/**
 * The file's blocks. Only headers that may name a table on the edit's path are read (those
 * holding its first key, or quotes, which may spell it otherwise); the others open a block that
 * no edit can use.
 */
export function blocks(body: string, first: string): Block[] {
  const result: Block[] = [];
  let start = 0;
  let path: readonly string[] | undefined = [];
  let pos = 0;
  while (pos < body.length) {
    const next = body.indexOf('\n', pos);
    const end = next === -1 ? body.length : next + 1;
    if (body[pos] === '[' || body[pos] === ' ' || body[pos] === '\t') {
      const line = body.slice(pos, end);
      if (ANY_HEADER.test(line)) {
        result.push({ start, end: pos, path });
        start = pos;
        const candidate = line.includes(first) || /["']/.test(line);
        path = candidate && TABLE_HEADER.test(line) ? headerPath(line) : undefined;
      }
    }
    pos = end;
  }
  result.push({ start, end: body.length, path });
  return result;
}

const isPrefix = (prefix: readonly string[], path: KeyPath): boolean =>
  prefix.length < path.length && prefix.every((segment, i) => path[i] === segment);

/**
 * The window an edit can be made in: the lines of the deepest table that holds the edited key,
 * or undefined when the whole file must be edited.
 */
export function windowFor(body: string, value: JsonValue, edit: Edit): { start: number; end: number; text: string } | undefined {
  if (body.length < WINDOW_MIN_BYTES || edit.path.length === 0) return undefined;
  let best: Block | undefined;
  let count = 0;
  for (const block of blocks(body, String(edit.path[0]))) {
    if (block.path === undefined || !isPrefix(block.path, edit.path)) continue;
    if (best === undefined || block.path.length > (best.path?.length ?? 0)) {
      best = block;
      count = 1;
    } else if (block.path.length === best.path?.length) count++;
  }
  if (best === undefined || count !== 1 || best.path === undefined) return undefined;
  const depth = best.path.length;
  // The key right under the table must be wholly inside the window, or missing everywhere.
  const key = edit.path.slice(0, depth + 1);
  const text = body.slice(best.start, best.end);
  const window = read(text);
  if (!window.ok) return undefined;
  const inFile = getAt(value, key);
  if (!deepEqual(getAt(window.value, key) ?? null, inFile ?? null)) return undefined;
  if (depth === 0 && inFile === undefined) return undefined;
  if (inFile === undefined) {
    // A new plain row or array goes at the table's end; a new table would go at the file's end.
    const target = edit.op === 'insert' ? edit.path.slice(0, -1) : edit.path;
    if (target.length !== depth + 1 || (edit.op === 'set' && isJsonObject(edit.value))) return undefined;
  } else if (edit.op !== 'delete' && isJsonObject(edit.value) && !isJsonObject(getAt(value, edit.path) ?? null)) {
    return undefined;
  }
  return { start: best.start, end: best.end, text };
}
