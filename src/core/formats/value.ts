/**
 * The plain-value model of a config file. Every editor is checked against it: after a patch the
 * re-parsed file must equal `applyEditsToValue(before, edits)`.
 */
import { EditError, type Edit, type JsonValue, type KeyPath, type PathSegment } from './types.js';

export type JsonObject = { [key: string]: JsonValue };

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}


/** A parser's output as JSON data: dates as their ISO text, big integers as the nearest number, undefined as null. */
export function toJsonValue(value: unknown): JsonValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === 'object') {
    const result: JsonObject = {};
    for (const [key, child] of Object.entries(value)) setOwn(result, key, toJsonValue(child));
    return result;
  }
  return value as JsonValue;
}
/** Adds or replaces an own key. A plain assignment of "__proto__" would swap the prototype instead. */
export function setOwn(target: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

export function cloneValue(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(cloneValue);
  if (isJsonObject(value)) {
    const copy: JsonObject = {};
    for (const [key, child] of Object.entries(value)) setOwn(copy, key, cloneValue(child));
    return copy;
  }
  return value;
}

function childOf(value: JsonValue | undefined, segment: PathSegment): JsonValue | undefined {
  if (typeof segment === 'string') {
    return isJsonObject(value) && Object.hasOwn(value, segment) ? value[segment] : undefined;
  }
  return Array.isArray(value) && Number.isInteger(segment) && segment >= 0 ? value[segment] : undefined;
}

export function getAt(value: JsonValue, path: KeyPath): JsonValue | undefined {
  let current: JsonValue | undefined = value;
  for (const segment of path) {
    current = childOf(current, segment);
    if (current === undefined) return undefined;
  }
  return current;
}

export function hasAt(value: JsonValue, path: KeyPath): boolean {
  return getAt(value, path) !== undefined;
}

/** `a.b[2]."odd key"`, for messages. */
export function formatPath(path: KeyPath): string {
  if (path.length === 0) return '(root)';
  return path
    .map((segment, i) => {
      if (typeof segment === 'number') return `[${segment}]`;
      const plain = /^[A-Za-z_$][\w$-]*$/.test(segment) ? segment : JSON.stringify(segment);
      return i === 0 ? plain : `.${plain}`;
    })
    .join('');
}

function describe(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Wraps `value` in objects keyed by `keys`; set only ever creates objects, never arrays. */
export function nestUnder(keys: KeyPath, value: JsonValue, fullPath: KeyPath): JsonValue {
  let result = cloneValue(value);
  for (let i = keys.length - 1; i >= 0; i--) {
    const key = keys[i];
    if (typeof key !== 'string') {
      throw new EditError(`cannot create ${formatPath(fullPath)}: a missing parent would be an array`, fullPath);
    }
    const wrapper: JsonObject = {};
    setOwn(wrapper, key, result);
    result = wrapper;
  }
  return result;
}

/** A copy of the container itself; its children are shared. */
function shallowCopy(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.slice();
  if (isJsonObject(value)) {
    const copy: JsonObject = {};
    for (const key of Object.keys(value)) setOwn(copy, key, value[key] as JsonValue);
    return copy;
  }
  return value;
}

/**
 * `root` with the containers along `path` copied (as far as they exist), and those copies: the
 * edit then changes only the copies, so an edit costs the depth of its path, not the size of
 * the document, and the input is never changed. Untouched subtrees are shared with the input.
 */
function copyAlong(root: JsonValue, path: KeyPath): JsonValue[] {
  const chain = [shallowCopy(root)];
  for (const segment of path) {
    const parent = chain[chain.length - 1] as JsonValue;
    const child = childOf(parent, segment);
    if (child === undefined || child === null || typeof child !== 'object') break;
    const copy = shallowCopy(child);
    if (Array.isArray(parent)) parent[segment as number] = copy;
    else setOwn(parent as JsonObject, segment as string, copy);
    chain.push(copy);
  }
  return chain;
}

function setIn(original: JsonValue, path: KeyPath, value: JsonValue): JsonValue {
  if (path.length === 0) return cloneValue(value);
  const chain = copyAlong(original, path.slice(0, -1));
  const root = chain[0] as JsonValue;
  let parent: JsonValue = root;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i] as PathSegment;
    const isLast = i === path.length - 1;
    const here = path.slice(0, i);
    if (isJsonObject(parent)) {
      if (typeof segment !== 'string') {
        throw new EditError(`cannot set ${formatPath(path)}: ${formatPath(here)} is an object, not an array`, path);
      }
      const existing: JsonValue | undefined = Object.hasOwn(parent, segment) ? parent[segment] : undefined;
      if (isLast || existing === undefined) {
        setOwn(parent, segment, nestUnder(path.slice(i + 1), value, path));
        return root;
      }
      parent = existing;
    } else if (Array.isArray(parent)) {
      if (typeof segment !== 'number' || !Number.isInteger(segment) || segment < 0 || segment >= parent.length) {
        throw new EditError(`cannot set ${formatPath(path)}: no element ${String(segment)} in ${formatPath(here)}`, path);
      }
      if (isLast) {
        parent[segment] = cloneValue(value);
        return root;
      }
      parent = parent[segment] as JsonValue;
    } else {
      throw new EditError(`cannot set ${formatPath(path)}: ${formatPath(here)} is ${describe(parent)}`, path);
    }
  }
  return root;
}

