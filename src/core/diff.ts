import { createTwoFilesPatch } from 'diff';
import { redactAll } from './keys.js';

/**
 * Unified diff of one file for review and --dry-run, with every secret masked before the texts
 * are compared, so that no line (context, removed or added) can show one: the keys given in
 * `secrets` (the new key, the ones it replaces) and anything shaped like a key or sitting under a
 * secret-looking name (redactSecretShapes in src/core/keys.ts).
 */
export function maskedDiff(label: string, before: string | null, after: string, secrets: readonly string[]): string {
  const a = redactAll(before ?? '', secrets);
  const b = redactAll(after, secrets);
  return createTwoFilesPatch(before === null ? '/dev/null' : redactAll(label, secrets), redactAll(label, secrets), a, b, '', '', { context: 3 });
}
