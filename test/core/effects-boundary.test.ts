/**
 * Disk and process access stays behind src/effects/: only its modules load the file system,
 * child processes or the packages built on them. The commands get data from the effects and hand
 * it to the UI (src/ui/, src/prompts/), which therefore loads none of them either. An entry file
 * may load one only for what it does before any command runs, each listed in ENTRY_NEEDS with its
 * reason.
 *
 * Every way of loading a module counts, also a type-only import: `import`, `export … from`,
 * `import x = require(…)`, `require(…)`, `import('…')`, `typeof import('…')` and
 * `process.getBuiltinModule('…')` (https://nodejs.org/api/process.html#processgetbuiltinmoduleid).
 * Specifiers are read from TypeScript's own syntax tree:
 * https://github.com/microsoft/TypeScript/wiki/Using-the-Compiler-API
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { moduleSpecifiers, sourceFiles } from '../helpers/sources.js';

const BUILTINS = new Set(['fs', 'fs/promises', 'child_process']);
const PACKAGES = new Set(['execa', 'fs-extra', 'write-file-atomic']);

/** Whether the specifier names a forbidden module: a built-in with or without `node:`, or one of the packages or a subpath of one. */
function forbidden(specifier: string): boolean {
  return BUILTINS.has(specifier.replace(/^node:/, '')) || PACKAGES.has(specifier.split('/')[0] ?? '');
}

const EFFECTS = 'src/effects/';

type Needs = Readonly<Record<string, { readonly modules: readonly string[]; readonly reason: string }>>;

/**
 * What each entry file may load, and why. None needs any today: src/cli.ts checks the Node version
 * and starts src/main.ts, and src/main.ts takes the version from src/effects/package-version.ts
 * instead of reading package.json itself.
 */
const ENTRY_NEEDS: Needs = {};

/** Every module specifier the file loads, `require` and `getBuiltinModule` included. */
function specifiers(file: string, text: string): string[] {
  return moduleSpecifiers(
    file,
    text,
    (callee) => (ts.isIdentifier(callee) && callee.text === 'require') || (ts.isPropertyAccessExpression(callee) && callee.name.text === 'getBuiltinModule'),
  );
}

/** Each file outside src/effects/ that loads a forbidden module beyond its allowance, as `path: module, module`. */
function offenders(files: ReadonlyMap<string, string>, needs: Needs = ENTRY_NEEDS): string[] {
  const out: string[] = [];
  for (const [file, text] of files) {
    if (file.startsWith(EFFECTS)) continue;
    const allowance = needs[file]?.modules ?? [];
    const bad = [...new Set(specifiers(file, text).filter((specifier) => forbidden(specifier) && !allowance.includes(specifier)))];
    if (bad.length > 0) out.push(`${file}: ${bad.join(', ')}`);
  }
  return out.sort();
}

describe('disk and processes only through src/effects/', () => {
  it('no module outside src/effects/ loads fs, child_process, execa, fs-extra or write-file-atomic', async () => {
    const files = await sourceFiles();
    expect(files.size).toBeGreaterThan(50);
    expect([...files.keys()].some((file) => file.startsWith(EFFECTS))).toBe(true);
    expect(offenders(files), 'move this access into src/effects/ and pass the data in').toEqual([]);
  });

  it('each entry allowance is still needed', async () => {
    const files = await sourceFiles();
    const unused = Object.entries(ENTRY_NEEDS).flatMap(([file, { modules }]) => {
      const loaded = specifiers(file, files.get(file) ?? '');
      return modules.filter((module) => !loaded.includes(module)).map((module) => `${file}: ${module}`);
    });
    expect(unused, 'remove these from ENTRY_NEEDS').toEqual([]);
  });

  it('the check catches every kind of load, and passes what is allowed', () => {
    const files = new Map([
      ['src/effects/fs.ts', "import { promises } from 'node:fs';\nimport { execa } from 'execa';"],
      ['src/main.ts', "import { readFileSync } from 'node:fs';"],
      ['src/cli.ts', "import { readFileSync } from 'node:fs';"],
      ['src/core/pure.ts', "import { x } from './fs.js';\nconst s = \"import 'node:fs'\";\n// import 'execa'"],
      ['src/commands/a.ts', "import { promises as fsp } from 'node:fs';\nimport { execa } from 'execa';"],
      ['src/commands/b.ts', "export async function run() { const { writeFile } = await import('fs/promises'); return writeFile; }"],
      ['src/commands/c.ts', "import type { Stats } from 'fs';\nexport * from 'fs-extra/esm';"],
      ['src/ui/view.tsx', "const cp = process.getBuiltinModule('node:child_process');\nexport const V = () => <div title=\"it's\">{String(cp)}</div>;"],
      ['src/prompts/p.ts', "import writeFileAtomic = require('write-file-atomic');\nconst fs = require('node:fs/promises');"],
      ['src/main-extra.ts', "type T = typeof import('child_process');"],
    ]);
    const needs: Needs = { 'src/main.ts': { modules: ['node:fs'], reason: 'a test allowance' } };
    expect(offenders(files, needs)).toEqual([
      'src/cli.ts: node:fs',
      'src/commands/a.ts: node:fs, execa',
      'src/commands/b.ts: fs/promises',
      'src/commands/c.ts: fs, fs-extra/esm',
      'src/main-extra.ts: child_process',
      'src/prompts/p.ts: write-file-atomic, node:fs/promises',
      'src/ui/view.tsx: node:child_process',
    ]);
    expect(forbidden('node:path')).toBe(false);
    expect(forbidden('node:module')).toBe(false);
    expect(forbidden('execa-like')).toBe(false);
  });
});
