/**
 * The error catalog behind `tp-setup explain`: the facts of `data.ts` joined with their words from
 * the explain tables (src/i18n/explain-en.ts, src/i18n/explain-zh-CN.ts), so every reader gets
 * entries with `title`, `causes` and `fixes` in both languages.
 */

import { explainEn, type ExplainTextKey } from '../../i18n/explain-en.js';
import { explainZhCN } from '../../i18n/explain-zh-CN.js';
import type { Localised } from '../catalog/types.js';
import { errorCatalogData } from './data.js';
import type { ErrorCatalog, ErrorCause, ErrorCauseData, ErrorEntry, ErrorEntryData, ErrorFix, ErrorFixData } from './types.js';

export type * from './types.js';

function titleKey(entryId: string): string {
  return `${entryId}.title`;
}

function causeKey(entryId: string, cause: ErrorCauseData): string {
  return `${entryId}.cause.${cause.text}`;
}

function fixKey(entryId: string, fix: ErrorFixData): string {
  return typeof fix.text === 'number' ? `${entryId}.fix.${fix.text}` : fix.text;
}

/** Every table key an entry reads: its title, then its causes, then its fixes. */
export function textKeysOf(entry: ErrorEntryData): string[] {
  return [
    titleKey(entry.id),
    ...entry.causes.map((c) => causeKey(entry.id, c)),
    ...entry.fixes.map((f) => fixKey(entry.id, f)),
  ];
}

function isTextKey(key: string): key is ExplainTextKey {
  return Object.hasOwn(explainEn, key);
}

function words(key: string): Localised {
  if (!isTextKey(key)) throw new Error(`The explain tables have no text ${key}`);
  return { en: explainEn[key], 'zh-CN': explainZhCN[key] };
}

function withWords(entry: ErrorEntryData): ErrorEntry {
  const { causes, fixes, ...facts } = entry;
  return {
    ...facts,
    title: words(titleKey(entry.id)),
    causes: causes.map(({ text, ...rest }): ErrorCause => ({ ...words(causeKey(entry.id, { text })), ...rest })),
    fixes: fixes.map(({ text, ...rest }): ErrorFix => ({ ...words(fixKey(entry.id, { text })), ...rest })),
  };
}

export const errorCatalog: ErrorCatalog = {
  date: errorCatalogData.date,
  entries: errorCatalogData.entries.map(withWords),
};

/** The raw entries, for checks that every table key is read and every read key exists. */
export { errorCatalogData };
