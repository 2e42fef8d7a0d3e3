/**
 * How deep a document nests, checked before any parser or tree walk recurses into it: the
 * parsers and the value model recurse once per level, and thousands of levels would overflow the
 * stack. Real configs nest a handful of levels; past MAX_NESTING the file is refused with a parse
 * error at the bracket (or YAML indicator) that goes one level too deep.
 */
import { parseErrorAt } from './text.js';
import type { ParseError } from './types.js';

export const MAX_NESTING = 256;

export type NestingSyntax = 'json' | 'toml' | 'yaml';

function tooDeep(body: string, offset: number): ParseError {
  return parseErrorAt(body, offset, `the document nests deeper than ${MAX_NESTING} levels`);
}

/**
 * The first place the brackets `[` `{` nest deeper than MAX_NESTING, skipping strings and
 * comments as the syntax writes them: JSON-like texts have `//` and block comments and both quotes,
 * TOML and YAML `#` comments and both quotes. YAML block nesting counts too: an indentation of
 * more than MAX_NESTING columns, or a run of compact `- ` sequence indicators.
 */
export function nestingError(body: string, syntax: NestingSyntax): ParseError | undefined {
  let depth = 0;
  let lineStart = true;
  let column = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\n') {
      lineStart = true;
      column = 0;
      continue;
    }
    if (syntax === 'yaml' && lineStart) {
      if (ch === ' ' || ch === '-' || ch === '?' || ch === ':') {
        column++;
        if (column > MAX_NESTING * 2) return tooDeep(body, i);
        continue;
      }
      lineStart = false;
    }
    if (ch === '"' || ch === "'") {
      // TOML's triple quotes and YAML's doubled single quote still pair up as runs of quotes.
      const escapes = ch === '"' || (syntax === 'json' && ch === "'");
      let j = i + 1;
      for (; j < body.length && body[j] !== ch; j++) {
        if (escapes && body[j] === '\\') j++;
        else if (body[j] === '\n' && syntax === 'json') break;
      }
      i = j;
      continue;
    }
    if (syntax === 'json' && ch === '/' && body[i + 1] === '/') {
      const end = body.indexOf('\n', i);
      i = end === -1 ? body.length : end - 1;
      continue;
    }
    if (syntax === 'json' && ch === '/' && body[i + 1] === '*') {
      const end = body.indexOf('*/', i + 2);
      i = end === -1 ? body.length : end + 1;
      continue;
    }
    if (syntax !== 'json' && ch === '#') {
      const end = body.indexOf('\n', i);
      i = end === -1 ? body.length : end - 1;
      continue;
    }
    if (ch === '[' || ch === '{') {
      depth++;
      if (depth > MAX_NESTING) return tooDeep(body, i);
    } else if ((ch === ']' || ch === '}') && depth > 0) depth--;
  }
  return undefined;
}

/** Whether an error is the engine's stack overflow, the last line of defence behind the check above. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}
