/**
 * Each format's reader alone: text → value, or the parse error with its position. The editors
 * parse with these same functions; the read-only paths (doctor, explain, the key's look at a
 * file) import this file instead of index.ts, so they never load the editing code and the
 * libraries only writing needs (toml-patch, the JSON editing engine, YAML's merge and printing).
 */
import { loadedJsonDialect, readDialect, strictJsonValue, type JsonFormat } from './dialect-read.js';
import { splitBom } from './text.js';
import { dotenvEditor } from './dotenv.js';
import { shellProfileEditor } from './shell-profile.js';
import { readToml } from './toml-read.js';
import { readYaml } from './yaml-load.js';
import type { FormatId, ParseResult } from './types.js';

export type Reader = (text: string) => ParseResult;

/*
 * JSON, JSONC and JSON5 texts that are strict JSON, as most configs are, read with JSON.parse,
 * which is what each dialect answers for them (dialect-read.ts, strictJsonValue). The dialects'
 * own parsers (json5, jsonc-parser, the croct lexer and ours: some 48 KB) load only for a text
 * JSON.parse refuses: the shell that reads the files calls loadJsonDialects first when
 * needsJsonDialects says so, and an editor's module loads them anyway.
 */
const isJsonFormat = (format: FormatId): format is JsonFormat => format === 'json' || format === 'jsonc' || format === 'json5';

/** Whether reading `text` as `format` needs the dialects' parsers, and they are not loaded yet. */
export function needsJsonDialects(format: FormatId, text: string | null): boolean {
  return text !== null && isJsonFormat(format) && loadedJsonDialect(format) === undefined && strictJsonValue(splitBom(text).body) === undefined;
}

export async function loadJsonDialects(): Promise<void> {
  if (loadedJsonDialect('json') === undefined) await import('./dialects.js');
}

function jsonReader(format: JsonFormat): Reader {
  return (text) => {
    const body = splitBom(text).body;
    const value = strictJsonValue(body);
    if (value !== undefined) return { ok: true, value };
    const dialect = loadedJsonDialect(format);
    // A shell that skipped loadJsonDialects: a bug of ours, never a verdict on the user's file.
    if (!dialect) throw new Error(`a ${format} text that is not strict JSON was read before loadJsonDialects()`);
    return readDialect(dialect, text);
  };
}

const READERS: Readonly<Record<FormatId, Reader>> = {
  json: jsonReader('json'),
  jsonc: jsonReader('jsonc'),
  json5: jsonReader('json5'),
  toml: readToml,
  yaml: readYaml,
  // Small, and with no library behind them: their editors are their readers.
  dotenv: (text) => dotenvEditor.parse(text),
  shell: (text) => shellProfileEditor.parse(text),
};

export function readerFor(format: FormatId): Reader {
  return READERS[format];
}
