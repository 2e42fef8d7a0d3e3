import { deepEqual, getAt, hasAt } from '../formats/value.js';
import type { Edit, JsonValue, KeyPath } from '../formats/types.js';

/**
 * Edits are emitted only where they change something, so a second run with the same answers
 * plans nothing, backs nothing up and reports every file unchanged.
 */
export function setIfChanged(current: JsonValue, path: KeyPath, value: JsonValue): Edit[] {
  const existing = getAt(current, path);
  return existing !== undefined && hasAt(current, path) && deepEqual(existing, value)
    ? []
    : [{ op: 'set', path, value }];
}

export function deleteIfPresent(current: JsonValue, path: KeyPath): Edit[] {
  return hasAt(current, path) ? [{ op: 'delete', path }] : [];
}

export function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringAt(current: JsonValue, path: KeyPath): string | undefined {
  const v = getAt(current, path);
  return typeof v === 'string' ? v : undefined;
}
