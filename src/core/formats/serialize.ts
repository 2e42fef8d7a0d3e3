/** Turns values into text in a document's style. */
import { formatPath } from './value.js';
import { EditError, type JsonValue, type KeyPath } from './types.js';
import type { Quote, TextStyle } from './style.js';

/** 'pretty' spreads containers over lines; 'inline' keeps them on one line, for one-line neighbours. */
export type Layout = 'pretty' | 'inline';

const BARE_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
// Readers tokenise these as literals, so they stay quoted even where bare keys are the style.
const LITERAL_WORDS = new Set(['true', 'false', 'null', 'NaN', 'Infinity']);

export function quoteString(value: string, quote: Quote, json5: boolean): string {
  let text = JSON.stringify(value);
  // Not every JSON5 reader accepts raw line and paragraph separators inside strings.
  if (json5) text = text.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  if (quote === '"') return text;
  const inner = text.slice(1, -1).replace(/\\.|'/g, (match) => (match === '\\"' ? '"' : match === "'" ? "\\'" : match));
  return `'${inner}'`;
}

export function formatKey(key: string, style: TextStyle): string {
  if (style.bareKeys && BARE_KEY.test(key) && !LITERAL_WORDS.has(key)) return key;
  return quoteString(key, style.keyQuote, style.json5);
}

function formatNumber(value: number, style: TextStyle, path: KeyPath): string {
  if (Number.isFinite(value)) return JSON.stringify(value);
  if (!style.json5) throw new EditError(`cannot write ${String(value)} at ${formatPath(path)}: JSON has no such number`, path);
  return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
}

/**
 * `indent` is the indentation of the line the value starts on; nested lines go one unit deeper
 * than it, and a closing bracket lines up with it.
 */
export function formatValue(
  value: JsonValue,
  style: TextStyle,
  indent: string,
  layout: Layout,
  path: KeyPath = [],
): string {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return formatNumber(value, style, path);
  if (typeof value === 'string') return quoteString(value, style.stringQuote, style.json5);
  const inner = indent + style.unit;
  const parts = Array.isArray(value)
    ? value.map((item, i) => formatValue(item, style, inner, layout, [...path, i]))
    : Object.entries(value).map(
        ([key, item]) => formatKey(key, style) + style.colon + formatValue(item, style, inner, layout, [...path, key]),
      );
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (parts.length === 0) return open + close;
  if (layout === 'inline') return open + parts.join(', ') + close;
  const newline = style.eol;
  return open + newline + inner + parts.join(',' + newline + inner) + newline + indent + close;
}
