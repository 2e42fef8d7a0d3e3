/**
 * Property tests for the TOML and YAML editors: random messy config text plus random edits on
 * "owned" paths. What must hold: the result is exactly the intended value, nothing outside the
 * owned paths moves, comments/BOM/line endings survive, and restore gives back the original bytes
 * (or, after a user edit elsewhere, our keys back and the user's edit kept).
 */
import { parse as parseWithPatcher } from '@decimalturn/toml-patch';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editorFor } from '../../../src/core/formats/index.js';
import { patchText } from '../../../src/core/formats/patch.js';
import { applyEditsToValue, deepEqual, getAt } from '../../../src/core/formats/value.js';
import type { JsonValue } from '../../../src/core/formats/types.js';
import { recordEdits } from '../../../src/core/planner.js';
import { planFileRestore } from '../../../src/core/restore-plan.js';
import type { CommentTag } from './config-text.arbitrary.js';
import { allPaths, isPrefix, resolvePlan, type EditPlan, type ResolvedPlan } from './edit-plan.arbitrary.js';
import { tomlDoc, tomlEditPlan, yamlDoc, yamlEditPlan, type TextDoc, type TextFormat } from './toml-yaml-text.arbitrary.js';

// FORMAT_PROPERTY_RUNS raises the count for a deeper local soak. A failure prints its seed and
// path; FORMAT_PROPERTY_SEED (and FORMAT_PROPERTY_PATH) replay it, and its shrunk case belongs in
// toml.test.ts / yaml.test.ts as a fixed test.
const RUNS = Number(process.env.FORMAT_PROPERTY_RUNS ?? 1000);
const REPLAY: Partial<fc.Parameters<unknown>> = process.env.FORMAT_PROPERTY_SEED
  ? { seed: Number(process.env.FORMAT_PROPERTY_SEED), ...(process.env.FORMAT_PROPERTY_PATH ? { path: process.env.FORMAT_PROPERTY_PATH } : {}) }
  : {};
const USER_KEY = 'zz_user_added_later';

const DOCS: Record<TextFormat, { doc: fc.Arbitrary<TextDoc>; plan: fc.Arbitrary<EditPlan> }> = {
  toml: { doc: tomlDoc, plan: tomlEditPlan },
  yaml: { doc: yamlDoc, plan: yamlEditPlan },
};

function plain(value: unknown): JsonValue {
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value as JsonValue;
}

/** Whether every number of `value` is a TOML integer exactly where it is a JSON integer. */
function sameNumberKinds(written: unknown, value: JsonValue): boolean {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? typeof written === 'bigint' : typeof written === 'number';
  if (Array.isArray(value)) return Array.isArray(written) && value.every((item, i) => sameNumberKinds(written[i], item));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).every(([key, child]) => sameNumberKinds((written as Record<string, unknown> | undefined)?.[key], child));
  }
  return true;
}

/** A second reader for TOML: toml-patch's own parser, independent of smol-toml. */
function oracle(format: TextFormat, text: string): JsonValue | undefined {
  return format === 'toml' ? plain(parseWithPatcher(text.replace(/^\uFEFF/, ''))) : undefined;
}

function mayBeLost(format: TextFormat, tag: CommentTag, plan: ResolvedPlan): boolean {
  const inside = (p: readonly (string | number)[]) => isPrefix(p, tag.path);
  const strictlyInside = (p: readonly (string | number)[]) => p.length < tag.path.length && isPrefix(p, tag.path);
  if (plan.deleted.some(inside)) return true;
  // A TOML row whose value becomes a table moves to a [section]; the comment above the old row
  // stays behind, above the next row, and goes if that one is deleted.
  const replacedAt = tag.where === 'inside' || format === 'toml' ? inside : strictlyInside;
  if (plan.replaced.some(replacedAt)) return true;
  return plan.churnedArrays.some(strictlyInside);
}

function commentAt(text: string, id: string): number {
  return new RegExp(`# ${id}(?!\\d)`).exec(text)?.index ?? -1;
}

function commentsInOrder(text: string, ids: readonly string[]): boolean {
  let from = 0;
  for (const id of ids) {
    const match = new RegExp(`# ${id}(?!\\d)`).exec(text.slice(from));
    if (!match) return false;
    from += match.index + match[0].length;
  }
  return true;
}

