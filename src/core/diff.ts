import { createTwoFilesPatch } from 'diff';
import { redactAll } from './keys.js';

/**
 * Unified diff of one file for review and --dry-run, with every secret masked before the texts
 * are compared, so that no line (context, removed or added) can show one: the keys given in
 * `secrets` (the new key, the ones it replaces) and anything shaped like a key or sitting under a
 * secret-looking name (redactSecretShapes in src/core/keys.ts).
 *
 * It starts at the `---`/`+++` headers: the `Index:` line and the `=====` rule that the diff
 * library puts above them (https://github.com/kpdecker/jsdiff#createtwofilespatch) repeat the
 * file name and say nothing a reader needs.
 */
export function maskedDiff(label: string, before: string | null, after: string, secrets: readonly string[]): string {
  const a = redactAll(before ?? '', secrets);
  const b = redactAll(after, secrets);
  const patch = createTwoFilesPatch(before === null ? '/dev/null' : redactAll(label, secrets), redactAll(label, secrets), a, b, '', '', { context: 3 });
  return patch.replace(/^(?:Index: [^\n]*\n)?=+\n/, '');
}
