/**
 * Qwen Code (`qwen -p`) with the config tp-setup writes: `~/.qwen/settings.json` plus the key in
 * `~/.qwen/.env`. Qwen speaks OpenAI Chat Completions for every plan and makes two POSTs per
 * one-shot (the turn and a memory-extraction call), both checked.
 */

import { expect } from 'vitest';
import { realToolSuite } from './harness.js';

realToolSuite({
  tool: 'qwen-code',
  label: 'Qwen Code',
  install: 'qwen-code',
  protocol: () => 'chat',
  oneShot: (prompt) => ['-p', prompt],
  // DashScope mode (its X-DashScope-* headers and body fields) is what users on the real hosts
  // get; Qwen turns it on for a loopback base only when this names that base (docs/tools/qwen-code.md#thinking).
  env: (endpoints) => ({ DASHSCOPE_PROXY_BASE_URL: endpoints.openai }),
  expectThinking(body, on, model) {
    // tp-setup writes generationConfig.extra_body.enable_thinking, which Qwen lifts to the top level.
    if (model.thinking === 'none') expect(body.enable_thinking).toBeUndefined();
    else expect(body.enable_thinking, 'enable_thinking').toBe(on || model.thinking === 'always');
    expect(body.thinking_budget, 'no thinking_budget').toBeUndefined();
  },
});
