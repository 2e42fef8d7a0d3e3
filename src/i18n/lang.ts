/**
 * Which language to speak, without the message catalogs: the precomputed help (src/help.ts)
 * decides with this alone, so it loads no messages.
 */

export type Lang = 'en' | 'zh-CN';
export const LANGS: readonly Lang[] = ['en', 'zh-CN'];

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The system's language where only Intl knows it. On Windows, Node's ICU reads the user's
 * language setting. On Linux and macOS it reads only the variables detectLang has already looked
 * at (LC_ALL, LC_MESSAGES, LANG; https://github.com/nodejs/node/issues/23301), so asking adds
 * nothing there, while building the first Intl formatter costs some 24 ms at every start.
 */
function systemLocale(platform: string): string | undefined {
  return platform === 'win32' ? Intl.DateTimeFormat().resolvedOptions().locale : undefined;
}

/**
 * --lang, then TP_SETUP_LANG, then the system's locale: the first of LC_ALL, LC_MESSAGES and LANG
 * that is set decides, as it does for every POSIX program (a later one is not consulted when an
 * earlier one names a language tp-setup does not have). Anything Chinese → zh-CN, the rest → en.
 */
export function detectLang(flag: string | undefined, env: Env, platform: string = process.platform): Lang {
  const pick = (v: string | undefined): Lang | undefined => {
    if (!v) return undefined;
    if (/^zh/i.test(v)) return 'zh-CN';
    if (/^(en|c|posix)(?![a-z0-9])/i.test(v)) return 'en';
    return undefined;
  };
  const system = env.LC_ALL || env.LC_MESSAGES || env.LANG || systemLocale(platform);
  return pick(flag) ?? pick(env.TP_SETUP_LANG) ?? (system && /^zh/i.test(system) ? 'zh-CN' : 'en');
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
