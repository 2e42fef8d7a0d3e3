/**
 * Factory's Droid (`droid exec`) with the config tp-setup writes: `~/.factory/settings.json`
 * `customModels[]` with `provider: generic-chat-completion-api` (Chat Completions, Bearer, every
 * plan), `maxOutputTokens` sent as `max_tokens`, and `extraArgs` (DashScope's `enable_thinking` /
 * `thinking_budget`) merged into the top level of the body; `sessionDefaultSettings.model` selects
 * the entry by its explicit id. BYOK needs no Factory login; airgap mode keeps telemetry off.
 * One turn is one POST.
 */

import { expect } from 'vitest';
import { adapters } from '../../src/core/adapters/index.js';
import { thinkingBudget } from '../../src/core/adapters/thinking.js';
import { realToolSuite } from './harness.js';

realToolSuite({
  tool: 'droid',
  label: 'Droid',
  install: 'droid',
  protocol: () => 'chat',
  // stream-json: in the default text format a failed turn prints only "Error during droid execution:
  // Exec failed", never the server's message (observed on 0.215.0); stream-json carries it as
  // {"type":"error","message":"401 Invalid API-key provided."}, and the answer as a message event.
  // The adapter's own one-shot, the command `verify` runs.
  oneShot: (prompt) => adapters.droid.oneShot!.args(prompt),
  env: () => ({ FACTORY_AIRGAP_ENABLED: '1' }),
  timeoutMs: 180_000,
  expectThinking(body, on, model) {
    // tp-setup writes extraArgs only for models with a thinking switch.
    const budget = thinkingBudget(model);
    if (model.thinking === 'optional') expect(body.enable_thinking, 'enable_thinking').toBe(on);
    else expect(body.enable_thinking, 'no enable_thinking').toBeUndefined();
    if (model.thinking === 'optional' && on && budget !== null) expect(body.thinking_budget, 'thinking_budget').toBe(budget);
    else expect(body.thinking_budget, 'no thinking_budget').toBeUndefined();
  },
  expectBody(body, model) {
    expect(body.max_tokens, 'max_tokens = the catalog output limit (maxOutputTokens)').toBe(model.maxOutput);
    expect(body.model, 'model').toBe(model.id);
  },
});
