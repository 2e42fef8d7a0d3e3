import { expect } from 'vitest';
import { thinkingBudget } from '../../src/core/adapters/thinking.js';
import type { ModelSpec, PlanId } from '../../src/core/catalog/index.js';
import type { ToolSpec } from './harness.js';
import type { ToolKey } from './tools.js';

/**
 * OpenCode and Kilo CLI (an OpenCode fork) with the config tp-setup writes. Coding Plan: the
 * Anthropic AI SDK on `…/apps/anthropic/v1` (Alibaba's recipe), `x-api-key`, `thinking.budget_tokens`.
 * Token Plan and pay-as-you-go: the OpenAI-compatible SDK (Bearer) with DashScope's
 * `enable_thinking` / `thinking_budget`. Each one-shot makes two POSTs (title + turn), both checked.
 */
export function opencodeLikeSpec(opts: { tool: 'opencode' | 'kilo'; label: string; install: ToolKey; env: Record<string, string> }): ToolSpec {
  const coding = (plan: PlanId): boolean => plan === 'coding';
  return {
    tool: opts.tool,
    label: opts.label,
    install: opts.install,
    protocol: (plan) => (coding(plan) ? 'messages' : 'chat'),
    credential: (plan) => (coding(plan) ? 'x-api-key' : 'bearer'),
    oneShot: (prompt) => ['run', prompt],
    env: () => opts.env,
    timeoutMs: 180_000,
    expectThinking(body, on, model: ModelSpec) {
      const budget = thinkingBudget(model);
      if ('enable_thinking' in body || !('thinking' in body || on)) {
        // OpenAI-compatible: the options pass through to the top level of the body.
        if (model.thinking === 'optional') expect(body.enable_thinking, 'enable_thinking').toBe(on);
        if (on && budget !== null) expect(body.thinking_budget, 'thinking_budget').toBe(budget);
        else expect(body.thinking_budget, 'no thinking_budget').toBeUndefined();
      } else {
        const thinking = body.thinking as { type?: string; budget_tokens?: number } | undefined;
        if (on && budget !== null) expect(thinking, 'thinking').toEqual({ type: 'enabled', budget_tokens: budget });
        else expect(thinking, 'no thinking block').toBeUndefined();
      }
    },
    expectBody(body, model) {
      if (typeof body.max_tokens === 'number') expect(body.max_tokens, 'max_tokens within the model limit').toBeLessThanOrEqual(model.maxOutput);
    },
  };
}
