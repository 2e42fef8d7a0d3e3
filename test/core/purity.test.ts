import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const FORBIDDEN_IMPORT = /from\s+['"](ink|react|react\/[^'"]*|@inkjs\/[^'"]*|@inquirer\/[^'"]*|execa|fs-extra|write-file-atomic|node:fs|fs|node:fs\/promises|fs\/promises|node:child_process|child_process|node:os|os)['"]/;
const PROCESS_GLOBAL = /\bprocess\.(env|argv|exit|cwd|stdout|stderr|stdin|platform)\b/;

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await sourceFiles(p)));
    else if (/\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

describe('src/core stays pure', () => {
  it('imports no UI, disk or process module and touches no process global', async () => {
    const files = await sourceFiles(path.join(ROOT, 'src', 'core'));
    expect(files.length).toBeGreaterThan(10);
    const offenders: string[] = [];
    for (const f of files) {
      const text = await readFile(f, 'utf8');
      text.split('\n').forEach((line, i) => {
        if (FORBIDDEN_IMPORT.test(line) || PROCESS_GLOBAL.test(line)) offenders.push(`${path.relative(ROOT, f)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it('the check itself catches an offending line', () => {
    expect(FORBIDDEN_IMPORT.test("import { readFile } from 'node:fs';")).toBe(true);
    expect(FORBIDDEN_IMPORT.test("import { render } from 'ink';")).toBe(true);
    expect(PROCESS_GLOBAL.test('const h = process.env.HOME;')).toBe(true);
    expect(FORBIDDEN_IMPORT.test("import { x } from './formats.js';")).toBe(false);
  });
});
