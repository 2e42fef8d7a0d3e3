import { createTwoFilesPatch } from 'diff';
import { redactSecrets } from './keys.js';

/**
 * Unified diff of one file for review and --dry-run, with every secret masked before the texts
 * are compared, so not even a changed line can leak the key.
 */
export function maskedDiff(label: string, before: string | null, after: string, secrets: readonly string[]): string {
  const a = redactSecrets(before ?? '', secrets);
  const b = redactSecrets(after, secrets);
  return createTwoFilesPatch(before === null ? '/dev/null' : label, label, a, b, '', '', { context: 3 });
}
