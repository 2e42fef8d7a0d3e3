import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import JSON5 from 'json5';
import { parse as parseJsonc } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { endpointsFor, recommendedModel, regionIdsFor, planIds, getModel } from '../../src/core/catalog/index.js';
import { cleanEnv, PAYG_KEY, PLAN_KEY, runCli, tempHome } from '../helpers/cli.js';

const combos = planIds.flatMap((plan) => regionIdsFor(plan).map((region) => ({ plan, region })));

async function mode(p: string): Promise<number> {
  return (await stat(p)).mode & 0o777;
}

describe('headless setup writes a working config for every plan × region × tool', () => {
  it.each(combos)('$plan / $region', async ({ plan, region }) => {
    const home = await tempHome();
    const key = plan === 'payg' ? PAYG_KEY : PLAN_KEY;
    const r = await runCli(
      ['setup', '--plan', plan, '--region', region, '--tools', 'openclaw,qwen-code,claude-code', '--yes', '--key-env', 'MY_KEY', '--json', '--home', home],
      { env: cleanEnv(home, { MY_KEY: key }) },
    );
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    const model = recommendedModel(plan, region);
    const spec = getModel(model)!;
    const urls = endpointsFor(plan, region);
    expect(doc).toMatchObject({ schemaVersion: 1, ok: true, dryRun: false, answers: { plan, region, models: [model], thinking: true } });
    expect(doc.runId).toMatch(/^\d{8}T\d{6}Z-[0-9a-f]{4}$/);
    expect(doc.changes.map((c: { action: string }) => c.action)).toEqual(['create', 'create', 'create', 'create', 'create', 'create']);
    expect(r.stdout).not.toContain(key);

    // OpenClaw: provider, env reference, key in its own .env, primary with prefix, allowlist.
    const oc = JSON5.parse(await readFile(path.join(home, '.openclaw/openclaw.json'), 'utf8'));
    const provider = oc.models.providers.bailian;
    expect(provider).toMatchObject({ baseUrl: urls.openai, apiKey: '${BAILIAN_API_KEY}', api: 'openai-completions' });
    expect(provider.models[0]).toMatchObject({ id: model, name: model, contextWindow: spec.contextWindow, maxTokens: spec.maxOutput });
    expect(provider.models[0].reasoning).toBe(spec.thinking !== 'none');
    if (spec.thinking !== 'none') expect(provider.models[0].compat).toEqual({ thinkingFormat: 'qwen' });
    expect(oc.agents.defaults.model.primary).toBe(`bailian/${model}`);
    expect(oc.agents.defaults.models[`bailian/${model}`]).toEqual({});
    expect(oc.auth).toBeUndefined();
    expect(await readFile(path.join(home, '.openclaw/.env'), 'utf8')).toBe(`BAILIAN_API_KEY=${key}\n`);
    expect(await mode(path.join(home, '.openclaw/.env'))).toBe(0o600);
    expect(await mode(path.join(home, '.openclaw/openclaw.json'))).toBe(0o600);
    expect(await mode(path.join(home, '.openclaw'))).toBe(0o700);

    // Qwen Code: entry with envKey, key in ~/.qwen/.env, auth type, model name.
    const envKey = plan === 'coding' ? 'BAILIAN_CODING_PLAN_API_KEY' : plan === 'payg' ? 'DASHSCOPE_API_KEY' : 'BAILIAN_TOKEN_PLAN_API_KEY';
    const qs = parseJsonc(await readFile(path.join(home, '.qwen/settings.json'), 'utf8'));
    expect(qs.modelProviders.openai).toHaveLength(1);
    expect(qs.modelProviders.openai[0]).toMatchObject({ id: model, baseUrl: urls.openai, envKey });
    if (spec.thinking !== 'none') expect(qs.modelProviders.openai[0].generationConfig.extra_body).toEqual({ enable_thinking: true });
    expect(qs.security.auth.selectedType).toBe('openai');
    expect(qs.model.name).toBe(model);
    expect(qs.env).toBeUndefined();
    expect(await readFile(path.join(home, '.qwen/.env'), 'utf8')).toBe(`${envKey}=${key}\n`);
    expect(await mode(path.join(home, '.qwen/.env'))).toBe(0o600);

    // Claude Code: Anthropic base without /v1, bearer token, every model slot pinned, onboarding.
    const cs = JSON.parse(await readFile(path.join(home, '.claude/settings.json'), 'utf8'));
    expect(cs.env).toMatchObject({
      ANTHROPIC_BASE_URL: urls.anthropic,
      ANTHROPIC_AUTH_TOKEN: key,
      ANTHROPIC_MODEL: model,
      ANTHROPIC_DEFAULT_HAIKU_MODEL: model,
      ANTHROPIC_DEFAULT_SONNET_MODEL: model,
      ANTHROPIC_DEFAULT_OPUS_MODEL: model,
    });
    expect(cs.env.ANTHROPIC_BASE_URL).not.toMatch(/\/v1$/);
    expect(cs.env.ANTHROPIC_API_KEY).toBeUndefined();
    expect(await mode(path.join(home, '.claude/settings.json'))).toBe(0o600);
    expect(JSON.parse(await readFile(path.join(home, '.claude.json'), 'utf8'))).toEqual({ hasCompletedOnboarding: true });

    // The same answers again change nothing and back nothing up.
    const again = await runCli(
      ['setup', '--plan', plan, '--region', region, '--tools', 'openclaw,qwen-code,claude-code', '--yes', '--key-env', 'MY_KEY', '--json', '--home', home],
      { env: cleanEnv(home, { MY_KEY: key }) },
    );
    expect(again.exitCode).toBe(0);
    const doc2 = JSON.parse(again.stdout);
    expect(doc2.runId).toBeNull();
    expect(doc2.changes.every((c: { action: string }) => c.action === 'unchanged')).toBe(true);
  });
});

