import { getModel } from '../core/catalog/index.js';

/**
 * 1,000,000 → 1M, 262,144 → 256K and 64,000 → 64K, the way the vendor's tables write sizes: a
 * power-of-two size in units of 1,024, any other in units of 1,000.
 */
export function formatTokens(n: number): string {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000}M`;
  return n % 1024 === 0 ? `${n / 1024}K` : `${Math.round(n / 1000)}K`;
}

/** What a person needs to pick a model: its context window and whether it can think. */
export function modelFacts(id: string): { context: string | null; thinking: boolean } {
  const m = getModel(id);
  return { context: m ? formatTokens(m.contextWindow) : null, thinking: m !== undefined && m.thinking !== 'none' };
}
