/**
 * The one contract every config-format editor follows: `text + edits → text`.
 *
 * Editors are pure. They never normalise what they do not touch: comments, key order,
 * indentation, line endings and a leading BOM of the input survive byte for byte outside the
 * edited ranges.
 */

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };

export type PathSegment = string | number;
export type KeyPath = readonly PathSegment[];

export type Edit =
  /** Set a value, creating missing parent objects. Replaces an existing value in place. */
  | { readonly op: 'set'; readonly path: KeyPath; readonly value: JsonValue }
  /** Remove a key or array element. Removing something absent is a no-op. */
  | { readonly op: 'delete'; readonly path: KeyPath }
  /**
   * Insert into an array: the last path segment is the index the new element will have
   * (0 = prepend, length = append). Missing parents (including the array) are created.
   */
  | { readonly op: 'insert'; readonly path: KeyPath; readonly value: JsonValue };

export type FormatId = 'json' | 'jsonc' | 'json5' | 'toml' | 'yaml' | 'dotenv' | 'shell';

export interface ParseError {
  readonly message: string;
  /** 0-based offset into the text (after any BOM). */
  readonly offset: number;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

export type ParseResult =
  | { readonly ok: true; readonly value: JsonValue }
  | { readonly ok: false; readonly error: ParseError };

export interface FormatEditor {
  readonly format: FormatId;
  /** Parse the whole text. A BOM is accepted. An empty or whitespace-only text is `{}`. */
  parse(text: string): ParseResult;
  /**
   * Apply edits in order and return the new text. The input must parse; callers use
   * `patchText`, which checks that before and verifies the result after.
   */
  apply(text: string, edits: readonly Edit[]): string;
}

export class EditError extends Error {
  constructor(
    message: string,
    readonly path: KeyPath,
  ) {
    super(message);
    this.name = 'EditError';
  }
}
