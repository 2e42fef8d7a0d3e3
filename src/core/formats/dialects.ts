/**
 * The three JSON dialects as the readers (readers.ts) and the editing engine (engine.ts) both use
 * them: how each is parsed, and which trivia (comments, commas) it allows.
 */
import JSON5 from 'json5';
import { createScanner, type SyntaxKind } from 'jsonc-parser';
import { provideJsonDialects, strictJsonValue, type Dialect } from './dialect-read.js';
import { JSON5_TRIVIA, parseJson5Syntax } from './json5-syntax.js';
import { JSONC_TRIVIA, parseJsoncSyntax } from './jsonc-syntax.js';
import { nestingError } from './nesting.js';
import { parseErrorAt } from './text.js';
import type { SyntaxParse } from './syntax.js';
import type { JsonValue, ParseError } from './types.js';

/*
 * Strict JSON. Parsing is JSONC's plus a token pass that rejects what JSONC tolerates, so edits
 * (which never add comments or trailing commas) can reuse the JSONC engine unchanged.
 */
// jsonc-parser's SyntaxKind is a const enum, which verbatimModuleSyntax cannot read; its values.
const Kind = {
  CloseBrace: 2 as SyntaxKind,
  CloseBracket: 4 as SyntaxKind,
  Comma: 5 as SyntaxKind,
  LineComment: 12 as SyntaxKind,
  BlockComment: 13 as SyntaxKind,
  LineBreak: 14 as SyntaxKind,
  Trivia: 15 as SyntaxKind,
  EOF: 17 as SyntaxKind,
};

const TRIVIA = new Set([Kind.Trivia, Kind.LineBreak, Kind.LineComment, Kind.BlockComment]);

function firstLeniency(body: string): ParseError | undefined {
  const scanner = createScanner(body, false);
  let previous: { kind: SyntaxKind; offset: number } | undefined;
  for (let kind = scanner.scan(); kind !== Kind.EOF; kind = scanner.scan()) {
    const offset = scanner.getTokenOffset();
    if (kind === Kind.LineComment || kind === Kind.BlockComment) {
      return parseErrorAt(body, offset, 'comments are not allowed in this file (strict JSON)');
    }
    if (kind === Kind.Trivia && !/^[ \t]*$/.test(body.slice(offset, offset + scanner.getTokenLength()))) {
      return parseErrorAt(body, offset, 'only spaces, tabs and line breaks may separate tokens in this file (strict JSON)');
    }
    if ((kind === Kind.CloseBrace || kind === Kind.CloseBracket) && previous?.kind === Kind.Comma) {
      return parseErrorAt(body, previous.offset, 'trailing commas are not allowed in this file (strict JSON)');
    }
    if (!TRIVIA.has(kind)) previous = { kind, offset };
  }
  return undefined;
}

export function parseJsonSyntax(body: string): SyntaxParse {
  const lenient = parseJsoncSyntax(body);
  const strict = firstLeniency(body);
  if (strict && (lenient.ok || strict.offset <= lenient.error.offset)) return { ok: false, error: strict };
  return lenient;
}

export const JSON_DIALECT: Dialect = {
  format: 'json',
  json5: false,
  rules: JSONC_TRIVIA,
  parse: parseJsonSyntax,
  fastValue: strictJsonValue,
};

/** JSONC: JSON with comments and trailing commas (VS Code settings, tsconfig, many CLI tools). */
export const JSONC_DIALECT: Dialect = {
  format: 'jsonc',
  json5: false,
  rules: JSONC_TRIVIA,
  parse: parseJsoncSyntax,
  fastValue: strictJsonValue,
};

/* JSON5: comments, trailing commas, bare keys, single quotes, hex, NaN and Infinity. */
/**
 * The value of a JSON5 text as the reference implementation (the `json5` package,
 * https://json5.org) reads it, several times faster than building the lossless token list; a
 * `__proto__` key, which that package assigns as the prototype instead of an own key, and any text
 * it refuses go through the token parser.
 */
function json5Value(body: string): JsonValue | undefined {
  const strict = strictJsonValue(body);
  if (strict !== undefined) return strict;
  if (body.includes('__proto__') || nestingError(body, 'json')) return undefined;
  try {
    const value = JSON5.parse(body) as JsonValue | undefined;
    return value === undefined ? undefined : value;
  } catch {
    return undefined;
  }
}

export const JSON5_DIALECT: Dialect = {
  format: 'json5',
  json5: true,
  rules: JSON5_TRIVIA,
  parse: parseJson5Syntax,
  fastValue: json5Value,
};

// The readers take the dialects from here (readers.ts loads this file only when a text needs them).
provideJsonDialects({ json: JSON_DIALECT, jsonc: JSONC_DIALECT, json5: JSON5_DIALECT });
