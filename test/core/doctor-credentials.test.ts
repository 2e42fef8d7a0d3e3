/**
 * The doctor's credential checks, from file texts to findings: key checks behind a gateway URL,
 * an exported variable against the tool's own `.env` (which one each tool uses), general
 * pay-as-you-go keys left beside a plan key, and a region a tool records against its URL.
 */
import { describe, expect, it } from 'vitest';
import type { ToolId } from '../../src/core/adapters/index.js';
import type { PlanId, RegionId } from '../../src/core/catalog/types.js';
import type { Env } from '../../src/core/context.js';
import { examineAll } from '../../src/core/doctor/run.js';
import type { Finding } from '../../src/core/findings.js';

const PLAN = 'sk-sp-test-0000-1111-2222-abcd';
const PLAN_OLD = 'sk-sp-test-old0-9999-8888-uvwx';
const PAYG = 'sk-test-payg-0000-1111-2222-wxyz';
const GATEWAY = 'https://llm-gateway.example.com/v1';
const TOKEN_URL = 'https://token-plan.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1';
const CODING_CN = 'https://coding.dashscope.aliyuncs.com/v1';
const CODING_INTL = 'https://coding-intl.dashscope.aliyuncs.com/v1';

interface Run {
  readonly tools: readonly ToolId[];
  readonly texts: Record<string, string>;
  readonly env?: Env;
  readonly recorded?: Record<string, { plan: PlanId; region: RegionId; files?: string[] }>;
}

function doctor({ tools, texts, env = {}, recorded = {} }: Run): Finding[] {
  return examineAll({ ctx: { home: '/h', env, platform: 'linux', versions: {} }, tools, texts, modes: {}, subdirs: {}, installed: {}, recorded }).findings;
}

const codexConfig = (baseUrl: string, envKey = 'BAILIAN_TOKEN_PLAN_API_KEY') =>
  `model = "qwen3.6-plus"\nmodel_provider = "bailian"\n\n[model_providers.bailian]\nname = "Model Studio"\nbase_url = "${baseUrl}"\nenv_key = "${envKey}"\nwire_api = "responses"\n`;

const qwenSettings = (baseUrl: string, extra: Record<string, unknown> = {}, envKey = 'BAILIAN_CODING_PLAN_API_KEY') =>
  JSON.stringify({ modelProviders: { openai: [{ id: 'qwen3.5-plus', name: 'x', baseUrl, envKey }] }, security: { auth: { selectedType: 'openai' } }, model: { name: 'qwen3.5-plus' }, ...extra });

const hermesConfig = (baseUrl: string) => `model:\n  provider: custom\n  base_url: ${baseUrl}\n  api_mode: chat_completions\n  default: qwen3.5-plus\n  key_env: BAILIAN_CODING_PLAN_API_KEY\n`;

const codes = (fs: readonly Finding[]) => fs.map((f) => f.code);
const one = (fs: readonly Finding[], code: string): Finding => {
  const found = fs.filter((f) => f.code === code);
  expect(found, `${code} in ${JSON.stringify(codes(fs))}`).toHaveLength(1);
  return found[0]!;
};

