/**
 * Deep and odd shapes: 10,000 levels of nesting, a document
 * that is an array, string or null where an object is needed, and YAML aliases on the edited keys
 * are refusals (a parse error with line and column, or the format's own edit refusal), never a
 * RangeError or another internal error.
 */
import { describe, expect, it } from 'vitest';
import { editorFor } from '../../src/core/formats/index.js';
import { MAX_NESTING } from '../../src/core/formats/nesting.js';
import { patchText, ParseFailure, VerifyFailure } from '../../src/core/formats/patch.js';
import { applyEditsToValue, deepEqual } from '../../src/core/formats/value.js';
import { EditError, type Edit, type FormatId, type JsonValue } from '../../src/core/formats/types.js';

const N = 10_000;
const SET: Edit = { op: 'set', path: ['model'], value: 'qwen3-coder-plus' };

const DEEP: readonly [FormatId, string, string][] = [
  ['json', 'arrays', '{"a": ' + '['.repeat(N) + ']'.repeat(N) + '}'],
  ['json', 'objects', '{"a": ' + '{"b": '.repeat(N) + '1' + '}'.repeat(N) + '}'],
  ['jsonc', 'objects', '// c\n{"a": ' + '{"b": '.repeat(N) + '1' + '}'.repeat(N) + '}'],
  ['json5', 'objects', '{a: ' + '{b: '.repeat(N) + '1' + '}'.repeat(N) + '}'],
  ['json5', 'arrays', '[' .repeat(N) + ']'.repeat(N)],
  ['toml', 'inline arrays', 'a = ' + '['.repeat(N) + ']'.repeat(N) + '\n'],
  ['toml', 'inline tables', 'a = ' + '{ b = '.repeat(N) + '1' + ' }'.repeat(N) + '\n'],
  ['yaml', 'flow sequences', 'a: ' + '['.repeat(N) + ']'.repeat(N) + '\n'],
  ['yaml', 'compact sequences', 'a:\n' + '- '.repeat(N) + 'x\n'],
  ['yaml', 'indented mappings', 'a:\n' + Array.from({ length: 600 }, (_, i) => ' '.repeat(i + 1) + `k${i}:`).join('\n') + ' 1\n'],
];

function refusal(error: unknown): boolean {
  return error instanceof ParseFailure || error instanceof EditError || error instanceof VerifyFailure;
}

describe(`${N.toLocaleString('en')}-deep nesting is a parse error, not a stack overflow`, () => {
  for (const [format, what, text] of DEEP) {
    it(`${format}, ${what}`, () => {
      const parsed = editorFor(format).parse(text);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      expect(parsed.error.line).toBeGreaterThanOrEqual(1);
      expect(parsed.error.column).toBeGreaterThanOrEqual(1);
      expect(parsed.error.message).toMatch(/nests/);
      let thrown: unknown;
      try {
        patchText(editorFor(format), text, [SET]);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ParseFailure);
      expect(String((thrown as Error).message)).toMatch(/line \d+, column \d+/);
    });
  }

  it(`nesting up to ${MAX_NESTING} levels still reads and edits`, () => {
    const depth = MAX_NESTING - 1;
    for (const format of ['json', 'jsonc', 'json5'] as const) {
      const text = '{"a": ' + '{"b": '.repeat(depth - 1) + '1' + '}'.repeat(depth - 1) + '}';
      expect(patchText(editorFor(format), text, [SET]).changed).toBe(true);
    }
    const toml = 'a = ' + '['.repeat(depth) + ']'.repeat(depth) + '\n';
    expect(patchText(editorFor('toml'), toml, [SET]).changed).toBe(true);
    const yaml = 'a: ' + '['.repeat(depth) + ']'.repeat(depth) + '\n';
    expect(patchText(editorFor('yaml'), yaml, [SET]).changed).toBe(true);
  });

  it('brackets inside strings and comments do not count', () => {
    const many = '['.repeat(N);
    expect(editorFor('json').parse(`{"a": "${many}"}`).ok).toBe(true);
    expect(editorFor('jsonc').parse(`// ${many}\n{"a": 1 /* ${many} */}`).ok).toBe(true);
    expect(editorFor('json5').parse(`{a: '${many}'}`).ok).toBe(true);
    expect(editorFor('toml').parse(`a = "${many}" # ${many}\nb = '${many}'\n`).ok).toBe(true);
    expect(editorFor('yaml').parse(`a: "${many}" # ${many}\n`).ok).toBe(true);
  });
});

describe('a document that is not an object is refused where an object is needed', () => {
  const CASES: readonly [FormatId, string][] = [
    ['json', '[1, 2]'],
    ['json', '"text"'],
    ['json', 'null'],
    ['jsonc', '// c\n[]'],
    ['json5', "'text'"],
    ['json5', 'null'],
    ['yaml', '- 1\n- 2\n'],
    ['yaml', 'just text\n'],
    ['yaml', '~\n'],
    ['yaml', 'null\n'],
  ];
  for (const [format, text] of CASES) {
    it(`${format}: ${JSON.stringify(text)}`, () => {
      for (const edit of [SET, { op: 'set', path: ['a', 'b'], value: 1 } as Edit, { op: 'insert', path: ['list', 0], value: 1 } as Edit]) {
        let thrown: unknown;
        try {
          patchText(editorFor(format), text, [edit]);
        } catch (error) {
          thrown = error;
        }
        expect(refusal(thrown), String(thrown)).toBe(true);
        expect(thrown).not.toBeInstanceOf(RangeError);
      }
    });
  }
});

describe('YAML aliases on the edited keys are refused, the alias itself may be replaced', () => {
  const DOC = 'base: &b\n  x: 1\n  list: [1]\nother: *b\nname: &n plain\ncopy: *n\nfree: 1\n';
  const refused: readonly Edit[] = [
    { op: 'set', path: ['other', 'x'], value: 2 },
    { op: 'delete', path: ['other', 'x'] },
    { op: 'insert', path: ['other', 'list', 0], value: 2 },
    { op: 'set', path: ['base', 'x'], value: 2 },
    { op: 'delete', path: ['base'] },
    { op: 'set', path: ['name'], value: 'changed' },
    { op: 'insert', path: ['base', 'list', 0], value: 0 },
  ];
  for (const edit of refused) {
    it(`refuses ${edit.op} ${edit.path.join('.')}`, () => {
      expect(() => patchText(editorFor('yaml'), DOC, [edit])).toThrow(EditError);
    });
  }

  it('replaces or removes an alias, and edits keys that no alias touches', () => {
    const edits: Edit[] = [
      { op: 'set', path: ['other'], value: 'plain now' },
      { op: 'delete', path: ['copy'] },
      { op: 'set', path: ['free'], value: 2 },
    ];
    const result = patchText(editorFor('yaml'), DOC, edits);
    const parsed = editorFor('yaml').parse(result.text);
    expect(parsed.ok && deepEqual(parsed.value, applyEditsToValue(result.before as JsonValue, edits))).toBe(true);
    expect(result.text).toContain('base: &b\n  x: 1\n');
  });
});
