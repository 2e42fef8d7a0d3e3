import { describe, expect, it } from 'vitest';
import { jsoncEditor } from '../../../src/core/formats/jsonc.js';
import { patchText } from '../../../src/core/formats/patch.js';
import type { Edit } from '../../../src/core/formats/types.js';

function edit(text: string, ...edits: Edit[]): string {
  return patchText(jsoncEditor, text, edits).text;
}

/** Adds, then removes what was added: must give back the input byte for byte. */
function roundTrip(text: string, add: Edit, remove: Edit): string {
  const added = edit(text, add);
  expect(edit(added, remove)).toBe(text);
  return added;
}

describe('jsoncEditor.parse', () => {
  it('reads comments, trailing commas and a BOM', () => {
    const text = '\uFEFF// head\n{\n  "a": 1, /* one */\n  "b": [1, 2,],\n}\n';
    expect(jsoncEditor.parse(text)).toEqual({ ok: true, value: { a: 1, b: [1, 2] } });
  });

  it('treats empty, blank and comment-only text as an empty object', () => {
    for (const text of ['', '  \n', '\uFEFF', '// nothing yet\n', '/* a */ /* b */']) {
      expect(jsoncEditor.parse(text)).toEqual({ ok: true, value: {} });
    }
  });

  it('keeps the last value of a repeated key, like JSON.parse', () => {
    expect(jsoncEditor.parse('{"a": 1, "a": 2}')).toEqual({ ok: true, value: { a: 2 } });
  });

  it('keeps "__proto__" as a plain key', () => {
    const result = jsoncEditor.parse('{"__proto__": {"polluted": true}}');
    expect(result.ok && Object.keys(result.value as object)).toEqual(['__proto__']);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it.each([
    ['{\n  "a": 1\n  "b": 2\n}', 'expected a comma', 13, 3, 3],
    ['{\n  "a": ,\n}', 'expected a value', 9, 2, 8],
    ['{\n  "a": 1,\n  "b": "unterminated\n}', 'unterminated string', 19, 3, 8],
    ['\uFEFF{\n  "a" 1\n}', 'expected a colon', 8, 2, 7],
    ['{"a": 1}}', 'expected the end of the file', 8, 1, 9],
    ['{ /* open', 'unterminated comment', 2, 1, 3],
    ['{\r\n  "a": [1, 2\r\n}', 'expected a comma', 17, 3, 1],
  ])('reports %j as "%s" at offset %i, line %i, column %i', (text, message, offset, line, column) => {
    expect(jsoncEditor.parse(text)).toEqual({ ok: false, error: { message, offset, line, column } });
  });
});

describe('jsoncEditor: setting new keys', () => {
  it('adds a key after the last property without reformatting its neighbours', () => {
    expect(edit('{\n  "a": 1,\n  "b": {"x": 1}\n}\n', { op: 'set', path: ['c'], value: 2 })).toBe(
      '{\n  "a": 1,\n  "b": {"x": 1},\n  "c": 2\n}\n',
    );
  });

  it('keeps a line comment after the last property on its line', () => {
    expect(edit('{\n  "a": 1,\n  "b": {"x": 1} // keep me\n}\n', { op: 'set', path: ['c'], value: 2 })).toBe(
      '{\n  "a": 1,\n  "b": {"x": 1}, // keep me\n  "c": 2\n}\n',
    );
  });

  it('keeps a block comment after the last property on its line', () => {
    expect(edit('{\n  "a": 1 /* one */\n}\n', { op: 'set', path: ['b'], value: true })).toBe(
      '{\n  "a": 1, /* one */\n  "b": true\n}\n',
    );
  });

  it('does not add a second comma after a trailing comma, and keeps the trailing-comma style', () => {
    expect(edit('{\n  "a": 1,\n  "b": 2, // two\n}\n', { op: 'set', path: ['c'], value: 3 })).toBe(
      '{\n  "a": 1,\n  "b": 2, // two\n  "c": 3,\n}\n',
    );
  });

  it('uses the indentation of the sibling properties (tabs, CRLF, BOM)', () => {
    const text = '\uFEFF{\r\n\t"a": {\r\n\t\t"b": 1\r\n\t}\r\n}\r\n';
    expect(edit(text, { op: 'set', path: ['a', 'c'], value: { d: [1, 'x'] } })).toBe(
      '\uFEFF{\r\n\t"a": {\r\n\t\t"b": 1,\r\n\t\t"c": {\r\n\t\t\t"d": [\r\n\t\t\t\t1,\r\n\t\t\t\t"x"\r\n\t\t\t]\r\n\t\t}\r\n\t}\r\n}\r\n',
    );
  });

  it('creates missing parents as one nested value at the deepest existing object (3-space file)', () => {
    expect(edit('{\n   // header\n   "a": 1\n}\n', { op: 'set', path: ['x', 'y', 'z'], value: true })).toBe(
      '{\n   // header\n   "a": 1,\n   "x": {\n      "y": {\n         "z": true\n      }\n   }\n}\n',
    );
  });

  it('follows the last sibling when the indentation is mixed', () => {
    expect(edit('{\n  "a": 1,\n\t"b": 2,\n    "c": 3\n}\n', { op: 'set', path: ['d'], value: 4 })).toBe(
      '{\n  "a": 1,\n\t"b": 2,\n    "c": 3,\n    "d": 4\n}\n',
    );
  });

  it('opens an empty object over several lines, one unit deeper than its line', () => {
    expect(edit('{\n  "a": {}\n}\n', { op: 'set', path: ['a', 'b'], value: 1 })).toBe(
      '{\n  "a": {\n    "b": 1\n  }\n}\n',
    );
    expect(edit('{}', { op: 'set', path: ['a'], value: 1 })).toBe('{\n  "a": 1\n}');
  });

  it('puts the first key of a commented-only object below the comment', () => {
    expect(edit('{\n  "a": {\n    // nothing yet\n  }\n}\n', { op: 'set', path: ['a', 'b'], value: 1 })).toBe(
      '{\n  "a": {\n    // nothing yet\n    "b": 1\n  }\n}\n',
    );
    expect(edit('{"a": { /* nothing */ }}', { op: 'set', path: ['a', 'b'], value: 1 })).toBe(
      '{"a": { /* nothing */\n  "b": 1\n}}',
    );
  });

  it('adds inline to a one-line object, with one-line nested values', () => {
    expect(edit('{"a": 1}', { op: 'set', path: ['b'], value: { x: [1, 2] } })).toBe('{"a": 1, "b": {"x": [1, 2]}}');
    expect(edit('{"a":1,"b":2}', { op: 'set', path: ['c'], value: 3 })).toBe('{"a":1,"b":2,"c":3}');
  });

  it('breaks the line after a one-line object whose last property ends in a line comment', () => {
    expect(edit('{"a": 1 // note\n}', { op: 'set', path: ['b'], value: 2 })).toBe('{"a": 1, // note\n  "b": 2\n}');
  });

  it('handles a closing brace on the last property line', () => {
    expect(edit('{\n  "a": 1}', { op: 'set', path: ['b'], value: 2 })).toBe('{\n  "a": 1,\n  "b": 2}');
  });

  it('escapes keys and strings with JSON.stringify', () => {
    expect(edit('{}', { op: 'set', path: ['say "hi"'], value: 'line\nbreak\t\u00e9' })).toBe(
      '{\n  "say \\"hi\\"": "line\\nbreak\\t\u00e9"\n}',
    );
  });

  it('writes a pretty object into empty or blank text, ending with the line ending', () => {
    expect(edit('', { op: 'set', path: ['a'], value: 'x' })).toBe('{\n  "a": "x"\n}\n');
    expect(edit('\r\n', { op: 'set', path: ['a', 'b'], value: 1 })).toBe('{\r\n  "a": {\r\n    "b": 1\r\n  }\r\n}\r\n');
    expect(edit('\uFEFF', { op: 'set', path: ['a'], value: 1 })).toBe('\uFEFF{\n  "a": 1\n}\n');
    expect(edit('// settings\n', { op: 'set', path: ['a'], value: 1 })).toBe('// settings\n{\n  "a": 1\n}\n');
  });
});

describe('jsoncEditor: replacing and deleting', () => {
  it('replaces only the value range of an existing key', () => {
    const text = '{\n  // model\n  "model": "old", // pinned\n  "z": 0\n}\n';
    expect(edit(text, { op: 'set', path: ['model'], value: 'new' })).toBe(
      '{\n  // model\n  "model": "new", // pinned\n  "z": 0\n}\n',
    );
  });

  it('pretty-prints a replacing object relative to its line, and keeps one-line parents one-line', () => {
    expect(edit('{\n  "a": {\n    "b": 1 // old\n  },\n  "z": 0\n}', { op: 'set', path: ['a'], value: { c: [1, 2], d: {} } })).toBe(
      '{\n  "a": {\n    "c": [\n      1,\n      2\n    ],\n    "d": {}\n  },\n  "z": 0\n}',
    );
    expect(edit('{\n  "a": {"b": 1, "c": 2}\n}', { op: 'set', path: ['a', 'b'], value: { x: [1] } })).toBe(
      '{\n  "a": {"b": {"x": [1]}, "c": 2}\n}',
    );
  });

  it('leaves the text untouched when the value is already set', () => {
    const text = '{\n  "a": {"b": 1,    "c": 2} // odd spacing\n}';
    const result = patchText(jsoncEditor, text, [{ op: 'set', path: ['a', 'b'], value: 1 }]);
    expect(result).toMatchObject({ text, changed: false });
  });

  it('removes a property with its line and comma, keeping the comments around it', () => {
    expect(edit('{\n  "a": 1,\n  // about b\n  "b": 2,\n  "c": 3\n}\n', { op: 'delete', path: ['b'] })).toBe(
      '{\n  "a": 1,\n  // about b\n  "c": 3\n}\n',
    );
    expect(edit('{\n  "a": 1, // a!\n  "b": 2\n}\n', { op: 'delete', path: ['b'] })).toBe('{\n  "a": 1 // a!\n}\n');
    expect(edit('{\n  "a": 1,\n  "b": 2, // b!\n  "c": 3\n}\n', { op: 'delete', path: ['b'] })).toBe(
      '{\n  "a": 1,\n  // b!\n  "c": 3\n}\n',
    );
  });

  it('removes from one-line objects and collapses an emptied object', () => {
    expect(edit('{"a": 1, "b": 2, "c": 3}', { op: 'delete', path: ['b'] })).toBe('{"a": 1, "c": 3}');
    expect(edit('{"a": 1, "b": 2}', { op: 'delete', path: ['b'] })).toBe('{"a": 1}');
    expect(edit('{"a": 1, "b": 2,}', { op: 'delete', path: ['b'] })).toBe('{"a": 1,}');
    expect(edit('{\n  "a": {\n    "b": 1\n  }\n}', { op: 'delete', path: ['a', 'b'] })).toBe('{\n  "a": {}\n}');
  });

  it('deletes every copy of a repeated key', () => {
    expect(edit('{"a": 1, "b": 3, "a": 2}', { op: 'delete', path: ['a'] })).toBe('{"b": 3}');
  });

  it('treats deleting something absent as a no-op', () => {
    const text = '{\n  "a": 1 // c\n}';
    expect(patchText(jsoncEditor, text, [{ op: 'delete', path: ['nope', 'deeper'] }])).toMatchObject({ text, changed: false });
  });
});

describe('jsoncEditor: arrays', () => {
  it('inserts on its own line in multi-line arrays', () => {
    const text = '{\n  "list": [\n    "a", // first\n    "b"\n  ]\n}\n';
    expect(edit(text, { op: 'insert', path: ['list', 1], value: 'new' }, { op: 'insert', path: ['list', 3], value: { k: 1 } })).toBe(
      '{\n  "list": [\n    "a", // first\n    "new",\n    "b",\n    {\n      "k": 1\n    }\n  ]\n}\n',
    );
  });

  it('inserts inline in one-line arrays', () => {
    expect(edit('{"list": [1, 2]}', { op: 'insert', path: ['list', 0], value: 0 }, { op: 'insert', path: ['list', 3], value: 3 })).toBe(
      '{"list": [0, 1, 2, 3]}',
    );
  });

  it('fills an empty array inline for scalars and over lines for objects', () => {
    expect(edit('{"list": []}', { op: 'insert', path: ['list', 0], value: 'x' })).toBe('{"list": ["x"]}');
    expect(edit('{\n  "list": []\n}', { op: 'insert', path: ['list', 0], value: { a: 1 } })).toBe(
      '{\n  "list": [\n    {\n      "a": 1\n    }\n  ]\n}',
    );
  });

  it('creates a missing array', () => {
    expect(edit('{\n  "a": 1\n}', { op: 'insert', path: ['list', 0], value: 'x' })).toBe('{\n  "a": 1,\n  "list": [\n    "x"\n  ]\n}');
  });

  it('deletes elements, including one of two equal neighbours', () => {
    expect(edit('[1, 1, 2]', { op: 'delete', path: [0] })).toBe('[1, 2]');
    expect(edit('[\n  1,\n  2\n]', { op: 'delete', path: [1] })).toBe('[\n  1\n]');
  });

  it('rejects impossible inserts the same way as the value model', () => {
    expect(() => edit('{"list": [1]}', { op: 'insert', path: ['list', 5], value: 0 })).toThrow(/1 elements/);
    expect(() => edit('{"list": 1}', { op: 'insert', path: ['list', 0], value: 0 })).toThrow(/is a number/);
  });
});

describe('jsoncEditor: inserting then deleting restores the text byte for byte', () => {
  const add = (path: string[], value: unknown = 1): Edit => ({ op: 'set', path, value: value as never });
  const del = (path: (string | number)[]): Edit => ({ op: 'delete', path });

  it.each([
    '{\n  "a": 1,\n  "b": {"x": 1} // keep me\n}\n',
    '{\n  "a": 1 /* c */   \n}\n',
    '{\n  "a": 1,   \n}\n',
    '{\n  "a": 1, /* c */}',
    '{\n  "a": 1 }',
    '{"a": 1}',
    '{"a": 1,}',
    '{"a": 1 /* x */}',
    '{"a": 1 // x\n}',
    '{}',
    '{\n  // only a comment\n}',
    '\uFEFF{\r\n\t"a": 1\r\n}\r\n',
  ])('for %j', (text) => {
    roundTrip(text, add(['new'], { nested: [1, { deep: true }] }), del(['new']));
  });

  it('for array inserts', () => {
    roundTrip('[\n  1,\n  2\n]', { op: 'insert', path: [0], value: 0 }, del([0]));
    roundTrip('[\n  1,\n  2\n]', { op: 'insert', path: [2], value: 3 }, del([2]));
    roundTrip('[1, 2]', { op: 'insert', path: [1], value: 9 }, del([1]));
    roundTrip('[]', { op: 'insert', path: [0], value: 'x' }, del([0]));
    roundTrip('[]', { op: 'insert', path: [0], value: { a: 1 } }, del([0]));
  });
});
