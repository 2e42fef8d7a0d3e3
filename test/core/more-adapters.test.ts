import { parse as parseJsonc } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/core/adapters/index.js';
import { codexWireApi, shellProfilePath } from '../../src/core/adapters/codex.js';
import { thinkingBudget } from '../../src/core/adapters/thinking.js';
import { endpointsFor, getModel, modelsFor, planIds, recommendedModel, regionIdsFor } from '../../src/core/catalog/index.js';
import { translator } from '../../src/i18n/index.js';
import type { ToolContext } from '../../src/core/context.js';
import { shellProfileEditor } from '../../src/core/formats/shell-profile.js';
import { planChanges } from '../../src/core/planner.js';

const KEY = 'sk-sp-test-0000-1111-2222-abcd';
const templates = { 'opencode.json': '{\n}\n', 'empty.json': '{}\n', 'empty.env': '', 'empty.toml': '', 'empty.yaml': '' };
const ctx = (over: Partial<ToolContext> = {}): ToolContext => ({ home: '/h', env: {}, platform: 'linux', versions: {}, ...over });
const answers = (over: Partial<Answers> = {}): Answers => ({ plan: 'coding', region: 'cn', tools: ['opencode'], models: ['qwen3.5-plus'], thinking: true, ...over });

describe('OpenCode and Kilo', () => {
  const plan = (a: Partial<Answers> = {}, texts: Record<string, string> = {}, c: Partial<ToolContext> = {}) =>
    planChanges({ answers: answers(a), key: KEY, ctx: ctx(c), texts, templates });
  const config = (p: ReturnType<typeof plan>) => parseJsonc(p.files[0]!.after);

  it('Coding Plan: Anthropic SDK on …/apps/anthropic/v1 with a thinking budget inside the model limits', () => {
    const c = config(plan());
    const provider = c.provider['bailian-coding-plan'];
    expect(provider.npm).toBe('@ai-sdk/anthropic');
    expect(provider.options.baseURL).toBe('https://coding.dashscope.aliyuncs.com/apps/anthropic/v1');
    const m = provider.models['qwen3.5-plus'];
    expect(m.options.thinking.type).toBe('enabled');
    expect(m.options.thinking.budgetTokens).toBeLessThanOrEqual(getModel('qwen3.5-plus')!.maxThinkingBudget!);
    expect(m.limit.output + m.options.thinking.budgetTokens).toBeLessThanOrEqual(getModel('qwen3.5-plus')!.maxOutput);
    expect(c.model).toBe('bailian-coding-plan/qwen3.5-plus');
    expect(c.small_model).toBe('bailian-coding-plan/qwen3.5-plus');
  });

  it('every plan model gets limits and budgets within the catalog, and none for models without thinking', () => {
    for (const p of planIds) {
      for (const region of regionIdsFor(p)) {
        for (const m of modelsFor(p, region)) {
          const entry = Object.values(config(plan({ plan: p, region, models: [m.id] })).provider as Record<string, { models: Record<string, any> }>)[0]!.models[m.id];
          expect(entry.limit.context).toBeLessThanOrEqual(m.contextWindow);
          expect(entry.limit.output).toBeLessThanOrEqual(m.maxOutput);
          const budget = entry.options?.thinking?.budgetTokens ?? entry.options?.thinking_budget;
          if (m.thinking === 'none') expect(entry.options?.thinking ?? entry.options?.enable_thinking).toBeUndefined();
          if (budget !== undefined) expect(budget).toBeLessThanOrEqual(m.maxThinkingBudget!);
          if (m.id === 'MiniMax-M2.5') expect(entry.options?.thinking).toBeUndefined();
        }
      }
    }
  });

  it('Token Plan never relies on x-api-key: OpenAI-compatible SDK (Bearer) with DashScope thinking switches', () => {
    const c = config(plan({ plan: 'token-team', region: 'intl', models: ['qwen3.6-plus'] }));
    const provider = c.provider['bailian-token-plan'];
    expect(provider.npm).toBe('@ai-sdk/openai-compatible');
    expect(provider.options.baseURL).toBe('https://token-plan.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1');
    expect(provider.models['qwen3.6-plus'].options).toEqual({ enable_thinking: true, thinking_budget: thinkingBudget(getModel('qwen3.6-plus')!) });
  });

  it('env storage: key only in the credential store; inline: key in the config and the store entry removed', () => {
    const env = plan();
    expect(env.files[0]!.after).not.toContain(KEY);
    expect(JSON.parse(env.files[1]!.after)).toEqual({ 'bailian-coding-plan': { type: 'api', key: KEY } });
    expect(env.files[1]!.secret).toBe(true);
    const inline = plan({ keyStorage: 'inline' }, { '/h/.local/share/opencode/auth.json': env.files[1]!.after });
    expect(config(inline).provider['bailian-coding-plan'].options.apiKey).toBe(KEY);
    expect(inline.files[0]!.secret).toBe(true);
    expect(JSON.parse(inline.files[1]!.after)).toEqual({});
  });

  it('edits an existing opencode.jsonc rather than creating opencode.json, and honours OPENCODE_CONFIG / XDG dirs', () => {
    const jsonc = '{\n  // mine\n  "theme": "dark"\n}\n';
    const p = plan({}, { '/h/.config/opencode/opencode.jsonc': jsonc });
    expect(p.files[0]!.path).toBe('/h/.config/opencode/opencode.jsonc');
    expect(p.files[0]!.after).toContain('// mine');
    expect(plan({}, {}, { env: { OPENCODE_CONFIG: '/x/oc.json' } }).files[0]!.path).toBe('/x/oc.json');
    expect(plan({}, {}, { env: { XDG_CONFIG_HOME: '/cfg', XDG_DATA_HOME: '/data' } }).files.map((f) => f.path)).toEqual([
      '/cfg/opencode/opencode.json',
      '/data/opencode/auth.json',
    ]);
  });

  it('warns about an OpenCode older than 1.2.16', () => {
    expect(plan({}, {}, { versions: { opencode: '1.2.15' } }).findings.map((f) => f.code)).toContain('TOOL_VERSION_TOO_OLD');
    expect(plan({}, {}, { versions: { opencode: '1.18.33' } }).findings.map((f) => f.code)).not.toContain('TOOL_VERSION_TOO_OLD');
  });

  it('Kilo: its own folder and names, the existing config.json first', () => {
    const p = plan({ tools: ['kilo'] }, { '/h/.config/kilo/config.json': '{}' });
    expect(p.files.map((f) => f.path)).toEqual(['/h/.config/kilo/config.json', '/h/.local/share/kilo/auth.json']);
    expect(plan({ tools: ['kilo'] }).files[0]!.path).toBe('/h/.config/kilo/kilo.json');
  });
});

