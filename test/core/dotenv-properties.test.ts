import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dotenvEditor } from '../../src/core/formats/dotenv.js';
import { patchText } from '../../src/core/formats/patch.js';
import type { Edit } from '../../src/core/formats/types.js';
import { recordEdits } from '../../src/core/planner.js';
import { planFileRestore } from '../../src/core/restore-plan.js';

const NAMES = ['BAILIAN_API_KEY', 'OTHER', 'TELEGRAM_BOT_TOKEN', 'A_1', 'PATH_X'];
const line = fc.oneof(
  fc.constantFrom('', '# comment', '   # indented comment', '#'),
  fc.record({
    name: fc.constantFrom(...NAMES),
    exp: fc.boolean(),
    value: fc.constantFrom('v', 'sk-sp-test-0000', '"quoted value"', "'single'", 'x # inline', ''),
    space: fc.constantFrom('=', ' = '),
  }).map(({ name, exp, value, space }) => `${exp ? 'export ' : ''}${name}${space}${value}`),
);
const envText = fc
  .record({ lines: fc.array(line, { maxLength: 8 }), eol: fc.constantFrom('\n', '\r\n'), final: fc.boolean() })
  .map(({ lines, eol, final }) => lines.join(eol) + (final && lines.length > 0 ? eol : ''));
const edits = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('set' as const), path: fc.constantFrom(...NAMES).map((n) => [n]), value: fc.constantFrom('sk-sp-new-1111', 'a b', 'x') }),
    fc.record({ op: fc.constant('delete' as const), path: fc.constantFrom(...NAMES).map((n) => [n]) }),
  ),
  { minLength: 1, maxLength: 3 },
) as fc.Arbitrary<Edit[]>;

describe('.env editing properties (1000 runs)', () => {
  it('only lines of edited variables change; restore gives back the exact bytes', () => {
    fc.assert(
      fc.property(envText, edits, (text, list) => {
        const parsed = dotenvEditor.parse(text);
        if (!parsed.ok) return;
        const out = patchText(dotenvEditor, text, list).text;
        const touched = new Set(list.map((e) => String(e.path[0])));
        const untouched = (t: string) =>
          t.split(/\r?\n/).filter((l) => !touched.has(l.replace(/^\s*export\s+/, '').split(/\s*=/)[0] ?? '') && l !== '');
        expect(untouched(out)).toEqual(untouched(text));
        if (out === text) return;
        const action = planFileRestore({ format: 'dotenv', existedBefore: true, original: text, written: out, current: out, edits: recordEdits(parsed.value, list), force: false });
        expect(action.kind === 'write' && action.text).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });
});
