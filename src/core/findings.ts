/**
 * A finding is something tp-setup noticed that the user should know. Core code produces the code
 * and its parameters; the wording (en / zh-CN) comes from `src/i18n`, so codes stay stable and
 * JSON output never depends on the language.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly tool?: string;
  readonly file?: string;
  readonly keyPath?: string;
  /** Values the message template interpolates. Never holds a secret in clear. */
  readonly params?: Readonly<Record<string, string | number>>;
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