describe('key checks do not depend on the URL', () => {
  it('Codex: an unset env_key variable is an error on a Model Studio host and behind a gateway alike', () => {
    for (const url of [TOKEN_URL, GATEWAY]) {
      const f = one(doctor({ tools: ['codex'], texts: { '/h/.codex/config.toml': codexConfig(url) } }), 'KEY_ENV_UNSET');
      expect(f).toMatchObject({ severity: 'error', tool: 'codex', params: { variable: 'BAILIAN_TOKEN_PLAN_API_KEY' } });
    }
  });

  it('Qwen Code: an unset envKey variable is an error on a Model Studio host and behind a gateway alike', () => {
    for (const url of [CODING_CN, GATEWAY]) {
      const f = one(doctor({ tools: ['qwen-code'], texts: { '/h/.qwen/settings.json': qwenSettings(url) } }), 'KEY_ENV_UNSET');
      expect(f).toMatchObject({ severity: 'error', tool: 'qwen-code', params: { variable: 'BAILIAN_CODING_PLAN_API_KEY' } });
    }
  });

  it('behind a gateway a key no plan accepts is an error, a placeholder too; a key of another plan kind only when the plan is recorded', () => {
    const run = (key: string, recorded: Run['recorded'] = {}) =>
      doctor({ tools: ['qwen-code'], texts: { '/h/.qwen/settings.json': qwenSettings(GATEWAY), '/h/.qwen/.env': `BAILIAN_CODING_PLAN_API_KEY=${key}\n` }, recorded });
    expect(one(run('ms-test-0000-1111-2222-3333-4444'), 'KEY_WRONG_KIND')).toMatchObject({ severity: 'error', params: { kind: 'modelscope', plan: 'Model Studio' } });
    expect(codes(run('sk-sp-xxx'))).toContain('KEY_PLACEHOLDER');
    // The gateway may front any plan: a pay-as-you-go key is fine unless the recorded plan is a subscription.
    expect(codes(run(PAYG))).not.toContain('KEY_WRONG_KIND');
    expect(one(run(PAYG, { 'qwen-code': { plan: 'coding', region: 'cn' } }), 'KEY_WRONG_KIND')).toMatchObject({ severity: 'error', params: { kind: 'payg', plan: 'coding' } });
    expect(codes(run(PLAN, { 'qwen-code': { plan: 'coding', region: 'cn' } })).filter((c) => c.startsWith('KEY_'))).toEqual([]);
  });

  it('behind a gateway the URL itself is still not judged: no path or host findings', () => {
    const fs = doctor({ tools: ['codex'], texts: { '/h/.codex/config.toml': codexConfig(GATEWAY) }, env: { BAILIAN_TOKEN_PLAN_API_KEY: PLAN } });
    expect(codes(fs).filter((c) => c.startsWith('URL_') || c.startsWith('KEY_'))).toEqual([]);
  });
});

