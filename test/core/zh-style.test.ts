import { describe, expect, it } from 'vitest';
import { catalogZhCN } from '../../src/i18n/catalog-zh-CN.js';
import { explainZhCN } from '../../src/i18n/explain-zh-CN.js';
import { translator } from '../../src/i18n/index.js';
import { zhCN } from '../../src/i18n/zh-CN.js';

/*
 * The Chinese messages' house style (issue #13): full-width punctuation in Chinese sentences, one
 * term for the API key (密钥), and one space between Chinese and Latin letters or digits. zhCN
 * includes the wizard's and the help's tables.
 */
const TABLES: Readonly<Record<string, Readonly<Record<string, string>>>> = { 'zh-CN': zhCN, 'catalog-zh-CN': catalogZhCN, 'explain-zh-CN': explainZhCN };
const entries = Object.entries(TABLES).flatMap(([table, messages]) => Object.entries(messages).map(([key, text]) => ({ at: `${table} ${key}`, key, text })));

const HAN = '\\u4e00-\\u9fff';
/** Han characters and CJK / full-width punctuation. */
const CJK = `${HAN}\\u3000-\\u303f\\uff00-\\uffef`;

/**
 * What is not Chinese prose, each replaced by a Latin letter: `code`, quoted names ("Failed to …",
 * “OpenAI API Key”), URLs and the IPv6 loopback ::1. A {placeholder} (or a literal shape such as
 * {type, provider, key}) becomes □, neither Chinese nor Latin: a placeholder is filled with a path
 * as often as with Chinese words.
 */
function prose(text: string): string {
  return text
    .replace(/`[^`]*`/g, 'X')
    .replace(/\{[^{}]*\}/g, '\u25a1')
    .replace(/"[^"]*"|“[^”]*”/g, 'X')
    .replace(/https?:\/\/\S+/g, 'X')
    .replace(/::1\b/g, 'X');
}

describe('zh-CN style', () => {
  it('has the tables it scans', () => {
    expect(entries.length).toBeGreaterThan(500);
  });

  it('uses full-width punctuation next to Chinese: no ASCII , : ; ( ) ? ! beside a Chinese character', () => {
    const ascii = new RegExp(`[${CJK}] ?[,:;()?!]|[,:;()?!] ?[${CJK}]`);
    expect(entries.filter((e) => ascii.test(prose(e.text))).map((e) => `${e.at}: ${e.text}`)).toEqual([]);
  });

  it('calls the API key 密钥, never "Key" or "API Key" (the guides quote other apps\' English field names)', () => {
    const english = /(?<![\w-])(?:API[ -]?)?[Kk]ey(?![\w-])/;
    expect(entries.filter((e) => !e.key.startsWith('guide.') && english.test(prose(e.text))).map((e) => `${e.at}: ${e.text}`)).toEqual([]);
    expect(entries.filter((e) => e.text.includes('密钥')).length).toBeGreaterThan(50);
  });

  it('puts one space between Chinese and Latin letters or digits, and none beside full-width punctuation', () => {
    const tight = new RegExp(`[${HAN}][A-Za-z0-9]|[A-Za-z0-9][${HAN}]`);
    const loose = /[^\S\n] *[，。：；、？！）」』]|[（，。：；、？！「『][^\S\n]/;
    const double = new RegExp(`[${HAN}] {2,}[A-Za-z0-9]|[A-Za-z0-9] {2,}[${HAN}]`);
    // Indented detail lines (a leading "  ") are layout, not spacing inside a sentence.
    const body = (text: string): string => prose(text).replace(/^ +/, '');
    expect(entries.filter((e) => tight.test(body(e.text)) || loose.test(body(e.text)) || double.test(body(e.text))).map((e) => `${e.at}: ${e.text}`)).toEqual([]);
  });

  it('joins words in a list with 、 in Chinese and ", " in English', () => {
    expect(translator('zh-CN')('list.separator')).toBe('、');
    expect(translator('en')('list.separator')).toBe(', ');
  });
});
