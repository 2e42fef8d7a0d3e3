/**
 * The modules under src/ import one another without cycles. Every relative module reference
 * counts: `import`, `import type`, `export … from`, `import x = require(…)`, `import('…')` and
 * `typeof import('…')`; a `.js` specifier stands for the `.ts` or `.tsx` source beside it. Even a
 * type-only cycle ties the modules together: neither can be moved or read without the other.
 *
 * Specifiers are read from TypeScript's own syntax tree, so strings and comments that look like
 * imports are not taken for them:
 * https://github.com/microsoft/TypeScript/wiki/Using-the-Compiler-API
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleSpecifiers, sourceFiles } from '../helpers/sources.js';

/** At most this many cycles are listed, and the search through one knot of modules stops after this many steps. */
const MAX_CYCLES = 100;
const MAX_STEPS = 200_000;

/** The source file a relative specifier names, or undefined for a package or a file that is no module here. */
function resolve(from: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const stem = target.replace(/\.(m|c)?jsx?$/, '');
  const sourceExt = (ext: string) => ext.replace('js', 'ts');
  const ext = /\.(m|c)?jsx?$/.exec(target)?.[0];
  const candidates = ext
    ? [stem + sourceExt(ext), ...(ext === '.js' ? [`${stem}.tsx`] : []), target]
    : [target, `${target}.ts`, `${target}.tsx`, `${target}/index.ts`, `${target}/index.tsx`];
  return candidates.find((candidate) => files.has(candidate));
}

type Graph = ReadonlyMap<string, readonly string[]>;

/** Each file's imports of other files under src/, from the files' text. */
function importGraph(files: ReadonlyMap<string, string>): Graph {
  const names = new Set(files.keys());
  const graph = new Map<string, string[]>();
  for (const [file, text] of files) {
    const targets = moduleSpecifiers(file, text).map((specifier) => resolve(file, specifier, names));
    graph.set(file, [...new Set(targets.filter((target): target is string => target !== undefined))].sort());
  }
  return graph;
}

/** Strongly connected components (Tarjan): sets of modules that all reach one another. */
function knots(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const connect = (node: string): void => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        connect(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    const selfLoop = component.length === 1 && (graph.get(node) ?? []).includes(node);
    if (component.length > 1 || selfLoop) out.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) connect(node);
  return out.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

/**
 * Every elementary cycle, each once: it starts at its first module in sort order, and the search
 * stays inside that module's knot. Returns the cycles and whether the search was cut short.
 */
function findCycles(graph: Graph): { cycles: string[][]; cut: boolean } {
  const cycles: string[][] = [];
  let cut = false;
  for (const knot of knots(graph)) {
    const members = new Set(knot);
    let steps = 0;
    for (const [rank, start] of knot.entries()) {
      const later = new Set(knot.slice(rank + 1));
      const trail = [start];
      const walk = (node: string): void => {
        for (const to of graph.get(node) ?? []) {
          if (cycles.length >= MAX_CYCLES || ++steps > MAX_STEPS) {
            cut = true;
            return;
          }
          if (to === start) cycles.push([...trail, start]);
          else if (members.has(to) && later.has(to) && !trail.includes(to)) {
            trail.push(to);
            walk(to);
            trail.pop();
          }
        }
      };
      walk(start);
    }
  }
  return { cycles, cut };
}

function describeCycles(graph: Graph): string[] {
  const { cycles, cut } = findCycles(graph);
  const lines = cycles.map((cycle) => cycle.join(' → '));
  if (cut) lines.push(`… and more: the search stopped after ${MAX_CYCLES} cycles or ${MAX_STEPS} steps in one knot`);
  return lines;
}

describe('src/ has no import cycles', () => {
  it('no module reaches itself through its imports', async () => {
    const graph = importGraph(await sourceFiles());
    const edges = [...graph.values()].reduce((n, targets) => n + targets.length, 0);
    // A graph this small would mean the specifiers were not resolved.
    expect(graph.size).toBeGreaterThan(50);
    expect(edges).toBeGreaterThan(graph.size);
    expect(describeCycles(graph), 'break each cycle: move what both sides need into a module of its own').toEqual([]);
  });

  it('the check reads every kind of module reference, and nothing else', () => {
    const text = [
      "import a from './a.js';",
      "import type { B } from './b.js';",
      "import { type C } from '../c.js';",
      "export { d } from './d.js';",
      "export * from './e.js';",
      "export type { F } from './f.js';",
      "import './g.js';",
      "import fs = require('node:fs');",
      "const s = \"import x from './in-a-string.js'\";",
      "// import y from './in-a-comment.js'",
      "async function h() { return import('./h.js'); }",
      "type Q = typeof import('./q.js');",
      'const el = <div title="it\'s">{import(\'./jsx.js\')}</div>;',
    ].join('\n');
    expect(moduleSpecifiers('src/x/view.tsx', text)).toEqual(['./a.js', './b.js', '../c.js', './d.js', './e.js', './f.js', './g.js', 'node:fs', './h.js', './q.js', './jsx.js']);
  });

  it('the check resolves .js specifiers to the sources', () => {
    const files = new Set(['src/a.ts', 'src/ui/view.tsx', 'src/dir/index.ts', 'src/data.json']);
    expect(resolve('src/ui/x.ts', '../a.js', files)).toBe('src/a.ts');
    expect(resolve('src/a.ts', './ui/view.js', files)).toBe('src/ui/view.tsx');
    expect(resolve('src/a.ts', './dir/index.js', files)).toBe('src/dir/index.ts');
    expect(resolve('src/a.ts', './dir', files)).toBe('src/dir/index.ts');
    expect(resolve('src/a.ts', 'node:fs', files)).toBeUndefined();
    expect(resolve('src/a.ts', './missing.js', files)).toBeUndefined();
  });

  it('the check finds a cycle in a tiny graph, and none where there is none', () => {
    const files = new Map([
      ['src/a.ts', "import type { B } from './b.js';\nexport type A = B;"],
      ['src/b.ts', "export const load = () => import('./c.js');\nexport type B = 1;"],
      ['src/c.ts', "export { a } from './a.js';\nimport './d.js';"],
      ['src/d.ts', "import { x } from 'somewhere';"],
    ]);
    expect(describeCycles(importGraph(files))).toEqual(['src/a.ts → src/b.ts → src/c.ts → src/a.ts']);
    files.set('src/c.ts', "import './d.js';");
    expect(describeCycles(importGraph(files))).toEqual([]);
  });

  it('the check names each cycle of a knot once, and a module importing itself', () => {
    const graph = new Map([
      ['report', ['clean', 'key', 'types']],
      ['clean', ['report']],
      ['key', ['report', 'clean']],
      ['types', []],
      ['self', ['self']],
    ]);
    expect(describeCycles(graph)).toEqual(['clean → report → clean', 'clean → report → key → clean', 'key → report → key', 'self → self']);
  });
});
