/**
 * Property tests: random messy config text plus random edits on "owned" paths. What must hold for
 * every format: the result is exactly the intended value, nothing outside the owned paths moves,
 * comments/BOM/line endings survive, adding-then-removing is byte-exact, and re-applying sets is a
 * no-op.
 */
import fc from 'fast-check';
import JSON5 from 'json5';
import { describe, expect, it } from 'vitest';
import { editorFor } from '../../../src/core/formats/index.js';
import { patchText } from '../../../src/core/formats/patch.js';
import { applyEditsToValue, deepEqual, getAt } from '../../../src/core/formats/value.js';
import { EditError, type Edit, type JsonValue } from '../../../src/core/formats/types.js';
import { configDoc, type CommentTag, type ConfigDoc, type Dialect } from './config-text.arbitrary.js';
import { allPaths, editPlan, isPrefix, resolvePlan, type ResolvedPlan } from './edit-plan.arbitrary.js';

// FORMAT_PROPERTY_RUNS raises the count for a deeper local soak.
const RUNS = Number(process.env.FORMAT_PROPERTY_RUNS ?? 1000);

function oracle(dialect: Dialect, text: string): JsonValue {
  const body = text.replace(/^\uFEFF/, '');
  // A file holding only comments (or nothing) stands for an empty object.
  if (body.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '').trim() === '') return {};
  return dialect === 'json' ? JSON.parse(body) : JSON5.parse(body);
}

function mayBeLost(tag: CommentTag, plan: ResolvedPlan): boolean {
  const inside = (p: readonly (string | number)[]) => isPrefix(p, tag.path);
  const strictlyInside = (p: readonly (string | number)[]) => p.length < tag.path.length && isPrefix(p, tag.path);
  if (plan.deleted.some(inside)) return true;
  if (plan.replaced.some(tag.where === 'inside' ? inside : strictlyInside)) return true;
  return plan.churnedArrays.some(strictlyInside);
}

function commentsInOrder(text: string, ids: readonly string[]): boolean {
  let from = 0;
  for (const id of ids) {
    const match = new RegExp(`(// ${id}(?!\\d))|(/\\* ${id} \\*/)`).exec(text.slice(from));
    if (!match) return false;
    from += match.index + match[0].length;
  }
  return true;
}

function checkPatch(doc: ConfigDoc, plan: ResolvedPlan): void {
  const editor = editorFor(doc.dialect);
  const parsed = editor.parse(doc.text);
  expect(parsed).toEqual({ ok: true, value: doc.value });

  const result = patchText(editor, doc.text, plan.edits);
  const intended = applyEditsToValue(doc.value, plan.edits);

  // (a) the re-parsed result is the intended value, also for an independent parser.
  expect(deepEqual(result.after, intended)).toBe(true);
  expect(deepEqual(oracle(doc.dialect, result.text), intended)).toBe(true);

  // (b) nothing outside the owned paths changes.
  for (const path of allPaths(doc.value)) {
    if (plan.owned.some((owned) => isPrefix(owned, path) || isPrefix(path, owned))) continue;
    expect(deepEqual(getAt(result.after, path) as JsonValue, getAt(doc.value, path) as JsonValue)).toBe(true);
  }

  // (c) comments outside replaced/deleted ranges survive in order; BOM and line endings too.
  const kept = doc.comments.filter((tag) => !mayBeLost(tag, plan)).map((tag) => tag.id);
  expect(commentsInOrder(result.text, kept)).toBe(true);
  expect(result.text.startsWith('\uFEFF')).toBe(doc.bom);
  if (doc.text.includes('\n')) {
    if (doc.eol === '\n') expect(result.text).not.toContain('\r');
    else expect(result.text.replace(/\r\n/g, '')).not.toContain('\n');
  }

  // (d) undoing additions gives back the original bytes.
  if (plan.onlyAdds && !doc.blank) {
    expect(patchText(editor, result.text, plan.inverse).text).toBe(doc.text);
  }

  // (e) re-applying the sets to the result changes nothing when they are already true there.
  const sets = plan.edits.filter((edit): edit is Extract<Edit, { op: 'set' }> => edit.op === 'set');
  let noOp = false;
  try {
    noOp = sets.length > 0 && deepEqual(applyEditsToValue(result.after, sets), result.after);
  } catch (error) {
    if (!(error instanceof EditError)) throw error;
  }
  if (noOp) {
    const again = patchText(editor, result.text, sets);
    expect(again.text).toBe(result.text);
    expect(again.changed).toBe(false);
  }
}

describe.each<Dialect>(['json', 'jsonc', 'json5'])('%s editor properties', (dialect) => {
  it(`holds for ${RUNS} random documents and edit lists`, () => {
    fc.assert(
      fc.property(configDoc(dialect), editPlan, (doc, plan) => {
        checkPatch(doc, resolvePlan(doc.value, plan));
      }),
      { numRuns: RUNS },
    );
  });
});
