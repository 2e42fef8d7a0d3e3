/**
 * API-key hygiene and kind rules (docs/plans.md#key-rules). Everything here works on the key text alone:
 * the prefix tells a plan key from a pay-as-you-go or foreign one, but never Coding Plan from
 * Token Plan, nor the region, so those come from what the user declared.
 */

import { familyOfPlan } from './catalog/index.js';
import type { PlanId, RegionId } from './catalog/index.js';
import { finding } from './findings.js';
import type { Finding } from './findings.js';

export type KeyProblem = 'whitespace' | 'linebreak' | 'zero-width' | 'quotes' | 'inner-space' | 'control' | 'inner-quote';

export type KeyKind =
  | 'empty'
  | 'placeholder'
  | 'masked'
  | 'modelscope'
  | 'plan'
  | 'payg-workspace'
  | 'payg'
  | 'other-vendor'
  | 'unknown';

export interface NormalizedKey {
  readonly value: string;
  readonly problems: KeyProblem[];
}

const PROBLEM_ORDER: readonly KeyProblem[] = ['whitespace', 'linebreak', 'zero-width', 'quotes', 'inner-space', 'control', 'inner-quote'];

/** Problems no file may receive: a shell profile or .env line would end, or run code, where the key does. */
export const UNSAFE_KEY_PROBLEMS: readonly KeyProblem[] = ['control', 'inner-quote'];

// C0 controls (NUL, ESC…) but the tab and breaks handled above, DEL, C1, and the bidi overrides
// that make a terminal show other text than the bytes (https://unicode.org/reports/tr9/).
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069]/;
// Quoting and expansion characters of the shell and .env syntaxes a key is written into.
const INNER_QUOTE = /['"`\\$]/;

const ZERO_WIDTH = /[\u200B-\u200D\uFEFF\u2060]/g;
const LINE_BREAK = /[\r\n\u2028\u2029]/;
// A key wrapped across lines often carries the indentation of its continuation line; that
// indentation belongs to the break, not to the key.
const INNER_BREAK = /[ \t]*(?:\r\n|[\r\n\u2028\u2029])[ \t]*/g;
const QUOTE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ["'", "'"],
  ['"', '"'],
  ['`', '`'],
  ['\u201C', '\u201D'],
  ['\u2018', '\u2019'],
];

// Quotes and whitespace can nest either way round (`" sk-… "` or ` "sk-…"\n`), so peel both
// until neither changes the value.
function peelEnds(text: string): { value: string; problems: KeyProblem[] } {
  const problems: KeyProblem[] = [];
  let value = text;
  for (;;) {
    const trimmed = value.trim();
    if (trimmed !== value) {
      const removed = value.slice(0, value.length - value.trimStart().length) + value.slice(value.trimEnd().length);
      if (LINE_BREAK.test(removed)) problems.push('linebreak');
      if (/[^\r\n\u2028\u2029]/.test(removed)) problems.push('whitespace');
      value = trimmed;
    }
    const pair = QUOTE_PAIRS.find(([open, close]) => value.length >= 2 && value.startsWith(open) && value.endsWith(close));
    if (!pair) return { value, problems };
    problems.push('quotes');
    value = value.slice(pair[0].length, value.length - pair[1].length);
  }
}

export function normalizeKey(raw: string): NormalizedKey {
  const found = new Set<KeyProblem>();
  let value = raw;

  const visible = value.replace(ZERO_WIDTH, '');
  if (visible !== value) {
    found.add('zero-width');
    value = visible;
  }

  const peeled = peelEnds(value);
  peeled.problems.forEach((p) => found.add(p));
  value = peeled.value;

  if (LINE_BREAK.test(value)) {
    found.add('linebreak');
    value = value.replace(INNER_BREAK, '');
  }

  // An inner space is never part of a key, but deleting it could join two unrelated strings
  // into something key-shaped; the user has to look at it.
  if (/\s/.test(value)) found.add('inner-space');
  if (CONTROL.test(value)) found.add('control');
  if (INNER_QUOTE.test(value)) found.add('inner-quote');

  return { value, problems: PROBLEM_ORDER.filter((p) => found.has(p)) };
}