describe('Codex compatibility', () => {
  it.each([
    { version: 'codex-cli 0.169.0', plan: 'coding', model: 'qwen3.5-plus', expect: 'CODEX_PLAN_UNSUPPORTED' },
    { version: null, plan: 'coding', model: 'qwen3.5-plus', expect: 'CODEX_PLAN_UNSUPPORTED' },
    { version: 'codex-cli 0.80.0', plan: 'coding', model: 'qwen3.5-plus', expect: 'chat' },
    { version: 'codex-cli 0.169.0', plan: 'token-team', model: 'glm-5', expect: 'CODEX_MODEL_UNSUPPORTED' },
    { version: 'codex-cli 0.169.0', plan: 'token-team', model: 'qwen3.6-plus', expect: 'responses' },
    { version: 'codex-cli 0.80.0', plan: 'token-team', model: 'glm-5', expect: 'chat' },
    { version: 'codex-cli 0.169.0', plan: 'token-personal', model: 'qwen3.7-max', expect: 'responses' },
  ] as const)('$version + $plan + $model → $expect', ({ version, plan, model, expect: want }) => {
    const r = codexWireApi(version, answers({ plan, region: 'cn', models: [model], tools: ['codex'] }));
    expect('wireApi' in r ? r.wireApi : r.problem.code).toBe(want);
  });

  it('picks the login shell profile for auto, and expands ~ in a given path', () => {
    expect(shellProfilePath(ctx({ env: { SHELL: '/bin/zsh' } }), 'auto')).toBe('/h/.zshrc');
    expect(shellProfilePath(ctx({ env: { SHELL: '/usr/bin/bash' } }), 'auto')).toBe('/h/.bashrc');
    expect(shellProfilePath(ctx({ env: { SHELL: '/usr/bin/fish' } }), 'auto')).toBe('/h/.profile');
    expect(shellProfilePath(ctx(), '~/.bash_profile')).toBe('/h/.bash_profile');
  });
});

