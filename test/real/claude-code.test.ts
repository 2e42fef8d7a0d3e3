/**
 * Claude Code (`claude -p`) with the config tp-setup writes: `~/.claude/settings.json` env
 * (ANTHROPIC_BASE_URL, ANTHROPIC_AUTH_TOKEN, the model pins) and `~/.claude.json`. Claude appends
 * `/v1/messages?beta=true` to the base and sends the key as `Authorization: Bearer`.
 */

import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { getModel } from '../../src/core/catalog/index.js';
import { explain, handEdit, PLAN_KEY, PROMPT, realToolSuite, runSetup, runTool, type ToolSpec } from './harness.js';

const spec: ToolSpec = {
  tool: 'claude-code',
  label: 'Claude Code',
  install: 'claude-code',
  protocol: () => 'messages',
  oneShot: (prompt) => ['-p', prompt],
  env: () => ({
    // Offline switch: no `HEAD …/api/hello` probe and no telemetry (docs/tools/claude-code.md#keys, docs/README.md#offline-testing).
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    // Claude Code retries even a 401 about ten times with backoff (about two minutes); one try is
    // enough to see the answer and keeps a failing case fast.
    CLAUDE_CODE_MAX_RETRIES: '0',
  }),
  expectThinking(body, on) {
    const thinking = body.thinking as { type?: string; budget_tokens?: number } | undefined;
    const model = getModel(String(body.model))!;
    expect(Number(body.max_tokens), 'max_tokens within the model limit').toBeLessThanOrEqual(model.maxOutput);
    if (on) {
      // tp-setup's CLAUDE_CODE_MODEL_CAPABILITIES + MAX_THINKING_TOKENS turn Claude's "adaptive"
      // thinking into the form Model Studio documents, with a budget inside the model's limit.
      expect(thinking?.type, 'thinking.type').toBe('enabled');
      expect(thinking?.budget_tokens, 'budget_tokens').toBeLessThanOrEqual(model.maxThinkingBudget!);
      expect(body.output_config, 'no effort setting').toBeUndefined();
    } else {
      // tp-setup writes CLAUDE_CODE_DISABLE_THINKING=1, which drops the field.
      expect(thinking, 'no thinking block').toBeUndefined();
    }
  },
};

realToolSuite(spec, (get) => {
  it('deepseek-v3.2 (not served on /apps/anthropic): tp-setup refuses; set by hand, the mock answers E04 and Claude reports the model', async () => {
    const run = get();
    const refused = await runSetup(run, { plan: 'token-team', region: 'cn', model: 'deepseek-v3.2', thinking: true, key: PLAN_KEY });
    expect(refused.exitCode).toBe(4);
    expect(refused.json.findings).toContainEqual(expect.objectContaining({ code: 'MODEL_NOT_ON_PROTOCOL', severity: 'error' }));
    expect(existsSync(path.join(run.home, '.claude', 'settings.json'))).toBe(false);

    const setup = await runSetup(run, { plan: 'token-team', region: 'cn', model: 'glm-5', thinking: true, key: PLAN_KEY });
    expect(setup.exitCode).toBe(0);
    expect(await handEdit(setup, '"glm-5"', '"deepseek-v3.2"')).toBeGreaterThan(0);
    const result = await runTool(run, spec.oneShot(PROMPT), setup.endpoints);
    const reqs = run.mock.modelRequests();
    expect(reqs.length, explain(result, run.mock)).toBeGreaterThan(0);
    expect(reqs[0]!.outcome, explain(result, run.mock)).toBe('model-not-on-protocol');
    // Claude Code does not print the server's text for a 404 (E04); it words it itself.
    expect(`${result.stdout}\n${result.stderr}`, explain(result, run.mock)).toContain(
      'There\'s an issue with the selected model (deepseek-v3.2). It may not exist or you may not have access to it.',
    );
    expect(result.stdout).not.toContain(run.mock.reply);
  });
});
