import JSON5 from 'json5';
import { describe, expect, it } from 'vitest';
import { json5Editor } from '../../../src/core/formats/json5.js';
import { patchText } from '../../../src/core/formats/patch.js';
import type { Edit } from '../../../src/core/formats/types.js';

function edit(text: string, ...edits: Edit[]): string {
  return patchText(json5Editor, text, edits).text;
}

describe('json5Editor.parse', () => {
  it('reads everything JSON5 allows, like the json5 package', () => {
    const text = [
      '// head',
      '{',
      "  bare: 'single',",
      "  'quoted key': \"double 'inner'\",",
      "  says: 'say \"hi\"',",
      "  escapes: '\\x41\\u0042\\'\\0\\v\\q',",
      "  continued: 'a\\",
      "b',",
      '  hex: 0x1F, neg: -0x10, plus: +1, dot: .5, trail: 5., exp: 1e3,',
      '  inf: Infinity, minf: -Infinity,',
      '  true: 1, null: 2, NaN: 3,',
      '  $id_1: [1, 2,], /* block */',
      '  ünï: "😀",',
      '}',
    ].join('\n');
    const result = json5Editor.parse(text);
    expect(result).toEqual({ ok: true, value: JSON5.parse(text) });
  });

  it('reads NaN', () => {
    const result = json5Editor.parse('{a: NaN}');
    expect(result.ok && Number.isNaN((result.value as { a: number }).a)).toBe(true);
  });

  it('treats empty and comment-only text as an empty object', () => {
    expect(json5Editor.parse('')).toEqual({ ok: true, value: {} });
    expect(json5Editor.parse('\uFEFF  // c\n')).toEqual({ ok: true, value: {} });
  });

  it.each([
    ['{\n  a: 1,\n  b: ]\n}', "expected a value, found ']'", 15, 3, 6],
    ["{\n  a: 'x',\n  b c\n}", "expected a colon, found 'c'", 16, 3, 5],
    ['{\n  a: 01\n}', "expected a comma or '}', found '1'", 8, 2, 7],
    ["{\n  a: '\\1'\n}", 'invalid escape sequence in string', 8, 2, 7],
    ['{\n  a: 1\n', "expected a comma or '}', found the end of the file", 9, 3, 1],
    ['{a: 1} x', "expected the end of the file, found 'x'", 7, 1, 8],
    ['{a: .}', 'invalid number', 4, 1, 5],
    ['\uFEFF{\r\n  a: 1,,\r\n}', "expected a property name, found ','", 10, 2, 8],
  ])('reports %j as "%s" at offset %i, line %i, column %i', (text, message, offset, line, column) => {
    expect(json5Editor.parse(text)).toEqual({ ok: false, error: { message, offset, line, column } });
  });

  it("maps the croct lexer's code-point location to UTF-16 offsets", () => {
    // croct says index 12 / column 13 here: it counts the emoji as one character.
    expect(json5Editor.parse('{a: "😀", b: #}')).toEqual({
      ok: false,
      error: { message: 'unexpected character "#"', offset: 13, line: 1, column: 14 },
    });
    expect(json5Editor.parse('{\n  "😀": 1,\n  b: #\n}')).toEqual({
      ok: false,
      error: { message: 'unexpected character "#"', offset: 18, line: 3, column: 6 },
    });
  });
});

describe('json5Editor edits', () => {
  it('writes new keys bare and strings single-quoted when the file does', () => {
    expect(edit("{\n  a: 1,\n  b: 'two', // c\n}\n", { op: 'set', path: ['c'], value: { 'd-e': "it's", f: 'x' } })).toBe(
      "{\n  a: 1,\n  b: 'two', // c\n  c: {\n    'd-e': 'it\\'s',\n    f: 'x'\n  },\n}\n",
    );
  });

  it('keeps double quotes in a file that uses them', () => {
    expect(edit('{\n  "a": "x"\n}\n', { op: 'set', path: ['b'], value: 'y' })).toBe('{\n  "a": "x",\n  "b": "y"\n}\n');
  });

  it('quotes keys that cannot be bare', () => {
    expect(edit('{a: 1}', { op: 'set', path: ['with space'], value: 1 }, { op: 'set', path: ['true'], value: 2 })).toBe(
      '{a: 1, "with space": 1, "true": 2}',
    );
  });

  it('leaves hex numbers and comments outside the edit alone', () => {
    expect(edit('{\n  a: 0x1F, // hex\n  b: Infinity,\n}\n', { op: 'set', path: ['b'], value: 2 })).toBe(
      '{\n  a: 0x1F, // hex\n  b: 2,\n}\n',
    );
  });

  it('can write NaN and Infinity', () => {
    expect(edit('{a: 1}\n', { op: 'set', path: ['b'], value: -Infinity })).toBe('{a: 1, b: -Infinity}\n');
  });

  it('keeps a BOM and CRLF', () => {
    expect(edit("\uFEFF{\r\n  a: 'x',\r\n}\r\n", { op: 'set', path: ['b'], value: [1] })).toBe(
      "\uFEFF{\r\n  a: 'x',\r\n  b: [\r\n    1\r\n  ],\r\n}\r\n",
    );
  });

  it('writes an object into empty text', () => {
    expect(edit('', { op: 'set', path: ['c'], value: 'x' })).toBe('{\n  "c": "x"\n}\n');
  });

  it('deletes and restores byte for byte', () => {
    const text = "{\n  a: 1, // one\n  b: 'say \"hi\"',\n  'c-d': 2\n}\n";
    const added = edit(text, { op: 'set', path: ['e', 'f'], value: [1, 2] });
    expect(added).toBe("{\n  a: 1, // one\n  b: 'say \"hi\"',\n  'c-d': 2,\n  e: {\n    f: [\n      1,\n      2\n    ]\n  }\n}\n");
    expect(edit(added, { op: 'delete', path: ['e', 'f'] }, { op: 'delete', path: ['e'] })).toBe(text);
  });

  it('escapes line and paragraph separators in new strings', () => {
    expect(edit('{}', { op: 'set', path: ['a'], value: 'x\u2028y' })).toBe('{\n  "a": "x\\u2028y"\n}');
  });
});
