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
import { providedReader, type Reader } from './reader-registry.js';
import { readToml } from './toml-read.js';
import type { FormatId } from './types.js';

export type { Reader };

/*
 * The larger libraries behind the readers load only when a file needs them: yaml (~96 KB) for a
 * YAML file (Hermes), and the JSON dialects' parsers (json5, jsonc-parser, the croct lexer and
 * ours: some 48 KB) only for a JSON-family text JSON.parse refuses. smol-toml (12 KB) is always
 * there: a module of its own would cost about as much as it saves. Strict JSON, as most
 * configs are, reads with JSON.parse, which is what each dialect answers for it (dialect-read.ts,
 * strictJsonValue). A reader whose module is not loaded throws ReaderNeeded; the shell that asked
 * (the home scan, src/effects/home-scan.ts) loads it with loadReaders and evaluates again. The
 * editors import these modules themselves, so the commands that edit never see it.
 */
export class ReaderNeeded extends Error {
  constructor(readonly format: FormatId) {
    super(`a ${format} text was read before loadReaders(['${format}'])`);
    this.name = 'ReaderNeeded';
  }
}

const isJsonFormat = (format: FormatId): format is JsonFormat => format === 'json' || format === 'jsonc' || format === 'json5';

/** Loads the readers of these formats that are not loaded yet (the JSON ones with every dialect). */
export async function loadReaders(formats: Iterable<FormatId>): Promise<void> {
  const loads: Promise<unknown>[] = [];
  for (const format of new Set(formats)) {
    if (isJsonFormat(format) && loadedJsonDialect(format) === undefined) loads.push(import('./dialects.js'));
    if (format === 'yaml' && !providedReader('yaml')) loads.push(import('./yaml-load.js'));
  }
  await Promise.all(loads);
}

function jsonReader(format: JsonFormat): Reader {
  return (text) => {
    const body = splitBom(text).body;
    const value = strictJsonValue(body);
    if (value !== undefined) return { ok: true, value };
    const dialect = loadedJsonDialect(format);
    if (!dialect) throw new ReaderNeeded(format);
    return readDialect(dialect, text);
  };
}

function loadedReader(format: 'yaml'): Reader {
  return (text) => {
    const reader = providedReader(format);
    if (!reader) throw new ReaderNeeded(format);
    return reader(text);
  };
}

const READERS: Readonly<Record<FormatId, Reader>> = {
  json: jsonReader('json'),
  jsonc: jsonReader('jsonc'),
  json5: jsonReader('json5'),
  toml: readToml,
  yaml: loadedReader('yaml'),
  // Small, and with no library behind them: their editors are their readers.
  dotenv: (text) => dotenvEditor.parse(text),
  shell: (text) => shellProfileEditor.parse(text),
};

export function readerFor(format: FormatId): Reader {
  return READERS[format];
}