describe('an exported variable against the tool\'s own .env', () => {
  it('Codex loads $CODEX_HOME/.env over the environment: the file\'s key is used, both masked', () => {
    const fs = doctor({
      tools: ['codex'],
      texts: { '/h/.codex/config.toml': codexConfig(TOKEN_URL), '/h/.codex/.env': `BAILIAN_TOKEN_PLAN_API_KEY=${PLAN}\n` },
      env: { BAILIAN_TOKEN_PLAN_API_KEY: PLAN_OLD },
    });
    const f = one(fs, 'ENV_FILE_OVERRIDE');
    expect(f).toMatchObject({
      severity: 'warning', tool: 'codex', file: '/h/.codex/.env', keyPath: 'BAILIAN_TOKEN_PLAN_API_KEY',
      params: { variable: 'BAILIAN_TOKEN_PLAN_API_KEY', winner: 'file', file: '/h/.codex/.env', used: 'sk-sp-…abcd', ignored: 'sk-sp-…uvwx', tool: 'Codex', source: 'environment' },
    });
    expect(codes(fs)).not.toContain('ENV_OVERRIDE');
    expect(JSON.stringify(fs)).not.toContain(PLAN);
    expect(JSON.stringify(fs)).not.toContain(PLAN_OLD);
  });

  it('Codex: a key only in $CODEX_HOME/.env is found (no KEY_ENV_UNSET), and checked', () => {
    const texts = { '/h/.codex/config.toml': codexConfig(TOKEN_URL), '/h/.codex/.env': `BAILIAN_TOKEN_PLAN_API_KEY=${PLAN}\n` };
    expect(codes(doctor({ tools: ['codex'], texts })).filter((c) => c.startsWith('KEY_') || c.startsWith('ENV_'))).toEqual([]);
    const wrong = doctor({ tools: ['codex'], texts: { ...texts, '/h/.codex/.env': 'BAILIAN_TOKEN_PLAN_API_KEY=ms-test-0000-1111-2222-3333-4444\n' } });
    expect(one(wrong, 'KEY_WRONG_KIND')).toMatchObject({ file: '/h/.codex/.env', keyPath: 'BAILIAN_TOKEN_PLAN_API_KEY' });
  });

  it('Codex: an error when the file\'s winning key is pay-as-you-go on a plan host; the profile tp-setup wrote is named', () => {
    const run = (url: string, region: RegionId) => doctor({
      tools: ['codex'],
      texts: { '/h/.codex/config.toml': codexConfig(url), '/h/.codex/.env': `BAILIAN_TOKEN_PLAN_API_KEY=${PAYG}\n` },
      env: { BAILIAN_TOKEN_PLAN_API_KEY: PLAN },
      // The record lists every file of the run: Qwen Code's is a config, the profile is not.
      recorded: { codex: { plan: 'token-team', region, files: ['/h/.qwen/settings.json', '/h/.codex/config.toml', '/h/.zshrc'] } },
    });
    const fs = run('https://token-plan.cn-beijing.maas.aliyuncs.com/compatible-mode/v1', 'cn');
    expect(one(fs, 'ENV_FILE_OVERRIDE')).toMatchObject({ severity: 'error', params: { used: 'sk-…wxyz', ignored: 'sk-sp-…abcd', source: '/h/.zshrc' } });
    expect(one(fs, 'KEY_WRONG_KIND')).toMatchObject({ severity: 'error', file: '/h/.codex/.env' });
    // The international Token Plan leaves its key format open (docs/plans.md#contradictions): a warning there.
    expect(one(run(TOKEN_URL, 'intl'), 'ENV_FILE_OVERRIDE').severity).toBe('warning');
  });

  it('Hermes loads ~/.hermes/.env over the environment too', () => {
    const fs = doctor({
      tools: ['hermes'],
      texts: { '/h/.hermes/config.yaml': hermesConfig(CODING_CN), '/h/.hermes/.env': `BAILIAN_CODING_PLAN_API_KEY=${PLAN}\n` },
      env: { BAILIAN_CODING_PLAN_API_KEY: PAYG },
    });
    expect(one(fs, 'ENV_FILE_OVERRIDE')).toMatchObject({ severity: 'warning', tool: 'hermes', params: { winner: 'file', used: 'sk-sp-…abcd', ignored: 'sk-…wxyz', tool: 'Hermes Agent' } });
    // The key Hermes uses is the plan key in the file: nothing wrong with its kind.
    expect(codes(fs)).not.toContain('KEY_WRONG_KIND');
  });

  it('Qwen Code keeps an exported variable over its .env: the shell\'s key is used, an error when it is pay-as-you-go', () => {
    const texts = { '/h/.qwen/settings.json': qwenSettings(CODING_CN), '/h/.qwen/.env': `BAILIAN_CODING_PLAN_API_KEY=${PLAN}\n` };
    const stale = one(doctor({ tools: ['qwen-code'], texts, env: { BAILIAN_CODING_PLAN_API_KEY: PLAN_OLD } }), 'ENV_OVERRIDE');
    expect(stale).toMatchObject({ severity: 'warning', file: '/h/.qwen/.env', params: { winner: 'environment', used: 'sk-sp-…uvwx', ignored: 'sk-sp-…abcd' } });
    const payg = doctor({ tools: ['qwen-code'], texts, env: { BAILIAN_CODING_PLAN_API_KEY: PAYG } });
    expect(one(payg, 'ENV_OVERRIDE').severity).toBe('error');
    expect(codes(payg)).not.toContain('ENV_FILE_OVERRIDE');
  });

  it('OpenClaw keeps an exported variable over its state .env, and reports a general key left there', () => {
    const config = JSON.stringify({ models: { providers: { bailian: { baseUrl: CODING_CN, api: 'openai-completions', apiKey: '${BAILIAN_CODING_PLAN_API_KEY}', models: [{ id: 'qwen3.5-plus', name: 'qwen3.5-plus' }] } } } });
    const fs = doctor({
      tools: ['openclaw'],
      texts: { '/h/.openclaw/openclaw.json': config, '/h/.openclaw/.env': `BAILIAN_CODING_PLAN_API_KEY=${PLAN}\nDASHSCOPE_API_KEY=${PAYG}\n` },
      env: { BAILIAN_CODING_PLAN_API_KEY: PLAN_OLD },
    });
    expect(one(fs, 'ENV_OVERRIDE')).toMatchObject({ severity: 'warning', tool: 'openclaw', file: '/h/.openclaw/.env', params: { winner: 'environment', used: 'sk-sp-…uvwx', ignored: 'sk-sp-…abcd' } });
    expect(one(fs, 'GENERAL_KEY_LEFTOVER')).toMatchObject({ tool: 'openclaw', file: '/h/.openclaw/.env', keyPath: 'DASHSCOPE_API_KEY' });
  });

  it('the same value in both places, or only one of them, is no conflict', () => {
    const texts = { '/h/.qwen/settings.json': qwenSettings(CODING_CN), '/h/.qwen/.env': `BAILIAN_CODING_PLAN_API_KEY=${PLAN}\n` };
    expect(codes(doctor({ tools: ['qwen-code'], texts, env: { BAILIAN_CODING_PLAN_API_KEY: PLAN } }))).not.toContain('ENV_OVERRIDE');
    expect(codes(doctor({ tools: ['codex'], texts: { '/h/.codex/config.toml': codexConfig(TOKEN_URL) }, env: { BAILIAN_TOKEN_PLAN_API_KEY: PLAN } })).filter((c) => c.startsWith('ENV_'))).toEqual([]);
  });
});

