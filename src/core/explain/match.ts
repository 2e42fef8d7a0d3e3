/**
 * Matches a pasted error message against the error catalog. Pastes arrive wrapped in tool prefixes,
 * JSON (sometimes JSON inside a JSON string), curly quotes, terminal colours and line wraps, and
 * the docs print `xxx` where the real message has a number or a model name. So both the paste and
 * the catalog patterns are normalised to one shape before a plain regular-expression search.
 */

import type { ToolId } from '../adapters/types.js';
import { catalog, getModel } from '../catalog/index.js';
import type { Localised, ModelSpec, PlanId } from '../catalog/index.js';
import { errorCatalog } from './catalog.js';
import type { ErrorEntry, LimitKind } from './catalog.js';

export interface ExplainContext {
  readonly plan?: PlanId;
  /** Models the user's tool is configured with; they decide which real limits to report. */
  readonly models?: readonly string[];
}

export interface ExplainLimit {
  readonly model: string;
  readonly limit: number;
  readonly kind: LimitKind;
}

export interface MentionedModel {
  /** As written in the paste. */
  readonly name: string;
  /** The catalog id it refers to, when one fits (possibly after fixing case or a provider prefix). */
  readonly catalogId?: string;
}

export interface ExplainEntry {
  readonly id: string;
  readonly http?: number;
  readonly tool?: ToolId;
  readonly harmless?: boolean;
  readonly title: Localised;
  readonly causes: readonly { readonly text: Localised; readonly checks: readonly string[]; readonly keyKinds?: readonly string[] }[];
  readonly fixes: readonly Localised[];
  /** `limit`: the number the message names (thinking budget, max_tokens, input length); `status`: the HTTP status in the paste. */
  readonly numbers: Readonly<Record<string, number>>;
  /** Other names the message names: `model`, `provider`, `profile`, `variable`. */
  readonly names: Readonly<Record<string, string>>;
  readonly models: readonly MentionedModel[];
  readonly limits?: readonly ExplainLimit[];
  readonly plans: readonly PlanId[];
  readonly sources: readonly string[];
}

export interface ExplainResult {
  readonly matched: boolean;
  readonly entries: readonly ExplainEntry[];
}

interface CompiledPattern {
  readonly regex: RegExp;
  readonly slots: readonly string[];
  /** Letters and digits the pattern requires: the measure of how specific a match is. */
  readonly literal: number;
}

interface CompiledEntry {
  readonly spec: ErrorEntry;
  readonly strong: readonly CompiledPattern[];
  readonly weak: readonly CompiledPattern[];
  readonly unless: readonly CompiledPattern[];
}

type Token =
  | { readonly kind: 'slot'; readonly name: string }
  | { readonly kind: 'gap' }
  | { readonly kind: 'char'; readonly ch: string };

const NUMBER_SLOTS: ReadonlySet<string> = new Set(['limit']);
const QUOTE_CHARS = /["'`\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00b4\u2032\u2033\u300c\u300d\u300e\u300f]/g;
const WORD_CHAR = /[a-z0-9]/i;

function tokenize(template: string): Token[] {
  const tokens: Token[] = [];
  const text = template.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '{') {
      const close = text.indexOf('}', i);
      if (close > i) {
        const name = text.slice(i + 1, close);
        tokens.push(name === '*' ? { kind: 'gap' } : { kind: 'slot', name });
        i = close;
        continue;
      }
    }
    tokens.push({ kind: 'char', ch });
  }
  return tokens;
}

function isWordToken(t: Token | undefined): boolean {
  return t !== undefined && (t.kind === 'slot' || (t.kind === 'char' && WORD_CHAR.test(t.ch)));
}

function escapeRe(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function compilePattern(template: string): CompiledPattern {
  const tokens = tokenize(template);
  const slots: string[] = [];
  let literal = 0;
  let source = '';
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (t.kind === 'gap') {
      source += '.{0,120}?';
      return;
    }
    if (t.kind === 'slot') {
      slots.push(t.name);
      if (NUMBER_SLOTS.has(t.name)) {
        // `x+` because the docs print the placeholder where the server prints the number.
        source += '(\\d{1,3}(?:,\\d{3})+|\\d+|x+)';
      } else {
        // Lazy when literal text follows, so that text decides where the name ends; greedy when only
        // optional quotes or punctuation follow, which would otherwise let it stop after one letter.
        const anchored = tokens
          .slice(i + 1)
          .some((r) => r.kind === 'slot' || (r.kind === 'char' && (WORD_CHAR.test(r.ch) || '[]()'.includes(r.ch))));
        source += anchored ? "([^\\s']+?)" : "([^\\s']+)";
      }
      return;
    }
    const ch = t.ch;
    const between = isWordToken(prev) && isWordToken(next);
    if (WORD_CHAR.test(ch)) {
      literal++;
      source += ch;
    } else if (ch === ' ') {
      source += between ? '\\s+' : '\\s*';
    } else if (/["'`\u2018\u2019\u201C\u201D]/.test(ch)) {
      source += "'*";
    } else if (ch === '-' || ch === '_') {
      source += between ? '[-_\\s]?' : '[-_]?';
    } else if (ch === '.' || ch === '/') {
      source += between ? escapeRe(ch) : `${escapeRe(ch)}?`;
    } else if ('[]()'.includes(ch)) {
      source += escapeRe(ch);
    } else {
      source += `${escapeRe(ch)}?`;
    }
  });
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  // Word boundaries where the pattern starts or ends with a letter, so `404` does not hit `E404`.
  if (first?.kind === 'char' && WORD_CHAR.test(first.ch)) source = `(?<![a-z0-9])${source}`;
  if (last?.kind === 'char' && WORD_CHAR.test(last.ch)) source = `${source}(?![a-z0-9])`;
  return { regex: new RegExp(source, 'i'), slots, literal };
}

