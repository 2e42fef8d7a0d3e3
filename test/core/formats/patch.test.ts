import { describe, expect, it } from 'vitest';
import { editorFor, jsonEditor, jsoncEditor, json5Editor, tomlEditor, yamlEditor } from '../../../src/core/formats/index.js';
import { patchText, ParseFailure, VerifyFailure } from '../../../src/core/formats/patch.js';
import { EditError, type FormatEditor } from '../../../src/core/formats/types.js';

describe('patchText', () => {
  it('returns the new text with the values before and after', () => {
    const result = patchText(jsoncEditor, '{\n  "a": 1 // keep\n}\n', [{ op: 'set', path: ['b'], value: 2 }]);
    expect(result).toEqual({
      text: '{\n  "a": 1, // keep\n  "b": 2\n}\n',
      changed: true,
      before: { a: 1 },
      after: { a: 1, b: 2 },
    });
  });

  it('is idempotent: the same set applied again changes nothing', () => {
    const edits = [{ op: 'set', path: ['env', 'API_KEY'], value: 'sk-1' }] as const;
    const once = patchText(jsoncEditor, '{\n  // settings\n}\n', edits);
    const twice = patchText(jsoncEditor, once.text, edits);
    expect(twice).toMatchObject({ text: once.text, changed: false });
  });

  it('returns the input untouched for an empty edit list or edits that cancel out', () => {
    const text = '{ "a" : 1 ,"b":[ 1 ] }';
    expect(patchText(jsoncEditor, text, [])).toMatchObject({ text, changed: false });
    const cancel = [
      { op: 'set', path: ['c'], value: 1 },
      { op: 'delete', path: ['c'] },
    ] as const;
    expect(patchText(jsoncEditor, text, cancel)).toMatchObject({ text, changed: false });
  });

  it('throws ParseFailure, with the error and format, when the input does not parse', () => {
    try {
      patchText(jsonEditor, '{\n  "a": 1,\n}', [{ op: 'set', path: ['b'], value: 1 }]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ParseFailure);
      const failure = error as ParseFailure;
      expect(failure.format).toBe('json');
      expect(failure.error).toMatchObject({ line: 2, column: 9 });
      expect(failure.message).toMatch(/trailing commas are not allowed.*line 2, column 9/);
    }
  });

  it('passes EditError through for impossible edits', () => {
    expect(() => patchText(jsoncEditor, '{"a": 1}', [{ op: 'set', path: ['a', 'b'], value: 1 }])).toThrow(EditError);
  });

  it('throws VerifyFailure when the result no longer parses', () => {
    const broken: FormatEditor = { ...jsoncEditor, apply: (text) => text.replace('}', '') };
    expect(() => patchText(broken, '{"a": 1}', [{ op: 'set', path: ['b'], value: 1 }])).toThrow(VerifyFailure);
    expect(() => patchText(broken, '{"a": 1}', [{ op: 'set', path: ['b'], value: 1 }])).toThrow(/no longer parses/);
  });

  it('throws VerifyFailure naming the first differing path when the value is wrong', () => {
    const wrong: FormatEditor = { ...jsoncEditor, apply: () => '{"a": 1, "b": {"c": 3}}' };
    expect(() => patchText(wrong, '{"a": 1}', [{ op: 'set', path: ['b', 'c'], value: 2 }])).toThrow(
      /does not hold the intended value at b\.c/,
    );
  });
});

describe('editorFor', () => {
  it('gives the JSON family editors', () => {
    expect(editorFor('json')).toBe(jsonEditor);
    expect(editorFor('jsonc')).toBe(jsoncEditor);
    expect(editorFor('json5')).toBe(json5Editor);
    expect(jsonEditor.format).toBe('json');
    expect(jsoncEditor.format).toBe('jsonc');
    expect(json5Editor.format).toBe('json5');
  });

  it('gives the TOML and YAML editors', () => {
    expect(editorFor('toml')).toBe(tomlEditor);
    expect(editorFor('yaml')).toBe(yamlEditor);
    expect(tomlEditor.format).toBe('toml');
    expect(yamlEditor.format).toBe('yaml');
  });
});
