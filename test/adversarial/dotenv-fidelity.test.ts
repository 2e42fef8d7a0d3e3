/**
 * .env fidelity: the owned line keeps its style and its
 * comment, every other byte stays (line endings per line), and each value is written so that
 * every tool's loader reads back exactly that value, or refused.
 *
 * Loaders: the `dotenv` npm package itself (Qwen Code, OpenClaw), and small references for
 * python-dotenv (Hermes) and dotenvy (Codex) covering the quoting rules their docs give:
 * - python-dotenv, https://github.com/theskumar/python-dotenv#file-format and its parser
 *   (https://github.com/theskumar/python-dotenv/blob/main/src/dotenv/parser.py): single quotes
 *   decode `\\` and `\'`; double quotes decode backslash escapes; bare and double-quoted values
 *   expand `${VAR}`; a bare value ends at blanks followed by `#`.
 * - dotenvy, https://docs.rs/dotenvy/latest/dotenvy/ and its parser
 *   (https://github.com/allan2/dotenvy/blob/main/dotenvy/src/parse.rs): single quotes are
 *   literal; double quotes and bare values decode backslash escapes and substitute `$VAR` and
 *   `${VAR}`; a bare value ends at blanks followed by `#`.
 * The references answer undefined where the loader would read something else than the literal
 * text (an escape, an expansion), which is all these tests need to know.
 */
import dotenv from 'dotenv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dotenvEditor, encodings } from '../../src/core/formats/dotenv.js';
import { patchText } from '../../src/core/formats/patch.js';
import { EditError, type Edit } from '../../src/core/formats/types.js';

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(.*)$/;

