/**
 * The read-only paths (doctor, key, explain) parse with readers.ts, the editors with their own
 * parse: both must give the same value, or the same error at the same place, for every format.
 */
import { describe, expect, it, vi } from 'vitest';
import { editorFor } from '../../../src/core/formats/index.js';
import { readerFor } from '../../../src/core/formats/readers.js';
import type { FormatId } from '../../../src/core/formats/types.js';

const TEXTS: Record<FormatId, readonly string[]> = {
  json: ['{"a": 1, "b": [true, null]}\n', '\uFEFF{"x": "y"}', '{"a": 1,}', '{"a": 1 // no\n}', '{"__proto__": {"p": 1}}', ''],
  jsonc: ['// c\n{"a": 1, /* x */ "b": [1,],}\n', '{"a": }', '\uFEFF{}'],
  json5: ["{a: 1, 'b': [0x10, Infinity], c: .5, // x\n}\n", '{__proto__: {p: 1}}', '{a: }', '{"plain": "json"}'],
  toml: ['# c\na = 1\n[t]\nb = "x"\r\n', 'a = \n', '\uFEFF[x]\ny.z = true', 'a = 1\na = 2\n'],
  yaml: ['# c\na: 1\nb:\n  - x\n', 'a: [1, 2\n', '\uFEFFk: v', 'a: &x 1\nb: *x\n'],
  dotenv: ['A=1\nexport B="two words" # c\n', "C='x'\r\n", ''],
  shell: ['export A="1"\n# c\n', 'alias x=y\n'],
};

describe('readers and editors read alike', () => {
  it.each(Object.keys(TEXTS) as FormatId[])('%s: same value or same error', (format) => {
    for (const text of TEXTS[format]) expect(readerFor(format)(text), `${format}: ${JSON.stringify(text)}`).toEqual(editorFor(format).parse(text));
  });

  it('each format has invalid samples above that both refuse', () => {
    const refused = (Object.keys(TEXTS) as FormatId[]).filter((f) => TEXTS[f].some((t) => !readerFor(f)(t).ok));
    expect(refused.sort()).toEqual(['json', 'json5', 'jsonc', 'toml', 'yaml']);
  });
});

describe('the readers\' libraries load only when a text needs them', () => {
  // A fresh module graph: this file's own import of index.ts above has loaded the dialects already.
  const fresh = async () => {
    vi.resetModules();
    return import('../../../src/core/formats/readers.js');
  };

  it('strict JSON reads without them, in every JSON format; anything else asks for them, then reads', async () => {
    const r = await fresh();
    for (const f of ['json', 'jsonc', 'json5'] as const) {
      expect(r.readerFor(f)('\uFEFF{"a": [1, {"b": null}]}')).toEqual({ ok: true, value: { a: [1, { b: null }] } });
      // Not strict JSON: the reader asks for the dialects, naming its format, and gives no verdict.
      const asked = (() => {
        try {
          r.readerFor(f)('{"a": 1, // c\n}');
        } catch (err) {
          return err;
        }
        return undefined;
      })();
      expect(asked).toBeInstanceOf(r.ReaderNeeded);
      expect((asked as InstanceType<typeof r.ReaderNeeded>).format).toBe(f);
    }
    // YAML asks for its library whatever the text; TOML, dotenv and shell profiles never ask.
    expect(() => r.readerFor('yaml')('a: 1\n')).toThrow(r.ReaderNeeded);
    expect(r.readerFor('toml')('a = 1\n')).toEqual({ ok: true, value: { a: 1 } });
    expect(r.readerFor('dotenv')('A=1\n')).toMatchObject({ ok: true });
    await r.loadReaders(['yaml']);
    expect(r.readerFor('yaml')('a: 1\n')).toEqual({ ok: true, value: { a: 1 } });
    // Loading YAML did not bring the JSON dialects.
    expect(() => r.readerFor('jsonc')('// c\n{}')).toThrow(r.ReaderNeeded);
    await r.loadReaders(['jsonc']);
    expect(r.readerFor('jsonc')('// c\n{"a": 1,}')).toEqual({ ok: true, value: { a: 1 } });
    expect(r.readerFor('json')('{"a": 1 // no\n}')).toMatchObject({ ok: false, error: { line: 1 } });
    expect(r.readerFor('json5')("{a: 1, 'b': 0x10}")).toEqual({ ok: true, value: { a: 1, b: 16 } });
  });

  it('an editor module loading them hands them to the readers too', async () => {
    const r = await fresh();
    await import('../../../src/core/formats/index.js');
    expect(r.readerFor('json5')('{a: 1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(r.readerFor('yaml')('a: [1]\n')).toEqual({ ok: true, value: { a: [1] } });
    expect(r.readerFor('toml')('[t]\nb = 2\n')).toEqual({ ok: true, value: { t: { b: 2 } } });
  });
});
