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

/** A usable override is an absolute http(s) URL with no query or fragment. */
export function isValidBaseUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.search === '' && u.hash === '';
  } catch {
    return false;
  }
}
