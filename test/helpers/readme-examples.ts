import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './cli.js';

/** One `tp-setup explain` example of the README: the pasted text and the output shown under it. */
export interface ReadmeExplainExample {
  /** The README line the command is on (1-based), for the test's name. */
  readonly line: number;
  readonly text: string;
  readonly output: string;
}

/** The argument of `tp-setup explain '…'` or `"…"` as a POSIX shell reads it. */
function shellArgument(rest: string): string {
  const quote = rest.charAt(0);
  if (quote === "'") {
    const end = rest.indexOf("'", 1);
    if (end < 0) throw new Error(`unterminated quote in ${rest}`);
    return rest.slice(1, end);
  }
  if (quote === '"') {
    let out = '';
    for (let i = 1; i < rest.length; i++) {
      const c = rest.charAt(i);
      if (c === '"') return out;
      if (c === '\\' && '\\"$`'.includes(rest.charAt(i + 1))) {
        out += rest.charAt(++i);
        continue;
      }
      out += c;
    }
    throw new Error(`unterminated quote in ${rest}`);
  }
  throw new Error(`README explain examples quote the pasted text: ${rest}`);
}

/**
 * Every fenced `console` block of README.md that starts with `$ tp-setup explain <quoted text>`,
 * with the output lines that follow the command in the block.
 */
export function readmeExplainExamples(file = path.join(ROOT, 'README.md')): ReadmeExplainExample[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const examples: ReadmeExplainExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]?.trim() !== '```console') continue;
    const command = lines[i + 1] ?? '';
    const m = /^\$ tp-setup explain (.+)$/.exec(command);
    const close = lines.findIndex((l, k) => k > i && l.trim() === '```');
    if (close < 0) throw new Error(`README.md:${i + 1}: unclosed code block`);
    if (m) examples.push({ line: i + 2, text: shellArgument(m[1] ?? ''), output: lines.slice(i + 2, close).join('\n') });
    i = close;
  }
  return examples;
}