describe('shell profile editor', () => {
  const profile = '# my bashrc\nalias ll="ls -l"\nif [ -f ~/.x ]; then . ~/.x; fi\nexport PATH="$HOME/bin:$PATH"\n';
  it('never refuses shell code, reads only export lines, and touches only our line', () => {
    expect(shellProfileEditor.parse(profile)).toEqual({ ok: true, value: { PATH: '$HOME/bin:$PATH' } });
    const added = shellProfileEditor.apply(profile, [{ op: 'set', path: ['BAILIAN_TOKEN_PLAN_API_KEY'], value: KEY }]);
    expect(added).toBe(`${profile}export BAILIAN_TOKEN_PLAN_API_KEY='${KEY}'\n`);
    const replaced = shellProfileEditor.apply(added, [{ op: 'set', path: ['BAILIAN_TOKEN_PLAN_API_KEY'], value: 'sk-sp-test-new' }]);
    expect(replaced).toBe(`${profile}export BAILIAN_TOKEN_PLAN_API_KEY='sk-sp-test-new'\n`);
    expect(shellProfileEditor.apply(replaced, [{ op: 'delete', path: ['BAILIAN_TOKEN_PLAN_API_KEY'] }])).toBe(profile);
  });
});

describe('guides', () => {
  it('Cursor/Cline/Kilo Code: steps with the plan URL, model and a masked key, and no files', () => {
    const p = planChanges({ answers: answers({ plan: 'token-personal', tools: ['cursor', 'cline-vscode', 'kilo-vscode'], models: ['qwen3.7-plus'] }), key: KEY, ctx: ctx(), texts: {}, templates });
    expect(p.files).toEqual([]);
    expect(p.guides.map((g) => g.tool)).toEqual(['cursor', 'cline-vscode', 'kilo-vscode']);
    for (const g of p.guides) {
      const params = g.steps[0]!.params!;
      expect(params).toMatchObject({ url: 'https://token-plan.cn-beijing.maas.aliyuncs.com/compatible-mode/v1', model: 'qwen3.7-plus', key: 'sk-sp-…abcd' });
    }
    expect(p.guides[0]!.steps.map((s) => s.code)).toContain('guide.cursor.limit');
    expect(JSON.stringify(p.guides)).not.toContain(KEY);
  });

  it('Qoder and Qoder CN: the provider by site, the type by plan and edition, no Base URL step; Trae and Roo Code: the plan URL', () => {
    const cases = [
      { plan: 'coding', region: 'cn', provider: 'guide.qoder.provider.cn', type: 'guide.qoder.type.coding' },
      { plan: 'token-personal', region: 'intl', provider: 'guide.qoder.provider.intl', type: 'guide.qoder.type.token-personal' },
      { plan: 'token-team', region: 'cn', provider: 'guide.qoder.provider.cn', type: 'guide.qoder.type.token-team' },
      { plan: 'payg', region: 'intl', provider: 'guide.qoder.provider.intl', type: 'guide.qoder.type.payg' },
    ] as const;
    for (const c of cases) {
      const model = recommendedModel(c.plan, c.region);
      const p = planChanges({ answers: answers({ plan: c.plan, region: c.region, tools: ['qoder', 'qoder-cn', 'trae', 'roo-code'], models: [model] }), key: KEY, ctx: ctx(), texts: {}, templates });
      expect(p.files).toEqual([]);
      const [qoder, qoderCn, trae, roo] = p.guides;
      for (const g of [qoder!, qoderCn!]) {
        const codes = g.steps.map((st) => st.code);
        expect(codes).toContain(c.provider);
        expect(codes).toContain(c.type);
        expect(codes.some((code) => code.includes('baseUrl'))).toBe(false);
      }
      expect(trae!.steps.map((st) => st.code)).toContain('guide.trae.url');
      expect(trae!.steps[0]!.params!.url).toBe(endpointsFor(c.plan, c.region).openai);
      expect(roo!.steps.map((st) => st.code)).toEqual(['guide.roo.status', 'guide.roo.open', 'guide.common.provider', 'guide.common.baseUrl', 'guide.common.key', 'guide.common.model', 'guide.roo.limits']);
      expect(roo!.steps[0]!.params).toMatchObject({ context: String(getModel(model)!.contextWindow), output: String(getModel(model)!.maxOutput) });
      // Every code has words in both languages, and no step carries the key.
      for (const g of p.guides) for (const st of g.steps) for (const lang of ['en', 'zh-CN'] as const) expect(translator(lang)(st.code as never, st.params), st.code).not.toMatch(/\{\w+\}|^guide\./);
      expect(JSON.stringify(p.guides)).not.toContain(KEY);
    }
  });
});
