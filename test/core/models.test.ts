import { describe, expect, it } from 'vitest';
import { toolsFor, unreachable, WRITER_TOOLS } from '../../src/core/adapters/reach.js';
import { catalog, STALE_AFTER_DAYS } from '../../src/core/catalog/index.js';
import { thrown } from '../helpers/thrown.js';
import { catalogAgeFindings, modelsTable } from '../../src/core/usecases/models.js';
import { checkModels } from '../../src/core/questions.js';

const none = { plan: undefined, region: undefined, edition: undefined };
const day = (offset: number): string => new Date(Date.parse(`${catalog.date}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);


describe('models table', () => {
  it('covers every plan × region pair without filters, each model with limits, level and sources', () => {
    const table = modelsTable(none, catalog.date);
    expect(table.groups.map((g) => `${g.plan}/${g.region}`)).toEqual(catalog.plans.flatMap((p) => p.regions.map((r) => `${p.id}/${r}`)));
    expect(table.date).toBe(catalog.date);
    for (const g of table.groups) {
      expect(g.models.length).toBeGreaterThan(0);
      expect(g.models.filter((m) => m.recommended)).toHaveLength(1);
      for (const m of g.models) {
        expect(m.contextWindow).toBeGreaterThan(0);
        expect(m.sources.length).toBeGreaterThan(0);
        expect(['documented', 'reported']).toContain(m.level);
      }
    }
  });

  it('filters by plan, "token" for both editions, edition and region', () => {
    expect(modelsTable({ ...none, plan: 'coding' }, catalog.date).groups.map((g) => g.region)).toEqual(['cn', 'intl']);
    expect(new Set(modelsTable({ ...none, plan: 'token' }, catalog.date).groups.map((g) => g.plan))).toEqual(new Set(['token-personal', 'token-team']));
    const team = modelsTable({ plan: 'token', edition: 'team', region: 'intl' }, catalog.date).groups;
    expect(team.map((g) => `${g.plan}/${g.region}`)).toEqual(['token-team/intl']);
    expect(modelsTable({ ...none, edition: 'personal' }, catalog.date).groups.every((g) => g.plan === 'token-personal')).toBe(true);
    expect(modelsTable({ ...none, region: 'hk' }, catalog.date).groups.map((g) => g.plan)).toEqual(['payg']);
  });

  it('refuses what names nothing, as usage errors naming the choices', () => {
    expect(thrown(() => modelsTable({ ...none, plan: 'gold' }, catalog.date))).toMatchObject({ exitCode: 2, code: 'error.invalid', params: { flag: '--plan' } });
    expect(thrown(() => modelsTable({ ...none, edition: 'family' }, catalog.date))).toMatchObject({ exitCode: 2, params: { flag: '--edition', choices: 'personal, team' } });
    expect(thrown(() => modelsTable({ ...none, plan: 'coding', edition: 'team' }, catalog.date))).toMatchObject({ exitCode: 2, code: 'error.editionNeedsToken' });
    expect(thrown(() => modelsTable({ ...none, plan: 'coding', region: 'us' }, catalog.date))).toMatchObject({ exitCode: 2, params: { flag: '--region', choices: 'cn, intl' } });
  });

  it('names the reported Qwen Cloud hosts beside the documented endpoints', () => {
    const [intl] = modelsTable({ plan: 'token-team', region: 'intl', edition: undefined }, catalog.date).groups;
    expect(intl?.endpoints.openai).toBe('https://token-plan.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1');
    expect(intl?.otherHosts).toEqual([{ host: 'token-plan.maas.qwencloudapi.com', level: 'reported' }]);
  });

  it('says which tools can use each model, by the documented rules only', () => {
    const team = modelsTable({ plan: 'token-team', region: 'cn', edition: undefined }, catalog.date).groups[0]!;
    const tools = (id: string) => team.models.find((m) => m.id === id)?.tools;
    expect(tools('qwen3.6-plus')).toEqual(WRITER_TOOLS);
    expect(tools('deepseek-v3.2')).not.toContain('claude-code');
    expect(tools('deepseek-v3.2')).not.toContain('codex');
    expect(tools('glm-5')).toEqual(WRITER_TOOLS.filter((t) => t !== 'codex'));
    // The quick start: the Responses API serves the qwen3.7 and qwen3.8 series, newer ids too.
    expect(tools('qwen3.8-max')).toContain('codex');
    expect(unreachable('codex', 'token-team', 'cn', 'qwen3.8-turbo')).toBeNull();
    expect(unreachable('codex', 'coding', 'cn', 'qwen3.5-plus')).toBe('CODEX_PLAN_UNSUPPORTED');
    expect(unreachable('claude-code', 'payg', 'cn', 'deepseek-v3.2')).toBe('MODEL_NOT_ON_PROTOCOL');
    // An id the catalog does not know is never held back: nothing documents it cannot work.
    expect(toolsFor('token-team', 'cn', 'brand-new-model')).toContain('claude-code');
  });
});

describe('catalog age', () => {
  it('adds one note past the limit, none before', () => {
    expect(catalogAgeFindings(day(STALE_AFTER_DAYS))).toEqual([]);
    expect(catalogAgeFindings(day(STALE_AFTER_DAYS + 30))).toEqual([
      { code: 'CATALOG_OLD', severity: 'info', params: { date: catalog.date, days: STALE_AFTER_DAYS + 30 } },
    ]);
    expect(modelsTable(none, day(400)).stale).toEqual({ date: catalog.date, days: 400 });
  });
});

describe('model membership findings at setup', () => {
  const answers = (plan: 'coding' | 'token-personal' | 'token-team' | 'payg', model: string) => ({ plan, region: 'intl' as const, tools: ['qwen-code' as const], models: [model], thinking: true });
  const codes = (plan: Parameters<typeof answers>[0], model: string) => checkModels(answers(plan, model)).map((f) => `${f.code}:${f.severity}`);

  it('documented: nothing; reported: a note; unlisted on a subscription: a warning; on pay-as-you-go: nothing', () => {
    expect(codes('token-personal', 'qwen3.7-plus')).toEqual([]);
    expect(codes('token-personal', 'qwen3.8-max')).toEqual(['MODEL_REPORTED:info']);
    expect(codes('token-personal', 'qwen9-omega')).toEqual(['MODEL_UNLISTED:warning']);
    expect(codes('payg', 'qwen-max-latest')).toEqual([]);
  });

  it('a case or space slip of a known id is the one refusal; a retired id names its replacement', () => {
    expect(codes('coding', 'Qwen3.5-Plus')).toEqual(['MODEL_ID_CASE:error']);
    expect(codes('payg', ' qwen3.6-plus')).toEqual(['MODEL_ID_CASE:error']);
    expect(checkModels(answers('token-team', 'qwen3.8-max-preview'))).toEqual([
      { code: 'MODEL_RETIRED', severity: 'warning', keyPath: 'model', params: { model: 'qwen3.8-max-preview', since: '2026-08-05', replacement: 'qwen3.8-max' } },
    ]);
  });
});
