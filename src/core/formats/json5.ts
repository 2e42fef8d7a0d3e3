/** JSON5: comments, trailing commas, bare keys, single quotes, hex, NaN and Infinity. */
import { editorFromDialect } from './engine.js';
import { JSON5_TRIVIA, parseJson5Syntax } from './json5-syntax.js';
import type { FormatEditor } from './types.js';

export const json5Editor: FormatEditor = editorFromDialect({
  format: 'json5',
  json5: true,
  rules: JSON5_TRIVIA,
  parse: parseJson5Syntax,
});
