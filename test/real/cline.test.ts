/**
 * Cline CLI (`cline -t 120 "<prompt>"`) with the config tp-setup writes:
 * `~/.cline/data/settings/providers.json`, provider `qwen` with `baseUrl` (Chat Completions,
 * Bearer, every plan). Cline 3.0.65 sends `max_tokens: 32000` whatever `maxTokens` says
 * (docs/tools/cline.md), so the positive cases use models whose output limit is at least that;
 * glm-5 (16384) is the case tp-setup warns about (CLINE_MAX_TOKENS_FIXED).
 */

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { CLINE_SENT_MAX_TOKENS } from '../../src/core/adapters/cline.js';
import { getModel } from '../../src/core/catalog/index.js';
import { explain, PLAN_KEY, PROMPT, realToolSuite, runSetup, runTool, type RealCase, type RealRun } from './harness.js';

/** Where Cline keeps providers and keys in the temp home (no CLINE_* path variable is set). */
function providersFile(run: RealRun): string {
  return path.join(run.home, '.cline', 'data', 'settings', 'providers.json');
}

/**
 * Hub daemons (`cline --cline-hub-daemon --cwd <dir>`) started for this run's folder. The daemon
 * puts itself in a session of its own, so the harness's process-group kill does not reach it.
 */
async function hubDaemons(run: RealRun): Promise<number[]> {
  const pids: number[] = [];
  for (const name of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(name)) continue;
    const argv = (await readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => '')).split('\0');
    const at = argv.indexOf('--cwd');
    if (argv.includes('--cline-hub-daemon') && at >= 0 && argv[at + 1]?.startsWith(run.home)) pids.push(Number(name));
  }
  return pids;
}

const CASES: readonly RealCase[] = [
  { name: 'Coding Plan (intl), recommended model, thinking on', plan: 'coding', region: 'intl', thinking: true },
  { name: 'Token Plan Team (cn), qwen3.6-plus, thinking on', plan: 'token-team', region: 'cn', model: 'qwen3.6-plus', thinking: true },
  { name: 'pay-as-you-go (intl), thinking off', plan: 'payg', region: 'intl', thinking: false },
];

realToolSuite(
  {
    tool: 'cline',
    label: 'Cline CLI',
    install: 'cline',
    protocol: () => 'chat',
    oneShot: (prompt) => ['-t', '120', prompt],
    // No background update check; the rest of a run (telemetry to its local log, the hub daemon on
    // 127.0.0.1) stays on this machine.
    // CLINE_SESSION_BACKEND_MODE=local runs the session in the one-shot's own process: no hub
    // daemon, which otherwise outlives the run and listens on a fixed port (25463) that every temp
    // home would share. The provider request is the same either way.
    env: () => ({ CLINE_NO_AUTO_UPDATE: '1', CLINE_SESSION_BACKEND_MODE: 'local' }),
    async prepare(run) {
      // Cline 3.0.65 throws away a providers.json whose entry has no `updatedAt` and falls back to
      // its own `cline` provider (observed: the run then fails with "Cannot connect to API" and
      // nothing reaches the mock), so say that plainly instead of after a 70 s timeout.
      const file = JSON.parse(await readFile(providersFile(run), 'utf8')) as { providers?: { qwen?: { updatedAt?: unknown } } };
      expect(file.providers?.qwen?.updatedAt, 'providers.qwen.updatedAt: Cline ignores the entry without it').toBeTypeOf('string');
    },
    cases: CASES,
    expectThinking(body) {
      // Cline sends no DashScope thinking field whatever `--thinking` tp-setup got: thinking
      // follows the model's default (docs/tools/cline.md).
      expect(body.enable_thinking, 'no enable_thinking').toBeUndefined();
      expect(body.thinking_budget, 'no thinking_budget').toBeUndefined();
    },
    expectBody(body, model) {
      expect(body.model, 'model').toBe(model.id);
      expect(body.max_tokens, 'max_tokens is Cline’s own 32000').toBe(CLINE_SENT_MAX_TOKENS);
    },
  },
  (get) => {
    afterEach(async () => {
      // Registered after the harness's own hooks, so it runs first, while the temp home exists.
      let run: RealRun;
      try {
        run = get();
      } catch {
        return;
      }
      const left = await hubDaemons(run);
      for (const pid of left) process.kill(pid, 'SIGKILL');
      expect(left, 'no Cline hub daemon outlives the test').toEqual([]);
    });

    it('Token Plan Team (cn), glm-5: tp-setup warns CLINE_MAX_TOKENS_FIXED, and Cline does send 32000 > its limit', async () => {
      const run = get();
      const setup = await runSetup(run, { plan: 'token-team', region: 'cn', model: 'glm-5', thinking: true, key: PLAN_KEY });
      expect(setup.exitCode, `tp-setup: ${setup.stdout}${setup.stderr}`).toBe(0);
      expect(setup.json.findings).toContainEqual(expect.objectContaining({ code: 'CLINE_MAX_TOKENS_FIXED', severity: 'warning' }));
      await run.spec.prepare?.(run);
      const result = await runTool(run, run.spec.oneShot(PROMPT), setup.endpoints);
      // The mock does not enforce output limits; the real host answers "Range of max_tokens".
      const reqs = run.mock.modelRequests();
      expect(reqs.length, explain(result, run.mock)).toBeGreaterThan(0);
      const body = reqs[0]!.body as Record<string, unknown>;
      expect(body.model).toBe('glm-5');
      expect(body.max_tokens).toBe(CLINE_SENT_MAX_TOKENS);
      expect(CLINE_SENT_MAX_TOKENS).toBeGreaterThan(getModel('glm-5')!.maxOutput!);
    });
  },
);
