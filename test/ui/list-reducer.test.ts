import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initList, listReducer, type ListAction, type ListState } from '../../src/ui/list-reducer.js';

const run = (s: ListState, ...actions: ListAction['type'][]): ListState => actions.reduce((acc, type) => listReducer(acc, { type } as ListAction), s);

describe('initList', () => {
  it('starts on the given row, clamped to the list', () => {
    expect(initList(5, 2, 10).focus).toBe(2);
    expect(initList(5, 9, 10).focus).toBe(4);
    expect(initList(5, -3, 10).focus).toBe(0);
  });

  it('never shows more rows than there are, and at least one', () => {
    expect(initList(3, 0, 8).visible).toBe(3);
    expect(initList(20, 0, 8).visible).toBe(8);
    expect(initList(5, 0, 0).visible).toBe(1);
  });

  it('scrolls so a default far down the list is on screen', () => {
    const s = initList(20, 15, 5);
    expect(s.top).toBe(11);
    expect(s.focus).toBeGreaterThanOrEqual(s.top);
    expect(s.focus).toBeLessThan(s.top + s.visible);
  });

  it('ticks the given rows only, one flag per row', () => {
    expect(initList(4, 0, 4, [true, false, true]).ticked).toEqual([true, false, true, false]);
  });
});

describe('listReducer', () => {
  it('moves down and up', () => {
    const s = initList(4, 0, 4);
    expect(run(s, 'down').focus).toBe(1);
    expect(run(s, 'down', 'down', 'up').focus).toBe(1);
  });

  it('wraps around at both ends', () => {
    const s = initList(4, 0, 4);
    expect(run(s, 'up').focus).toBe(3);
    expect(run(s, 'up', 'down').focus).toBe(0);
    expect(run(initList(4, 3, 4), 'down').focus).toBe(0);
  });

  it('moves the window as little as possible and follows a wrap', () => {
    let s = initList(10, 0, 3);
    s = run(s, 'down', 'down');
    expect(s.top).toBe(0);
    s = run(s, 'down');
    expect([s.focus, s.top]).toEqual([3, 1]);
    s = run(s, 'up', 'up');
    expect([s.focus, s.top]).toEqual([1, 1]);
    s = run(s, 'up');
    expect([s.focus, s.top]).toEqual([0, 0]);
    s = run(s, 'up');
    expect([s.focus, s.top]).toEqual([9, 7]);
    s = run(s, 'down');
    expect([s.focus, s.top]).toEqual([0, 0]);
  });

  it('home goes to the first row and the top of the list', () => {
    const s = run(initList(10, 8, 3), 'home');
    expect([s.focus, s.top]).toEqual([0, 0]);
  });

  it('toggle flips only the focused row', () => {
    const s = run(initList(3, 0, 3, [false, true, false]), 'down', 'toggle', 'down', 'toggle');
    expect(s.ticked).toEqual([false, false, true]);
    expect(run(s, 'toggle').ticked).toEqual([false, false, false]);
  });

  it('an empty list ignores every key', () => {
    const s = initList(0, 0, 5);
    for (const type of ['up', 'down', 'toggle', 'home'] as const) expect(listReducer(s, { type })).toBe(s);
  });

  it('property: focus stays in the list and on screen, the window stays inside the list', () => {
    const action = fc.constantFrom<ListAction['type']>('up', 'down', 'toggle', 'home');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 12 }), fc.array(action, { maxLength: 60 }), (count, focus, visible, actions) => {
        const s = run(initList(count, focus, visible), ...actions);
        expect(s.focus).toBeGreaterThanOrEqual(0);
        expect(s.focus).toBeLessThan(count);
        expect(s.top).toBeGreaterThanOrEqual(0);
        expect(s.top + s.visible).toBeLessThanOrEqual(count);
        expect(s.focus).toBeGreaterThanOrEqual(s.top);
        expect(s.focus).toBeLessThan(s.top + s.visible);
        expect(s.ticked).toHaveLength(count);
        // Ticks change only by toggling: with no toggle, none is set.
        if (!actions.includes('toggle')) expect(s.ticked.every((x) => !x)).toBe(true);
      }),
    );
  });
});