/** python-dotenv's reading of one value; undefined where it decodes or expands something. */
function pythonDotenv(raw: string): string | undefined {
  if (raw.startsWith("'")) {
    const m = /^'((?:\\'|[^'])*)'[ \t]*(#.*)?$/.exec(raw);
    if (!m) return undefined;
    const inner = m[1] ?? '';
    return /\\[\\']/.test(inner) ? undefined : inner;
  }
  if (raw.startsWith('"')) {
    const m = /^"((?:\\"|[^"])*)"[ \t]*(#.*)?$/.exec(raw);
    if (!m) return undefined;
    const inner = m[1] ?? '';
    return /\\|\$\{/.test(inner) ? undefined : inner;
  }
  const value = raw.replace(/\s+#.*/, '').trimEnd();
  return /\$\{/.test(value) ? undefined : value;
}

/** dotenvy's reading of one value; undefined where it decodes or substitutes something. */
function dotenvy(raw: string): string | undefined {
  if (raw.startsWith("'")) {
    const m = /^'([^']*)'[ \t]*(#.*)?$/.exec(raw);
    return m ? (m[1] ?? '') : undefined;
  }
  if (raw.startsWith('"')) {
    const m = /^"([^"\\]*)"[ \t]*(#.*)?$/.exec(raw);
    if (!m) return undefined;
    return /\$/.test(m[1] ?? '') ? undefined : (m[1] ?? '');
  }
  const value = raw.replace(/\s+#.*/, '').trimEnd();
  return /[\\$'"\s]/.test(value) ? undefined : value;
}

function readAll(text: string, name: string): { node?: string; python?: string; rust?: string } {
  const lines = text.split(/\r?\n/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = LINE.exec(lines[i] ?? '');
    if (m && m[1] === name) return { node: dotenv.parse(text)[name], python: pythonDotenv(m[2] ?? ''), rust: dotenvy(m[2] ?? '') };
  }
  return {};
}

const set = (name: string, value: string): Edit[] => [{ op: 'set', path: [name], value }];

describe('the owned line keeps its style and comment', () => {
  const cases: readonly [string, string, string, string][] = [
    ['spacing and comment, bare', 'VAR = old # note\n', 'sk-sp-test-0000-1111-2222-abcd', 'VAR = sk-sp-test-0000-1111-2222-abcd # note\n'],
    ['export and double quotes', 'export VAR="old" # note\n', 'sk-sp-test-0000-1111-2222-abcd', 'export VAR="sk-sp-test-0000-1111-2222-abcd" # note\n'],
    ['single quotes', "VAR='old'\n", 'a b', "VAR='a b'\n"],
    ['bare line, value needing quotes', 'VAR=old   # n\n', 'a b', 'VAR="a b"   # n\n'],
    ['double-quoted line, value with a quote', 'VAR="old"\n', 'say "hi"', "VAR='say \"hi\"'\n"],
    ['trailing blanks', 'VAR=old  \n', 'new', 'VAR=new  \n'],
    ['empty value before a comment', 'VAR=old # note\n', '', 'VAR="" # note\n'],
    ['indentation', '  VAR=old\n', 'new', '  VAR=new\n'],
  ];
  for (const [what, text, value, expected] of cases) {
    it(what, () => {
      const out = patchText(dotenvEditor, text, set('VAR', value)).text;
      expect(out).toBe(expected);
      expect(readAll(out, 'VAR')).toEqual({ node: value, python: value, rust: value });
    });
  }
});

describe('every unowned byte stays, line endings per line', () => {
  it('a mixed-EOL file keeps each line ending', () => {
    const text = 'A=1\r\nB=2\nC=3\r\n# c\n';
    expect(patchText(dotenvEditor, text, set('A', 'x')).text).toBe('A=x\r\nB=2\nC=3\r\n# c\n');
    expect(patchText(dotenvEditor, text, set('B', 'y')).text).toBe('A=1\r\nB=y\nC=3\r\n# c\n');
    expect(patchText(dotenvEditor, text, [{ op: 'delete', path: ['C'] }]).text).toBe('A=1\r\nB=2\n# c\n');
    expect(patchText(dotenvEditor, text, set('D', 'z')).text).toBe('A=1\r\nB=2\nC=3\r\n# c\nD=z\n');
  });

  it('holds for random files (500 runs)', () => {
    const row = fc.tuple(
      fc.constantFrom('# c', '', 'A=1', 'export B="x y" # n', "C='a#b'", 'D = v # note', 'E='),
      fc.constantFrom('\n', '\r\n', ''),
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), fc.constantFrom('A', 'B', 'C', 'D', 'E', 'NEW'), (rows, name) => {
        const text = rows.map(([l, e], i) => l + (i === rows.length - 1 ? e : e || '\n')).join('');
        const out = patchText(dotenvEditor, text, set(name, 'sk-sp-test-0000-1111-2222-abcd')).text;
        const mine = new RegExp(`^(export\\s+)?${name}\\s*=`);
        const kept = (t: string) => (t === '' ? [] : t.split(/(?<=\n)/)).filter((l) => !mine.test(l)).map((l) => l.replace(/\r?\n$/, (e) => e));
        const before = kept(text);
        const after = kept(out);
        // The last unowned line may gain a line break when a new line is appended after it.
        expect(after.slice(0, Math.max(0, before.length - 1))).toEqual(before.slice(0, Math.max(0, before.length - 1)));
        if (before.length > 0) expect((after[before.length - 1] ?? '').replace(/\r?\n$/, '')).toBe((before[before.length - 1] ?? '').replace(/\r?\n$/, ''));
      }),
      { numRuns: 500 },
    );
  });
});

describe('every loader reads back exactly the value, or the edit is refused', () => {
  const value = fc.string({ unit: fc.constantFrom('a', 'Z', '9', ' ', '#', '"', "'", '\\', '$', '{', '}', '=', '-', '`', '\t', '\n', '\r'), maxLength: 10 });
  const start = fc.constantFrom('', 'K=old\n', 'K = old # note\n', 'export K="old"\n', "K='old' # c\n");
  it('holds for random values and line styles (2000 runs)', () => {
    fc.assert(
      fc.property(start, value, (text, v) => {
        let out: string;
        try {
          out = patchText(dotenvEditor, text, set('K', v)).text;
        } catch (error) {
          expect(error).toBeInstanceOf(EditError);
          expect(encodings(v)).toEqual([]);
          return;
        }
        expect(readAll(out, 'K')).toEqual({ node: v, python: v, rust: v });
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses only what no quoting holds, with a message naming the variable', () => {
    expect(() => patchText(dotenvEditor, 'K=1\n', set('K', 'a\nb'))).toThrow(/cannot write K/);
    expect(() => patchText(dotenvEditor, 'K=1\n', set('K', `it's "x"`))).toThrow(EditError);
    expect(() => patchText(dotenvEditor, 'K=1\n', set('K', "it's $HOME"))).toThrow(EditError);
    expect(() => patchText(dotenvEditor, 'K=1\n', set('K', "it's a\\b"))).toThrow(EditError);
    expect(patchText(dotenvEditor, 'K=1\n', set('K', 'a\\b')).text).toBe("K='a\\b'\n");
    expect(patchText(dotenvEditor, 'K=1\n', set('K', '$HOME')).text).toBe("K='$HOME'\n");
    expect(patchText(dotenvEditor, 'K=1\n', set('K', "it's")).text).toBe('K="it\'s"\n');
  });
});
