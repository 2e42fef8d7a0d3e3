/**
 * YAML, as Hermes's `~/.hermes/config.yaml` is written.
 *
 * Edits go through the `yaml` package's Document API, which keeps comments, key order, quoting
 * and blank lines, but prints the whole document anew: it would re-indent, re-space comments and
 * re-pad flow collections everywhere. So the printed document before the edits and after them are
 * both compared with the file: lines the edits did not change come from the file byte for byte,
 * and only the regions the edits changed come from the printer (a three-way line merge).
 *
 * The parts: yaml-load.ts (parse), yaml-document.ts (edits on the Document), yaml-merge.ts
 * (printing and the merge) and yaml-comments.ts (comment checks and spacing); this file runs them
 * and checks each merge.
 */
import { ParseFailure } from './failures.js';
import { detectEol, splitBom } from './text.js';
import { applyEdit, applyEditsToValue, deepEqual } from './value.js';
import { alignComments, commentsIn, keepsComments } from './yaml-comments.js';
import { applyToDocument } from './yaml-document.js';
import { load, readYaml } from './yaml-load.js';
import { merge, print, printOptions, tidy, withEol } from './yaml-merge.js';
import type { Edit, FormatEditor } from './types.js';

export const yamlEditor: FormatEditor = {
  format: 'yaml',

  parse: readYaml,

  apply(text: string, edits: readonly Edit[]): string {
    const { bom, body } = splitBom(text);
    const loaded = load(body);
    if (!loaded.ok) throw new ParseFailure('yaml', loaded.error);
    const intended = applyEditsToValue(loaded.value, edits);
    // Edits that cancel out leave the text alone, even if each step alone would have touched it.
    if (deepEqual(intended, loaded.value)) return text;
    const { doc } = loaded;
    const options = printOptions(body);
    const eol = detectEol(body);
    const printedBase = print(doc, options);
    let value = loaded.value;
    for (const edit of edits) {
      // The value model decides what is allowed, so text and model reject the same edits.
      const next = applyEdit(value, edit);
      if (deepEqual(next, value)) continue;
      applyToDocument(doc, edit);
      value = next;
    }
    // A merge can miss the value where the file's indentation differs from the printer's right
    // beside an edit, and a comment where the printer moved it into a line the edit changed; the
    // next wider merge is tried then, and the whole print is the last resort.
    const printed = print(doc, options);
    const comments = commentsIn(printed.join('\n'));
    for (const tidied of [true, false]) {
      const base = tidied ? tidy(printedBase) : printedBase;
      const edited = tidied ? tidy(printed) : printed;
      for (const reach of ['narrow', 'conflicts', 'wide'] as const) {
        const merged = merge(body, base, edited, eol, reach);
        const check = load(merged);
        if (check.ok && deepEqual(check.value, intended) && keepsComments(merged, comments)) {
          const aligned = alignComments(body, merged);
          const recheck = load(aligned);
          return bom + (recheck.ok && deepEqual(recheck.value, intended) ? aligned : merged);
        }
      }
    }
    return bom + withEol(printed, eol);
  },
};
