/**
 * Sizes: every editor stays near-linear below
 * MAX_CONFIG_BYTES. A time bound alone would be flaky on a loaded two-core machine, so each format
 * is timed on a file and on one four times its size, best of several runs, and four times the size
 * must take less than eight times as long: a linear editor takes about four, a quadratic step
 * sixteen, so the bound holds with room for a loaded machine's noise on either side (a ratio of two
 * sizes left too little: 3.2× was once measured for a linear editor against a bound of 3×).
 * `npm run bench` measures 5 MB.
 */
import { describe, expect, it } from 'vitest';
import { editorFor } from '../../src/core/formats/index.js';
import { patchText } from '../../src/core/formats/patch.js';
import { largeConfig, largeConfigEdits, SIZED_FORMATS } from './large-configs.js';

const BASE_BYTES = 80_000;
const RUNS = 3;
// Below this, timer noise and garbage collection dominate a run; the ratio then means nothing.
const FLOOR_MS = 40;

function bestOf(text: string, format: (typeof SIZED_FORMATS)[number]): number {
  let best = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const result = patchText(editorFor(format), text, largeConfigEdits(format));
    best = Math.min(best, performance.now() - started);
    expect(result.changed).toBe(true);
  }
  return best;
}

describe('editors scale near-linearly with file size', () => {
  for (const format of SIZED_FORMATS) {
    it(`${format}: four times the size takes less than eight times as long`, () => {
      const small = largeConfig(format, BASE_BYTES);
      const large = largeConfig(format, 4 * BASE_BYTES);
      bestOf(small, format);
      // Interleaved, so that a burst of load on the machine hits both sizes alike.
      let t1 = Infinity;
      let t2 = Infinity;
      for (let round = 0; round < 2; round++) {
        t1 = Math.min(t1, bestOf(small, format));
        t2 = Math.min(t2, bestOf(large, format));
      }
      expect(t2, `${format}: ${t1.toFixed(0)} ms → ${t2.toFixed(0)} ms`).toBeLessThan(8 * Math.max(t1, FLOOR_MS));
    }, 60_000);
  }
});
