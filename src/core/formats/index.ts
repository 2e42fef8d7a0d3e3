/** Format editors by id. */
import { dotenvEditor } from './dotenv.js';
import { shellProfileEditor } from './shell-profile.js';
import { jsonEditor } from './json.js';
import { json5Editor } from './json5.js';
import { jsoncEditor } from './jsonc.js';
import { tomlEditor } from './toml.js';
import { yamlEditor } from './yaml.js';
import type { FormatEditor, FormatId } from './types.js';

const EDITORS: Readonly<Record<FormatId, FormatEditor>> = {
  json: jsonEditor,
  jsonc: jsoncEditor,
  json5: json5Editor,
  toml: tomlEditor,
  yaml: yamlEditor,
  dotenv: dotenvEditor,
  shell: shellProfileEditor,
};

export function editorFor(format: FormatId): FormatEditor {
  return EDITORS[format];
}

export * from './types.js';
export { jsonEditor } from './json.js';
export { jsoncEditor } from './jsonc.js';
export { json5Editor } from './json5.js';
export { dotenvEditor } from './dotenv.js';
export { tomlEditor } from './toml.js';
export { yamlEditor } from './yaml.js';
export { patchText, ParseFailure, VerifyFailure, type PatchResult } from './patch.js';
export { applyEditsToValue, deepEqual, firstDifference, formatPath, getAt, hasAt } from './value.js';
export { detectEol, detectIndentUnit, offsetToLineColumn, splitBom } from './text.js';
