import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  catalog,
  classifyBaseUrl,
  classifyHost,
  endpointsFor,
  familyOfPlan,
  getModel,
  getPlan,
  modelMembership,
  modelChoices,
  caseSlip,
  catalogStaleness,
  STALE_AFTER_DAYS,
  isRegionOf,
  modelsFor,
  planIds,
  recommendedModel,
  regionIdsFor,
} from '../../src/core/catalog/index.js';
import type { PlanId, RegionId } from '../../src/core/catalog/index.js';

type UrlForm = 'openai' | 'anthropic' | 'anthropicAiSdk';

// Written out in full on purpose: a typo in data.ts must not be reproduced by building these.
const expectedUrls: ReadonlyArray<readonly [PlanId, RegionId, UrlForm, string]> = [
  ['coding', 'cn', 'openai', 'https://coding.dashscope.aliyuncs.com/v1'],
  ['coding', 'cn', 'anthropic', 'https://coding.dashscope.aliyuncs.com/apps/anthropic'],
  ['coding', 'cn', 'anthropicAiSdk', 'https://coding.dashscope.aliyuncs.com/apps/anthropic/v1'],
  ['coding', 'intl', 'openai', 'https://coding-intl.dashscope.aliyuncs.com/v1'],
  ['coding', 'intl', 'anthropic', 'https://coding-intl.dashscope.aliyuncs.com/apps/anthropic'],
  ['coding', 'intl', 'anthropicAiSdk', 'https://coding-intl.dashscope.aliyuncs.com/apps/anthropic/v1'],
  ['token-personal', 'cn', 'openai', 'https://token-plan.cn-beijing.maas.aliyuncs.com/compatible-mode/v1'],
  ['token-personal', 'cn', 'anthropic', 'https://token-plan.cn-beijing.maas.aliyuncs.com/apps/anthropic'],
  ['token-personal', 'cn', 'anthropicAiSdk', 'https://token-plan.cn-beijing.maas.aliyuncs.com/apps/anthropic/v1'],
  ['token-personal', 'intl', 'openai', 'https://token-plan.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1'],
  ['token-personal', 'intl', 'anthropic', 'https://token-plan.ap-southeast-1.maas.aliyuncs.com/apps/anthropic'],
  ['token-personal', 'intl', 'anthropicAiSdk', 'https://token-plan.ap-southeast-1.maas.aliyuncs.com/apps/anthropic/v1'],
  ['token-team', 'cn', 'openai', 'https://token-plan.cn-beijing.maas.aliyuncs.com/compatible-mode/v1'],
  ['token-team', 'cn', 'anthropic', 'https://token-plan.cn-beijing.maas.aliyuncs.com/apps/anthropic'],
  ['token-team', 'cn', 'anthropicAiSdk', 'https://token-plan.cn-beijing.maas.aliyuncs.com/apps/anthropic/v1'],
  ['token-team', 'intl', 'openai', 'https://token-plan.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1'],
  ['token-team', 'intl', 'anthropic', 'https://token-plan.ap-southeast-1.maas.aliyuncs.com/apps/anthropic'],
  ['token-team', 'intl', 'anthropicAiSdk', 'https://token-plan.ap-southeast-1.maas.aliyuncs.com/apps/anthropic/v1'],
  ['payg', 'cn', 'openai', 'https://dashscope.aliyuncs.com/compatible-mode/v1'],
  ['payg', 'cn', 'anthropic', 'https://dashscope.aliyuncs.com/apps/anthropic'],
  ['payg', 'cn', 'anthropicAiSdk', 'https://dashscope.aliyuncs.com/apps/anthropic/v1'],
  ['payg', 'intl', 'openai', 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1'],
  ['payg', 'intl', 'anthropic', 'https://dashscope-intl.aliyuncs.com/apps/anthropic'],
  ['payg', 'intl', 'anthropicAiSdk', 'https://dashscope-intl.aliyuncs.com/apps/anthropic/v1'],
  ['payg', 'us', 'openai', 'https://dashscope-us.aliyuncs.com/compatible-mode/v1'],
  ['payg', 'us', 'anthropic', 'https://dashscope-us.aliyuncs.com/apps/anthropic'],
  ['payg', 'us', 'anthropicAiSdk', 'https://dashscope-us.aliyuncs.com/apps/anthropic/v1'],
  ['payg', 'hk', 'openai', 'https://cn-hongkong.dashscope.aliyuncs.com/compatible-mode/v1'],
  ['payg', 'hk', 'anthropic', 'https://cn-hongkong.dashscope.aliyuncs.com/apps/anthropic'],
  ['payg', 'hk', 'anthropicAiSdk', 'https://cn-hongkong.dashscope.aliyuncs.com/apps/anthropic/v1'],
];

const allPairs = catalog.plans.flatMap((p) => p.regions.map((r) => [p.id, r] as const));

describe('endpoints', () => {
  it.each(expectedUrls)('%s / %s / %s', (plan, region, form, url) => {
    expect(endpointsFor(plan, region)[form]).toBe(url);
  });

  it('covers every plan × region pair exactly once, and nothing else', () => {
    expect(allPairs).toHaveLength(10);
    expect(catalog.endpoints).toHaveLength(allPairs.length);
    for (const [plan, region] of allPairs) {
      expect(expectedUrls.filter(([p, r]) => p === plan && r === region)).toHaveLength(3);
      expect(catalog.endpoints.filter((e) => e.plan === plan && e.region === region)).toHaveLength(1);
    }
  });

  it('throws on a pair the plan does not serve', () => {
    expect(() => endpointsFor('coding', 'us')).toThrow();
    expect(() => endpointsFor('token-team', 'hk')).toThrow();
  });

  it('puts every endpoint on a host of its plan family and region', () => {
    for (const e of catalog.endpoints) {
      for (const url of [e.openai, e.anthropic, e.anthropicAiSdk]) {
        expect(classifyBaseUrl(url)).toMatchObject({ family: familyOfPlan(e.plan), region: e.region });
      }
    }
  });
});

const sharedDir = new URL('../../../shared/', import.meta.url);
const haveShared = existsSync(new URL('seeds', sharedDir));

describe.skipIf(!haveShared)('endpoints against the vendor documents', () => {
  it('finds every subscription openai and anthropic URL in the seeds or plans.md', () => {
    const seedsDir = new URL('seeds/', sharedDir);
    const texts = readdirSync(seedsDir)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => readFileSync(new URL(name, seedsDir), 'utf8'));
    texts.push(readFileSync(new URL('reference/plans.md', sharedDir), 'utf8'));
    const corpus = texts.join('\n');
    const subscription = catalog.endpoints.filter((e) => e.plan !== 'payg');
    expect(subscription).toHaveLength(6);
    // Whole-URL match: a truncated URL must not pass as a prefix of a longer documented one.
    const documented = (url: string) =>
      new RegExp(`${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w/.-])`).test(corpus);
    for (const e of subscription) {
      expect(documented(e.openai), e.openai).toBe(true);
      expect(documented(e.anthropic), e.anthropic).toBe(true);
    }
  });

  it('cites only seed files that exist', () => {
    const seeds = new Set(readdirSync(new URL('seeds/', sharedDir)));
    const cited = [...catalog.plans, ...catalog.endpoints, ...catalog.models]
      .flatMap((entry) => entry.sources)
      .filter((s) => /^\d{3}_[0-9a-f]+\.txt$/.test(s));
    expect(cited.length).toBeGreaterThan(0);
    for (const s of cited) expect(seeds.has(s), s).toBe(true);
  });
});

