/**
 * Reading JSON, JSONC and JSON5 without the editing engine (engine.ts): what the doctor and the
 * other read-only paths load, and what the engine itself parses with.
 */
import { isStackOverflow, nestingError } from './nesting.js';
import { syntaxToValue, type SyntaxParse } from './syntax.js';
import { parseErrorAt, splitBom } from './text.js';
import type { TriviaRules } from './trivia.js';
import type { FormatId, JsonValue, ParseResult } from './types.js';

export interface Dialect {
  readonly format: FormatId;
  readonly json5: boolean;
  readonly rules: TriviaRules;
  /** Parses text without a BOM. */
  parse(body: string): SyntaxParse;
  /**
   * The value of a text without building its syntax tree, where a faster reader gives exactly
   * what `parse` would; undefined sends the text through `parse`.
   */
  fastValue?(body: string): JsonValue | undefined;
}

export type JsonFormat = 'json' | 'jsonc' | 'json5';

let provided: Readonly<Record<JsonFormat, Dialect>> | undefined;

/** dialects.ts hands its dialects over here when it loads, whoever loads it (readers.ts or an editor). */
export function provideJsonDialects(dialects: Readonly<Record<JsonFormat, Dialect>>): void {
  provided = dialects;
}

/** The dialect, once dialects.ts has loaded. */
export function loadedJsonDialect(format: JsonFormat): Dialect | undefined {
  return provided?.[format];
}

/** The dialect's parse behind the nesting check, so that no parser or tree walk overflows the stack. */
export function parseSyntax(dialect: Dialect, body: string): SyntaxParse {
  const deep = nestingError(body, 'json');
  if (deep) return { ok: false, error: deep };
  try {
    return dialect.parse(body);
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    return { ok: false, error: parseErrorAt(body, 0, 'the document nests too deeply to read') };
  }
}

/**
 * Strict JSON read by the engine's own JSON.parse, which JSON, JSONC and JSON5 all read alike
 * (last repeated key wins, `__proto__` an own key, numbers as JavaScript reads them); anything
 * JSON.parse refuses goes through the dialect's parser, for its own error or leniencies.
 */
export function strictJsonValue(body: string): JsonValue | undefined {
  if (nestingError(body, 'json')) return undefined;
  try {
    return JSON.parse(body) as JsonValue;
  } catch {
    return undefined;
  }
}

/** A text's value in the dialect: the fast reader where it answers, else the syntax tree. */
export function readDialect(dialect: Dialect, text: string): ParseResult {
  const body = splitBom(text).body;
  if (dialect.fastValue) {
    const value = dialect.fastValue(body);
    if (value !== undefined) return { ok: true, value };
  }
  const result = parseSyntax(dialect, body);
  if (!result.ok) return result;
  return { ok: true, value: result.root ? syntaxToValue(result.root) : {} };
}
