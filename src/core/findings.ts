/**
 * A finding is something tp-setup noticed that the user should know. Core code produces the code
 * and its parameters; the wording (en / zh-CN) comes from `src/i18n`, so codes stay stable and
 * JSON output never depends on the language.
 */

import type { Edit, FormatId } from './formats/types.js';

export type Severity = 'error' | 'warning' | 'info';

/**
 * Every finding code the core emits. The messages are `finding.<code>` and `finding.<code>.fix` in
 * src/i18n; the error catalog (src/core/explain/data.ts) names these codes as offline confirmations.
 */
export const FINDING_CODES = [
  'KEY_MISSING',
  'KEY_PLACEHOLDER',
  'KEY_MALFORMED',
  'KEY_WRONG_KIND',
  'KEY_ENV_UNSET',
  'KEY_MOVED',
  'URL_UNKNOWN_HOST',
  'URL_WRONG_PATH',
  'URL_REGION_MISMATCH',
  'MODEL_UNLISTED',
  'MODEL_ID_CASE',
  'MODEL_RETIRED',
  'LIMITS_FROM_CATALOG',
  'MODEL_NOT_ON_PROTOCOL',
  'MODEL_REPORTED',
  'URL_REPORTED_HOST',
  'CATALOG_OLD',
  'THINKING_BUDGET_TOO_HIGH',
  'THINKING_UNSUPPORTED',
  'MAX_TOKENS_TOO_HIGH',
  'CONTEXT_TOO_LARGE',
  'OPENCLAW_STALE_CACHE',
  'OPENCLAW_PRIMARY_PREFIX',
  'OPENCLAW_MODEL_UNDEFINED',
  'OPENCLAW_NO_ALLOWLIST',
  'OPENCLAW_LEFTOVER_PROVIDER',
  'OPENCLAW_AUTH_PROFILE_KEY',
  'OPENCLAW_OAUTH_LEFTOVER',
  'OPENCLAW_DISCOVERY_PROFILE',
  'OPENCLAW_STORED_PROFILE',
  'OPENCLAW_THINKING_CONFIG',
  'OPENCLAW_THINKING_DEFAULT',
  'OPENCLAW_THINKING_FORMAT_UNSUPPORTED',
  'TOOL_VERSION_TOO_OLD',
  'TOOL_NOT_INSTALLED',
  'CLAUDE_ONBOARDING_MISSING',
  'CLAUDE_API_KEY_VAR',
  'PLAN_KEY_NO_BASE_URL',
  'TWO_CREDENTIALS',
  'CLAUDE_SETTINGS_COMMENTS',
  'CLINE_MAX_TOKENS_FIXED',
  'CODEX_WIRE_API',
  'CODEX_MODEL_UNSUPPORTED',
  'CODEX_PLAN_UNSUPPORTED',
  'X_API_KEY_ONLY',
  'ENV_OVERRIDE',
  'ENV_SHADOWED',
  'GENERAL_CREDENTIALS_LEFTOVER',
  'GENERAL_KEY_LEFTOVER',
  'ENV_FILE_OVERRIDE',
  'TOOL_REGION_MISMATCH',
  'FILE_UNPARSEABLE',
  'FILE_SHAPE',
  'FILE_PERMISSIONS',
  'DIR_PERMISSIONS',
  'FILE_HARD_LINKS',
  'STATE_NOT_RECORDED',
  'NET_DNS',
  'NET_TLS',
  'NET_PROXY',
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

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
