import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectLang } from '../../src/i18n/lang.js';

/** The locale a fresh Node process with exactly these variables gets from Intl (ICU). */
function intlLocale(env: Record<string, string>): string {
  return execFileSync(process.execPath, ['-p', 'Intl.DateTimeFormat().resolvedOptions().locale'], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  }).trim();
}

describe('language detection', () => {
  afterEach(() => vi.restoreAllMocks());

  // Off Windows, the language comes from the locale variables alone (Intl is not asked, to save
  // its start-up cost): that must be what Intl would have said, for every mix of variables.
  it.skipIf(process.platform === 'win32')('without Intl, the locale variables give what Intl would have on this system', () => {
    const cases: Record<string, string>[] = [
      {},
      { LANG: 'zh_CN.UTF-8' },
      { LANG: 'zh_TW.UTF-8' },
      { LANG: 'en_US.UTF-8' },
      { LANG: 'fr_FR.UTF-8' },
      { LANG: 'C' },
      { LANG: 'C.UTF-8' },
      { LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' },
      { LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' },
      { LC_MESSAGES: 'zh_CN.UTF-8' },
      { LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' },
      { LC_CTYPE: 'zh_CN.UTF-8' },
      { LC_TIME: 'zh_CN.UTF-8', LANG: 'de_DE.UTF-8' },
      { LANGUAGE: 'zh_CN' },
      { LC_ALL: 'fr_FR.UTF-8', LANG: 'zh_CN.UTF-8' },
      { LC_MESSAGES: 'de_DE.UTF-8', LANG: 'zh_CN.UTF-8' },
    ];
    for (const env of cases) {
      const fromIntl = detectLang(intlLocale(env), {}, 'linux');
      expect(detectLang(undefined, env, process.platform), JSON.stringify(env)).toBe(fromIntl);
    }
  });

  it('asks Intl only on Windows, and only when no locale variable is set', () => {
    const fromIntl = detectLang(Intl.DateTimeFormat().resolvedOptions().locale, {}, 'linux');
    const intl = vi.spyOn(Intl, 'DateTimeFormat');
    expect(detectLang(undefined, {}, 'linux')).toBe('en');
    expect(detectLang(undefined, {}, 'darwin')).toBe('en');
    expect(detectLang(undefined, { LANG: 'zh_CN.UTF-8' }, 'win32')).toBe('zh-CN');
    expect(intl).not.toHaveBeenCalled();
    expect(detectLang(undefined, {}, 'win32')).toBe(fromIntl);
    expect(intl).toHaveBeenCalledTimes(1);
  });

  it('the flag, then TP_SETUP_LANG, then LC_ALL, LC_MESSAGES and LANG decide, in that order', () => {
    expect(detectLang('zh-CN', { TP_SETUP_LANG: 'en', LANG: 'en_US.UTF-8' }, 'linux')).toBe('zh-CN');
    expect(detectLang(undefined, { TP_SETUP_LANG: 'zh-CN', LC_ALL: 'en_US.UTF-8' }, 'linux')).toBe('zh-CN');
    expect(detectLang(undefined, { LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }, 'win32')).toBe('en');
    expect(detectLang(undefined, { LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }, 'linux')).toBe('zh-CN');
    expect(detectLang(undefined, { LANG: 'fr_FR.UTF-8' }, 'linux')).toBe('en');
    // LC_ALL names a language tp-setup does not have: LANG is not consulted, as POSIX has it.
    expect(detectLang(undefined, { LC_ALL: 'fr_FR.UTF-8', LANG: 'zh_CN.UTF-8' }, 'linux')).toBe('en');
    expect(detectLang('en_US', { TP_SETUP_LANG: 'zh-CN' }, 'linux')).toBe('en');
  });
});
