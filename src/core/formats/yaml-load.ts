/**
 * Reading YAML for the editor in yaml.ts, with the `yaml` package's Document API: the document is
 * what edits are applied to, the value what they are checked against.
 */
import { isScalar, parseDocument, visit, type Document } from 'yaml';
import { isStackOverflow, nestingError } from './nesting.js';
import { offsetToLineColumn, parseErrorAt, splitBom } from './text.js';
import { toJsonValue } from './value.js';
import { provideReader } from './reader-registry.js';
import type { JsonValue, ParseError, ParseResult } from './types.js';

export type Loaded = { ok: true; doc: Document; value: JsonValue } | { ok: false; error: ParseError };

export function load(body: string): Loaded {
  const deep = nestingError(body, 'yaml');
  if (deep) return { ok: false, error: deep };
  try {
    return loadDocument(body);
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    return { ok: false, error: parseErrorAt(body, 0, 'the document nests too deeply to read') };
  }
}

/**
 * The first repeated scalar key of any mapping, as `yaml`'s own `uniqueKeys` check words it. That
 * check compares every key with every earlier one (quadratic in a mapping's size); a set per
 * mapping keeps large files linear.
 */
function duplicateKey(doc: Document, body: string): ParseError | null {
  let found: ParseError | null = null;
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const id = pair.key.value;
        if (seen.has(id)) {
          const offset = pair.key.range?.[0] ?? 0;
          found = { message: 'Map keys must be unique', offset, ...offsetToLineColumn(body, offset) };
          return visit.BREAK;
        }
        seen.add(id);
      }
      return undefined;
    },
  });
  return found;
}

function loadDocument(body: string): Loaded {
  const doc = parseDocument(body, { prettyErrors: false, uniqueKeys: false });
  const first = doc.errors[0];
  if (first) {
    const offset = first.pos[0];
    const at = first.linePos?.[0];
    const position = at ? { line: at.line, column: at.col } : offsetToLineColumn(body, offset);
    const message = (first.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    return { ok: false, error: { message, offset, ...position } };
  }
  const duplicate = duplicateKey(doc, body);
  if (duplicate) return { ok: false, error: duplicate };
  // An empty or comment-only file has no contents; it stands for an empty mapping.
  if (doc.contents === null) return { ok: true, doc, value: {} };
  try {
    return { ok: true, doc, value: toJsonValue(doc.toJS()) };
  } catch (error) {
    // yaml refuses aliases that would expand without bound ("billion laughs").
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { message, offset: 0, line: 1, column: 1 } };
  }
}

/** A YAML file's value, a BOM allowed: the YAML editor's parse and the read-only paths' (readers.ts). */
export function readYaml(text: string): ParseResult {
  const loaded = load(splitBom(text).body);
  return loaded.ok ? { ok: true, value: loaded.value } : loaded;
}

provideReader('yaml', readYaml);
