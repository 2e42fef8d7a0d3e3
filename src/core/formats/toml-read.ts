/**
 * Reading TOML for the editor in toml.ts: smol-toml, a strict TOML 1.1 parser with line/column
 * errors, is also the check that every edited text still parses and holds the intended value.
 */
import { parse as parseStrict, TomlError } from 'smol-toml';
import { isStackOverflow, nestingError } from './nesting.js';
import { parseErrorAt, splitBom } from './text.js';
import { deepEqual, toJsonValue, type JsonObject } from './value.js';
import type { JsonValue, ParseError, ParseResult } from './types.js';

export type Read = { ok: true; value: JsonObject } | { ok: false; error: ParseError };

function offsetOf(body: string, line: number, column: number): number {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const next = body.indexOf('\n', start);
    if (next === -1) break;
    start = next + 1;
  }
  return Math.min(body.length, start + Math.max(0, column - 1));
}

export function read(body: string): Read {
  const deep = nestingError(body, 'toml');
  if (deep) return { ok: false, error: deep };
  try {
    const value = toJsonValue(parseStrict(body, { integersAsBigInt: 'asNeeded' }));
    return { ok: true, value: value as JsonObject };
  } catch (error) {
    if (isStackOverflow(error)) return { ok: false, error: parseErrorAt(body, 0, 'the document nests too deeply to read') };
    if (!(error instanceof TomlError)) throw error;
    const message = (error.message.split('\n')[0] ?? '').replace(/^Invalid TOML document:\s*/, '') || 'invalid TOML';
    const offset = offsetOf(body, error.line, error.column);
    return { ok: false, error: { message, offset, line: error.line, column: error.column } };
  }
}

/** Whether the text parses and holds exactly `value`. */
export function holds(body: string, value: JsonValue): boolean {
  const result = read(body);
  return result.ok && deepEqual(result.value, value);
}

/** A TOML file's value, a BOM allowed: the TOML editor's parse and the read-only paths' (readers.ts). */
export function readToml(text: string): ParseResult {
  return read(splitBom(text).body);
}
