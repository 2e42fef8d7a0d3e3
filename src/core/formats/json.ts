/** Strict JSON: the JSONC engine with JSON's own reading (dialects.ts). */
import { editorFromDialect } from './engine.js';
import { JSON_DIALECT } from './dialects.js';
import type { FormatEditor } from './types.js';

export { parseJsonSyntax } from './dialects.js';

export const jsonEditor: FormatEditor = editorFromDialect(JSON_DIALECT);
