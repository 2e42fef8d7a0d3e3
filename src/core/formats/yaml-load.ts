/**
 * Reading YAML for the editor in yaml.ts, with the `yaml` package's Document API: the document is
 * what edits are applied to, the value what they are checked against.
 */
import { parseDocument, type Document } from 'yaml';
import { offsetToLineColumn } from './text.js';
import { setOwn, type JsonObject } from './value.js';
import type { JsonValue, ParseError } from './types.js';

export type Loaded = { ok: true; doc: Document; value: JsonValue } | { ok: false; error: ParseError };

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

export function load(body: string): Loaded {
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
