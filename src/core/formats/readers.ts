/**
 * Each format's reader alone: text → value, or the parse error with its position. The editors
 * parse with these same functions; the read-only paths (doctor, explain, the key's look at a
 * file) import this file instead of index.ts, so they never load the editing code and the
 * libraries only writing needs (toml-patch, the JSON editing engine, YAML's merge and printing).
 */
import { JSON5_DIALECT, JSON_DIALECT, JSONC_DIALECT } from './dialects.js';
import { readDialect } from './dialect-read.js';
import { dotenvEditor } from './dotenv.js';
import { shellProfileEditor } from './shell-profile.js';
import { readToml } from './toml-read.js';
import { readYaml } from './yaml-load.js';
import type { FormatId, ParseResult } from './types.js';

export type Reader = (text: string) => ParseResult;

const READERS: Readonly<Record<FormatId, Reader>> = {
  json: (text) => readDialect(JSON_DIALECT, text),
  jsonc: (text) => readDialect(JSONC_DIALECT, text),
  json5: (text) => readDialect(JSON5_DIALECT, text),
  toml: readToml,
  yaml: readYaml,
  // Small, and with no library behind them: their editors are their readers.
  dotenv: (text) => dotenvEditor.parse(text),
  shell: (text) => shellProfileEditor.parse(text),
};

export function readerFor(format: FormatId): Reader {
  return READERS[format];
}
