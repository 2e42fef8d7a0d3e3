import path from 'node:path';

/** Shorten a path under the home to `~/…` for messages. */
export function displayPath(p: string, home: string): string {
  return p === home ? '~' : p.startsWith(home + path.sep) || p.startsWith(`${home}/`) ? `~${p.slice(home.length)}` : p;
}
