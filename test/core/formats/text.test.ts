import { describe, expect, it } from 'vitest';
import { detectEol, detectIndentUnit, offsetToLineColumn, splitBom } from '../../../src/core/formats/text.js';

describe('splitBom', () => {
  it('splits a leading BOM off', () => {
    expect(splitBom('\uFEFF{}')).toEqual({ bom: '\uFEFF', body: '{}' });
    expect(splitBom('{}')).toEqual({ bom: '', body: '{}' });
    expect(splitBom('{"\uFEFF": 1}')).toEqual({ bom: '', body: '{"\uFEFF": 1}' });
  });
});

describe('detectEol', () => {
  it('picks the line ending most lines use', () => {
    expect(detectEol('a\r\nb\r\nc\n')).toBe('\r\n');
    expect(detectEol('a\nb\nc\r\n')).toBe('\n');
  });

  it("defaults to '\\n' for no line breaks or a tie", () => {
    expect(detectEol('{}')).toBe('\n');
    expect(detectEol('a\r\nb\n')).toBe('\n');
  });
});

describe('detectIndentUnit', () => {
  it('finds tabs, 4 spaces and 3 spaces', () => {
    expect(detectIndentUnit('{\n\t"a": {\n\t\t"b": 1\n\t}\n}')).toBe('\t');
    expect(detectIndentUnit('{\n    "a": 1\n}')).toBe('    ');
    expect(detectIndentUnit('{\n   "a": {\n      "b": 1\n   }\n}')).toBe('   ');
  });

  it('defaults to two spaces', () => {
    expect(detectIndentUnit('{"a": 1}')).toBe('  ');
    expect(detectIndentUnit('')).toBe('  ');
  });
});

describe('offsetToLineColumn', () => {
  it('is 1-based', () => {
    const text = 'ab\ncd\r\nef';
    expect(offsetToLineColumn(text, 0)).toEqual({ line: 1, column: 1 });
    expect(offsetToLineColumn(text, 2)).toEqual({ line: 1, column: 3 });
    expect(offsetToLineColumn(text, 3)).toEqual({ line: 2, column: 1 });
    expect(offsetToLineColumn(text, 7)).toEqual({ line: 3, column: 1 });
    expect(offsetToLineColumn(text, text.length)).toEqual({ line: 3, column: 3 });
  });
});
