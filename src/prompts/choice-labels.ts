import { getModel } from '../core/catalog/index.js';

/** 1,000,000 → 1M and 262,144 → 256K, the way the vendor's tables write context sizes. */
export function formatTokens(n: number): string {
  return n >= 1_000_000 ? `${n / 1_000_000}M` : `${Math.round(n / 1024)}K`;
}

/** What a person needs to pick a model: its context window and whether it can think. */
export function modelFacts(id: string): { context: string | null; thinking: boolean } {
  const m = getModel(id);
  return { context: m ? formatTokens(m.contextWindow) : null, thinking: m !== undefined && m.thinking !== 'none' };
}
