/** Why a patch was refused. Both carry enough to tell the user which file format and where. */
import type { FormatId, ParseError } from './types.js';

/** The input did not parse, so nothing was edited. */
export class ParseFailure extends Error {
  constructor(
    readonly format: FormatId,
    readonly error: ParseError,
  ) {
    super(`cannot parse ${format}: ${error.message} (line ${error.line}, column ${error.column})`);
    this.name = 'ParseFailure';
  }
}

/** The edit ran but its result failed the check, so the result must not be written. */
export class VerifyFailure extends Error {
  constructor(
    message: string,
    readonly format: FormatId,
  ) {
    super(message);
    this.name = 'VerifyFailure';
  }
}
