import { isObject } from './adapters/edit-helpers.js';
import type { ProviderView } from './adapters/types.js';
import { classifyBaseUrl } from './catalog/index.js';
import type { HostFamily } from './catalog/types.js';
import { readerFor } from './formats/readers.js';
import type { Edit, FormatId, JsonValue, KeyPath } from './formats/types.js';
import { normalizeKey } from './keys.js';

/** Every path whose string value is this key (ignoring whitespace a paste may have added). */
export function keyPaths(value: JsonValue, secret: string, at: KeyPath = []): KeyPath[] {
  if (typeof value === 'string') return normalizeKey(value).value === secret ? [at] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => keyPaths(v, secret, [...at, i]));
  if (isObject(value)) return Object.entries(value).flatMap(([k, v]) => keyPaths(v, secret, [...at, k]));
  return [];
}

export interface KeyCopy {
  readonly path: string;
  readonly format: FormatId;
  readonly keyPaths: readonly KeyPath[];
}

/** Files that hold the old key, and where inside each. Unparseable files are skipped (doctor names them). */
export function findCopies(files: readonly { path: string; format: FormatId; text: string }[], secret: string): KeyCopy[] {
  const out: KeyCopy[] = [];
  for (const f of files) {
    if (!f.text.includes(secret)) continue;
    const parsed = readerFor(f.format)(f.text);
    if (!parsed.ok) continue;
    const paths = keyPaths(parsed.value, secret);
    if (paths.length > 0) out.push({ path: f.path, format: f.format, keyPaths: paths });
  }
  return out;
}

export function rotationEdits(copy: KeyCopy, newKey: string): Edit[] {
  return copy.keyPaths.map((path) => ({ op: 'set', path, value: newKey }));
}

export interface StoredKey {
  readonly value: string;
  readonly families: readonly HostFamily[];
  readonly tools: readonly string[];
}

/** The distinct keys the tools use now, with the plan families they serve. */
export function storedKeys(views: readonly ProviderView[]): StoredKey[] {
  const byValue = new Map<string, { families: Set<HostFamily>; tools: Set<string> }>();
  for (const v of views) {
    const value = v.key.value ? normalizeKey(v.key.value).value : '';
    if (!value) continue;
    const entry = byValue.get(value) ?? { families: new Set(), tools: new Set() };
    const family = classifyBaseUrl(v.baseUrl ?? '').family;
    if (family) entry.families.add(family);
    entry.tools.add(v.tool);
    byValue.set(value, entry);
  }
  return [...byValue].map(([value, e]) => ({ value, families: [...e.families], tools: [...e.tools] }));
}
