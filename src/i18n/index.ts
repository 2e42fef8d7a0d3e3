import { en, type MessageKey, type Messages } from './en.js';
import { zhCN } from './zh-CN.js';

export type Lang = 'en' | 'zh-CN';
export const LANGS: readonly Lang[] = ['en', 'zh-CN'];

const catalogs: Record<Lang, Messages> = { en, 'zh-CN': zhCN };

/** --lang, then TP_SETUP_LANG, then the system locale variables; anything Chinese → zh-CN. */
export function detectLang(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang {
  const pick = (v: string | undefined): Lang | undefined => {
    if (!v) return undefined;
    if (/^zh/i.test(v)) return 'zh-CN';
    if (/^(en|c|posix)\b/i.test(v)) return 'en';
    return undefined;
  };
  return (
    pick(flag) ??
    pick(env.TP_SETUP_LANG) ??
    pick(env.LC_ALL) ??
    pick(env.LC_MESSAGES) ??
    pick(env.LANG) ??
    pick(Intl.DateTimeFormat().resolvedOptions().locale) ??
    'en'
  );
}

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
