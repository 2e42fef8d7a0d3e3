import fc from 'fast-check';
import { diffArrays } from 'diff';
import { describe, expect, it } from 'vitest';
import { diffLines, type LineChange } from '../../../src/core/formats/anchored-diff.js';

const side = (changes: readonly LineChange[], keep: 'a' | 'b'): string[] =>
  changes.flatMap((c) => ((keep === 'a' ? !c.added : !c.removed) ? c.value : []));

/** Line lists where most lines repeat from a small alphabet, as config lines do. */
const lines = (max: number) => fc.array(fc.constantFrom('a:\n', '  b: 1\n', '  - x\n', '# note\n', '\n', 'c: "d"\n', 'e: 2\n'), { maxLength: max });

describe('anchored line diff', () => {
  it('is an edit script from a to b, and equals Myers on small inputs (2,000 runs)', () => {
    fc.assert(
      fc.property(lines(60), lines(60), (a, b) => {
        const changes = diffLines(a, b);
        expect(side(changes, 'a')).toEqual(a);
        expect(side(changes, 'b')).toEqual(b);
        expect(changes.map((c) => [c.value.length, Boolean(c.added), Boolean(c.removed)])).toEqual(
          diffArrays(a, b).map((c) => [c.value.length, Boolean(c.added), Boolean(c.removed)]),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('on large inputs every change is still exact, and unique lines anchor the result (200 runs)', () => {
    const big = fc.array(fc.nat({ max: 3 }), { minLength: 3000, maxLength: 4000 });
    fc.assert(
      fc.property(big, fc.array(fc.nat({ max: 3999 }), { maxLength: 40 }), (kinds, touched) => {
        // Every third line is unique (a key), the rest repeat; the "printer" rewrites some lines.
        const a = kinds.map((k, i) => (i % 3 === 0 ? `key${i}:\n` : `  - v${k}\n`));
        const b = a.map((line, i) => (touched.includes(i) && i % 3 !== 0 ? `  - "v${i}"\n` : line));
        const changes = diffLines(a, b);
        expect(side(changes, 'a')).toEqual(a);
        expect(side(changes, 'b')).toEqual(b);
        const changed = changes.filter((c) => c.added).reduce((n, c) => n + c.value.length, 0);
        expect(changed).toBeLessThanOrEqual(new Set(touched.filter((i) => i < a.length && i % 3 !== 0 && a[i] !== b[i])).size);
      }),
      { numRuns: 200 },
    );
  });
});