describe('plans', () => {
  it('has the fixed ids and regions', () => {
    expect(planIds).toEqual(['coding', 'token-personal', 'token-team', 'payg']);
    expect(regionIdsFor('coding')).toEqual(['cn', 'intl']);
    expect(regionIdsFor('token-personal')).toEqual(['cn', 'intl']);
    expect(regionIdsFor('token-team')).toEqual(['cn', 'intl']);
    expect(regionIdsFor('payg')).toEqual(['cn', 'intl', 'us', 'hk']);
    expect(isRegionOf('coding', 'intl')).toBe(true);
    expect(isRegionOf('coding', 'us')).toBe(false);
    expect(isRegionOf('payg', 'hk')).toBe(true);
    expect(isRegionOf('payg', 'eu')).toBe(false);
  });

  it('names every plan and region in both languages', () => {
    for (const p of catalog.plans) {
      for (const text of [p.name.en, p.name['zh-CN'], p.blurb.en, p.blurb['zh-CN']]) {
        expect(text.trim()).not.toBe('');
      }
    }
    for (const r of catalog.regions) expect(r.name.en && r.name['zh-CN']).toBeTruthy();
  });

  it('maps plans to host families', () => {
    expect(familyOfPlan('coding')).toBe('coding');
    expect(familyOfPlan('token-personal')).toBe('token-plan');
    expect(familyOfPlan('token-team')).toBe('token-plan');
    expect(familyOfPlan('payg')).toBe('payg');
  });

  it('closes subscription lists and leaves pay-as-you-go open', () => {
    expect(getPlan('coding').modelListClosed).toBe(true);
    expect(getPlan('token-personal').modelListClosed).toBe(true);
    expect(getPlan('token-team').modelListClosed).toBe(true);
    expect(getPlan('payg').modelListClosed).toBe(false);
  });

  it('lists only known models, each once, per region of the plan', () => {
    for (const p of catalog.plans) {
      expect(Object.keys(p.models).sort()).toEqual([...p.regions].sort());
      for (const region of p.regions) {
        const ids = p.models[region] ?? [];
        expect(ids.length).toBeGreaterThan(0);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) expect(getModel(id), `${p.id}/${region}: ${id}`).toBeDefined();
        expect(modelsFor(p.id, region).map((m) => m.id)).toEqual(ids);
      }
      for (const [region, ids] of Object.entries(p.reportedModels ?? {})) {
        expect(p.regions, `${p.id}: reported models for a region it serves`).toContain(region);
        for (const id of ids ?? []) {
          expect(getModel(id), id).toBeDefined();
          // A model is documented or reported for a plan, never both.
          expect(p.models[region as RegionId] ?? [], `${p.id}/${region}: ${id} listed twice`).not.toContain(id);
        }
      }
    }
  });

  it('recommends a listed model, offered first', () => {
    for (const [plan, region] of allPairs) {
      const id = recommendedModel(plan, region);
      expect(getPlan(plan).models[region]?.[0]).toBe(id);
      expect(modelMembership(plan, region, id)).toBe('documented');
      expect(modelChoices(plan, region)[0]).toEqual({ id, level: 'documented' });
    }
    expect(recommendedModel('coding', 'cn')).toBe('qwen3.5-plus');
    expect(recommendedModel('coding', 'intl')).toBe('qwen3.5-plus');
    expect(recommendedModel('token-personal', 'intl')).toBe('qwen3.7-plus');
    expect(recommendedModel('token-team', 'cn')).toBe('qwen3.6-plus');
    expect(recommendedModel('payg', 'us')).toBe('qwen3.6-plus');
  });

  it('holds the documented allowlists', () => {
    const sorted = (plan: PlanId, region: RegionId) => [...(getPlan(plan).models[region] ?? [])].sort();
    const coding = [
      'qwen3.7-plus', 'qwen3.6-plus', 'qwen3.5-plus', 'kimi-k2.5', 'glm-5', 'MiniMax-M2.5',
      'qwen3-max-2026-01-23', 'qwen3-coder-next', 'qwen3-coder-plus', 'glm-4.7',
    ].sort();
    expect(sorted('coding', 'cn')).toEqual(coding);
    expect(sorted('coding', 'intl')).toEqual(coding);
    const personal = ['qwen3.7-max', 'qwen3.7-plus', 'qwen3.6-flash', 'glm-5.2', 'deepseek-v4-pro'].sort();
    expect(sorted('token-personal', 'cn')).toEqual(personal);
    expect(sorted('token-personal', 'intl')).toEqual(personal);
    expect(sorted('token-team', 'cn')).toHaveLength(12);
    expect(sorted('token-team', 'intl')).toEqual(sorted('token-team', 'cn'));
    expect(getPlan('token-team').reportedModels?.intl).toEqual(expect.arrayContaining(['kimi-k2.7-code', 'glm-5.2', 'qwen3.8-max']));
  });

  it('answers model membership with its level', () => {
    expect(modelMembership('coding', 'cn', 'glm-4.7')).toBe('documented');
    expect(modelMembership('coding', 'cn', 'deepseek-v3.2')).toBe('unlisted');
    expect(modelMembership('coding', 'cn', 'Qwen3.5-plus')).toBe('unlisted');
    expect(modelMembership('coding', 'intl', 'qwen3.7-max')).toBe('reported');
    expect(modelMembership('token-personal', 'cn', 'qwen3.6-plus')).toBe('unlisted');
    expect(modelMembership('token-personal', 'intl', 'qwen3.8-max')).toBe('reported');
    expect(modelMembership('token-team', 'intl', 'kimi-k2.7-code')).toBe('reported');
    expect(modelMembership('token-team', 'intl', 'glm-5.2')).toBe('reported');
    expect(modelMembership('token-personal', 'intl', 'glm-5.2')).toBe('documented');
    expect(modelMembership('payg', 'cn', 'qwen-max-latest')).toBe('unlisted');
    expect(modelMembership('payg', 'cn', 'glm-5')).toBe('documented');
    expect(modelMembership('coding', 'us', 'qwen3.5-plus')).toBe('unlisted');
    expect(modelsFor('coding', 'us')).toEqual([]);
    expect(modelChoices('coding', 'us')).toEqual([]);
  });

  it('offers documented models first, then reported ones', () => {
    const choices = modelChoices('token-team', 'intl');
    const firstReported = choices.findIndex((c) => c.level === 'reported');
    expect(firstReported).toBeGreaterThan(0);
    expect(choices.slice(firstReported).every((c) => c.level === 'reported')).toBe(true);
    expect(choices.map((c) => c.id)).toContain('qwen3.8-max');
    expect(new Set(choices.map((c) => c.id)).size).toBe(choices.length);
  });

  it('names a case slip of a known id, and nothing else', () => {
    expect(caseSlip('Qwen3.5-Plus')).toBe('qwen3.5-plus');
    expect(caseSlip(' qwen3.5-plus ')).toBe('qwen3.5-plus');
    expect(caseSlip('qwen3.5-plus')).toBeUndefined();
    expect(caseSlip('qwen9-ultra')).toBeUndefined();
  });

  it('says when the catalog is older than the limit, counting whole days', () => {
    const day = (n: number): string => new Date(Date.parse(`${catalog.date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    expect(catalogStaleness(catalog.date)).toBeNull();
    expect(catalogStaleness(day(STALE_AFTER_DAYS))).toBeNull();
    expect(catalogStaleness(day(STALE_AFTER_DAYS + 1))).toEqual({ date: catalog.date, days: STALE_AFTER_DAYS + 1 });
    expect(catalogStaleness('not a date')).toBeNull();
  });

  it('dates every model and plan, and marks each model documented or reported', () => {
    const iso = /^\d{4}-\d{2}-\d{2}$/;
    for (const m of catalog.models) {
      expect(m.checked, m.id).toMatch(iso);
      expect(m.checked <= catalog.date, `${m.id} checked after the catalog date`).toBe(true);
      expect(['documented', 'reported']).toContain(m.level);
    }
    for (const p of catalog.plans) expect(p.checked, p.id).toMatch(iso);
  });
});

describe('models', () => {
  const required = [
    'qwen3.7-plus', 'qwen3.7-max', 'qwen3.6-plus', 'qwen3.6-flash', 'qwen3.5-plus', 'qwen3-max-2026-01-23',
    'qwen3-coder-next', 'qwen3-coder-plus', 'kimi-k2.5', 'kimi-k2.6', 'kimi-k2.7-code', 'glm-5', 'glm-5.1',
    'glm-5.2', 'glm-4.7', 'MiniMax-M2.5', 'deepseek-v3.2', 'deepseek-v4-pro', 'deepseek-v4-flash',
    'qwen3.8-max-preview', 'qwen3.8-max', 'qwen3.8-flash', 'deepseek-v4-pro-0813', 'deepseek-v4-flash-0731',
    'deepseek-v4.1-flash',
  ];

  it('has every model of docs/plans.md, each once', () => {
    const ids = catalog.models.map((m) => m.id);
    expect([...ids].sort()).toEqual([...required].sort());
  });

  it('keeps every number a positive integer', () => {
    for (const m of catalog.models) {
      for (const n of [m.contextWindow, m.maxOutput, m.maxThinkingBudget ?? 1]) {
        expect(Number.isInteger(n) && n > 0, m.id).toBe(true);
      }
    }
  });

  it('keeps thinking fields consistent', () => {
    for (const m of catalog.models) {
      if (m.thinking === 'none') {
        expect(m.maxThinkingBudget, m.id).toBeNull();
        expect(m.thinkingDefaultOn, m.id).toBe(false);
      }
      if (m.thinking === 'always') expect(m.thinkingDefaultOn, m.id).toBe(true);
    }
  });

  it('records the documented special cases', () => {
    expect(getModel('deepseek-v3.2')?.anthropic).toBe(false);
    expect(getModel('qwen3-coder-next')?.thinking).toBe('none');
    expect(getModel('qwen3-coder-plus')?.thinking).toBe('none');
    expect(getModel('MiniMax-M2.5')).toMatchObject({ contextWindow: 196_608, thinking: 'always', maxThinkingBudget: null });
    expect(getModel('qwen3.7-plus')?.maxThinkingBudget).toBe(262_144);
    expect(getModel('glm-5')?.maxThinkingBudget).toBe(32_768);
    expect(getModel('qwen3-max-2026-01-23')?.maxOutput).toBe(65_536);
    expect(getModel('kimi-k2.5')?.maxOutput).toBe(32_768);
    expect(getModel('nope')).toBeUndefined();
  });

  it('gives every plan, endpoint and model at least one source, and a date to the catalog', () => {
    for (const entry of [...catalog.plans, ...catalog.endpoints, ...catalog.models]) {
      expect(entry.sources.length).toBeGreaterThan(0);
      for (const s of entry.sources) expect(s.trim()).not.toBe('');
    }
    expect(catalog.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('hosts', () => {
  it.each([
    ['coding.dashscope.aliyuncs.com', 'coding', 'cn'],
    ['coding-intl.dashscope.aliyuncs.com', 'coding', 'intl'],
    ['token-plan.cn-beijing.maas.aliyuncs.com', 'token-plan', 'cn'],
    ['token-plan.ap-southeast-1.maas.aliyuncs.com', 'token-plan', 'intl'],
    ['dashscope.aliyuncs.com', 'payg', 'cn'],
    ['dashscope-intl.aliyuncs.com', 'payg', 'intl'],
    ['dashscope-us.aliyuncs.com', 'payg', 'us'],
    ['cn-hongkong.dashscope.aliyuncs.com', 'payg', 'hk'],
    ['abc123.ap-southeast-1.maas.aliyuncs.com', 'payg', 'intl'],
    ['llm-ws1.cn-beijing.maas.aliyuncs.com', 'payg', 'cn'],
    ['ws-9.us-east-1.maas.aliyuncs.com', 'payg', 'us'],
    ['ws-9.eu-central-1.maas.aliyuncs.com', 'payg', 'intl'],
    ['trial.ap-northeast-1.maas.aliyuncs.com', 'payg', 'intl'],
    ['Coding-Intl.DashScope.aliyuncs.com.', 'coding', 'intl'],
  ] as const)('%s → %s %s', (host, family, region) => {
    expect(classifyHost(host)).toEqual({ family, region, level: 'documented' });
  });

  it.each([
    'token-plan.eu-central-1.maas.aliyuncs.com',
    'token-plan.us-east-1.maas.aliyuncs.com',
    'codeing.dashscope.aliyuncs.com',
    'token_plan.cn-beijing.maas.aliyuncs.com',
    'coding.dashscope.aliyuncs.com.evil.example',
    'a.b.cn-beijing.maas.aliyuncs.com',
    'abc.cn-shanghai.maas.aliyuncs.com',
    'api.anthropic.com',
    '',
  ])('%s is not a known host', (host) => {
    expect(classifyHost(host)).toBeUndefined();
  });

  it('lists the eight documented hosts and the four reported Qwen Cloud ones', () => {
    expect(catalog.hosts.filter((h) => (h.level ?? 'documented') === 'documented')).toHaveLength(8);
    expect(catalog.hosts.filter((h) => h.level === 'reported').map((h) => h.host).sort()).toEqual(
      ['maas.qianwenaiapi.com', 'maas.qwencloudapi.com', 'token-plan.maas.qianwenaiapi.com', 'token-plan.maas.qwencloudapi.com'],
    );
    expect(classifyHost('token-plan.maas.qwencloudapi.com')).toEqual({ family: 'token-plan', region: 'intl', level: 'reported' });
    expect(classifyHost('token-plan.maas.qianwenaiapi.com')).toEqual({ family: 'token-plan', region: 'cn', level: 'reported' });
  });

  it('retires qwen3.8-max-preview in favour of qwen3.8-max, offering it nowhere', () => {
    expect(getModel('qwen3.8-max-preview')?.retired).toMatchObject({ since: '2026-08-05', replacedBy: 'qwen3.8-max', level: 'reported' });
    for (const [plan, region] of allPairs) expect(modelChoices(plan, region).map((c) => c.id)).not.toContain('qwen3.8-max-preview');
  });

  it('splits base URLs into host, family, region and path', () => {
    expect(classifyBaseUrl('https://coding-intl.dashscope.aliyuncs.com/apps/anthropic/v1')).toEqual({
      host: 'coding-intl.dashscope.aliyuncs.com',
      family: 'coding',
      region: 'intl',
      level: 'documented',
      path: '/apps/anthropic/v1',
    });
    expect(classifyBaseUrl(' token-plan.cn-beijing.maas.aliyuncs.com/compatible-mode/v1/ ')).toEqual({
      host: 'token-plan.cn-beijing.maas.aliyuncs.com',
      family: 'token-plan',
      region: 'cn',
      level: 'documented',
      path: '/compatible-mode/v1/',
    });
    expect(classifyBaseUrl('https://dashscope.aliyuncs.com')).toEqual({
      host: 'dashscope.aliyuncs.com',
      family: 'payg',
      region: 'cn',
      level: 'documented',
      path: '',
    });
    expect(classifyBaseUrl('https://example.com/v1')).toEqual({ host: 'example.com', path: '/v1' });
    expect(classifyBaseUrl('http://[::1')).toEqual({ host: '', path: '' });
  });
});
