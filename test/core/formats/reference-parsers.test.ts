/**
 * Each editor against the format's reference parser, not only against its own reader: the
 * patched text, read by JSON.parse, jsonc-parser, json5, smol-toml, yaml or the dotenv package,
 * holds exactly the intended value, and a refused edit is one of the format's refusals.
 * Large files take the windowed path in the TOML editor, so part of the TOML runs pad the file
 * past the window threshold.
 */
import dotenv from 'dotenv';
import fc from 'fast-check';
import { parse as parseJsonc } from 'jsonc-parser';
import JSON5 from 'json5';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { editorFor } from '../../../src/core/formats/index.js';
import { patchText, ParseFailure, VerifyFailure } from '../../../src/core/formats/patch.js';
import { WINDOW_MIN_BYTES } from '../../../src/core/formats/toml-window.js';
import { applyEditsToValue } from '../../../src/core/formats/value.js';
import { EditError, type Edit, type FormatId, type JsonValue } from '../../../src/core/formats/types.js';
import { configDoc } from './config-text.arbitrary.js';
import { resolvePlan } from './edit-plan.arbitrary.js';
import { tomlDoc, tomlEditPlan, yamlDoc, yamlEditPlan } from './toml-yaml-text.arbitrary.js';

const RUNS = Number(process.env.FORMAT_PROPERTY_RUNS ?? 150);

/** Dates and big integers as the editors' value model holds them. */
function plain(value: unknown): JsonValue {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: plain(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return (value ?? null) as JsonValue;
}

const REFERENCE: Record<Exclude<FormatId, 'shell' | 'dotenv'>, (text: string) => JsonValue> = {
  json: (t) => (t.trim() === '' ? {} : JSON.parse(t)),
  jsonc: (t) => plain(parseJsonc(t, [], { allowTrailingComma: true }) ?? {}),
  json5: (t) => (t.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '').trim() === '' ? {} : JSON5.parse(t)),
  toml: (t) => plain(parseToml(t)),
  yaml: (t) => plain(parseYaml(t) ?? {}),
};

function isRefusal(error: unknown): boolean {
  return error instanceof EditError || error instanceof VerifyFailure || error instanceof ParseFailure;
}

function check(format: keyof typeof REFERENCE, text: string, value: JsonValue, edits: readonly Edit[]): void {
  let out: string;
  try {
    out = patchText(editorFor(format), text, edits).text;
  } catch (error) {
    expect(isRefusal(error), String(error)).toBe(true);
    return;
  }
  const body = out.replace(/^\uFEFF/, '');
  expect(REFERENCE[format](body)).toEqual(applyEditsToValue(value, edits));
}

describe(`editors against reference parsers (${RUNS} runs each)`, () => {
  for (const dialect of ['json', 'jsonc', 'json5'] as const) {
    it(`${dialect}: the patched text reads back as the intended value`, () => {
      fc.assert(
        fc.property(configDoc(dialect), tomlEditPlan, (doc, plan) => check(dialect, doc.text, doc.value, resolvePlan(doc.value, plan).edits)),
        { numRuns: RUNS },
      );
    });
  }

  it('toml: the patched text reads back as the intended value, small and past the window threshold', () => {
    const padding = Array.from({ length: Math.ceil(WINDOW_MIN_BYTES / 40) }, (_, i) => `[pad.t${i}]\nname = "padding table ${i}"\n`).join('');
    fc.assert(
      fc.property(tomlDoc, tomlEditPlan, fc.nat(3), (doc, plan, size) => {
        const large = size === 0;
        const { edits } = resolvePlan(doc.value, plan);
        if (!large || doc.text.includes('pad')) return check('toml', doc.text, doc.value, edits);
        const body = doc.text.replace(/^\uFEFF/, '');
        const text = body + (body === '' || body.endsWith('\n') ? '' : doc.eol) + padding.replace(/\n/g, doc.eol);
        const parsed = editorFor('toml').parse(text);
        if (!parsed.ok) return;
        check('toml', text, parsed.value, edits);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('yaml: the patched text reads back as the intended value', () => {
    fc.assert(
      fc.property(yamlDoc, yamlEditPlan, (doc, plan) => check('yaml', doc.text, doc.value, resolvePlan(doc.value, plan).edits)),
      { numRuns: RUNS },
    );
  });

  it('dotenv: the dotenv package reads back every value written, and unowned lines stay', () => {
    const name = fc.constantFrom('A', 'B_2', 'KEY', 'export_ME');
    const value = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', '#', '"', "'", '\\', '$', '=', '-', '/', '`', '{', '}'), maxLength: 8 });
    const line = fc.oneof(
      fc.constantFrom('# c', '', 'OTHER=1', 'export OTHER2="x y" # n', "Q='a#b'"),
      fc.tuple(name, fc.constantFrom('=', ' = '), fc.constantFrom('v', '"q v"', "'s'", 'v # note', '"x" # n')).map(([n, s, v]) => `${n}${s}${v}`),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n')), { maxLength: 6 }), name, value, (rows, key, v) => {
        const text = rows.map(([l, e]) => l + e).join('');
        const edits: Edit[] = [{ op: 'set', path: [key], value: v }];
        let out: string;
        try {
          out = patchText(editorFor('dotenv'), text, edits).text;
        } catch (error) {
          expect(error).toBeInstanceOf(EditError);
          return;
        }
        expect(dotenv.parse(out)[key]).toBe(v);
        const others = (t: string) => (t === '' ? [] : t.split(/(?<=\n)/)).filter((l) => !new RegExp(`^(export\\s+)?${key}\\s*=`).test(l));
        expect(others(out).slice(0, others(text).length)).toEqual(others(text));
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
