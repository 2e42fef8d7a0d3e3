import { en, type MessageKey, type Messages } from './en.js';
import { zhCN } from './zh-CN.js';
import type { Lang } from './lang.js';

export { detectLang, earlyLang, LANGS, type Lang } from './lang.js';

const catalogs: Record<Lang, Messages> = { en, 'zh-CN': zhCN };

export type Translate = ((key: MessageKey, params?: Readonly<Record<string, string | number>>) => string) & { readonly lang: Lang };

export function translator(lang: Lang): Translate {
  const messages = catalogs[lang];
  const t = (key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  return Object.assign(t, { lang });
}

export function hasMessage(key: string): key is MessageKey {
  return key in en;
}

export { type MessageKey } from './en.js';
export { catalogs };
