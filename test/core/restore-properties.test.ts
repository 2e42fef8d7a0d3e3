import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editorFor } from '../../src/core/formats/index.js';
import { patchText } from '../../src/core/formats/patch.js';
import type { JsonValue } from '../../src/core/formats/types.js';
import { applyEditsToValue, deepEqual } from '../../src/core/formats/value.js';
import { recordEdits } from '../../src/core/planner.js';
import { planFileRestore } from '../../src/core/restore-plan.js';
import { configDoc, type Dialect } from './formats/config-text.arbitrary.js';
import { editPlan, resolvePlan } from './formats/edit-plan.arbitrary.js';

const RUNS = 1000;
const USER_KEY = 'zz_user_added_later';

function parse(dialect: Dialect, text: string): JsonValue {
  const r = editorFor(dialect).parse(text);
  if (!r.ok) throw new Error(`does not parse: ${r.error.message}\n${text}`);
  return r.value;
}

describe.each<Dialect>(['json', 'jsonc', 'json5'])('restore properties (%s)', (dialect) => {
  it(`patch, then restore of the untouched file → byte-identical (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(configDoc(dialect), editPlan, (doc, plan) => {
        const { edits } = resolvePlan(doc.value, plan);
        const written = patchText(editorFor(dialect), doc.text, edits).text;
        const action = planFileRestore({
          format: dialect,
          existedBefore: true,
          original: doc.text,
          written,
          current: written,
          edits: recordEdits(doc.value, edits),
          force: false,
        });
        if (written === doc.text) return;
        expect(action.kind).toBe('write');
        if (action.kind === 'write') expect(action.text).toBe(doc.text);
      }),
      { numRuns: RUNS },
    );
  });

  it(`patch, user edits elsewhere, restore → our keys back, the user's edit kept (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(configDoc(dialect), editPlan, fc.string({ maxLength: 12 }), (doc, plan, userValue) => {
        fc.pre(!doc.blank && typeof doc.value === 'object' && doc.value !== null && !Array.isArray(doc.value));
        const { edits } = resolvePlan(doc.value, plan);
        const editor = editorFor(dialect);
        const written = patchText(editor, doc.text, edits).text;
        fc.pre(written !== doc.text);
        const current = patchText(editor, written, [{ op: 'set', path: [USER_KEY], value: userValue }]).text;
        const action = planFileRestore({
          format: dialect,
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
        expect(deepEqual(parse(dialect, action.text), expected)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
