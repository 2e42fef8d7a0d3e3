/**
 * No source file under src/ grows past MAX_LINES: past that, a file holds more than one concern and
 * is split into cohesive modules (as src/core/formats/toml.ts and yaml.ts are). Data tables are
 * the exception, each listed below with its reason.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { sourceFiles } from '../helpers/sources.js';

const MAX_LINES = 400;

interface Allowed {
  /** A path relative to the repository, with `/`; a trailing `/` allows every file under it. */
  readonly path: string;
  /** Files under `path` that stay within the limit all the same. */
  readonly except?: readonly string[];
  readonly reason: string;
}

const ALLOWED: readonly Allowed[] = [
  { path: 'src/core/catalog/data.ts', reason: 'the catalog of tools, plans and endpoints: one data table' },
  { path: 'src/core/explain/data.ts', reason: 'the error catalog: one entry per known error message, data only' },
  { path: 'src/i18n/', except: ['src/i18n/index.ts'], reason: 'message tables, one key per user-facing string' },
];

function allowed(file: string): boolean {
  return ALLOWED.some((entry) => (entry.path.endsWith('/') ? file.startsWith(entry.path) : file === entry.path) && !entry.except?.includes(file));
}

/** Lines as an editor numbers them: a final line break does not start another line. */
function lineCount(text: string): number {
  if (text === '') return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** Every file over the limit that the allowlist does not name, as `path: N lines`. */
function oversized(files: ReadonlyMap<string, string>, max = MAX_LINES): string[] {
  return [...files]
    .map(([file, text]) => ({ file, lines: lineCount(text) }))
    .filter(({ file, lines }) => lines > max && !allowed(file))
    .sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file))
    .map(({ file, lines }) => `${file}: ${lines} lines`);
}

describe(`no source file over ${MAX_LINES} lines, data tables apart`, () => {
  it('every file under src/ is within the limit or an allowed data table', async () => {
    const files = await sourceFiles();
    expect(files.size).toBeGreaterThan(50);
    expect(oversized(files), `split these into cohesive modules, or add a data table to ALLOWED with its reason`).toEqual([]);
  });

  it('every allowlisted path still exists', async () => {
    const missing: string[] = [];
    for (const entry of ALLOWED) {
      const found = await stat(path.join(ROOT, entry.path)).then(
        () => true,
        () => false,
      );
      if (!found) missing.push(entry.path);
    }
    expect(missing, 'remove or update these ALLOWED entries').toEqual([]);
  });

  it('the check itself counts lines and honours the allowlist', () => {
    expect(lineCount('')).toBe(0);
    expect(lineCount('a')).toBe(1);
    expect(lineCount('a\n')).toBe(1);
    expect(lineCount('a\nb')).toBe(2);
    expect(lineCount('a\n\n')).toBe(2);
    const long = 'x\n'.repeat(MAX_LINES + 1);
    const files = new Map([
      ['src/commands/big.ts', long],
      ['src/commands/ok.ts', 'x\n'.repeat(MAX_LINES)],
      ['src/core/catalog/data.ts', long],
      ['src/i18n/en.ts', long],
      ['src/i18n/index.ts', long],
    ]);
    expect(oversized(files)).toEqual([`src/commands/big.ts: ${MAX_LINES + 1} lines`, `src/i18n/index.ts: ${MAX_LINES + 1} lines`]);
  });
});
