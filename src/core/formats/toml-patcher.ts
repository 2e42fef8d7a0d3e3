/**
 * Edits written through @decimalturn/toml-patch for the editor in toml.ts: it diffs the parsed
 * document against the updated object and rewrites only what differs. What it prints without need
 * is undone (toml-repairs.ts), and values it cannot write go through a placeholder.
 */
import { parse as parseWithPatcher, patch as patchWithPatcher, type TomlFormat } from '@decimalturn/toml-patch';
import { undoNeedlessLines } from './line-diff.js';
import type { Eol } from './text.js';
import { holds } from './toml-read.js';
import { keepingHeader, REPAIRS } from './toml-repairs.js';
import { childOf, mutate, rows, toNative, type Native } from './toml-values.js';
import { applyEdit, getAt, isJsonObject, type JsonObject } from './value.js';
import { EditError, type Edit, type JsonValue } from './types.js';

// Inline tables stay on one line: multi-line inline tables are TOML 1.1, and Codex's reader may be 1.0.
const PATCH_FORMAT: Partial<TomlFormat> = { multilineTable: false };

const MIXED_EOL_WARNING = /^toml-patch: Mixed line endings/;

/**
 * Runs `work` with toml-patch's one console warning held back: it says a file with mixed line
 * endings is normalised, yet the lines it does not print keep their own, and the lines it prints
 * are put back by the repairs; tp-setup's output must not claim otherwise. Every other warning
 * passes through.
 */
export function quietly<T>(work: () => T): T {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && MIXED_EOL_WARNING.test(args[0])) return;
    warn.apply(console, args);
  };
  try {
    return work();
  } finally {
    console.warn = warn;
  }
}

function patchOne(body: string, edit: Edit, eol: Eol): string {
  return keepingHeader(body, eol, (text) => {
    let native = parseWithPatcher(text) as Native;
    if (edit.path.length === 0 && edit.op === 'set') native = toNative(edit.value) as Native;
    else mutate(native, edit);
    // The file's own line ending: toml-patch guesses it from the text, and a text with no line
    // break left (a CRLF file's last row, after an earlier edit removed the others) got LF.
    return quietly(() => patchWithPatcher(text, native, { ...PATCH_FORMAT, newLine: eol }));
  });
}

/** The edit through toml-patch, repaired; undefined where toml-patch fails or misses the value. */
export function viaLibrary(body: string, edit: Edit, eol: Eol, after: JsonObject): string | undefined {
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
  for (const repair of REPAIRS) {
    const repaired = repair(body, text, eol);
    if (holds(repaired, after)) text = repaired;
  }
  return text;
}

const PLACEHOLDER = 'tp-setup placeholder 5f1c0e';

/**
 * toml-patch cannot create some values (a new key holding an array of tables fails with "Node not
 * found"): it writes a placeholder string where the value goes, which is then replaced by the
 * value written inline.
 */
export function viaPlaceholder(body: string, before: JsonObject, edit: Edit, eol: Eol, after: JsonObject): string | undefined {
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
export function viaWholeArray(body: string, before: JsonObject, edit: Edit, eol: Eol, after: JsonObject): string | undefined {
  for (let k = edit.path.length - 1; k >= 1; k--) {
    const arrayPath = edit.path.slice(0, k);
    const value = getAt(after, arrayPath);
    if (Array.isArray(value)) return viaPlaceholder(body, before, { op: 'set', path: arrayPath, value }, eol, after);
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
export function keepsIntegers(text: string, edit: Edit): boolean {
  if (edit.op === 'delete') return true;
  const typed: unknown = parseWithPatcher(text, { integersAsBigInt: true });
  return sameNumberKinds(edit.path.reduce<unknown>((node, segment) => childOf(node, segment), typed), edit.value);
}
