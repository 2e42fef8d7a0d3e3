import { applyPatch, createPatch } from 'diff';
import { CliError, ExitCode } from './errors.js';
import { editorFor } from './formats/index.js';
import { patchFile } from './patch-file.js';
import type { Edit, FormatId, JsonValue, ParseError } from './formats/types.js';
import { applyEditsToValue, deepEqual, getAt, hasAt } from './formats/value.js';
import { formatKeyPath, recordEdits, type RecordedEdit } from './planner.js';

export interface RestoreInput {
  /** For messages: the file this is about. */
  readonly path?: string;
  readonly format: FormatId;
  readonly existedBefore: boolean;
  /** The file's bytes before the run (null if it did not exist). */
  readonly original: string | null;
  /** What the run wrote. */
  readonly written: string;
  /** What is on disk now (null if the file is gone). */
  readonly current: string | null;
  readonly edits: readonly RecordedEdit[];
  /** The run removed this file (a cache moved aside): restore brings it back if still absent. */
  readonly removed?: boolean;
  /** Put back even keys the user changed again since the run: all, or these key paths. */
  readonly force: boolean | readonly string[];
}

export type RestoreAction =
  | { readonly kind: 'write'; readonly text: string; readonly kept: readonly string[]; readonly edits: readonly RecordedEdit[] }
  | { readonly kind: 'remove'; readonly kept: readonly string[]; readonly edits: readonly RecordedEdit[] }
  | { readonly kind: 'skip'; readonly reason: 'unchanged' | 'gone' | 'all-kept' | 'replaced'; readonly kept: readonly string[] };

/**
 * The inverse of a run's edits, checked against what is there now: an edit whose key the user has
 * changed since is a conflict and is kept as the user has it, unless forced.
 */
export function inverseEdits(current: JsonValue, edits: readonly RecordedEdit[], force: boolean | readonly string[]): { inverse: Edit[]; kept: string[] } {
  const forced = (path: string): boolean => (typeof force === 'boolean' ? force : force.includes(path));
  const inverse: Edit[] = [];
  const kept: string[] = [];
  let value = current;
  for (const e of [...edits].reverse()) {
    let undo: Edit | null = null;
    let conflict = false;
    if (e.op === 'insert') {
      // The user may have added or removed elements since: find ours by content, not index.
      const parentPath = e.path.slice(0, -1);
      const parent = getAt(value, parentPath);
      const here = getAt(value, e.path);
      const at = here !== undefined && deepEqual(here, e.value)
        ? (e.path[e.path.length - 1] as number)
        : Array.isArray(parent)
          ? parent.findIndex((el) => deepEqual(el, e.value))
          : -1;
      if (at >= 0) undo = { op: 'delete', path: [...parentPath, at] };
      else conflict = true;
    } else if (e.op === 'set') {
      const here = getAt(value, e.path);
      conflict = here === undefined || !deepEqual(here, e.value);
      undo = e.previousExisted ? { op: 'set', path: e.path, value: e.previous as JsonValue } : { op: 'delete', path: e.path };
    } else if (typeof e.path[e.path.length - 1] === 'number') {
      undo = { op: 'insert', path: e.path, value: e.previous as JsonValue };
    } else {
      conflict = hasAt(value, e.path);
      undo = { op: 'set', path: e.path, value: e.previous as JsonValue };
    }
    if (undo === null || (conflict && !forced(formatKeyPath(e.path)))) {
      kept.push(formatKeyPath(e.path));
      continue;
    }
    inverse.push(undo);
    value = applyEditsToValue(value, [undo]);
    // Parents the edit created go too, once nothing else lives in them.
    if (e.createdFrom !== undefined) {
      for (let k = e.path.length - 1; k >= e.createdFrom; k--) {
        const parent = e.path.slice(0, k);
        const there = getAt(value, parent);
        const empty = Array.isArray(there) ? there.length === 0 : typeof there === 'object' && there !== null && Object.keys(there).length === 0;
        if (!empty) break;
        const drop: Edit = { op: 'delete', path: parent };
        inverse.push(drop);
        value = applyEditsToValue(value, [drop]);
      }
    }
  }
  return { inverse, kept };
}

/** The file was edited since the run and no longer parses: restore refuses to touch it. */
export class UnparseableFile extends CliError {
  constructor(
    readonly path: string,
    readonly error: ParseError,
  ) {
    super(ExitCode.REFUSED, 'error.refusedParse', { path, line: error.line, column: error.column, message: error.message });
    this.name = 'UnparseableFile';
  }
}

/** Undo one file of a run, changing nothing but the keys that run changed. */
export function planFileRestore(input: RestoreInput): RestoreAction {
  const { current, written, original } = input;
  if (input.removed) {
    // A file moved aside comes back unless something new took its place meanwhile.
    if (current === null && original !== null) return { kind: 'write', text: original, kept: [], edits: [] };
    return { kind: 'skip', reason: current === null ? 'gone' : 'replaced', kept: [] };
  }
  if (current === null) return { kind: 'skip', reason: 'gone', kept: [] };
  // Already back to the bytes from before the run (restored once already): nothing to do, nothing kept.
  if (original !== null && input.existedBefore && current === original && current !== written) return { kind: 'skip', reason: 'unchanged', kept: [] };
  const editor = editorFor(input.format);
  const parsed = editor.parse(current);
  if (!parsed.ok) throw new UnparseableFile(input.path ?? '', parsed.error);
  const { inverse, kept } = inverseEdits(parsed.value, input.edits, input.force);
  const edits = recordEdits(parsed.value, inverse);

  // Nobody touched the file since: the original bytes, exactly.
  if (current === written) {
    return input.existedBefore && original !== null ? { kind: 'write', text: original, kept, edits } : { kind: 'remove', kept, edits };
  }
  if (inverse.length === 0) return { kind: 'skip', reason: kept.length ? 'all-kept' : 'unchanged', kept };
  const intended = applyEditsToValue(parsed.value, inverse);
  if (!input.existedBefore && deepEqual(intended, {})) return { kind: 'remove', kept, edits };

  // Edits made elsewhere in the file: replay the run's own diff backwards, so the restored lines
  // come back byte for byte; fall back to key-level edits when the lines around ours moved.
  if (kept.length === 0 && original !== null) {
    const reversed = applyPatch(current, createPatch('file', written, original, '', '', { context: 3 }));
    if (typeof reversed === 'string') {
      const check = editor.parse(reversed);
      if (check.ok && deepEqual(check.value, intended)) return { kind: 'write', text: reversed, kept, edits };
    }
  }
  return { kind: 'write', text: patchFile(input.path ?? '', input.format, current, inverse), kept, edits };
}
