/** JSON5: comments, trailing commas, bare keys, single quotes, hex, NaN and Infinity. */
import JSON5 from 'json5';
import { editorFromDialect, strictJsonValue } from './engine.js';
import { nestingError } from './nesting.js';
import { JSON5_TRIVIA, parseJson5Syntax } from './json5-syntax.js';
import type { FormatEditor, JsonValue } from './types.js';

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

export const json5Editor: FormatEditor = editorFromDialect({
  format: 'json5',
  json5: true,
  rules: JSON5_TRIVIA,
  parse: parseJson5Syntax,
  fastValue: json5Value,
});
