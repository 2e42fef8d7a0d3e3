import { describe, expect, it } from 'vitest';
import { jsonEditor } from '../../../src/core/formats/json.js';
import { patchText, ParseFailure } from '../../../src/core/formats/patch.js';
import type { Edit } from '../../../src/core/formats/types.js';

function edit(text: string, ...edits: Edit[]): string {
  return patchText(jsonEditor, text, edits).text;
}

describe('jsonEditor.parse (strict)', () => {
  it('accepts plain JSON with a BOM and CRLF', () => {
    expect(jsonEditor.parse('\uFEFF{\r\n  "a": [1, 2.5e3, "x"]\r\n}\r\n')).toEqual({ ok: true, value: { a: [1, 2500, 'x'] } });
  });

  it('treats empty and blank text as an empty object', () => {
    expect(jsonEditor.parse('')).toEqual({ ok: true, value: {} });
    expect(jsonEditor.parse(' \r\n')).toEqual({ ok: true, value: {} });
  });

  it.each([
    ['{\n  // c\n  "a": 1\n}', 4, 2, 3],
    ['{\n  "a": 1 /* c */\n}', 11, 2, 10],
    ['// c', 0, 1, 1],
  ])('rejects the comment in %j at offset %i (line %i, column %i)', (text, offset, line, column) => {
    expect(jsonEditor.parse(text)).toEqual({
      ok: false,
      error: { message: 'comments are not allowed in this file (strict JSON)', offset, line, column },
    });
  });

  it.each([
    ['{\n  "a": 1,\n}', 10, 2, 9],
    ['{\n  "a": [1, 2,],\n}', 14, 2, 13],
  ])('rejects the trailing comma in %j at offset %i (line %i, column %i)', (text, offset, line, column) => {
    expect(jsonEditor.parse(text)).toEqual({
      ok: false,
      error: { message: 'trailing commas are not allowed in this file (strict JSON)', offset, line, column },
    });
  });

  it('reports whichever problem comes first', () => {
    const result = jsonEditor.parse('{\n  "a": 1\n  "b": 2 // c\n}');
    expect(result).toEqual({ ok: false, error: { message: 'expected a comma', offset: 13, line: 3, column: 3 } });
  });

  it('rejects whitespace JSON does not allow', () => {
    const result = jsonEditor.parse('{"a":\u00a01}');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.column).toBe(6);
  });

  it.each(['{"a": 01}', '{"a": .5}', '{"a": NaN}', '{"a": "\\x41"}', "{'a': 1}", '{a: 1}', '[1,,2]'])('rejects %j', (text) => {
    expect(jsonEditor.parse(text).ok).toBe(false);
  });
});

describe('jsonEditor edits', () => {
  it('edits strict JSON without adding comments or trailing commas', () => {
    expect(edit('{\n    "a": 1\n}\n', { op: 'set', path: ['b'], value: [] }, { op: 'set', path: ['c', 'd'], value: null })).toBe(
      '{\n    "a": 1,\n    "b": [],\n    "c": {\n        "d": null\n    }\n}\n',
    );
  });

  it('keeps a missing final newline missing', () => {
    expect(edit('{\n  "a": 1\n}', { op: 'set', path: ['b'], value: 2 })).toBe('{\n  "a": 1,\n  "b": 2\n}');
  });

  it('edits a root array', () => {
    expect(edit('[\n  1\n]', { op: 'insert', path: [1], value: 2 })).toBe('[\n  1,\n  2\n]');
  });

  it('replaces the whole document when asked to set the root', () => {
    expect(edit('{"a": 1}\n', { op: 'set', path: [], value: { b: 2 } })).toBe('{\n  "b": 2\n}\n');
  });

  it('refuses numbers JSON cannot write', () => {
    expect(() => edit('{}', { op: 'set', path: ['a'], value: Infinity })).toThrow(/JSON has no such number/);
  });

  it('refuses to edit text with comments', () => {
    expect(() => patchText(jsonEditor, '{ // c\n}', [{ op: 'set', path: ['a'], value: 1 }])).toThrow(ParseFailure);
    expect(() => jsonEditor.apply('{ // c\n}', [{ op: 'set', path: ['a'], value: 1 }])).toThrow(ParseFailure);
  });
});
