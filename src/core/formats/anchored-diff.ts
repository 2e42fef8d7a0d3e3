/**
 * A line diff that stays near-linear on large files. Myers' algorithm (the `diff` package) costs
 * O((N + M) · D): fine for configs, slow when a printer reformats thousands of lines of a
 * megabyte file. Here the lines that occur exactly once in both texts anchor the comparison
 * (patience diff, https://bramcohen.livejournal.com/73318.html); the longest run of anchors in
 * the same order splits the texts into small gaps, and only those gaps go through Myers.
 */
import { diffArrays } from 'diff';

export interface LineChange {
  readonly value: string[];
  readonly added?: boolean;
  readonly removed?: boolean;
}

/** Below this many lines in a gap, Myers is fast whatever the difference. */
const SMALL = 2_000;

function push(out: LineChange[], change: LineChange): void {
  if (change.value.length === 0) return;
  const last = out[out.length - 1];
  if (last && Boolean(last.added) === Boolean(change.added) && Boolean(last.removed) === Boolean(change.removed)) last.value.push(...change.value);
  else out.push({ ...change, value: [...change.value] });
}

/** Indices of a longest strictly increasing subsequence of `values` (patience sorting, O(n log n)). */
function longestIncreasing(values: readonly number[]): number[] {
  const tails: number[] = [];
  const prev = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < values[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const out: number[] = [];
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) out.push(i);
  return out.reverse();
}

function gap(a: readonly string[], b: readonly string[], out: LineChange[]): void {
  if (a.length + b.length <= SMALL) {
    for (const c of diffArrays(a as string[], b as string[])) push(out, { value: c.value, ...(c.added ? { added: true } : {}), ...(c.removed ? { removed: true } : {}) });
    return;
  }
  anchored(a, b, out);
}

function anchored(a: readonly string[], b: readonly string[], out: LineChange[]): void {
  // Common head and tail first: most of a file is untouched.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  push(out, { value: a.slice(0, head) as string[] });
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);

  const count = new Map<string, { a: number; b: number; ai: number; bi: number }>();
  midA.forEach((line, i) => {
    const c = count.get(line) ?? { a: 0, b: 0, ai: -1, bi: -1 };
    c.a++;
    c.ai = i;
    count.set(line, c);
  });
  midB.forEach((line, i) => {
    const c = count.get(line);
    if (!c) return;
    c.b++;
    c.bi = i;
  });
  const pairs = [...count.values()].filter((c) => c.a === 1 && c.b === 1).sort((x, y) => x.ai - y.ai);
  const chain = longestIncreasing(pairs.map((p) => p.bi)).map((i) => pairs[i]!);
  if (chain.length === 0) {
    // Nothing to anchor on: one replacement, still correct, never quadratic.
    push(out, { value: midA as string[], removed: true });
    push(out, { value: midB as string[], added: true });
  } else {
    let ai = 0;
    let bi = 0;
    for (const p of chain) {
      gap(midA.slice(ai, p.ai), midB.slice(bi, p.bi), out);
      push(out, { value: [midA[p.ai]!] });
      ai = p.ai + 1;
      bi = p.bi + 1;
    }
    gap(midA.slice(ai), midB.slice(bi), out);
  }
  push(out, { value: a.slice(a.length - tail) as string[] });
}

/** The changes turning `a` into `b`, in the shape of the `diff` package's `diffArrays`. */
export function diffLines(a: readonly string[], b: readonly string[]): LineChange[] {
  const out: LineChange[] = [];
  gap(a, b, out);
  return out;
}
