/**
 * Readers whose modules load on demand (readers.ts): YAML's hands itself over here when its
 * module loads, whoever loads it (readers.ts, or the YAML editor importing it).
 */
import type { FormatId, ParseResult } from './types.js';

export type Reader = (text: string) => ParseResult;

const provided = new Map<FormatId, Reader>();

export function provideReader(format: FormatId, reader: Reader): void {
  provided.set(format, reader);
}

export function providedReader(format: FormatId): Reader | undefined {
  return provided.get(format);
}
