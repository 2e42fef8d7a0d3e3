/** JSON5: comments, trailing commas, bare keys, single quotes, hex, NaN and Infinity. */
import { editorFromDialect } from './engine.js';
import { JSON5_DIALECT } from './dialects.js';
import type { FormatEditor } from './types.js';

export const json5Editor: FormatEditor = editorFromDialect(JSON5_DIALECT);
