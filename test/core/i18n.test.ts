import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { zhCN } from '../../src/i18n/zh-CN.js';
import { ROOT } from '../helpers/cli.js';

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await sources(p)));
    else if (e.name.endsWith('.ts')) out.push(await readFile(p, 'utf8'));
  }
  return out;
}

describe('messages', () => {
  it('en and zh-CN hold the same keys, none empty, with the same {placeholders}', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      const zh = zhCN[key as keyof typeof en];
      expect(text.trim(), key).not.toBe('');
      expect(zh.trim(), key).not.toBe('');
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(holes(zh), key).toEqual(holes(text));
    }
  });

  it('every finding code the core emits has a message and a fix', async () => {
    const text = (await sources(path.join(ROOT, 'src', 'core'))).join('\n');
    const codes = new Set([...text.matchAll(/finding\('([A-Z_]+)'/g)].map((m) => m[1]!));
    expect(codes.size).toBeGreaterThan(30);
    for (const code of codes) {
      expect(Object.hasOwn(en, `finding.${code}`), code).toBe(true);
      expect(Object.hasOwn(en, `finding.${code}.fix`), code).toBe(true);
    }
  });
});
