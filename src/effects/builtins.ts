/*
 * node:fs as its CommonJS object. Node's ESM face of a built-in module reads every export once
 * when it is imported, and some of node:fs's exports are getters (promises, ReadStream, …):
 * `import … from 'node:fs'` loads fs/promises, readline and the stream classes at each start whether the run uses them or
 * not (some 3 ms on Node 24, measured). process.getBuiltinModule (Node 20.16 and later,
 * https://nodejs.org/api/process.html#processgetbuiltinmoduleid) hands back the object itself,
 * whose getters run only when read.
 */
export const fs: typeof import('node:fs') = process.getBuiltinModule('node:fs');

/** fs/promises, loaded when first called for. */
export function fsp(): typeof import('node:fs').promises {
  return fs.promises;
}