function deleteIn(original: JsonValue, path: KeyPath): JsonValue {
  if (path.length === 0) throw new EditError('cannot delete the whole document', path);
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1] as PathSegment;
  const found = getAt(original, parentPath);
  const present =
    (typeof last === 'string' && isJsonObject(found) && Object.hasOwn(found, last)) ||
    (typeof last === 'number' && Array.isArray(found) && childOf(found, last) !== undefined);
  if (!present) return original;
  const chain = copyAlong(original, parentPath);
  const parent = chain[chain.length - 1] as JsonValue;
  if (typeof last === 'string' && isJsonObject(parent)) delete parent[last];
  else if (typeof last === 'number' && Array.isArray(parent)) parent.splice(last, 1);
  return chain[0] as JsonValue;
}

function insertIn(original: JsonValue, path: KeyPath, value: JsonValue): JsonValue {
  const index = path[path.length - 1];
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) {
    throw new EditError(`cannot insert at ${formatPath(path)}: the last segment must be an array index`, path);
  }
  const arrayPath = path.slice(0, -1);
  const target = getAt(original, arrayPath);
  if (target === undefined) {
    if (index !== 0) {
      throw new EditError(`cannot insert at ${formatPath(path)}: ${formatPath(arrayPath)} does not exist yet`, path);
    }
    return setIn(original, arrayPath, [value]);
  }
  if (!Array.isArray(target)) {
    throw new EditError(`cannot insert at ${formatPath(path)}: ${formatPath(arrayPath)} is ${describe(target)}`, path);
  }
  if (index > target.length) {
    throw new EditError(`cannot insert at ${formatPath(path)}: the array has ${target.length} elements`, path);
  }
  const chain = copyAlong(original, arrayPath);
  (chain[chain.length - 1] as JsonValue[]).splice(index, 0, cloneValue(value));
  return chain[0] as JsonValue;
}

/** The value after the edit. The input is left as it is; the result shares what the edit did not touch. */
export function applyEdit(value: JsonValue, edit: Edit): JsonValue {
  switch (edit.op) {
    case 'set':
      return setIn(value, edit.path, edit.value);
    case 'delete':
      return deleteIn(value, edit.path);
    case 'insert':
      return insertIn(value, edit.path, edit.value);
  }
}

export function applyEditsToValue(value: JsonValue, edits: readonly Edit[]): JsonValue {
  let result = value;
  for (const edit of edits) result = applyEdit(result, edit);
  return result;
}

/** Path of the first place where `a` and `b` differ, or undefined when they are equal. */
export function firstDifference(a: JsonValue, b: JsonValue, path: PathSegment[] = []): KeyPath | undefined {
  // Edits share what they leave alone, so the same container is equal without a walk.
  if (a === b) return undefined;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return path;
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const left = a[i];
      const right = b[i];
      if (left === undefined || right === undefined) return [...path, i];
      const found = firstDifference(left, right, [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (isJsonObject(a) || isJsonObject(b)) {
    if (!isJsonObject(a) || !isJsonObject(b)) return path;
    for (const key of Object.keys(a)) {
      if (!Object.hasOwn(b, key)) return [...path, key];
      const found = firstDifference(a[key] as JsonValue, b[key] as JsonValue, [...path, key]);
      if (found) return found;
    }
    for (const key of Object.keys(b)) if (!Object.hasOwn(a, key)) return [...path, key];
    return undefined;
  }
  // JSON5 files may hold NaN, which must still compare equal to itself.
  const same = a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b));
  return same ? undefined : path;
}

export function deepEqual(a: JsonValue, b: JsonValue): boolean {
  return firstDifference(a, b) === undefined;
}
