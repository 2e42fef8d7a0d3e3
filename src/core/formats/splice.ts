/** A text replacement; edits are planned as splices so everything else stays byte for byte. */
export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function insertAt(at: number, text: string): Splice {
  return { start: at, end: at, text };
}

export function removeRange(start: number, end: number): Splice {
  return { start, end, text: '' };
}

export function applySplices(text: string, splices: readonly Splice[]): string {
  const ordered = [...splices].sort((a, b) => a.start - b.start);
  let result = '';
  let cursor = 0;
  for (const splice of ordered) {
    if (splice.start < cursor || splice.end < splice.start) {
      throw new Error(`overlapping splices at offset ${splice.start}`);
    }
    result += text.slice(cursor, splice.start) + splice.text;
    cursor = splice.end;
  }
  return result + text.slice(cursor);
}
