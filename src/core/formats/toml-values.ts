/**
 * Values on their way into TOML text for the editor in toml.ts: what TOML cannot hold is refused,
 * edits are applied to @decimalturn/toml-patch's own parse (whose dates and big integers must stay
 * as they are), and rows this editor writes itself are printed in toml-patch's style.
 */
import { stringify as stringifyWithPatcher, type TomlFormat } from '@decimalturn/toml-patch';
import type { Eol } from './text.js';
import { formatPath, isJsonObject, type JsonObject } from './value.js';
import { EditError, type Edit, type JsonValue, type KeyPath } from './types.js';

// Rows of a section this editor writes itself, in the same style toml-patch writes values.
const ROW_FORMAT: Partial<TomlFormat> = { multilineTable: false, multilineArray: false, inlineTableStart: 0 };

const BARE_KEY = /^[A-Za-z0-9_-]+$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function basicString(value: string): string {
  return `"${value.replace(/[\\"\u0000-\u001f\u007f]/g, (ch) => {
    const short: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };
    return short[ch] ?? `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  })}"`;
}

export function tomlKey(key: string): string {
  return BARE_KEY.test(key) ? key : basicString(key);
}

/** TOML has no null, and its strings must be Unicode: refuse before anything is written. */
export function checkWritable(value: JsonValue, path: KeyPath): void {
  if (value === null) throw new EditError(`cannot write null at ${formatPath(path)}: TOML has no null`, path);
  if (typeof value === 'string' && LONE_SURROGATE.test(value)) {
    throw new EditError(`cannot write the string at ${formatPath(path)}: it is not valid Unicode`, path);
  }
  if (Array.isArray(value)) value.forEach((item, i) => checkWritable(item, [...path, i]));
  else if (isJsonObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (LONE_SURROGATE.test(key)) throw new EditError(`cannot write the key ${JSON.stringify(key)}: it is not valid Unicode`, path);
      checkWritable(child, [...path, key]);
    }
  }
}

export type Native = Record<string, unknown> | unknown[];

export function childOf(node: unknown, segment: string | number): unknown {
  if (node === null || typeof node !== 'object') return undefined;
  return Object.hasOwn(node, segment) ? (node as Record<string | number, unknown>)[segment] : undefined;
}

function assign(target: Native, segment: string | number, value: unknown): void {
  if (Array.isArray(target)) target[segment as number] = value;
  else Object.defineProperty(target, segment, { value, enumerable: true, writable: true, configurable: true });
}

export function toNative(value: JsonValue): unknown {
  if (Array.isArray(value)) return value.map(toNative);
  if (isJsonObject(value)) {
    const result: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) assign(result, key, toNative(child));
    return result;
  }
  return value;
}

/** The edit applied to toml-patch's own parse, whose dates and big integers must stay as they are. */
export function mutate(root: Native, edit: Edit): void {
  const setAt = (path: KeyPath, value: JsonValue): void => {
    let node: Native = root;
    for (let i = 0; i < path.length - 1; i++) {
      const segment = path[i] as string | number;
      let next = childOf(node, segment);
      if (next === undefined || next === null || typeof next !== 'object') {
        next = {};
        assign(node, segment, next);
      }
      node = next as Native;
    }
    assign(node, path[path.length - 1] as string | number, toNative(value));
  };
  const last = edit.path[edit.path.length - 1] as string | number;
  const parentPath = edit.path.slice(0, -1);
  const parent = parentPath.reduce<unknown>((node, segment) => childOf(node, segment), root);
  if (edit.op === 'set') {
    setAt(edit.path, edit.value);
  } else if (edit.op === 'insert') {
    if (Array.isArray(parent)) parent.splice(last as number, 0, toNative(edit.value));
    else setAt(parentPath, [edit.value]);
  } else if (Array.isArray(parent)) {
    parent.splice(last as number, 1);
  } else if (parent !== null && typeof parent === 'object') {
    delete (parent as Record<string, unknown>)[last as string];
  }
}

/** `key = value` rows; integers stay integers, and only what TOML integers cannot hold becomes a float. */
export function rows(table: JsonObject, eol: Eol): string {
  return stringifyWithPatcher(toNative(table), { ...ROW_FORMAT, newLine: eol }).replace(/(\r?\n)+$/, '');
}
