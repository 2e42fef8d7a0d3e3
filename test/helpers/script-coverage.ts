/**
 * What of dist/headless.cjs a run executed, as V8 itself counts it: NODE_V8_COVERAGE makes Node
 * write V8's precise block coverage of every script at exit
 * (https://nodejs.org/api/cli.html#node_v8_coveragedir). headless.cjs is one file, so which of
 * its modules ran cannot be read from the files loaded; a module esbuild keeps lazy (an import()
 * target) runs its top-level code only when imported, and the innermost range around a string of
 * its code says whether that code ran.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI, runCli, tempHome, type RunResult } from './cli.js';

const SCRIPT = path.join(path.dirname(CLI), 'headless.cjs');

interface Range {
  readonly startOffset: number;
  readonly endOffset: number;
  readonly count: number;
}

export interface CoveredRun extends RunResult {
  /** Whether the code holding this text ran. Throws when the text is not in headless.cjs, so no check passes by looking for nothing. */
  ran(text: string): boolean;
  /** Whether the text is in headless.cjs at all. */
  holds(text: string): boolean;
}

export async function runCovered(args: readonly string[], env: Record<string, string>): Promise<CoveredRun> {
  const dir = await tempHome('tp-coverage-');
  // No code cache either way: code compiled for counting is not what a plain run should get back.
  const r = await runCli(args, { env: { ...env, NODE_V8_COVERAGE: dir, NODE_DISABLE_COMPILE_CACHE: '1' } });
  const url = pathToFileURL(SCRIPT).href;
  const ranges: Range[] = [];
  for (const f of await readdir(dir)) {
    const report = JSON.parse(await readFile(path.join(dir, f), 'utf8')) as { result: { url: string; functions: { ranges: Range[] }[] }[] };
    for (const s of report.result) if (s.url === url || s.url === SCRIPT) for (const fn of s.functions) ranges.push(...fn.ranges);
  }
  if (ranges.length === 0) throw new Error(`no coverage of ${SCRIPT}: the run did not go through headless.cjs`);
  const text = await readFile(SCRIPT, 'latin1');
  return {
    ...r,
    holds: (t) => text.includes(t),
    ran(t) {
      const at = text.indexOf(t);
      if (at < 0) throw new Error(`${JSON.stringify(t)} is not in headless.cjs`);
      // The file is the whole script V8 compiled (its own CommonJS wrapper): offsets are the file's.
      const offset = at;
      let inner: Range | undefined;
      for (const g of ranges) {
        if (g.startOffset <= offset && offset < g.endOffset && (!inner || g.endOffset - g.startOffset < inner.endOffset - inner.startOffset)) inner = g;
      }
      if (!inner) throw new Error(`no range of headless.cjs holds offset ${offset}`);
      return inner.count > 0;
    },
  };
}
