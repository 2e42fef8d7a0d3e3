/**
 * The safe way to edit a config file's text: parse, apply, re-parse, and check that the result
 * holds exactly the intended value before anyone writes it back.
 */
import { ParseFailure, VerifyFailure } from './failures.js';
import { applyEditsToValue, firstDifference, formatPath } from './value.js';
import type { Edit, FormatEditor, JsonValue } from './types.js';

export { ParseFailure, VerifyFailure } from './failures.js';

export interface PatchResult {
  readonly text: string;
  /** False exactly when `text` is the input, byte for byte. */
  readonly changed: boolean;
  readonly before: JsonValue;
  readonly after: JsonValue;
}

export function patchText(editor: FormatEditor, text: string, edits: readonly Edit[]): PatchResult {
  const parsed = editor.parse(text);
  if (!parsed.ok) throw new ParseFailure(editor.format, parsed.error);
  const intended = applyEditsToValue(parsed.value, edits);
  const output = editor.apply(text, edits);
  const reparsed = editor.parse(output);
  if (!reparsed.ok) {
    const { message, line, column } = reparsed.error;
    throw new VerifyFailure(
      `the edited ${editor.format} text no longer parses: ${message} (line ${line}, column ${column})`,
      editor.format,
    );
  }
  const difference = firstDifference(intended, reparsed.value);
  if (difference !== undefined) {
    throw new VerifyFailure(
      `the edited ${editor.format} text does not hold the intended value at ${formatPath(difference)}`,
      editor.format,
    );
  }
  return { text: output, changed: output !== text, before: parsed.value, after: reparsed.value };
}
