/**
 * `tp-setup verify` runs each configured tool's own one-shot: against the mock, a config tp-setup
 * wrote passes, and a hand-broken one fails with the tool's error run through `explain`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, PLAN_KEY, runCli, tempHome } from '../helpers/cli.js';
import { toolStatus } from './harness.js';
import { startMock } from './mock-server.js';

const qwen = toolStatus('qwen-code');
const claude = toolStatus('claude-code');
const ready = qwen.ok && claude.ok;

describe.skipIf(!ready)(`verify through the real Qwen Code and Claude Code${ready ? '' : ` (skipped: ${qwen.error ?? claude.error})`}`, () => {
  async function configured() {
    const home = await tempHome('tp-verify-');
    const mock = await startMock({ maxRequests: 50, lifetimeMs: 5 * 60_000 });
    const PATH = [...qwen.ok!.pathDirs, ...claude.ok!.pathDirs, '/usr/bin', '/bin'].join(path.delimiter);
    const env = {
      ...cleanEnv(home, { K: PLAN_KEY, PATH }),
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
      CLAUDE_CODE_MAX_RETRIES: '0',
    };
    const setup = await runCli(['--plan', 'token-team', '--region', 'cn', '--tools', 'qwen-code,claude-code', '--model', 'glm-5', '--yes', '--key-env', 'K', '--base-url', mock.baseUrl('token-plan'), '--home', home], { env });
    expect(setup.exitCode, setup.stderr).toBe(0);
    return { home, mock, env };
  }

  it('passes for a working config: one small request per tool, sent by the tool itself', async () => {
    const { home, mock, env } = await configured();
    try {
      const r = await runCli(['verify', '--yes', '--json', '--home', home], { env });
      expect(r.exitCode, r.stdout + r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect(doc.results.map((x: { tool: string; ok: boolean }) => [x.tool, x.ok])).toEqual([
        ['qwen-code', true],
        ['claude-code', true],
      ]);
      expect(mock.modelRequests().every((q) => q.headers.authorization === `Bearer ${PLAN_KEY}`)).toBe(true);
      expect(r.stdout).not.toContain(PLAN_KEY);
    } finally {
      await mock.close();
    }
  });

  it('fails for a broken config, with the tool\'s error explained', async () => {
    const { home, mock, env } = await configured();
    try {
      // The plan key sent to the pay-as-you-go host (a hand edit): the documented 401.
      const file = path.join(home, '.qwen/settings.json');
      await writeFile(file, (await readFile(file, 'utf8')).split('/token-plan/').join('/payg/'));
      const r = await runCli(['verify', '--tools', 'qwen-code', '--yes', '--json', '--home', home], { env });
      expect(r.exitCode).toBe(3);
      const [result] = JSON.parse(r.stdout).results;
      expect(result.ok).toBe(false);
      expect(result.output).toContain('Incorrect API key provided');
      expect(result.explained.map((e: { id: string }) => e.id)).toContain('E10');
      expect(r.stdout).not.toContain(PLAN_KEY);
    } finally {
      await mock.close();
    }
  });
});

const droid = toolStatus('droid');

describe.skipIf(!droid.ok)(`verify through the real Droid${droid.ok ? '' : ` (skipped: ${droid.error})`}`, () => {
  it('passes as written, and after a hand edit to the pay-as-you-go host fails with the server\'s own error, explained', async () => {
    const home = await tempHome('tp-verify-droid-');
    const mock = await startMock({ maxRequests: 50, lifetimeMs: 5 * 60_000 });
    const env = { ...cleanEnv(home, { K: PLAN_KEY, PATH: [...droid.ok!.pathDirs, '/usr/bin', '/bin'].join(path.delimiter) }), FACTORY_AIRGAP_ENABLED: '1' };
    try {
      const setup = await runCli(['--plan', 'token-team', '--region', 'cn', '--tools', 'droid', '--model', 'qwen3.6-plus', '--yes', '--key-env', 'K', '--base-url', mock.baseUrl('token-plan'), '--home', home], { env });
      expect(setup.exitCode, setup.stderr).toBe(0);
      const ok = await runCli(['verify', '--yes', '--json', '--home', home], { env });
      expect(ok.exitCode, ok.stdout + ok.stderr).toBe(0);
      expect(JSON.parse(ok.stdout).results.map((x: { tool: string; ok: boolean }) => [x.tool, x.ok])).toEqual([['droid', true]]);
      const file = path.join(home, '.factory/settings.json');
      await writeFile(file, (await readFile(file, 'utf8')).split('/token-plan/').join('/payg/'));
      const bad = await runCli(['verify', '--yes', '--json', '--home', home], { env });
      expect(bad.exitCode).toBe(3);
      const [result] = JSON.parse(bad.stdout).results;
      // Droid's text output would say only "Exec failed"; the one-shot's stream-json carries the 401.
      expect(result.output).toContain('Incorrect API key provided');
      expect(result.explained.map((e: { id: string }) => e.id)).toContain('E10');
      expect(bad.stdout + ok.stdout).not.toContain(PLAN_KEY);
    } finally {
      await mock.close();
    }
  });
});