describe('general pay-as-you-go keys beside a plan key', () => {
  it('Qwen Code: DASHSCOPE_API_KEY in settings.json env and in ~/.qwen/.env, each named with its file', () => {
    const fs = doctor({
      tools: ['qwen-code'],
      texts: {
        '/h/.qwen/settings.json': qwenSettings(CODING_CN, { env: { BAILIAN_CODING_PLAN_API_KEY: PLAN, DASHSCOPE_API_KEY: PAYG } }),
        '/h/.qwen/.env': `DASHSCOPE_API_KEY=${PAYG}\n`,
      },
    });
    const found = fs.filter((f) => f.code === 'GENERAL_KEY_LEFTOVER').map((f) => [f.severity, f.file, f.keyPath]);
    expect(found).toEqual([
      ['warning', '/h/.qwen/.env', 'DASHSCOPE_API_KEY'],
      ['warning', '/h/.qwen/settings.json', 'env.DASHSCOPE_API_KEY'],
    ]);
    expect(JSON.stringify(fs)).not.toContain(PAYG);
  });

  it('Codex and Hermes: DASHSCOPE_API_KEY in the tool\'s .env beside the plan variable', () => {
    const codex = doctor({ tools: ['codex'], texts: { '/h/.codex/config.toml': codexConfig(TOKEN_URL), '/h/.codex/.env': `BAILIAN_TOKEN_PLAN_API_KEY=${PLAN}\nDASHSCOPE_API_KEY=${PAYG}\n` } });
    expect(one(codex, 'GENERAL_KEY_LEFTOVER')).toMatchObject({ tool: 'codex', file: '/h/.codex/.env', keyPath: 'DASHSCOPE_API_KEY', params: { name: 'DASHSCOPE_API_KEY' } });
    const hermes = doctor({ tools: ['hermes'], texts: { '/h/.hermes/config.yaml': hermesConfig(CODING_CN), '/h/.hermes/.env': `BAILIAN_CODING_PLAN_API_KEY=${PLAN}\nDASHSCOPE_API_KEY=${PAYG}\n` } });
    expect(one(hermes, 'GENERAL_KEY_LEFTOVER')).toMatchObject({ tool: 'hermes', file: '/h/.hermes/.env', keyPath: 'DASHSCOPE_API_KEY' });
  });

  it('OpenCode and Kilo: a pay-as-you-go key stored for the built-in alibaba provider beside the plan provider', () => {
    const config = JSON.stringify({ provider: { 'bailian-coding-plan': { npm: '@ai-sdk/anthropic', options: { baseURL: 'https://coding.dashscope.aliyuncs.com/apps/anthropic/v1' }, models: {} } }, model: 'bailian-coding-plan/qwen3.5-plus' });
    const auth = JSON.stringify({ 'bailian-coding-plan': { type: 'api', key: PLAN }, alibaba: { type: 'api', key: PAYG }, openrouter: { type: 'api', key: 'sk-or-v1-test-not-real-0000' } });
    const oc = doctor({ tools: ['opencode'], texts: { '/h/.config/opencode/opencode.json': config, '/h/.local/share/opencode/auth.json': auth } });
    expect(one(oc, 'GENERAL_KEY_LEFTOVER')).toMatchObject({ severity: 'warning', tool: 'opencode', file: '/h/.local/share/opencode/auth.json', keyPath: 'alibaba.key', params: { name: 'alibaba' } });
    const kilo = doctor({ tools: ['kilo'], texts: { '/h/.config/kilo/kilo.json': config, '/h/.local/share/kilo/auth.json': auth } });
    expect(one(kilo, 'GENERAL_KEY_LEFTOVER')).toMatchObject({ tool: 'kilo', keyPath: 'alibaba.key' });
  });

  it('nothing when no plan is configured, when the plan itself reads DASHSCOPE_API_KEY, or when the value is a plan key', () => {
    const payOnly = doctor({ tools: ['qwen-code'], texts: { '/h/.qwen/settings.json': qwenSettings('https://dashscope.aliyuncs.com/compatible-mode/v1', {}, 'DASHSCOPE_API_KEY'), '/h/.qwen/.env': `DASHSCOPE_API_KEY=${PAYG}\n` } });
    expect(codes(payOnly)).not.toContain('GENERAL_KEY_LEFTOVER');
    const planReadsIt = doctor({ tools: ['qwen-code'], texts: { '/h/.qwen/settings.json': qwenSettings(CODING_CN, {}, 'DASHSCOPE_API_KEY'), '/h/.qwen/.env': `DASHSCOPE_API_KEY=${PAYG}\n` } });
    expect(codes(planReadsIt)).not.toContain('GENERAL_KEY_LEFTOVER');
    expect(codes(planReadsIt)).toContain('KEY_WRONG_KIND');
    const planKey = doctor({ tools: ['qwen-code'], texts: { '/h/.qwen/settings.json': qwenSettings(CODING_CN), '/h/.qwen/.env': `BAILIAN_CODING_PLAN_API_KEY=${PLAN}\nDASHSCOPE_API_KEY=${PLAN}\n` } });
    expect(codes(planKey)).not.toContain('GENERAL_KEY_LEFTOVER');
  });
});

