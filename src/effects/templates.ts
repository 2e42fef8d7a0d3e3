import { fsp } from './builtins.js';

export async function loadTemplates(): Promise<Record<string, string>> {
  // `templates/` sits next to `src/` and `dist/` alike, so one relative URL serves both.
  const dir = new URL('../../templates/', import.meta.url);
  const names = await fsp().readdir(dir);
  const entries = await Promise.all(names.map(async (n) => [n, await fsp().readFile(new URL(n, dir), 'utf8')] as const));
  return Object.fromEntries(entries);
}
