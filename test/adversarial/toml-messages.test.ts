/**
 * TOML messages and line endings: @decimalturn/toml-patch
 * warns on stderr that mixed line endings "will be normalized", though the editor keeps each
 * line's own; nothing may be printed, and the bytes must show the endings kept.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tomlEditor } from '../../src/core/formats/toml.js';
import { patchText } from '../../src/core/formats/patch.js';
import { windowFor } from '../../src/core/formats/toml-window.js';
import type { Edit } from '../../src/core/formats/types.js';
import { largeConfig } from './large-configs.js';

const MIXED = '# codex\r\nmodel = "a"\nx = 1\r\n\r\n[p]\nname = "n"\r\nk = 2\n';

describe('TOML with mixed line endings', () => {
  let warn: ReturnType<typeof vi.spyOn>;
  let error: ReturnType<typeof vi.spyOn>;
  let stderr: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn');
    error = vi.spyOn(console, 'error');
    stderr = vi.spyOn(process.stderr, 'write');
  });
  afterEach(() => vi.restoreAllMocks());

  const cases: readonly [string, Edit, string][] = [
    ['a root value on an LF line', { op: 'set', path: ['model'], value: 'b' }, '# codex\r\nmodel = "b"\nx = 1\r\n\r\n[p]\nname = "n"\r\nk = 2\n'],
    ['a table value on a CRLF line', { op: 'set', path: ['p', 'name'], value: 'm' }, '# codex\r\nmodel = "a"\nx = 1\r\n\r\n[p]\nname = "m"\r\nk = 2\n'],
    ['a removed row', { op: 'delete', path: ['x'] }, '# codex\r\nmodel = "a"\n\r\n[p]\nname = "n"\r\nk = 2\n'],
    ['a new row', { op: 'set', path: ['p', 'new'], value: 3 }, '# codex\r\nmodel = "a"\nx = 1\r\n\r\n[p]\nname = "n"\r\nk = 2\nnew = 3\r\n'],
  ];
  for (const [what, edit, expected] of cases) {
    it(`${what}: the other lines keep their own endings and nothing is printed`, () => {
      expect(patchText(tomlEditor, MIXED, [edit]).text).toBe(expected);
      expect(warn).not.toHaveBeenCalled();
      expect(error).not.toHaveBeenCalled();
      expect(stderr).not.toHaveBeenCalled();
    });
  }

  it('other warnings still pass through', async () => {
    const { quietly } = await import('../../src/core/formats/toml-patcher.js');
    const seen: unknown[] = [];
    warn.mockImplementation((...args: unknown[]) => void seen.push(args[0]));
    quietly(() => {
      console.warn('toml-patch: Mixed line endings detected. Line endings in the output will be normalized to LF');
      console.warn('something else');
    });
    expect(seen).toEqual(['something else']);
  });
});

describe('large TOML files are edited in the one table an edit touches', () => {
  const text = largeConfig('toml', 200_000);
  it('an edit inside a table, or of a root key, gets a window', () => {
    for (const path of [['model_providers', 'p2', 'name'], ['model_providers', 'p9', 'new_key'], ['model']]) {
      const value = tomlEditor.parse(text);
      if (!value.ok) throw new Error('large config does not parse');
      const window = windowFor(text, value.value, { op: 'set', path, value: 'x' });
      expect(window, path.join('.')).toBeDefined();
      expect((window?.end ?? 0) - (window?.start ?? 0)).toBeLessThan(1000);
    }
  });

  it('a new table, or a file below the threshold, gets none', () => {
    const value = tomlEditor.parse(text);
    if (!value.ok) throw new Error('large config does not parse');
    expect(windowFor(text, value.value, { op: 'set', path: ['model_providers', 'new', 'name'], value: 'x' })).toBeUndefined();
    expect(windowFor(text, value.value, { op: 'set', path: ['model_providers', 'p2', 'sub'], value: { a: 1 } })).toBeUndefined();
    expect(windowFor('model = "a"\n[t]\nk = 1\n', { model: 'a', t: { k: 1 } }, { op: 'set', path: ['t', 'k'], value: 2 })).toBeUndefined();
  });

  it('the windowed result is the one the whole-file edit gives', () => {
    const small = '# codex\nmodel = "gpt-5"\n\n[model_providers.p1]\nname = "One"  # display\nmodels = ["a"]\n\n[model_providers.p2]\nname = "Two"\nenv_key = "K"\n\n';
    const edits: Edit[] = [
      { op: 'set', path: ['model_providers', 'p1', 'name'], value: 'Renamed' },
      { op: 'insert', path: ['model_providers', 'p1', 'models', 0], value: 'c' },
      { op: 'delete', path: ['model_providers', 'p2', 'env_key'] },
      { op: 'set', path: ['model'], value: 'qwen3-coder-plus' },
    ];
    const whole = patchText(tomlEditor, small, edits).text;
    const padding = Array.from({ length: 1000 }, (_, i) => `[pad.t${i}]\nname = "padding ${i}"\n`).join('');
    const windowed = patchText(tomlEditor, small + padding, edits).text;
    expect(windowed).toBe(whole + padding);
  });
});
