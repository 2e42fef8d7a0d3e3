/** JSONC: JSON with comments and trailing commas (VS Code settings, tsconfig, many CLI tools). */
import { editorFromDialect, strictJsonValue } from './engine.js';
import { JSONC_TRIVIA, parseJsoncSyntax } from './jsonc-syntax.js';
import type { FormatEditor } from './types.js';

export const jsoncEditor: FormatEditor = editorFromDialect({
  format: 'jsonc',
  json5: false,
  rules: JSONC_TRIVIA,
  parse: parseJsoncSyntax,
  fastValue: strictJsonValue,
});
