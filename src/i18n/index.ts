import type { MessageKey, Messages } from './en.js';
import type { Lang } from './lang.js';

export { detectLang, earlyLang, LANGS, type Lang } from './lang.js';

/*
 * Each language's messages load only when that language is spoken: a run in English never loads
 * the Chinese catalog (about 70 KB of the code a start has to compile) and one in Chinese never
 * loads the English one. main.ts loads the language before anything is printed.
 */
const catalogs: Partial<Record<Lang, Messages>> = {};

export async function loadMessages(lang: Lang): Promise<void> {
  catalogs[lang] ??= lang === 'zh-CN' ? (await import('./zh-CN.js')).zhCN : (await import('./en.js')).en;
}

function messagesOf(lang: Lang): Messages {
  const messages = catalogs[lang];
  if (!messages) throw new Error(`the ${lang} messages are not loaded (loadMessages first)`);
  return messages;
}

export type Translate = ((key: MessageKey, params?: Readonly<Record<string, string | number>>) => string) & { readonly lang: Lang };

export function translator(lang: Lang): Translate {
  const messages = messagesOf(lang);
  const t = (key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  return Object.assign(t, { lang });
}

/** Whether a message exists for this key (every language has the same keys: test/core/i18n.test.ts). */
export function hasMessage(key: string): key is MessageKey {
  const loaded = catalogs.en ?? catalogs['zh-CN'];
  if (!loaded) throw new Error('no messages are loaded (loadMessages first)');
  return key in loaded;
}

export type { MessageKey } from './en.js';
