import { fsp } from './builtins.js';

/** `templates/` sits next to `src/` and `dist/` alike, so one relative URL serves both. */
const DIR = new URL('../../templates/', import.meta.url);

export async function loadTemplates(): Promise<Record<string, string>> {
  const names = await fsp().readdir(DIR);
  const entries = await Promise.all(names.map(async (n) => [n, await fsp().readFile(new URL(n, DIR), 'utf8')] as const));
  return Object.fromEntries(entries);
}
