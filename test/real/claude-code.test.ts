/**
 * Claude Code (`claude -p`) with the config tp-setup writes: `~/.claude/settings.json` env
 * (ANTHROPIC_BASE_URL, ANTHROPIC_AUTH_TOKEN, the model pins) and `~/.claude.json`. Claude appends
 * `/v1/messages?beta=true` to the base and sends the key as `Authorization: Bearer`.
 * `CLAUDE_CODE_MAX_CONTEXT_TOKENS` gives it the plan model's window (docs/tools/claude-code.md#context-window).
 */

import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
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

  it('context window: without CLAUDE_CODE_MAX_CONTEXT_TOKENS Claude warns on stderr that it assumes 1m tokens; with the value tp-setup writes the warning is gone and Claude uses the catalog window', async () => {
    const run = get();
    const model = 'glm-5';
    const window = getModel(model)!.contextWindow;
    expect(window, 'a model whose window is not the 1m Claude assumes').toBeLessThan(1_000_000);
    const setup = await runSetup(run, { plan: 'token-team', region: 'cn', model, thinking: true, key: PLAN_KEY });
    expect(setup.exitCode, `tp-setup: ${setup.stdout}${setup.stderr}`).toBe(0);
    const file = path.join(run.home, '.claude', 'settings.json');
    const settings = JSON.parse(await readFile(file, 'utf8')) as { env: Record<string, string> };
    expect(settings.env.CLAUDE_CODE_MAX_CONTEXT_TOKENS).toBe(String(window));

    // `-p` prints the notice on stderr with the default text output; `--output-format json` does
    // not print it but reports the window Claude works with as modelUsage.<model>.contextWindow.
    const WARNING = `Claude Code doesn't recognize the model "${model}", so it assumes a context window of 1m tokens.`;
    const observe = async (): Promise<{ stderr: string; contextWindow: unknown }> => {
      const text = await runTool(run, spec.oneShot(PROMPT), setup.endpoints);
      expect(text.exitCode, explain(text, run.mock)).toBe(0);
      expect(text.stdout, explain(text, run.mock)).toContain(run.mock.reply);
      const json = await runTool(run, [...spec.oneShot(PROMPT), '--output-format', 'json'], setup.endpoints);
      expect(json.exitCode, explain(json, run.mock)).toBe(0);
      const doc = JSON.parse(json.stdout.trim()) as { modelUsage?: Record<string, { contextWindow?: unknown }> };
      return { stderr: text.stderr, contextWindow: doc.modelUsage?.[model]?.contextWindow };
    };

    const withIt = await observe();
    expect(withIt.stderr).not.toContain("doesn't recognize the model");
    expect(withIt.contextWindow).toBe(window);

    delete settings.env.CLAUDE_CODE_MAX_CONTEXT_TOKENS;
    await writeFile(file, `${JSON.stringify(settings, null, 2)}\n`);
    const without = await observe();
    expect(without.stderr).toContain(WARNING);
    expect(without.stderr).toContain('https://code.claude.com/docs/en/model-config#correct-the-window-for-a-gateway-or-custom-model-id');
    expect(without.contextWindow).toBe(1_000_000);

    // Claude takes a larger value as given, which is why doctor reports one above the model's window.
    settings.env.CLAUDE_CODE_MAX_CONTEXT_TOKENS = '5000000';
    await writeFile(file, `${JSON.stringify(settings, null, 2)}\n`);
    expect((await observe()).contextWindow).toBe(5_000_000);
  });
});
