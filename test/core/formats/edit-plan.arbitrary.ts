/**
 * Random edit lists for the property tests. Specs are resolved against the value as it evolves,
 * so every edit targets something real ("set an existing key", "insert into an array", ...), and
 * the resolution records what each edit owns and how to undo it.
 */
import fc from 'fast-check';
import { applyEditsToValue, getAt, hasAt, isJsonObject } from '../../../src/core/formats/value.js';
import type { Edit, JsonValue, KeyPath, PathSegment } from '../../../src/core/formats/types.js';
import { editValue } from './config-text.arbitrary.js';

type SpecKind = 'setNew' | 'setExisting' | 'delete' | 'insert';

export interface EditSpec {
  readonly k: SpecKind;
  readonly pick: number;
  readonly key: number;
  readonly deep: number;
  readonly index: number;
  readonly value: JsonValue;
}

export interface EditPlan {
  readonly additive: boolean;
  readonly specs: readonly EditSpec[];
}

const NEW_KEYS = ['provider', 'env', 'baseUrl', 'with space', 'q"x', 'ünï', 'list', 'a', 'b', 'model'];

const spec: fc.Arbitrary<EditSpec> = fc.record({
  k: fc.constantFrom<SpecKind>('setNew', 'setNew', 'setExisting', 'delete', 'insert'),
  pick: fc.nat(60),
  key: fc.nat(NEW_KEYS.length - 1),
  deep: fc.nat(2),
  index: fc.nat(10),
  value: editValue,
});

export const editPlan: fc.Arbitrary<EditPlan> = fc.record({
  additive: fc.boolean(),
  specs: fc.array(spec, { minLength: 1, maxLength: 4 }),
});

export function allPaths(value: JsonValue, prefix: PathSegment[] = []): KeyPath[] {
  const paths: KeyPath[] = [prefix];
  if (Array.isArray(value)) value.forEach((item, i) => paths.push(...allPaths(item, [...prefix, i])));
  else if (isJsonObject(value)) for (const [key, item] of Object.entries(value)) paths.push(...allPaths(item, [...prefix, key]));
  return paths;
}

export function isPrefix(prefix: KeyPath, path: KeyPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => segment === path[i]);
}

export interface ResolvedPlan {
  readonly edits: Edit[];
  /** Undoes `edits` when they only added things. */
  readonly inverse: Edit[];
  /** What the edits may change: a set/deleted path, or a whole array whose indices shift. */
  readonly owned: KeyPath[];
  readonly replaced: KeyPath[];
  readonly deleted: KeyPath[];
  readonly churnedArrays: KeyPath[];
  /** True when every edit only adds (new keys, array inserts). */
  onlyAdds: boolean;
}

function firstMissing(state: JsonValue, path: KeyPath): number {
  for (let k = 1; k <= path.length; k++) if (!hasAt(state, path.slice(0, k))) return k;
  return path.length + 1;
}

/** The paths an edit at `path` creates, deepest first, for the undo list. */
function createdChain(state: JsonValue, path: KeyPath): KeyPath[] {
  const chain: KeyPath[] = [];
  for (let k = path.length; k >= firstMissing(state, path); k--) chain.push(path.slice(0, k));
  return chain;
}

export function resolvePlan(original: JsonValue, plan: EditPlan): ResolvedPlan {
  const resolved: ResolvedPlan = { edits: [], inverse: [], owned: [], replaced: [], deleted: [], churnedArrays: [], onlyAdds: true };
  const undo: Edit[][] = [];
  let state = original;
  for (const s of plan.specs) {
    const kind: SpecKind = plan.additive && (s.k === 'setExisting' || s.k === 'delete') ? 'setNew' : s.k;
    const paths = allPaths(state);
    const objects = paths.filter((p) => isJsonObject(getAt(state, p)));
    const base = objects[s.pick % objects.length] as KeyPath;
    const existing = paths.filter((p) => p.length > 0);
    let edit: Edit | undefined;
    if (kind === 'setNew') {
      const target = getAt(state, base) as { [key: string]: JsonValue };
      const key = [...NEW_KEYS.slice(s.key), ...NEW_KEYS.slice(0, s.key)].find((k) => !Object.hasOwn(target, k)) ?? 'fresh';
      const path = [...base, key, ...['deep1', 'deep2'].slice(0, s.deep)];
      edit = { op: 'set', path, value: s.value };
      undo.push(createdChain(state, path).map((p) => ({ op: 'delete', path: p })));
      resolved.owned.push(path);
    } else if (kind === 'setExisting' || kind === 'delete') {
      const path = existing[s.pick % Math.max(existing.length, 1)];
      if (path === undefined) continue;
      const parent = path.slice(0, -1);
      edit = kind === 'setExisting' ? { op: 'set', path, value: s.value } : { op: 'delete', path };
      resolved.onlyAdds = false;
      if (kind === 'setExisting') resolved.replaced.push(path);
      else if (Array.isArray(getAt(state, parent))) resolved.churnedArrays.push(parent);
      else resolved.deleted.push(path);
      resolved.owned.push(kind === 'delete' && Array.isArray(getAt(state, parent)) ? parent : path);
    } else {
      const arrays = paths.filter((p) => Array.isArray(getAt(state, p)));
      const fresh = [...base, 'list'];
      const choices = getAt(state, fresh) === undefined ? [...arrays, fresh] : arrays;
      const arrayPath = choices[s.pick % Math.max(choices.length, 1)];
      if (arrayPath === undefined) continue;
      const current = getAt(state, arrayPath);
      const index = Array.isArray(current) ? s.index % (current.length + 1) : 0;
      const path = [...arrayPath, index];
      edit = { op: 'insert', path, value: s.value };
      undo.push(Array.isArray(current) ? [{ op: 'delete', path }] : createdChain(state, arrayPath).map((p) => ({ op: 'delete', path: p })));
      resolved.churnedArrays.push(arrayPath);
      resolved.owned.push(arrayPath);
    }
    resolved.edits.push(edit);
    state = applyEditsToValue(state, [edit]);
  }
  resolved.inverse.push(...undo.reverse().flat());
  return resolved;
}
