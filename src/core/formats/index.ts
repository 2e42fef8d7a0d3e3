/** Format editors by id. TOML and YAML editors will join with the same contract. */
import { dotenvEditor } from './dotenv.js';
import { jsonEditor } from './json.js';
import { json5Editor } from './json5.js';
import { jsoncEditor } from './jsonc.js';
import type { FormatEditor, FormatId } from './types.js';

const EDITORS: Partial<Record<FormatId, FormatEditor>> = {
  json: jsonEditor,
  jsonc: jsoncEditor,
  json5: json5Editor,
  dotenv: dotenvEditor,
};

export function editorFor(format: FormatId): FormatEditor {
  const editor = EDITORS[format];
  if (!editor) throw new Error(`no editor for ${format} files yet`);
  return editor;
}

export * from './types.js';
export { jsonEditor } from './json.js';
export { jsoncEditor } from './jsonc.js';
export { json5Editor } from './json5.js';
export { dotenvEditor } from './dotenv.js';
export { patchText, ParseFailure, VerifyFailure, type PatchResult } from './patch.js';
export { applyEditsToValue, deepEqual, firstDifference, formatPath, getAt, hasAt } from './value.js';
export { detectEol, detectIndentUnit, offsetToLineColumn, splitBom } from './text.js';