describe('--dry-run', () => {
  it('shows a masked diff for every file and writes nothing at all', async () => {
    const home = await tempHome();
    const r = await runCli(['--plan', 'coding', '--region', 'intl', '--tools', 'openclaw,qwen-code,claude-code', '--yes', '--key-env', 'K', '--dry-run', '--home', home], {
      env: cleanEnv(home, { K: PLAN_KEY }),
    });
    expect(r.exitCode, r.stderr).toBe(0);
    for (const file of ['~/.openclaw/openclaw.json', '~/.qwen/settings.json', '~/.claude/settings.json', '~/.claude.json']) expect(r.stdout).toContain(`+++ ${file}`);
    expect(r.stdout).toContain('+BAILIAN_API_KEY=sk-sp-…abcd');
    expect(await readdir(home)).toEqual([]);
  });
});

describe('headless usage errors', () => {
  it('lists every missing answer with its flag and exits 2', async () => {
    const home = await tempHome();
    const r = await runCli(['setup', '--home', home], { env: cleanEnv(home) });
    expect(r.exitCode).toBe(2);
    for (const flag of ['--plan', '--region', '--tools', '--key-env']) expect(r.stderr).toContain(flag);
    expect(r.stderr).toContain('--model (the choices depend on --plan and --region)');
    expect(r.stdout).toBe('');
  });

  it('refuses a key on the command line without echoing it', async () => {
    const home = await tempHome();
    const r = await runCli(['setup', '--plan', 'coding', PLAN_KEY, '--home', home], { env: cleanEnv(home) });
    expect(r.exitCode).toBe(2);
    expect(r.stdout + r.stderr).not.toContain(PLAN_KEY);
    expect(r.stderr).toContain('never accepted on the command line');
  });

  it('rejects a region the plan does not have', async () => {
    const home = await tempHome();
    const r = await runCli(['--plan', 'coding', '--region', 'us', '--tools', 'qwen-code', '--yes', '--key-env', 'K', '--home', home], {
      env: cleanEnv(home, { K: PLAN_KEY }),
    });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('us');
  });

  it('refuses (exit 4, nothing written) a pay-as-you-go key on a Coding Plan', async () => {
    const home = await tempHome();
    const r = await runCli(['--plan', 'coding', '--region', 'intl', '--tools', 'claude-code', '--yes', '--key-env', 'K', '--home', home, '--json'], {
      env: cleanEnv(home, { K: PAYG_KEY }),
    });
    expect(r.exitCode).toBe(4);
    const doc = JSON.parse(r.stdout);
    expect(doc.ok).toBe(false);
    expect(doc.findings.map((f: { code: string }) => f.code)).toContain('KEY_WRONG_KIND');
    await expect(stat(path.join(home, '.claude'))).rejects.toThrow();
  });

  it('refuses deepseek-v3.2 for Claude Code: that model is not on the Anthropic protocol', async () => {
    const home = await tempHome();
    const r = await runCli(['--plan', 'token-team', '--region', 'cn', '--tools', 'claude-code', '--model', 'deepseek-v3.2', '--yes', '--key-env', 'K', '--home', home, '--json'], {
      env: cleanEnv(home, { K: PLAN_KEY }),
    });
    expect(r.exitCode).toBe(4);
    expect(JSON.parse(r.stdout).findings.map((f: { code: string }) => f.code)).toContain('MODEL_NOT_ON_PROTOCOL');
  });
});
