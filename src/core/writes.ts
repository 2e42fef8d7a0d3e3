import type { FormatId } from './formats/types.js';
import type { RecordedEdit } from './planner.js';

/** One file change a use-case decided on; the effects layer writes a list of them as one run. */
export interface FileWrite {
  readonly tool: string;
  readonly path: string;
  readonly format: FormatId;
  readonly secret: boolean;
  /** What the plan was made from; null = the file did not exist. */
  readonly before: string | null;
  /** The new text; null = remove the file. */
  readonly after: string | null;
  readonly edits: readonly RecordedEdit[];
}