describe('a region the tool records against its URL', () => {
  const env = { '/h/.qwen/.env': `BAILIAN_CODING_PLAN_API_KEY=${PLAN}\n` };

  it('Qwen Code: providerMetadata.<preset>.baseUrl in another region than the plan entries', () => {
    const fs = doctor({ tools: ['qwen-code'], texts: { ...env, '/h/.qwen/settings.json': qwenSettings(CODING_CN, { providerMetadata: { 'coding-plan': { version: 'abc', baseUrl: CODING_INTL } } }) } });
    expect(one(fs, 'TOOL_REGION_MISMATCH')).toMatchObject({
      severity: 'warning', tool: 'qwen-code', file: '/h/.qwen/settings.json', keyPath: 'providerMetadata.coding-plan.baseUrl',
      params: { setting: 'providerMetadata.coding-plan.baseUrl', recorded: CODING_INTL, region: 'intl', host: 'cn' },
    });
    const same = doctor({ tools: ['qwen-code'], texts: { ...env, '/h/.qwen/settings.json': qwenSettings(CODING_CN, { providerMetadata: { 'coding-plan': { version: 'abc', baseUrl: CODING_CN } } }) } });
    expect(codes(same)).not.toContain('TOOL_REGION_MISMATCH');
  });

  it('Qwen Code: the legacy codingPlan.region ("china" | "global") against the Coding Plan host', () => {
    const global = doctor({ tools: ['qwen-code'], texts: { ...env, '/h/.qwen/settings.json': qwenSettings(CODING_CN, { codingPlan: { region: 'global', version: 'abc' } }) } });
    expect(one(global, 'TOOL_REGION_MISMATCH')).toMatchObject({ keyPath: 'codingPlan.region', params: { recorded: 'global', region: 'intl', host: 'cn' } });
    const china = doctor({ tools: ['qwen-code'], texts: { ...env, '/h/.qwen/settings.json': qwenSettings(CODING_CN, { codingPlan: { region: 'china', version: 'abc' } }) } });
    expect(codes(china)).not.toContain('TOOL_REGION_MISMATCH');
  });
});
