import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/core/catalog/index.js';
import { errorCatalogData, textKeysOf } from '../../src/core/explain/catalog.js';
import { FINDING_CODES } from '../../src/core/findings.js';
import { en } from '../../src/i18n/en.js';
import { catalogEn } from '../../src/i18n/catalog-en.js';
import { catalogZhCN } from '../../src/i18n/catalog-zh-CN.js';
import { explainEn } from '../../src/i18n/explain-en.js';
import { explainZhCN } from '../../src/i18n/explain-zh-CN.js';
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

  it('FINDING_CODES lists exactly the codes src emits (core checks and network effects), each with a message and a fix', async () => {
    const text = (await sources(path.join(ROOT, 'src'))).join('\n');
    const emitted = new Set([...text.matchAll(/finding\('([A-Z_]+)'/g)].map((m) => m[1]!));
    expect([...FINDING_CODES].sort()).toEqual([...emitted].sort());
    expect(new Set(FINDING_CODES).size).toBe(FINDING_CODES.length);
    for (const code of FINDING_CODES) {
      expect(Object.hasOwn(en, `finding.${code}`), code).toBe(true);
      expect(Object.hasOwn(en, `finding.${code}.fix`), code).toBe(true);
    }
  });
});

// The catalogs' words are kept out of src/i18n/index.ts on purpose: the error catalog's tables are
// large and only the commands that explain an error message load them; the rest start without them.
const catalogTables = { en: catalogEn, 'zh-CN': catalogZhCN } as const;
const explainTables = { en: explainEn, 'zh-CN': explainZhCN } as const;

describe('catalog tables', () => {
  const tables = { catalog: catalogTables, explain: explainTables };
  const hasHan = (s: string) => /[\u4e00-\u9fff]/.test(s);

  it.each(Object.entries(tables))('%s: en and zh-CN hold exactly the same keys, none empty', (_name, table) => {
    expect(Object.keys(table['zh-CN']).sort()).toEqual(Object.keys(table.en).sort());
    for (const [key, text] of Object.entries(table.en)) {
      const zh = (table['zh-CN'] as Readonly<Record<string, string>>)[key]!;
      expect(text.trim(), key).not.toBe('');
      expect(zh.trim(), key).not.toBe('');
    }
  });

  it('gives every plan and region its name (and every plan its blurb), and holds nothing else', () => {
    const keys = [
      ...catalog.plans.flatMap((p) => [`plan.${p.id}.name`, `plan.${p.id}.blurb`]),
      ...catalog.regions.map((r) => `region.${r.id}.name`),
    ];
    expect(Object.keys(catalogTables.en).sort()).toEqual([...keys].sort());
    for (const p of catalog.plans) {
      expect(p.name).toEqual({ en: catalogTables.en[`plan.${p.id}.name`], 'zh-CN': catalogTables['zh-CN'][`plan.${p.id}.name`] });
      expect(p.blurb.en).toBe(catalogTables.en[`plan.${p.id}.blurb`]);
    }
  });

  it('gives every error entry its title, causes and fixes, and holds no key no entry reads', () => {
    const read = errorCatalogData.entries.flatMap(textKeysOf);
    const table: Readonly<Record<string, string>> = explainTables.en;
    const zh: Readonly<Record<string, string>> = explainTables['zh-CN'];
    expect(read.filter((k) => !Object.hasOwn(table, k))).toEqual([]);
    expect(Object.keys(table).filter((k) => !read.includes(k))).toEqual([]);
    for (const key of read) expect(hasHan(zh[key]!), `${key}: ${zh[key]}`).toBe(true);
  });
});
