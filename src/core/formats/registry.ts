import { dotenvEditor } from './dotenv.js';
import { jsonEditor } from './json.js';
import { json5Editor } from './json5.js';
import { jsoncEditor } from './jsonc.js';
import type { FormatEditor, FormatId } from './types.js';

const editors: Partial<Record<FormatId, FormatEditor>> = {
  json: jsonEditor,
  jsonc: jsoncEditor,
  json5: json5Editor,
  dotenv: dotenvEditor,
};

export function editorOf(format: FormatId): FormatEditor {
  const editor = editors[format];
  if (!editor) throw new Error(`no editor for ${format}`);
  return editor;
}
