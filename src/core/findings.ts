/**
 * A finding is something tp-setup noticed that the user should know. Core code produces the code
 * and its parameters; the wording (en / zh-CN) comes from `src/i18n`, so codes stay stable and
 * JSON output never depends on the language.
 */

import type { Edit, FormatId } from './formats/types.js';

export type Severity = 'error' | 'warning' | 'info';

/** A safe, mechanical repair `doctor --fix` may apply: edits to one file, or a tighter file mode. */
export type Repair =
  | { readonly file: string; readonly format: FormatId; readonly edits: readonly Edit[] }
  | { readonly file: string; readonly mode: number };

export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly tool?: string;
  readonly file?: string;
  readonly keyPath?: string;
  /** Values the message template interpolates. Never holds a secret in clear. */
  readonly params?: Readonly<Record<string, string | number>>;
  /** Present when the fix is mechanical and never needs a value only the user knows (a key). */
  readonly repair?: Repair;
}

export function finding(
  code: string,
  severity: Severity,
  rest: Omit<Finding, 'code' | 'severity'> = {},
): Finding {
  return { code, severity, ...rest };
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
