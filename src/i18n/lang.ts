/**
 * Which language to speak, without the message catalogs: the precomputed help (src/help.ts)
 * decides with this alone, so it loads no messages.
 */

export type Lang = 'en' | 'zh-CN';
export const LANGS: readonly Lang[] = ['en', 'zh-CN'];

type Env = Readonly<Record<string, string | undefined>>;

/** --lang, then TP_SETUP_LANG, then the system locale variables; anything Chinese → zh-CN. */
export function detectLang(flag: string | undefined, env: Env): Lang {
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

/**
 * The language before (or without) a successful parse, for `--help` and for errors: a
 * `--lang <lang>` or `--lang=<lang>` before `--`, then TP_SETUP_LANG and the locale (detectLang).
 */
export function earlyLang(argv: readonly string[], env: Env): Lang {
  const end = argv.indexOf('--');
  const tokens = end === -1 ? argv : argv.slice(0, end);
  let flag: string | undefined;
  tokens.forEach((token, i) => {
    if (token === '--lang') flag = tokens[i + 1];
    else if (token.startsWith('--lang=')) flag = token.slice('--lang='.length);
  });
  return detectLang(flag, env);
}
