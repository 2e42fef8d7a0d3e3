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
 * JSON.parse refuses: a reader then throws JsonDialectsNeeded, and the shell that asked (the home
 * scan, src/effects/home-scan.ts) calls loadJsonDialects and evaluates again. An editor's module
 * loads them anyway, so the commands that edit never see it.
 */
export class JsonDialectsNeeded extends Error {
  constructor(readonly format: JsonFormat) {
    super(`a ${format} text that is not strict JSON was read before loadJsonDialects()`);
    this.name = 'JsonDialectsNeeded';
  }
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
    if (!dialect) throw new JsonDialectsNeeded(format);
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
