import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { endpointsFor, familyOfPlan, getModel, planIds, recommendedModel, regionIdsFor } from '../../src/core/catalog/index.js';
import { cleanEnv, PAYG_KEY, PLAN_KEY, runCli, tempHome } from '../helpers/cli.js';

const combos = planIds.flatMap((plan) => regionIdsFor(plan).map((region) => ({ plan, region })));
const VAR = { coding: 'BAILIAN_CODING_PLAN_API_KEY', 'token-plan': 'BAILIAN_TOKEN_PLAN_API_KEY', payg: 'DASHSCOPE_API_KEY' } as const;
const PROVIDER = { coding: 'bailian-coding-plan', 'token-plan': 'bailian-token-plan', payg: 'bailian' } as const;
const mode = async (p: string) => (await stat(p)).mode & 0o777;

describe('headless setup for Crush, Droid and the Cline CLI, every plan × region', () => {
  it.each(combos)('$plan / $region', async ({ plan, region }) => {
    const home = await tempHome();
    const key = plan === 'payg' ? PAYG_KEY : PLAN_KEY;
    const family = familyOfPlan(plan);
    const r = await runCli(['--plan', plan, '--region', region, '--tools', 'crush,droid,cline', '--yes', '--key-env', 'K', '--json', '--home', home], { env: cleanEnv(home, { K: key }) });
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).not.toContain(key);
    const model = recommendedModel(plan, region);
    const urls = endpointsFor(plan, region);
    const spec = getModel(model)!;
    const optional = spec.thinking === 'optional';

    // Crush: an openai-compat provider (Bearer, chat completions) with the catalog's limits, selected for both slots.
    const crushFile = path.join(home, '.config/crush/crush.json');
    const crush = parseJsonc(await readFile(crushFile, 'utf8'));
    const provider = crush.providers[PROVIDER[family]];
    expect(provider).toMatchObject({ type: 'openai-compat', base_url: urls.openai, api_key: key });
    expect(provider.models[0]).toMatchObject({ id: model, context_window: spec.contextWindow, default_max_tokens: spec.maxOutput });
    if (optional) expect(provider.extra_body.enable_thinking).toBe(true);
    for (const slot of ['large', 'small']) expect(crush.models[slot]).toEqual({ provider: PROVIDER[family], model, max_tokens: spec.maxOutput });
    expect(await mode(crushFile)).toBe(0o600);

    // Droid: one customModels entry on the generic chat-completions provider, the session default.
    const droidFile = path.join(home, '.factory/settings.json');
    const droid = parseJsonc(await readFile(droidFile, 'utf8'));
    const id = `custom:model-studio-${family}-${model}`;
    expect(droid.customModels).toHaveLength(1);
    expect(droid.customModels[0]).toMatchObject({ model, id, baseUrl: urls.openai, apiKey: key, provider: 'generic-chat-completion-api', maxOutputTokens: spec.maxOutput, maxContextLimit: spec.contextWindow });
    if (optional) expect(droid.customModels[0].extraArgs.enable_thinking).toBe(true);
    expect(droid.sessionDefaultSettings.model).toBe(id);
    expect(await mode(droidFile)).toBe(0o600);

    // Cline CLI: Model Studio's own `qwen` provider slot, pointed at the plan's URL, selected.
    const clineFile = path.join(home, '.cline/data/settings/providers.json');
    const cline = JSON.parse(await readFile(clineFile, 'utf8'));
    expect(cline.lastUsedProvider).toBe('qwen');
    // Cline drops an entry without it (observed on 3.0.65).
    expect(Number.isNaN(Date.parse(cline.providers.qwen.updatedAt))).toBe(false);
    expect(cline.providers.qwen.settings).toEqual({ provider: 'qwen', apiKey: key, model, baseUrl: urls.openai, apiLine: region === 'cn' ? 'china' : 'international', contextWindow: spec.contextWindow, maxTokens: spec.maxOutput });
    expect(await mode(clineFile)).toBe(0o600);
    const codes = JSON.parse(r.stdout).findings.map((f: { code: string }) => f.code);
    expect(codes.includes('CLINE_MAX_TOKENS_FIXED')).toBe(spec.maxOutput < 32_000);

    // --key-storage env: references to the plan's variable instead of the key, and the export step.
    const ref = await tempHome();
    const e = await runCli(['--plan', plan, '--region', region, '--tools', 'crush,droid', '--key-storage', 'env', '--yes', '--key-env', 'K', '--json', '--home', ref], { env: cleanEnv(ref, { K: key }) });
    expect(e.exitCode, e.stdout).toBe(0);
    const crushRef = await readFile(path.join(ref, '.config/crush/crush.json'), 'utf8');
    const droidRef = await readFile(path.join(ref, '.factory/settings.json'), 'utf8');
    expect(parseJsonc(crushRef).providers[PROVIDER[family]].api_key).toBe(`$${VAR[family]}`);
    expect(parseJsonc(droidRef).customModels[0].apiKey).toBe(`\${${VAR[family]}}`);
    expect(crushRef + droidRef).not.toContain(key);
    expect(JSON.parse(e.stdout).nextSteps.map((n: { code: string }) => n.code)).toEqual(['next.crushExport', 'next.droidExport']);
  });
});

