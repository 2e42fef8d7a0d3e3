import type { Answers } from './adapters/types.js';
import { endpointsFor } from './catalog/index.js';
import type { Endpoints } from './catalog/types.js';

/**
 * The plan's endpoints, or the same paths on another origin when the user routes through a
 * gateway or proxy (`--base-url https://gw.example/bailian` → `https://gw.example/bailian/v1`).
 * The path carries the plan (`/v1` vs `/compatible-mode/v1` vs `/apps/anthropic`) and is kept.
 */
export function resolveEndpoints(answers: Pick<Answers, 'plan' | 'region' | 'baseUrl'>): Endpoints {
  const plan = endpointsFor(answers.plan, answers.region);
  if (!answers.baseUrl) return plan;
  const base = answers.baseUrl.replace(/\/+$/, '');
  const rebase = (url: string): string => base + new URL(url).pathname;
  return { ...plan, openai: rebase(plan.openai), anthropic: rebase(plan.anthropic), anthropicAiSdk: rebase(plan.anthropicAiSdk) };
}

/** Why a `--base-url` value cannot be used, as a message-key suffix; undefined when it can. */
export type BaseUrlProblem = 'empty' | 'characters' | 'parse' | 'scheme' | 'credentials' | 'query' | 'insecure' | 'canonical';

/** Loopback hosts, where plain http stays on the machine: 127.0.0.0/8, ::1 and localhost (RFC 6761 §6.3). */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * The exact string is checked, not what `new URL()` makes of it: the WHATWG parser drops tabs and
 * newlines, turns `\` into `/` and lowercases the host (https://url.spec.whatwg.org/#concept-basic-url-parser),
 * so a value it accepts could still be written with those characters. A usable value is already
 * the URL the parser would print, give or take a trailing slash, so what is written is exactly
 * what was checked.
 */
export function baseUrlProblem(value: string): BaseUrlProblem | undefined {
  if (value === '') return 'empty';
  if (/[\s\x00-\x1F\x7F-\x9F\\\u200B-\u200D\u2060\uFEFF]|[^\x20-\x7E]/.test(value)) return 'characters';
  if (!/^https?:\/\//.test(value)) return 'scheme';
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return 'parse';
  }
  if (u.username !== '' || u.password !== '' || /^https?:\/\/[^/]*@/.test(value)) return 'credentials';
  if (value.includes('?') || value.includes('#')) return 'query';
  if (u.protocol === 'http:' && !isLoopback(u.hostname)) return 'insecure';
  if (u.href.replace(/\/+$/, '') !== value.replace(/\/+$/, '')) return 'canonical';
  return undefined;
}

/** A usable override: see baseUrlProblem. */
export function isValidBaseUrl(value: string): boolean {
  return baseUrlProblem(value) === undefined;
}
