/** JSONC: JSON with comments and trailing commas (VS Code settings, tsconfig, many CLI tools). */
import { editorFromDialect } from './engine.js';
import { JSONC_DIALECT } from './dialects.js';
import type { FormatEditor } from './types.js';

export const jsoncEditor: FormatEditor = editorFromDialect(JSONC_DIALECT);
