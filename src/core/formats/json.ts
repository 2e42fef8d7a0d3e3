/**
 * Strict JSON. Parsing is JSONC's plus a token pass that rejects what JSONC tolerates, so edits
 * (which never add comments or trailing commas) can reuse the JSONC engine unchanged.
 */
import { createScanner, type SyntaxKind } from 'jsonc-parser';
import { editorFromDialect, strictJsonValue } from './engine.js';
import { JSONC_TRIVIA, parseJsoncSyntax } from './jsonc-syntax.js';
import { parseErrorAt } from './text.js';
import type { SyntaxParse } from './syntax.js';
import type { FormatEditor, ParseError } from './types.js';

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

export const jsonEditor: FormatEditor = editorFromDialect({
  format: 'json',
  json5: false,
  rules: JSONC_TRIVIA,
  parse: parseJsonSyntax,
  fastValue: strictJsonValue,
});
