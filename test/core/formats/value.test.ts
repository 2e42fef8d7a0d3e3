import { describe, expect, it } from 'vitest';
import { applyEditsToValue, deepEqual, firstDifference, formatPath, getAt, hasAt } from '../../../src/core/formats/value.js';
import { EditError, type JsonValue } from '../../../src/core/formats/types.js';

describe('applyEditsToValue: set', () => {
  it('replaces an existing value and keeps the rest', () => {
    expect(applyEditsToValue({ a: 1, b: { c: 2 } }, [{ op: 'set', path: ['b', 'c'], value: [3] }])).toEqual({ a: 1, b: { c: [3] } });
  });

  it('creates missing parent objects', () => {
    expect(applyEditsToValue({ a: 1 }, [{ op: 'set', path: ['x', 'y', 'z'], value: true }])).toEqual({ a: 1, x: { y: { z: true } } });
  });

  it('sets an existing array element', () => {
    expect(applyEditsToValue({ l: [1, 2] }, [{ op: 'set', path: ['l', 1], value: 'two' }])).toEqual({ l: [1, 'two'] });
  });

  it('replaces the root for an empty path', () => {
    expect(applyEditsToValue({ a: 1 }, [{ op: 'set', path: [], value: [1] }])).toEqual([1]);
  });

  it.each([
    [{ a: 1 }, ['a', 'b'], /a is a number/],
    [{ a: null }, ['a', 'b'], /a is null/],
    [{ l: [1] }, ['l', 1], /no element 1/],
    [{ l: [1] }, ['l', 'x'], /no element x/],
    [{ o: {} }, ['o', 0], /is an object, not an array/],
    [{}, ['x', 0, 'y'], /a missing parent would be an array/],
  ])('rejects set on %j at %j', (value, path, message) => {
    expect(() => applyEditsToValue(value as JsonValue, [{ op: 'set', path, value: 1 }])).toThrow(message);
    expect(() => applyEditsToValue(value as JsonValue, [{ op: 'set', path, value: 1 }])).toThrow(EditError);
  });
});

describe('applyEditsToValue: delete', () => {
  it('removes keys and array elements', () => {
    expect(applyEditsToValue({ a: 1, b: [1, 2, 3] }, [{ op: 'delete', path: ['a'] }, { op: 'delete', path: ['b', 1] }])).toEqual({ b: [1, 3] });
  });

  it('ignores absent paths, including paths through scalars', () => {
    const value = { a: 1, l: [1] };
    for (const path of [['x'], ['a', 'b'], ['l', 5], ['l', 'x'], ['x', 'y', 'z']]) {
      expect(applyEditsToValue(value, [{ op: 'delete', path }])).toEqual(value);
    }
  });

  it('refuses to delete the root', () => {
    expect(() => applyEditsToValue({}, [{ op: 'delete', path: [] }])).toThrow(EditError);
  });
});

describe('applyEditsToValue: insert', () => {
  it('prepends, inserts in the middle and appends', () => {
    const edits = [
      { op: 'insert', path: ['l', 0], value: 0 },
      { op: 'insert', path: ['l', 2], value: 1.5 },
      { op: 'insert', path: ['l', 4], value: 3 },
    ] as const;
    expect(applyEditsToValue({ l: [1, 2] }, edits)).toEqual({ l: [0, 1, 1.5, 2, 3] });
  });

  it('creates a missing array and its parents', () => {
    expect(applyEditsToValue({}, [{ op: 'insert', path: ['a', 'b', 0], value: 'x' }])).toEqual({ a: { b: ['x'] } });
  });

  it.each([
    [{ l: [1] }, ['l', 2], /the array has 1 elements/],
    [{}, ['l', 1], /does not exist yet/],
    [{ l: {} }, ['l', 0], /l is an object/],
    [{ l: [] }, ['l', -1], /must be an array index/],
    [{ l: [] }, ['l', 'x'], /must be an array index/],
  ])('rejects insert into %j at %j', (value, path, message) => {
    expect(() => applyEditsToValue(value as JsonValue, [{ op: 'insert', path, value: 1 }])).toThrow(message);
  });
});

describe('applyEditsToValue: safety', () => {
  it('works on a deep clone and never shares the edit value', () => {
    const original = { a: { b: [1] } };
    const inserted = { deep: [1] };
    const result = applyEditsToValue(original, [{ op: 'set', path: ['a', 'c'], value: inserted }]);
    (result as { a: { c: { deep: number[] } } }).a.c.deep.push(2);
    expect(original).toEqual({ a: { b: [1] } });
    expect(inserted).toEqual({ deep: [1] });
  });

  it('keeps "__proto__" as an own key instead of changing the prototype', () => {
    const result = applyEditsToValue({}, [{ op: 'set', path: ['__proto__', 'polluted'], value: true }]) as object;
    expect(Object.keys(result)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});

describe('getAt / hasAt', () => {
  const value = { a: { b: [10, { c: null }] } };

  it('follows keys and indices', () => {
    expect(getAt(value, ['a', 'b', 1, 'c'])).toBeNull();
    expect(getAt(value, ['a', 'b', 0])).toBe(10);
    expect(getAt(value, [])).toBe(value);
    expect(hasAt(value, ['a', 'b', 1, 'c'])).toBe(true);
  });

  it('returns undefined for missing or mistyped segments', () => {
    for (const path of [['x'], ['a', 'b', 2], ['a', 'b', '0'], ['a', 0], ['a', 'b', 0, 'x'], ['toString']]) {
      expect(getAt(value, path)).toBeUndefined();
      expect(hasAt(value, path)).toBe(false);
    }
  });
});

describe('deepEqual / firstDifference', () => {
  it('ignores key order but not array order', () => {
    expect(deepEqual({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 })).toBe(true);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
  });

  it('tells arrays, objects, null and scalars apart', () => {
    expect(deepEqual([], {})).toBe(false);
    expect(deepEqual(null, {})).toBe(false);
    expect(deepEqual('1', 1)).toBe(false);
    expect(deepEqual({ a: undefined as unknown as JsonValue }, {})).toBe(false);
  });

  it('treats NaN as equal to itself', () => {
    expect(deepEqual({ a: NaN }, { a: NaN })).toBe(true);
  });

  it('names the first differing path', () => {
    expect(firstDifference({ a: { b: [1, 2] } }, { a: { b: [1, 3] } })).toEqual(['a', 'b', 1]);
    expect(firstDifference({ a: 1 }, { a: 1, z: 0 })).toEqual(['z']);
    expect(firstDifference([1], [1, 2])).toEqual([1]);
    expect(firstDifference({ a: 1 }, { a: 1 })).toBeUndefined();
  });
});

describe('formatPath', () => {
  it('writes readable paths', () => {
    expect(formatPath([])).toBe('(root)');
    expect(formatPath(['mcp', 'servers', 'my-server', 'args', 0])).toBe('mcp.servers.my-server.args[0]');
    expect(formatPath(['a b', 'c'])).toBe('"a b".c');
  });
});
