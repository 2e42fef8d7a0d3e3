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
 *
 * The parts: toml-read.ts (parse and check), toml-values.ts (values as TOML and toml-patch take
 * them), toml-sections.ts (new `[section]`s), toml-patcher.ts (edits through toml-patch) and
 * toml-repairs.ts (comment and blank-line fix-ups), toml-dotted.ts (a new key among dotted rows);
 * this file picks the way for each edit.
 */
import { ParseFailure, VerifyFailure } from './failures.js';
import { detectEol, splitBom, type Eol } from './text.js';
import { holds, read, readToml } from './toml-read.js';
import { keepsIntegers, viaLibrary, viaPlaceholder, viaWholeArray } from './toml-patcher.js';
import { viaDottedRow } from './toml-dotted.js';
import { sectionFor } from './toml-sections.js';
import { checkWritable } from './toml-values.js';
import { windowFor } from './toml-window.js';
import { applyEdit, applyEditsToValue, deepEqual, formatPath, getAt, isJsonObject, type JsonObject } from './value.js';
import { EditError, type Edit, type FormatEditor } from './types.js';

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
    viaDottedRow(body, current.value, edit, eol, after) ??
    viaRemoveAndAdd(body, current.value, edit, eol) ??
    viaRewrittenTable(body, current.value, edit, eol, after);
  if (text === undefined) throw new VerifyFailure(`could not write ${formatPath(edit.path)} into this TOML file`, 'toml');
  return text;
}

/**
 * The edits made each in the one table it touches (toml-window.ts), for large files; undefined
 * when an edit needs the whole file or the result does not hold the intended value.
 */
function applyInWindows(body: string, value: JsonObject, edits: readonly Edit[], eol: Eol): string | undefined {
  let current = body;
  let currentValue: JsonObject = value;
  for (const edit of edits) {
    const next = applyEdit(currentValue, edit);
    if (deepEqual(next, currentValue)) continue;
    if (!isJsonObject(next)) return undefined;
    const window = windowFor(current, currentValue, edit);
    if (window === undefined) return undefined;
    let text: string;
    try {
      text = applyOne(window.text, edit, eol);
    } catch (error) {
      if (error instanceof VerifyFailure) return undefined;
      throw error;
    }
    current = current.slice(0, window.start) + text + current.slice(window.end);
    currentValue = next;
  }
  return holds(current, currentValue) ? current : undefined;
}

export const tomlEditor: FormatEditor = {
  format: 'toml',

  parse: readToml,

  apply(text: string, edits: readonly Edit[]): string {
    const { bom, body } = splitBom(text);
    const parsed = read(body);
    if (!parsed.ok) throw new ParseFailure('toml', parsed.error);
    // Edits that cancel out leave the text alone, even if each step alone would have touched it.
    if (deepEqual(applyEditsToValue(parsed.value, edits), parsed.value)) return text;
    const eol = detectEol(body);
    const windowed = applyInWindows(body, parsed.value, edits, eol);
    if (windowed !== undefined) return bom + windowed;
    let current = body;
    for (const edit of edits) current = applyOne(current, edit, eol);
    return bom + current;
  },
};
