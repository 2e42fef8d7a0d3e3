/**
 * Codex with the config tp-setup writes: `[model_providers.bailian]` with `env_key`, the key exported
 * in the shell. tp-setup reads `codex --version` and picks the wire API: current Codex speaks only
 * Responses (Token Plan / pay-as-you-go models that serve it); 0.80.0 still speaks Chat
 * Completions, the only way to Coding Plan.
 */

import { expect } from 'vitest';
import { realToolSuite, type ToolSpec } from './harness.js';

const common = {
  tool: 'codex',
  label: 'Codex',
  oneShot: (prompt: string) => ['exec', '--skip-git-repo-check', prompt],
  exportsKey: true,
  timeoutMs: 180_000,
  expectThinking(body: Record<string, unknown>) {
    // tp-setup writes no reasoning setting for Codex; DashScope's switches never go over this API.
    expect(body.enable_thinking, 'no enable_thinking').toBeUndefined();
    expect(body.thinking_budget, 'no thinking_budget').toBeUndefined();
  },
} as const;

const responses: ToolSpec = {
  ...common,
  install: 'codex',
  protocol: () => 'responses',
  cases: [
    { name: 'Token Plan Team (cn), qwen3.6-plus over Responses', plan: 'token-team', region: 'cn', model: 'qwen3.6-plus', thinking: true },
    { name: 'Token Plan Personal (intl), qwen3.7-max over Responses', plan: 'token-personal', region: 'intl', model: 'qwen3.7-max', thinking: true },
    { name: 'pay-as-you-go (intl), qwen3.6-plus over Responses', plan: 'payg', region: 'intl', model: 'qwen3.6-plus', thinking: false },
  ],
};

const chat: ToolSpec = {
  ...common,
  label: 'Codex 0.80.0 (chat)',
  install: 'codex-chat',
  protocol: () => 'chat',
  negatives: false,
  cases: [{ name: 'Coding Plan (intl) over Chat Completions', plan: 'coding', region: 'intl', thinking: true }],
};

realToolSuite(responses);
realToolSuite(chat);