const OTHER_VENDOR_PREFIXES = ['sk-ant-', 'sk-or-', 'sk-tp-', 'tp-'] as const;

function isPlaceholder(value: string): boolean {
  if (/your[-_ ]?(api[-_ ]?)?key/i.test(value)) return true;
  if (/^<[^<>]*>$/.test(value)) return true;
  // `sk-sp-xxx`, `sk-xxx`, `xxxxxxxx`, `xxx...`: documentation stand-ins, with or without a prefix.
  const rest = value.replace(/^(sk-(sp-|ws-)?|ms-)/i, '');
  return /^x{3,}(\.{3}|\u2026)?$/i.test(rest);
}

function isMasked(value: string): boolean {
  // Consoles show `sk-sp-****`; our own masks and many UIs shorten with an ellipsis.
  return value.includes('****') || /.(\u2026|\.\.\.)/.test(value);
}

export function classifyKey(value: string): KeyKind {
  const key = normalizeKey(value).value;
  if (key === '') return 'empty';
  if (isPlaceholder(key)) return 'placeholder';
  if (isMasked(key)) return 'masked';
  if (OTHER_VENDOR_PREFIXES.some((p) => key.startsWith(p))) return 'other-vendor';
  if (key.startsWith('ms-')) return 'modelscope';
  if (key.startsWith('sk-sp-')) return 'plan';
  if (key.startsWith('sk-ws-')) return 'payg-workspace';
  if (key.startsWith('sk-')) return 'payg';
  return 'unknown';
}

function wrongKindSeverity(kind: KeyKind, plan: PlanId, region: RegionId): Finding['severity'] | undefined {
  const family = familyOfPlan(plan);
  switch (kind) {
    case 'modelscope':
    case 'other-vendor':
      return 'error';
    case 'plan':
      return family === 'payg' ? 'error' : undefined;
    case 'payg-workspace':
      return family === 'payg' ? undefined : 'error';
    case 'payg':
      if (family === 'payg') return undefined;
      // Only the international Token Plan leaves its key format unstated (its FAQ never names one, and
      // Qwen Code dropped its sk-sp- check), so a plain sk- key there may be genuine
      // (docs/plans.md#contradictions, item 1).
      return family === 'token-plan' && region === 'intl' ? 'warning' : 'error';
    case 'unknown':
      // No documented key looks like this, but formats change; let the user decide.
      return 'warning';
    default:
      return undefined;
  }
}

/** Findings about a key for a plan and region. Parameters never carry the key, only its kind. */
export function keyFindings(raw: string, plan: PlanId, region: RegionId): Finding[] {
  const { problems } = normalizeKey(raw);
  const kind = classifyKey(raw);

  if (kind === 'empty') return [finding('KEY_MISSING', 'error')];
  if (kind === 'placeholder') return [finding('KEY_PLACEHOLDER', 'error')];

  const out: Finding[] = [];
  const reasons: string[] = kind === 'masked' ? ['masked', ...problems] : [...problems];
  if (reasons.length > 0) {
    // Masked or space-split keys cannot be repaired; the other problems are cleaned on save.
    const severity = kind === 'masked' || problems.some((p) => p === 'inner-space' || UNSAFE_KEY_PROBLEMS.includes(p)) ? 'error' : 'warning';
    out.push(finding('KEY_MALFORMED', severity, { params: { problems: reasons.join(',') } }));
  }
  if (kind === 'masked') return out;

  const severity = wrongKindSeverity(kind, plan, region);
  if (severity) out.push(finding('KEY_WRONG_KIND', severity, { params: { kind, plan } }));
  return out;
}

/** The first reason a key cannot work with this plan and region (an error finding), or undefined. */
export function keyProblem(raw: string, plan: PlanId, region: RegionId): Finding | undefined {
  return keyFindings(raw, plan, region).find((f) => f.severity === 'error');
}

/**
 * The message that says where a plan's key comes from and what it looks like (docs/plans.md#keys):
 * the plan's own console page; `sk-sp-` for Coding Plan and China's Token Plan (documented), for
 * the international Token Plan only reported, so that text says "usually".
 */