const compiled: readonly CompiledEntry[] = errorCatalog.entries.map((spec) => ({
  spec,
  strong: spec.patterns.map(compilePattern),
  weak: (spec.weakPatterns ?? []).map(compilePattern),
  unless: (spec.unless ?? []).map(compilePattern),
}));

/** One shape for every paste: what differs between real pastes of the same message goes away here. */
export function normalisePaste(text: string): string {
  // NFKC folds full-width Chinese-locale punctuation (：，（）) and letters into ASCII.
  let s = text.normalize('NFKC');
  s = s.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
  s = s.replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
  // Error bodies are often JSON quoted inside JSON; unescape a few levels deep.
  for (let i = 0; i < 4; i++) {
    const next = s
      .replace(/\\u([0-9a-fA-F]{4})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      .replace(/\\+(["'`/])/g, '$1')
      .replace(/\\+[nrt]/g, ' ');
    if (next === s) break;
    s = next;
  }
  s = s.replace(QUOTE_CHARS, "'");
  return s.replace(/\s+/g, ' ').trim();
}

interface Hit {
  readonly entry: CompiledEntry;
  readonly start: number;
  readonly end: number;
  readonly literal: number;
  readonly numbers: Record<string, number>;
  readonly names: Record<string, string>;
}

function isPlaceholder(value: string): boolean {
  return /^x+$/i.test(value);
}

function matchEntry(entry: CompiledEntry, patterns: readonly CompiledPattern[], text: string): Hit | undefined {
  let best: { start: number; end: number; literal: number } | undefined;
  const numbers: Record<string, number> = {};
  const names: Record<string, string> = {};
  const ordered = [...patterns].sort((a, b) => b.literal - a.literal);
  for (const p of ordered) {
    const m = p.regex.exec(text);
    if (!m) continue;
    if (!best || p.literal > best.literal) best = { start: m.index, end: m.index + m[0].length, literal: p.literal };
    p.slots.forEach((slot, i) => {
      const raw = m[i + 1];
      if (raw === undefined || isPlaceholder(raw)) return;
      if (NUMBER_SLOTS.has(slot)) {
        if (numbers[slot] === undefined) numbers[slot] = Number(raw.replace(/,/g, ''));
      } else {
        const name = raw.replace(/^['([{<]+|[.,:;!?'")\]}>]+$/g, '');
        if (name && !isPlaceholder(name) && names[slot] === undefined) names[slot] = name;
      }
    });
  }
  return best ? { entry, ...best, numbers, names } : undefined;
}

function contains(a: Hit, b: Hit): boolean {
  return a.start <= b.start && a.end >= b.end;
}

function findHits(text: string): Hit[] {
  const eligible = compiled.filter((e) => !e.unless.some((u) => u.regex.test(text)));
  let hits = eligible.flatMap((e) => matchEntry(e, e.strong, text) ?? []);
  if (hits.length === 0) hits = eligible.flatMap((e) => matchEntry(e, e.weak, text) ?? []);
  // A short message inside a longer one belongs to the longer one ("invalid api-key" inside
  // "Invalid API-key provided", "404 Not Found" inside OpenClaw's discovery notice).
  const kept = hits.filter(
    (b) =>
      !hits.some(
        (a) => a !== b && contains(a, b) && (a.end - a.start > b.end - b.start || a.literal > b.literal),
      ),
  );
  return kept.sort((a, b) => b.literal - a.literal || b.end - b.start - (a.end - a.start));
}

const STATUS_PATTERNS: readonly RegExp[] = [
  /(?<![a-z0-9])(?:http|status(?:[ _]?code)?|error|code)'*\s*[:=]?\s*'*([45]\d\d)(?!\d)/i,
  /(?:^|[:>\]]\s*)([45]\d\d)(?=\s+[a-z])/i,
  /(?<![\d.,])([45]\d\d)\s+status\s+code/i,
  /<([45]\d\d)>/,
];

function statusOf(text: string): number | undefined {
  let found: { index: number; status: number } | undefined;
  for (const re of STATUS_PATTERNS) {
    const m = re.exec(text);
    if (m?.[1] !== undefined && (!found || m.index < found.index)) found = { index: m.index, status: Number(m[1]) };
  }
  return found?.status;
}

function resolveModel(name: string): ModelSpec | undefined {
  const trimmed = name.trim();
  const exact = getModel(trimmed);
  if (exact) return exact;
  // Users paste `bailian/qwen3.6-plus` (OpenClaw) or `Qwen3.5-Plus`; both point at a catalog id.
  const bare = trimmed.slice(trimmed.lastIndexOf('/') + 1).toLowerCase();
  return catalog.models.find((m) => m.id.toLowerCase() === bare);
}

function mentionedModels(text: string, captured: string | undefined): MentionedModel[] {
  const names: string[] = captured ? [captured] : [];
  for (const m of catalog.models) {
    const re = new RegExp(`(?<![\\w.-])${escapeRe(m.id)}(?![\\w.-])`, 'ig');
    for (const found of text.matchAll(re)) names.push(found[0]);
  }
  const seen = new Set<string>();
  const out: MentionedModel[] = [];
  for (const name of names) {
    // `qwen3.6-plus` inside the captured `bailian/qwen3.6-plus` is the same mention.
    if (seen.has(name) || [...seen].some((s) => s.toLowerCase().includes(name.toLowerCase()))) continue;
    seen.add(name);
    const spec = resolveModel(name);
    out.push(spec ? { name, catalogId: spec.id } : { name });
  }
  return out;
}

const LIMIT_FIELD = {
  thinking: 'maxThinkingBudget',
  output: 'maxOutput',
  context: 'contextWindow',
} as const satisfies Record<LimitKind, keyof ModelSpec>;

function limitsFor(kind: LimitKind, limit: number | undefined, models: readonly string[] | undefined): ExplainLimit[] {
  const field = LIMIT_FIELD[kind];
  if (models && models.length > 0) {
    // The user's own models decide: their real limit is the useful number, whatever the text says.
    return models.flatMap((name) => {
      const spec = resolveModel(name);
      const value = spec?.[field];
      return spec && typeof value === 'number' ? [{ model: spec.id, limit: value, kind }] : [];
    });
  }
  if (limit === undefined) return [];
  return catalog.models.filter((m) => m[field] === limit).map((m) => ({ model: m.id, limit, kind }));
}

function applies(plans: readonly PlanId[] | undefined, plan: PlanId | undefined): boolean {
  return plan === undefined || plans === undefined || plans.includes(plan);
}

function present(hit: Hit, text: string, context: ExplainContext, status: number | undefined): ExplainEntry {
  const e = hit.entry.spec;
  const plan = context.plan;
  // A plan filter must never leave the user with nothing to try.
  const causesForPlan = e.causes.filter((c) => applies(c.plans, plan));
  const fixesForPlan = e.fixes.filter((f) => applies(f.plans, plan));
  const causes = (causesForPlan.length > 0 ? causesForPlan : e.causes).map((c) => ({
    text: { en: c.en, 'zh-CN': c['zh-CN'] },
    checks: [...(c.checks ?? [])],
    ...(c.keyKinds ? { keyKinds: [...c.keyKinds] } : {}),
  }));
  const fixes = (fixesForPlan.length > 0 ? fixesForPlan : e.fixes).map((f) => ({ en: f.en, 'zh-CN': f['zh-CN'] }));
  const numbers: Record<string, number> = { ...hit.numbers };
  if (status !== undefined) numbers['status'] = status;
  return {
    id: e.id,
    ...(e.http !== undefined ? { http: e.http } : {}),
    ...(e.tool !== undefined ? { tool: e.tool } : {}),
    ...(e.harmless ? { harmless: true } : {}),
    title: { en: e.title.en, 'zh-CN': e.title['zh-CN'] },
    causes,
    fixes,
    numbers,
    names: { ...hit.names },
    models: mentionedModels(text, hit.names['model']),
    ...(e.limit !== undefined ? { limits: limitsFor(e.limit, hit.numbers['limit'], context.models) } : {}),
    plans: [...e.plans],
    sources: [...e.sources],
  };
}

const byId = new Map(compiled.map((c) => [c.spec.id.toLowerCase(), c]));

/**
 * Explains a pasted error message: every catalog entry it matches, most specific first. A paste
 * that is exactly an entry id (`E31`) returns that entry, so symptoms without a message can be
 * looked up too. Pure: no IO, no network.
 */
export function explainText(text: string, context: ExplainContext = {}): ExplainResult {
  const normalised = normalisePaste(text);
  if (normalised === '') return { matched: false, entries: [] };
  const status = statusOf(normalised);
  const direct = byId.get(normalised.toLowerCase());
  const hits = direct
    ? [{ entry: direct, start: 0, end: normalised.length, literal: 0, numbers: {}, names: {} }]
    : findHits(normalised);
  const entries = hits.map((h) => present(h, normalised, context, status));
  return { matched: entries.length > 0, entries };
}
