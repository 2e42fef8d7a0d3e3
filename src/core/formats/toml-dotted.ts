/**
 * A new key in a table that dotted keys define (`[api]` then `provider.name = "x"`): toml-patch
 * fails there ("Unsupported parent type"), and removing and rewriting the table would drop the
 * comments on its rows. The key is added as one more dotted row of the same table instead, as a
 * person would write it; the caller keeps it only if the text holds the intended value.
 */
import { holds } from './toml-read.js';
import { rows, tomlKey } from './toml-values.js';
import { blocks } from './toml-window.js';
import type { Eol } from './text.js';
import { getAt, isJsonObject, type JsonObject } from './value.js';
import type { Edit } from './types.js';

const ROW_OR_CONTENT = /^[ \t]*[^ \t\r\n#]/;

/** Where a line starts, for each line of `text`. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function insertAfterLine(body: string, lineEnd: number, row: string, eol: Eol): string {
  const before = body.slice(0, lineEnd);
  const gap = before === '' || before.endsWith('\n') ? '' : eol;
  return `${before}${gap}${row}${eol}${body.slice(lineEnd)}`;
}

export function viaDottedRow(body: string, before: JsonObject, edit: Edit, eol: Eol, after: JsonObject): string | undefined {
  if (edit.op !== 'set' || edit.path.length < 2 || !edit.path.every((s): s is string => typeof s === 'string')) return undefined;
  if (getAt(before, edit.path) !== undefined || !isJsonObject(getAt(before, edit.path.slice(0, -1)))) return undefined;
  const single = rows({ x: edit.value }, eol);
  if (!single.startsWith('x = ') || /[\r\n]/.test(single)) return undefined;
  const value = single.slice('x = '.length);
  const path = edit.path as readonly string[];
  for (const block of blocks(body, path[0] as string)) {
    const table = block.path;
    // The table's header must sit above the dotted rows: a proper prefix of the new key's parent.
    if (table === undefined || table.length >= path.length - 1 || !table.every((key, i) => path[i] === key)) continue;
    const relative = path.slice(table.length);
    const lead = tomlKey(relative[0] as string);
    const text = body.slice(block.start, block.end);
    const starts = lineStarts(text);
    const lineEnd = (i: number) => block.start + (starts[i + 1] ?? text.length);
    let lastDotted: number | undefined;
    let lastContent: number | undefined;
    for (const [i, start] of starts.entries()) {
      const line = text.slice(start, starts[i + 1] ?? text.length);
      if (!ROW_OR_CONTENT.test(line)) continue;
      lastContent = i;
      const trimmed = line.trimStart();
      if (trimmed.startsWith(lead) && /^[ \t]*\./.test(trimmed.slice(lead.length))) lastDotted = i;
    }
    if (lastDotted === undefined) continue;
    const indent = /^[ \t]*/.exec(text.slice(starts[lastDotted], starts[lastDotted + 1]))?.[0] ?? '';
    const row = `${indent}${relative.map(tomlKey).join('.')} = ${value}`;
    // Right under the table's last dotted row; if that row's value runs on over more lines, after the table's last line.
    for (const at of new Set([lastDotted, lastContent ?? lastDotted])) {
      const candidate = insertAfterLine(body, lineEnd(at), row, eol);
      if (holds(candidate, after)) return candidate;
    }
  }
  return undefined;
}