export function keyOriginCode(plan: PlanId, region: RegionId): `key.where.${PlanId}` | `key.where.${'token-personal' | 'token-team'}.intl` {
  if (plan === 'token-personal' || plan === 'token-team') return `key.where.${plan}${region === 'intl' ? '.intl' : ''}`;
  return `key.where.${plan}`;
}

const KNOWN_PREFIXES = ['sk-sp-', 'sk-ws-', 'sk-', 'ms-'] as const;
const MIN_LENGTH_FOR_TAIL = 12;

export function maskKey(value: string): string {
  const key = normalizeKey(value).value;
  if (key === '') return '';
  const known = KNOWN_PREFIXES.find((p) => key.startsWith(p));
  // For an unknown format the first three characters stand in for a prefix, but on a very short
  // value they would be most of it.
  const prefix = known ?? (key.length >= 8 ? key.slice(0, 3) : '');
  if (key.length < MIN_LENGTH_FOR_TAIL) return `${prefix}\u2026`;
  return `${prefix}\u2026${key.slice(-4)}`;
}

// Shorter values are not real keys, and replacing them would mangle ordinary words in the text.
const MIN_SECRET_LENGTH = 6;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function redactSecrets(text: string, secrets: readonly string[]): string {
  const masks = new Map<string, string>();
  for (const secret of secrets) {
    const normalized = normalizeKey(secret).value;
    if (normalized.length < MIN_SECRET_LENGTH || classifyKey(normalized) === 'placeholder') continue;
    const mask = maskKey(normalized);
    // The peeled form keeps inner zero-width characters or breaks, as a raw echo of the key would;
    // surrounding quotes stay in the text so its syntax survives.
    for (const form of [peelEnds(secret).value, normalized]) {
      if (form.length >= MIN_SECRET_LENGTH) masks.set(form, mask);
    }
  }
  if (masks.size === 0) return text;
  // One pass with the longest forms first: a quoted or padded form is replaced whole, and a mask
  // already written is never matched again.
  const forms = [...masks.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(forms.map(escapeRegExp).join('|'), 'g');
  return text.replace(pattern, (match) => masks.get(match) ?? match);
}

/**
 * Prefixes of API keys and tokens of the vendors whose keys sit in the same config files: Model
 * Studio (`sk-`, `sk-sp-`, `sk-ws-`), ModelScope (`ms-`), Anthropic (`sk-ant-`), OpenRouter
 * (`sk-or-`), OpenAI project keys (`sk-proj-`), GitHub
 * (https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats),
 * GitLab (`glpat-`), Slack (https://api.slack.com/concepts/token-types), AWS access key ids
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids),
 * Google (`AIza`), Hugging Face (`hf_`), npm (`npm_`). Longest first, so the mask keeps the
 * most telling one.
 */
export const SECRET_PREFIXES = [
  'github_pat_', 'sk-proj-', 'sk-ant-', 'sk-sp-', 'sk-ws-', 'sk-or-', 'sk-tp-', 'glpat-', 'xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xapp-',
  'ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'AKIA', 'ASIA', 'AIza', 'npm_', 'hf_', 'sk-', 'ms-', 'tp-',
] as const;

const TOKEN_TAIL = '[A-Za-z0-9_\\-]';
/** A prefixed token: not inside a longer word, and long enough (with a digit, or very long) not to be a word itself. */
const PREFIXED = new RegExp(`(?<![A-Za-z0-9])(?:${SECRET_PREFIXES.map(escapeRegExp).join('|')})${TOKEN_TAIL}{6,}`, 'g');

// These also begin ordinary names (`ms-vscode`, `tp-home-…`, `hf_cache1`): only long tails that do
// not sit inside a path or a longer name count.
const SHORT_PREFIXES: readonly string[] = ['ms-', 'tp-', 'hf_', 'npm_'];

function looksRandom(tail: string, prefix = '', before = ''): boolean {
  if (SHORT_PREFIXES.includes(prefix)) return tail.length >= 16 && /[0-9]/.test(tail) && !/[/\\._~-]/.test(before);
  return tail.length >= 8 && (/[0-9]/.test(tail) || tail.length >= 16);
}

/** Whether a PREFIXED match at `offset` of `text` is a secret. */
function isSecretAt(match: string, offset: number, text: string): boolean {
  const prefix = SECRET_PREFIXES.find((p) => match.startsWith(p)) ?? '';
  return looksRandom(match.slice(prefix.length), prefix, offset > 0 ? (text[offset - 1] ?? '') : '');
}

/** Whether `text` holds a value shaped like a known key or token anywhere. */
export function hasSecretShape(text: string): boolean {
  for (const m of text.matchAll(PREFIXED)) if (isSecretAt(m[0], m.index, text)) return true;
  return false;
}

/** A secret of any vendor, shortened the way maskKey shortens a Model Studio key: `ghp_…wxyz`. */
export function maskSecret(value: string): string {
  const prefix = SECRET_PREFIXES.find((p) => value.startsWith(p) && looksRandom(value.slice(p.length), p));
  if (prefix) return value.length < MIN_LENGTH_FOR_TAIL ? `${prefix}\u2026` : `${prefix}\u2026${value.slice(-4)}`;
  // A value known only by the name it sits under: no head, and a tail only on a long one.
  return value.length >= 16 ? `\u2026${value.slice(-4)}` : '\u2026';
}

/**
 * Names under which a value is a secret whatever it looks like: `*_KEY`, `*_TOKEN`, `*_SECRET`,
 * `apiKey`, `api_key`, `password`, `Authorization`… (`MAX_TOKENS`, `key_path` are not).
 */
export function isSecretName(name: string): boolean {
  const last = name.split('.').pop() ?? '';
  return (
    /^(?:.*[_-])?(?:api[_-]?)?(?:key|token|secret|password|passwd|pwd|passphrase|credentials?|authorization)$/i.test(last) ||
    /[a-z0-9](?:Key|Token|Secret|Password|Passphrase|Credentials?)$/.test(last)
  );
}

/** A value that names where the secret is rather than holding it: `{env:VAR}`, `${VAR}`, `$VAR`, `SOME_VAR`. */
function isReference(value: string): boolean {
  return (
    value === '' ||
    /^(?:null|true|false|~)$/.test(value) ||
    /^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/.test(value) ||
    /^\{(?:env|file):[^}]*\}$/.test(value) ||
    /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value) ||
    isMasked(value) ||
    value.includes('\u2026')
  );
}

