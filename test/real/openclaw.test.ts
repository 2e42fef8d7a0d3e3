/**
 * OpenClaw 2026.9.6 (run on Node 24) with the config tp-setup writes: provider `bailian` in
 * `~/.openclaw/openclaw.json`, `apiKey: "${BAILIAN_API_KEY}"` with the key in `~/.openclaw/.env`.
 * Before the one-shot the real CLI checks the file (`config validate`) and the route and key
 * (`models status --check`), as docs/tools/openclaw.md#testing describes; then `agent --local` sends one turn.
 */

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSON5 from 'json5';
import { expect } from 'vitest';
import { explain, realToolSuite, runTool, type RealRun, type SetupResult } from './harness.js';

const configPath = (run: RealRun): string => path.join(run.home, '.openclaw', 'openclaw.json');

realToolSuite({
  tool: 'openclaw',
  label: 'OpenClaw',
  install: 'openclaw',
  protocol: () => 'chat',
  oneShot: (prompt) => ['agent', '--local', '--message', prompt, '--json'],
  env: () => ({ OPENCLAW_OFFLINE: '1' }),
  timeoutMs: 150_000,
  async prepare(run) {
    // Test setup only: a real gateway would fetch the hosted model catalog (docs/tools/openclaw.md#schema).
    const file = configPath(run);
    const config = JSON5.parse(await readFile(file, 'utf8')) as { models?: Record<string, unknown> };
    config.models = { ...config.models, catalogRefresh: { enabled: false } };
    await writeFile(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  },
  async verify(run: RealRun, setup: SetupResult) {
    const endpoints = setup.endpoints;
    const validate = await runTool(run, ['config', 'validate', '--json'], endpoints);
    expect(validate.exitCode, explain(validate, run.mock)).toBe(0);
    expect(JSON.parse(validate.stdout), explain(validate, run.mock)).toMatchObject({ valid: true });

    // No key in the environment: OpenClaw must find it through ${BAILIAN_API_KEY} in its own .env.
    const status = await runTool(run, ['models', 'status', '--check', '--json'], endpoints);
    expect(status.exitCode, explain(status, run.mock)).toBe(0);
    const doc = JSON.parse(status.stdout) as {
      resolvedDefault: string;
      auth: { providers: { provider: string; effective: { kind: string } }[]; modelRouteIssues: unknown[] };
    };
    expect(doc.resolvedDefault).toBe(`bailian/${setup.model}`);
    expect(doc.auth.modelRouteIssues).toEqual([]);
    expect(doc.auth.providers.find((p) => p.provider === 'bailian')?.effective.kind).toBe('env');
    // The checks talk to no model.
    expect(run.mock.modelRequests()).toEqual([]);
  },
  expectThinking(body, on, model) {
    if (on && model.thinking !== 'none') {
      // reasoning: true + compat.thinkingFormat "qwen" → DashScope's enable_thinking (docs/tools/openclaw.md#request).
      expect(body.enable_thinking, 'enable_thinking').toBe(true);
    } else {
      // reasoning: false → OpenClaw sends no thinking switch at all.
      expect(body.enable_thinking, 'enable_thinking').not.toBe(true);
    }
  },
  expectBody(body, model) {
    // The model entry's maxTokens, which tp-setup takes from the catalog.
    expect(body.max_completion_tokens, 'max_completion_tokens').toBe(model.maxOutput);
  },
});

