import { CliError, ExitCode } from './errors.js';
import { editorFor } from './formats/index.js';
import { ParseFailure, patchText } from './formats/patch.js';
import { EditError, type Edit, type FormatId } from './formats/types.js';
import { formatKeyPath } from './planner.js';

/**
 * `patchText` for one named file: a text that does not parse, or a value its editor will not
 * write, is the user's refusal (exit 4, naming the file and where), never an internal error.
 */
export function patchFile(path: string, format: FormatId, text: string, edits: readonly Edit[]): string {
  try {
    return patchText(editorFor(format), text, edits).text;
  } catch (err) {
    if (err instanceof ParseFailure) throw new CliError(ExitCode.REFUSED, 'error.refusedParse', { path, line: err.error.line, column: err.error.column, message: err.error.message });
    if (err instanceof EditError) throw new CliError(ExitCode.REFUSED, 'error.refusedValue', { path, keyPath: formatKeyPath(err.path), reason: err.message });
    throw err;
  }
}