/**
 * `name: value`, `"name": "value"`, `name = 'value'`, `NAME=value`, `export NAME="value"` on one
 * line: JSON, JSONC, JSON5, TOML, YAML, .env and shell profiles. The value is a quoted string or a
 * bare run up to a delimiter, a ` #` comment or the end of the line.
 */
const NAMED = /(^|[\s{,;])((?:export[ \t]+)?)(["']?)([A-Za-z_$][\w.$-]*)\3([ \t]*[:=][ \t]*)("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|`[^`\n]*`|[^\s"'`,{}[\]#][^\n]*?(?=[ \t]*(?:[,}\]]|[ \t]#|\r?$)))/gm;

/**
 * `text` with every secret-shaped value masked: any token with a known key prefix, and the value
 * of any entry whose name marks it secret (isSecretName), in every format tp-setup edits. For
 * text shown to people (diffs, file excerpts); what is written is never passed through it.
 */
export function redactSecretShapes(text: string): string {
  const prefixed = text.replace(PREFIXED, (match: string, offset: number) => (isSecretAt(match, offset, text) ? maskSecret(match) : match));
  return prefixed.replace(NAMED, (whole, lead: string, exp: string, q: string, name: string, sep: string, raw: string) => {
    if (!isSecretName(name)) return whole;
    const quote = /^["'`]/.test(raw) ? raw[0]! : '';
    const inner = quote ? raw.slice(1, -1) : raw;
    if (isReference(inner)) return whole;
    return `${lead}${exp}${q}${name}${q}${sep}${quote}${maskSecret(inner)}${quote}`;
  });
}

/** Both redactions: the secrets known by value, then everything shaped like one. */
export function redactAll(text: string, secrets: readonly string[]): string {
  return redactSecretShapes(redactSecrets(text, secrets));
}