describe('headless setup for OpenCode, Kilo, Codex, Hermes and the guides, every plan × region', () => {
  it.each(combos)('$plan / $region', async ({ plan, region }) => {
    const home = await tempHome();
    const key = plan === 'payg' ? PAYG_KEY : PLAN_KEY;
    const family = familyOfPlan(plan);
    // Current Codex cannot reach Coding Plan at all (no Responses API there): tested on its own below.
    const tools = ['opencode', 'kilo', 'hermes', 'cursor', 'cline-vscode', 'kilo-vscode', 'roo-code', 'trae', ...(family === 'coding' ? [] : ['codex'])];
    const r = await runCli(['--plan', plan, '--region', region, '--tools', tools.join(','), '--yes', '--key-env', 'K', '--json', '--home', home], {
      env: cleanEnv(home, { K: key }),
    });
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(r.stdout).not.toContain(key);
    const model = recommendedModel(plan, region);
    const urls = endpointsFor(plan, region);
    const spec = getModel(model)!;

    for (const tool of ['opencode', 'kilo']) {
      const file = tool === 'opencode' ? '.config/opencode/opencode.json' : '.config/kilo/kilo.json';
      const c = parseJsonc(await readFile(path.join(home, file), 'utf8'));
      const provider = c.provider[PROVIDER[family]];
      expect(provider.options.baseURL).toBe(family === 'coding' ? urls.anthropicAiSdk : urls.openai);
      expect(provider.npm).toBe(family === 'coding' ? '@ai-sdk/anthropic' : '@ai-sdk/openai-compatible');
      expect(provider.models[model].limit.context).toBe(spec.contextWindow);
      expect(c.model).toBe(`${PROVIDER[family]}/${model}`);
      const auth = path.join(home, `.local/share/${tool}/auth.json`);
      expect(JSON.parse(await readFile(auth, 'utf8'))).toEqual({ [PROVIDER[family]]: { type: 'api', key } });
      expect(await mode(auth)).toBe(0o600);
    }

    const hermes = parseYaml(await readFile(path.join(home, '.hermes/config.yaml'), 'utf8'));
    expect(hermes.model).toEqual({ provider: 'custom', base_url: urls.openai, api_mode: 'chat_completions', default: model, context_length: spec.contextWindow, key_env: VAR[family] });
    expect(await readFile(path.join(home, '.hermes/.env'), 'utf8')).toBe(`${VAR[family]}=${key}\n`);

    if (family !== 'coding') {
      const codex = parseToml(await readFile(path.join(home, '.codex/config.toml'), 'utf8')) as any;
      expect(codex.model).toBe(model);
      expect(codex.model_provider).toBe('bailian');
      expect(codex.model_providers.bailian).toEqual({ name: expect.any(String), base_url: urls.openai, wire_api: 'responses', env_key: VAR[family] });
      expect(doc.nextSteps.map((s: { code: string }) => s.code)).toContain('next.codexExport');
    }

    expect(doc.guides.map((g: { tool: string }) => g.tool)).toEqual(['cursor', 'cline-vscode', 'kilo-vscode', 'roo-code', 'trae']);
    for (const g of doc.guides) expect(g.steps.some((s: { message: string }) => s.message.includes(urls.openai))).toBe(true);
  });

  it('Codex on Coding Plan: says plainly it cannot work and writes nothing (exit 4)', async () => {
    const home = await tempHome();
    const r = await runCli(['--plan', 'coding', '--region', 'intl', '--tools', 'codex,qwen-code', '--yes', '--key-env', 'K', '--json', '--home', home], {
      env: cleanEnv(home, { K: PLAN_KEY }),
    });
    expect(r.exitCode).toBe(4);
    const f = JSON.parse(r.stdout).findings.find((x: { code: string }) => x.code === 'CODEX_PLAN_UNSUPPORTED');
    expect(f.fix).toContain('@openai/codex@0.80.0');
  });

  it('--shell-profile adds one export line for Codex, 0600, and restore takes it out again', async () => {
    const home = await tempHome();
    const profile = path.join(home, '.bashrc');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(profile, '# bashrc\nalias ll="ls -l"\n');
    const r = await runCli(['--plan', 'token-team', '--region', 'cn', '--tools', 'codex', '--shell-profile', 'auto', '--yes', '--key-env', 'K', '--home', home], {
      env: cleanEnv(home, { K: PLAN_KEY, SHELL: '/bin/bash' }),
    });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(await readFile(profile, 'utf8')).toBe(`# bashrc\nalias ll="ls -l"\nexport BAILIAN_TOKEN_PLAN_API_KEY='${PLAN_KEY}'\n`);
    expect(await mode(profile)).toBe(0o600);
    expect((await runCli(['restore', '--home', home], { env: cleanEnv(home) })).exitCode).toBe(0);
    expect(await readFile(profile, 'utf8')).toBe('# bashrc\nalias ll="ls -l"\n');
  });

  it('in a terminal, setup offers to add the Codex export line to the shell profile', async () => {
    const home = await tempHome();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(home, '.zshrc'), '# zsh\n');
    const { PtyRun, KEYS } = await import('../helpers/pty.js');
    const run = new PtyRun(['--plain', '--plan', 'token-team', '--region', 'cn', '--tools', 'codex', '--model', 'qwen3.6-plus', '--thinking', 'on', '--key-env', 'K', '--home', home], {
      ...cleanEnv(home, { K: PLAN_KEY, SHELL: '/bin/zsh' }),
      TERM: 'xterm',
    });
    await run.waitFor('Add the export line to your shell profile');
    run.write(KEYS.enter);
    await run.waitFor('Write these changes?');
    run.write(KEYS.enter);
    // The wizard's ending: doctor's verdict, then the verify offer (no by default).
    await run.waitFor('Check each tool now');
    run.write(KEYS.enter);
    expect(await run.exited).toBe(0);
    expect(await readFile(path.join(home, '.zshrc'), 'utf8')).toBe(`# zsh\nexport BAILIAN_TOKEN_PLAN_API_KEY='${PLAN_KEY}'\n`);
  });

  it('--key-storage inline puts the key in each config (0600) and nowhere else', async () => {
    const home = await tempHome();
    const r = await runCli(['--plan', 'token-team', '--region', 'intl', '--tools', 'opencode,codex,hermes,qwen-code,openclaw', '--key-storage', 'inline', '--yes', '--key-env', 'K', '--home', home], {
      env: cleanEnv(home, { K: PLAN_KEY }),
    });
    expect(r.exitCode, r.stderr).toBe(0);
    const files = ['.config/opencode/opencode.json', '.codex/config.toml', '.hermes/config.yaml', '.qwen/settings.json', '.openclaw/openclaw.json'];
    for (const f of files) {
      expect(await readFile(path.join(home, f), 'utf8'), f).toContain(PLAN_KEY);
      expect(await mode(path.join(home, f)), f).toBe(0o600);
    }
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(path.join(home, '.hermes'))).toEqual(['config.yaml']);
  });
});
