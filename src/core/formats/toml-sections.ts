/**
 * A new table under the root or under a `[section]` table becomes a `[section]` appended at the
 * end of the file, as a person would add `[model_providers.x]`; @decimalturn/toml-patch would
 * write a dotted inline table (`model_providers.x = { ... }`) among the root keys. Used by toml.ts.
 */
import { parseDocument as patcherDocument } from '@decimalturn/toml-patch';
import type { Eol } from './text.js';
import { rows, tomlKey } from './toml-values.js';
import { getAt, isJsonObject, setOwn, type JsonObject } from './value.js';
import type { Edit } from './types.js';

/** Key paths of every `[table]` and `[[array]]` header, from toml-patch's syntax tree. */
function headerPaths(body: string): string[][] {
  const blocks = patcherDocument(body).cst as unknown as readonly { type: string; key?: { item?: { value?: unknown } } }[];
  return blocks
    .filter((block) => block.type === 'Table' || block.type === 'TableArray')
    .map((block) => block.key?.item?.value)
    .filter((keys): keys is string[] => Array.isArray(keys));
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
export function sectionFor(body: string, before: JsonObject, edit: Edit, eol: Eol): string | undefined {
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
