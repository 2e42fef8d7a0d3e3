import type { ModelSpec } from '../catalog/types.js';

/**
 * The thinking budget tp-setup writes: inside the model's documented maximum, and at most half
 * of its output limit so clients that add the budget on top of the answer stay within max_tokens.
 * Null when the model documents no bound (thinking-only MiniMax-M2.5 needs none).
 */
export function thinkingBudget(m: ModelSpec): number | null {
  if (m.maxThinkingBudget === null) return null;
  return Math.min(m.maxThinkingBudget, 16_384, Math.floor(m.maxOutput / 2));
}