function checkPatch(doc: TextDoc, plan: ResolvedPlan): void {
  const editor = editorFor(doc.format);
  expect(editor.parse(doc.text)).toEqual({ ok: true, value: doc.value });

  const result = patchText(editor, doc.text, plan.edits);
  const intended = applyEditsToValue(doc.value, plan.edits);

  // (a) the re-parsed result is the intended value, also for an independent parser.
  expect(deepEqual(result.after, intended)).toBe(true);
  const second = oracle(doc.format, result.text);
  if (second !== undefined) expect(deepEqual(second, intended)).toBe(true);

  // A JSON integer a set wrote (and no later edit changed) is a TOML integer, not a float; a set
  // of the value already there (`5` over `5.0`) changes nothing.
  if (doc.format === 'toml') {
    const typed: unknown = parseWithPatcher(result.text.replace(/^\uFEFF/, ''), { integersAsBigInt: true });
    for (const [i, edit] of plan.edits.entries()) {
      if (edit.op !== 'set' || plan.edits.slice(i + 1).some((later) => later.path[0] === edit.path[0])) continue;
      const there = getAt(doc.value, edit.path);
      if (there !== undefined && deepEqual(there, edit.value)) continue;
      const written = edit.path.reduce<unknown>((node, segment) => (node as Record<string | number, unknown> | undefined)?.[segment], typed);
      expect(sameNumberKinds(written, edit.value)).toBe(true);
    }
  }

  // (b) nothing outside the owned paths changes.
  for (const path of allPaths(doc.value)) {
    if (plan.owned.some((owned) => isPrefix(owned, path) || isPrefix(path, owned))) continue;
    expect(deepEqual(getAt(result.after, path) as JsonValue, getAt(doc.value, path) as JsonValue)).toBe(true);
  }

  // (c) comments outside replaced/deleted ranges survive in order; BOM and line endings too.
  const kept = doc.comments
    .filter((tag) => !mayBeLost(doc.format, tag, plan))
    .map((tag) => tag.id)
    .sort((a, b) => commentAt(doc.text, a) - commentAt(doc.text, b));
  expect(commentsInOrder(result.text, kept)).toBe(true);
  expect(result.text.startsWith('\uFEFF')).toBe(doc.bom);
  if (doc.text.includes('\n')) {
    if (doc.eol === '\n') expect(result.text).not.toContain('\r');
    else expect(result.text.replace(/\r\n/g, '')).not.toContain('\n');
  }

  // (d) restoring the untouched written file gives back the original bytes.
  const action = planFileRestore({
    format: doc.format,
    existedBefore: true,
    original: doc.text,
    written: result.text,
    current: result.text,
    edits: recordEdits(doc.value, plan.edits),
    force: false,
  });
  expect(action.kind).toBe('write');
  if (action.kind === 'write') expect(action.text).toBe(doc.text);
}

describe.each<TextFormat>(['toml', 'yaml'])('%s editor properties', (format) => {
  const { doc: docArb, plan: planArb } = DOCS[format];

  it(`patches ${RUNS} random documents exactly, keeping everything else (a–d)`, () => {
    fc.assert(
      fc.property(docArb, planArb, (doc, plan) => {
        checkPatch(doc, resolvePlan(doc.value, plan));
      }),
      { numRuns: RUNS, ...REPLAY },
    );
  });

  it(`patch, user edit elsewhere, restore → our keys back, the user's edit kept (${RUNS} runs) (e)`, () => {
    fc.assert(
      fc.property(docArb, planArb, fc.string({ maxLength: 12 }), (doc, plan, userValue) => {
        const { edits } = resolvePlan(doc.value, plan);
        const editor = editorFor(format);
        const written = patchText(editor, doc.text, edits).text;
        fc.pre(written !== doc.text);
        const current = patchText(editor, written, [{ op: 'set', path: [USER_KEY], value: userValue }]).text;
        const action = planFileRestore({
          format,
          existedBefore: true,
          original: doc.text,
          written,
          current,
          edits: recordEdits(doc.value, edits),
          force: false,
        });
        expect(action.kind).toBe('write');
        if (action.kind !== 'write') return;
        expect(action.kept).toEqual([]);
        const expected = applyEditsToValue(doc.value, [{ op: 'set', path: [USER_KEY], value: userValue }]);
        const restored = editor.parse(action.text);
        expect(restored.ok && deepEqual(restored.value, expected)).toBe(true);
      }),
      { numRuns: RUNS, ...REPLAY },
    );
  });
});
