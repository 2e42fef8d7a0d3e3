import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/**
 * Comments cite facts by a page in docs/ (with a heading anchor) or by a public URL, never by
 * notes that live outside the repository. This keeps every citation something a maintainer with
 * only a clone can open. docs/README.md lists the pages.
 */

const SCANNED_DIRS = ['src', 'test', 'scripts'];
const CODE_FILE = /\.(?:[cm]?[jt]s|tsx|jsx)$/;

/** Names of research notes and vendor snapshots that are not in the repository. */
const OUTSIDE_NOTE = /(?:tools|plans|openclaw|style|anchors)\.md\b|shared\/reference|\.\.\/shared|\b0\d\d_[0-9a-f]{16}\.txt\b/;
/** A path-like token around a match: letters, digits and `_ . / - ~ *`, plus an optional anchor. */
const PATH_TOKEN = /[\w./~*-]*(?:(?:tools|plans|openclaw|style|anchors)\.md|shared\/reference[\w./-]*|\.\.\/shared[\w./-]*|0\d\d_[0-9a-f]{16}\.txt)(?:#[\w-]+)?/g;
/** Any docs page named in a comment. */
const DOCS_PATH = /\bdocs\/[\w./-]*?\.md(?:#[\w-]+)?/g;
/** Numbered sections (`§2.1`) belonged to the old notes; the docs use heading anchors instead. */
const SECTION_NUMBER = /\.md\s*§/;

interface CommentLine {
  readonly line: number;
  readonly text: string;
}

/**
 * The comments of a JS/TS source, one entry per source line they cover. A small scanner that
 * skips strings, template literals (with `${}` nesting) and regular-expression literals, so a
 * `'plans.md'` in a data table or a `/\/\//` pattern is not taken for a comment.
 */
function commentLines(source: string): CommentLine[] {
  const out: CommentLine[] = [];
  let line = 1;
  let i = 0;
  let lastSignificant = '';
  const braces: number[] = []; // for each open `${`, the brace depth at which it closes
  let depth = 0;
  const push = (start: number, end: number, firstLine: number): void => {
    source
      .slice(start, end)
      .split('\n')
      .forEach((text, k) => out.push({ line: firstLine + k, text }));
  };
  const skipString = (quote: string): void => {
    i++;
    // A quoted string ends at its quote or, if unterminated (JSX text such as `Don't`), at the line end.
    while (i < source.length && source.charAt(i) !== quote && source.charAt(i) !== '\n') {
      if (source.charAt(i) === '\\' && source.charAt(i + 1) !== '\n') i++;
      i++;
    }
    if (source.charAt(i) === quote) i++;
  };
  const skipTemplate = (): boolean => {
    // Returns true when the template stops at `${` (scanning continues in code).
    while (i < source.length) {
      const c = source.charAt(i);
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (c === '\n') line++;
      if (c === '`') {
        i++;
        return false;
      }
      if (c === '$' && source.charAt(i + 1) === '{') {
        i += 2;
        braces.push(depth);
        depth++;
        return true;
      }
      i++;
    }
    return false;
  };
  while (i < source.length) {
    const c = source.charAt(i);
    const next = source.charAt(i + 1);
    if (c === '\n') {
      line++;
      i++;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      push(i + 2, stop, line);
      i = stop;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end;
      const first = line;
      push(i + 2, stop, first);
      line += source.slice(i, stop).split('\n').length - 1;
      i = stop + 2;
      continue;
    }
    if (c === "'" || c === '"') {
      skipString(c);
      lastSignificant = 'x';
      continue;
    }
    if (c === '`') {
      i++;
      skipTemplate();
      lastSignificant = 'x';
      continue;
    }
    if (c === '/' && (lastSignificant === '' || /[(,=:[!&|?{};+\-*%<>~^]/.test(lastSignificant) || /\b(?:return|typeof|case|in|of|void|yield|await)$/.test(source.slice(Math.max(0, i - 8), i).trimEnd()))) {
      // A regular-expression literal.
      i++;
      let inClass = false;
      while (i < source.length && source.charAt(i) !== '\n') {
        const r = source.charAt(i);
        if (r === '\\') i++;
        else if (r === '[') inClass = true;
        else if (r === ']') inClass = false;
        else if (r === '/' && !inClass) break;
        i++;
      }
      if (source.charAt(i) === '/') i++; // past the closing slash; a line end is left for the main loop
      lastSignificant = 'x';
      continue;
    }
    if (c === '{') depth++;
    if (c === '}') {
      depth--;
      if (braces.length > 0 && braces.at(-1) === depth) {
        braces.pop();
        i++;
        skipTemplate();
        lastSignificant = 'x';
        continue;
      }
    }
    lastSignificant = /[\w$]/.test(c) ? 'x' : c;
    i++;
  }
  return out;
}

/** GitHub's heading anchors for a markdown text. */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  let fenced = false;
  for (const raw of markdown.split('\n')) {
    if (/^\s*```/.test(raw)) fenced = !fenced;
    const m = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(raw);
    if (!m) continue;
    const base = (m[1] ?? '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

function isFileInRepo(candidate: string): boolean {
  const inside = path.relative(ROOT, candidate);
  if (inside.startsWith('..') || path.isAbsolute(inside)) return false;
  return existsSync(candidate) && statSync(candidate).isFile();
}

/** Why a cited `path[#anchor]` does not hold up, or null when it does. */
function citationProblem(cited: string, readDoc: (file: string) => string): string | null {
  const [ref = '', anchor] = cited.split('#');
  if (ref.includes('*')) return null; // a pattern over pages, e.g. docs/tools/*.md
  const file = [path.join(ROOT, ref), path.join(ROOT, 'docs', ref)].find(isFileInRepo);
  if (!file) return `${ref} is not a file in the repository`;
  if (anchor && file.endsWith('.md') && !anchorsOf(readDoc(file)).has(anchor)) {
    return `${path.relative(ROOT, file)} has no heading #${anchor}`;
  }
  return null;
}

/** Every problem with the citations in one comment line. */
function lineProblems(text: string, readDoc: (file: string) => string): string[] {
  const problems: string[] = [];
  const cited = new Set<string>();
  if (OUTSIDE_NOTE.test(text)) for (const m of text.matchAll(PATH_TOKEN)) cited.add(m[0].replace(/[.]+$/, ''));
  for (const m of text.matchAll(DOCS_PATH)) cited.add(m[0]);
  for (const c of cited) {
    const p = citationProblem(c, readDoc);
    if (p) problems.push(p);
  }
  if (SECTION_NUMBER.test(text)) problems.push('numbered section (§); cite a heading anchor such as docs/plans.md#keys');
  return problems;
}

async function codeFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules') out.push(...(await codeFiles(p)));
    } else if (CODE_FILE.test(e.name)) out.push(p);
  }
  return out;
}

const docCache = new Map<string, string>();
async function loadDocs(dir: string): Promise<void> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await loadDocs(p);
    else if (e.name.endsWith('.md')) docCache.set(p, await readFile(p, 'utf8'));
  }
}
const readDoc = (file: string): string => docCache.get(file) ?? '';

describe('comments cite files that are in the repository', () => {
  it('every cited note, seed or docs page exists, with its anchor', async () => {
    await loadDocs(path.join(ROOT, 'docs'));
    const files = (await Promise.all(SCANNED_DIRS.map((d) => codeFiles(path.join(ROOT, d))))).flat();
    expect(files.length).toBeGreaterThan(20);
    const offenders: string[] = [];
    for (const f of files) {
      for (const { line, text } of commentLines(await readFile(f, 'utf8'))) {
        const problems = lineProblems(text, readDoc);
        if (problems.length > 0) offenders.push(`${path.relative(ROOT, f)}:${line}: ${problems.join('; ')}: ${text.trim()}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('links between docs pages resolve, anchors included', async () => {
    await loadDocs(path.join(ROOT, 'docs'));
    expect(docCache.size).toBeGreaterThan(5);
    const broken: string[] = [];
    for (const [file, text] of docCache) {
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1] ?? '';
        if (/^[a-z]+:/i.test(target)) continue;
        const [ref = '', anchor] = target.split('#');
        const dest = ref === '' ? file : path.resolve(path.dirname(file), ref);
        if (!existsSync(dest)) broken.push(`${path.relative(ROOT, file)}: ${target}`);
        else if (anchor && dest.endsWith('.md') && !anchorsOf(docCache.get(dest) ?? '').has(anchor)) {
          broken.push(`${path.relative(ROOT, file)}: ${target} (no such heading)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('the check itself flags offending comments and passes good ones', async () => {
    await loadDocs(path.join(ROOT, 'docs'));
    const problems = (src: string): string[] => commentLines(src).flatMap((c) => lineProblems(c.text, readDoc));
    expect(problems('// Base URLs (tools.md §1).')).not.toEqual([]);
    expect(problems('/** Facts from ../shared/reference/plans.md. */')).not.toEqual([]);
    expect(problems(' /*\n * seen in 003_660d518034ba64ed.txt\n */')).not.toEqual([]);
    expect(problems('// see openclaw.md')).not.toEqual([]);
    expect(problems('// see docs/nowhere.md')).not.toEqual([]);
    expect(problems('// see docs/plans.md#no-such-heading')).not.toEqual([]);
    expect(problems('// Keys (plans.md §2.2).')).not.toEqual([]);
    expect(problems('// Key rules (docs/plans.md#key-rules).')).toEqual([]);
    expect(problems('// Caches (docs/tools/openclaw.md#caches), https://docs.openclaw.ai/help/environment')).toEqual([]);
    // Data values are not comments: a source id in a table stays as it is.
    expect(problems("const S003 = '003_660d518034ba64ed.txt'; const t = `plans.md ${1}`; const r = /\\/\\//;")).toEqual([]);
    expect(commentLines('const a = "//x"; // real\n/* b\n c */').map((c) => c.text.trim())).toEqual(['real', 'b', 'c']);
  });
});
