import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TOOL_IDS, type ToolId } from '../../src/core/adapters/index.js';
import { catalog, getModel, getPlan, isRegionOf, planIds, recommendedModel, regionIdsFor, type PlanId, type RegionId } from '../../src/core/catalog/index.js';
import { hasOptionalThinking, planChoices, QUESTIONS, question, resolveAnswers, type PartialAnswers } from '../../src/core/questions.js';
import { translator } from '../../src/i18n/index.js';
import {
  STEP_ORDER,
  atLastStep,
  defaultModel,
  familiesFor,
  initQuestions,
  isAsked,
  isFirstStep,
  keyProblem,
  keyProblemWhileTyping,
  planOf,
  questionsReducer,
  regionOf,
  toAnswers,
  type Edition,
  type KeyAnswer,
  type QuestionAction,
  type QuestionState,
  type StepId,
} from '../../src/ui/questions-reducer.js';
import { PAYG_KEY, PLAN_KEY } from '../helpers/cli.js';

const typed = (value: string): KeyAnswer => ({ source: 'typed', value });
const apply = (s: QuestionState, ...actions: QuestionAction[]): QuestionState => actions.reduce(questionsReducer, s);
const back: QuestionAction = { type: 'back' };

/** The steps a walk visits, answering each with the given action. */
function walk(s: QuestionState, answers: Partial<Record<StepId, QuestionAction>>): { steps: (StepId | 'done')[]; state: QuestionState } {
  const steps: (StepId | 'done')[] = [s.step];
  let state = s;
  while (state.step !== 'done') {
    const action = answers[state.step];
    if (!action) throw new Error(`no answer for ${state.step}`);
    state = questionsReducer(state, action);
    steps.push(state.step);
  }
  return { steps, state };
}

const CODING_ANSWERS = {
  plan: { type: 'plan', value: 'coding' },
  region: { type: 'region', value: 'intl' },
  tools: { type: 'tools', value: ['claude-code', 'qwen-code'] },
  key: { type: 'key', value: typed(PLAN_KEY) },
  model: { type: 'model', value: 'qwen3.5-plus' },
  thinking: { type: 'thinking', value: false },
} satisfies Partial<Record<StepId, QuestionAction>>;

describe('step order', () => {
  it('Coding Plan: plan → region → tools → key → model → thinking, no edition', () => {
    const { steps, state } = walk(initQuestions({}, true), CODING_ANSWERS);
    expect(steps).toEqual(['plan', 'region', 'tools', 'key', 'model', 'thinking', 'done']);
    expect(state.values).toEqual({ family: 'coding', region: 'intl', tools: ['claude-code', 'qwen-code'], key: typed(PLAN_KEY), model: 'qwen3.5-plus', thinking: false });
  });

  it('Token Plan asks the edition right after the plan', () => {
    const { steps, state } = walk(initQuestions({}, true), {
      ...CODING_ANSWERS,
      plan: { type: 'plan', value: 'token' },
      edition: { type: 'edition', value: 'team' },
      model: { type: 'model', value: 'qwen3.6-plus' },
    });
    expect(steps).toEqual(['plan', 'edition', 'region', 'tools', 'key', 'model', 'thinking', 'done']);
    expect(planOf(state)).toBe('token-team');
  });

  it('pay-as-you-go skips the edition and offers its own regions', () => {
    const s = apply(initQuestions({}, true), { type: 'plan', value: 'payg' });
    expect(s.step).toBe('region');
    expect(planOf(s)).toBe('payg');
    expect(apply(s, { type: 'region', value: 'us' }).step).toBe('tools');
  });

  it('thinking is asked only after a model whose thinking can be switched', () => {
    const at = (model: string) => apply(initQuestions({ plan: 'coding', region: 'cn', tools: ['codex'] }, false), { type: 'model', value: model });
    for (const [model, thinking] of [
      ['qwen3.5-plus', 'optional'],
      ['qwen3-coder-plus', 'none'],
      ['MiniMax-M2.5', 'always'],
    ] as const) {
      expect(getModel(model)?.thinking).toBe(thinking);
      expect(at(model).step).toBe(thinking === 'optional' ? 'thinking' : 'done');
    }
  });

  it('an answer for another screen than the current one is ignored', () => {
    const s = initQuestions({}, true);
    expect(questionsReducer(s, { type: 'region', value: 'cn' })).toBe(s);
  });
});

describe('the step list drives the order', () => {
  it('the shared questions come in the step list’s order; edition follows the plan and the key follows the tools', () => {
    expect(STEP_ORDER.filter((step) => step !== 'edition' && step !== 'key')).toEqual(QUESTIONS.map((q) => q.id));
    expect(STEP_ORDER[STEP_ORDER.indexOf('plan') + 1]).toBe('edition');
    expect(STEP_ORDER[STEP_ORDER.indexOf('tools') + 1]).toBe('key');
    expect(STEP_ORDER).toEqual(['plan', 'edition', 'region', 'tools', 'key', 'model', 'thinking']);
  });

  it('a shared step is asked exactly when no flag answered it and the step list says it applies', () => {
    const base: PartialAnswers = { plan: 'coding', region: 'cn', tools: ['codex'] };
    for (const model of getPlan('coding').models.cn ?? []) {
      const s = initQuestions({ ...base, models: [model] }, false);
      expect(isAsked(s, 'thinking'), model).toBe(question('thinking').asked({ ...base, models: [model] }));
      expect(isAsked(s, 'thinking'), model).toBe(hasOptionalThinking([model]));
      expect(isAsked(initQuestions({ ...base, models: [model], thinking: true }, false), 'thinking')).toBe(false);
    }
  });

  it('hasOptionalThinking: any model with a switch; unknown ids and no models have none', () => {
    for (const m of catalog.models) expect(hasOptionalThinking([m.id]), m.id).toBe(m.thinking === 'optional');
    expect(hasOptionalThinking(['qwen3-coder-plus', 'glm-5'])).toBe(true);
    expect(hasOptionalThinking(['no-such-model'])).toBe(false);
    expect(hasOptionalThinking([])).toBe(false);
    expect(hasOptionalThinking(undefined)).toBe(false);
  });

  it('planChoices lists the catalog’s plans', () => {
    expect(planChoices()).toBe('coding, token-personal, token-team, payg');
    expect(planChoices()).toBe(planIds.join(', '));
    // --plan's help line is the plan ids, filled into its message (src/args.ts).
    expect(question('plan').description).toBe('help.opt.plan');
    expect(translator('en')(question('plan').description, { choices: planChoices(' | ') })).toBe('coding | token-personal | token-team | payg');
  });

  it('resolveAnswers walks the step list: missing, invalid and --yes fallbacks name each step’s flag', () => {
    expect(resolveAnswers({}, false).missing.map((m) => m.flag)).toEqual(QUESTIONS.map((q) => q.flag));
    const withDefaults = resolveAnswers({ plan: 'coding', region: 'cn', tools: 'codex,codex' }, true);
    expect(withDefaults).toEqual({ partial: { plan: 'coding', region: 'cn', tools: ['codex'], models: [recommendedModel('coding', 'cn')], thinking: true }, missing: [], invalid: [] });
    const bad = resolveAnswers({ plan: 'gold', region: 'mars', tools: 'vim', model: ' , ', thinking: 'maybe' }, false);
    expect(bad.invalid.map((p) => p.flag)).toEqual(['--plan', '--region', '--tools', '--model', '--thinking']);
    expect(bad.invalid[1]?.choices).toEqual(['cn', 'intl', 'us', 'hk']);
    expect(resolveAnswers({ plan: 'coding', region: 'us' }, false).invalid).toEqual([{ flag: '--region', value: 'us', choices: regionIdsFor('coding') }]);
    expect(resolveAnswers({ plan: '' }, true).missing[0]).toEqual({ flag: '--plan', choices: planIds });
  });
});

describe('presets from flags', () => {
  it('each preset skips its screen', () => {
    expect(initQuestions({ plan: 'coding' }, true).step).toBe('region');
    expect(initQuestions({ plan: 'token-personal' }, true).step).toBe('region');
    expect(initQuestions({ plan: 'coding', region: 'cn' }, true).step).toBe('tools');
    expect(initQuestions({ plan: 'coding', region: 'cn', tools: ['codex'] }, true).step).toBe('key');
    expect(initQuestions({ plan: 'coding', region: 'cn', tools: ['codex'] }, false).step).toBe('model');
  });

  it('a preset Token Plan edition never asks the edition', () => {
    const s = initQuestions({ plan: 'token-team' }, true);
    expect(isAsked(s, 'edition')).toBe(false);
    expect(isAsked({ ...s, values: { family: 'token' } }, 'edition')).toBe(false);
  });

  it('preset models decide about thinking: no screen for a model without a switch', () => {
    const preset: PartialAnswers = { plan: 'coding', region: 'cn', tools: ['codex'] };
    expect(initQuestions({ ...preset, models: ['qwen3-coder-plus'] }, false).step).toBe('done');
    expect(initQuestions({ ...preset, models: ['qwen3-coder-plus', 'glm-5'] }, false).step).toBe('thinking');
    expect(initQuestions({ ...preset, models: ['glm-5'], thinking: false }, false).step).toBe('done');
  });

  it('everything preset and the key from elsewhere: nothing is asked', () => {
    const s = initQuestions({ plan: 'payg', region: 'us', tools: ['codex'], models: ['qwen3.6-plus'], thinking: true }, false);
    expect(s.step).toBe('done');
    expect(atLastStep(s).step).toBe('done');
    expect(isFirstStep(s)).toBe(false);
  });

  it('the steps between presets are still walked in order', () => {
    const { steps } = walk(initQuestions({ region: 'cn', models: ['glm-5'] }, true), CODING_ANSWERS);
    expect(steps).toEqual(['plan', 'tools', 'key', 'thinking', 'done']);
  });
});

describe('back', () => {
  const tokenAnswers = {
    ...CODING_ANSWERS,
    plan: { type: 'plan', value: 'token' },
    edition: { type: 'edition', value: 'personal' },
    model: { type: 'model', value: 'qwen3.7-plus' },
  } satisfies Partial<Record<StepId, QuestionAction>>;

  it.each([
    ['Coding Plan', CODING_ANSWERS, ['plan', 'region', 'tools', 'key', 'model', 'thinking']],
    ['Token Plan', tokenAnswers, ['plan', 'edition', 'region', 'tools', 'key', 'model', 'thinking']],
  ] as const)('%s: from each step lands on the previous asked step and keeps every answer', (_name, answers, asked) => {
    const { state: done } = walk(initQuestions({}, true), answers);
    let s = questionsReducer(done, back);
    expect(s.step).toBe(asked[asked.length - 1]);
    for (let i = asked.length - 1; i > 0; i--) {
      expect(s.step).toBe(asked[i]);
      s = questionsReducer(s, back);
      expect(s.step).toBe(asked[i - 1]);
      expect(s.values).toEqual(done.values);
    }
    // At the first step, back stays.
    expect(isFirstStep(s)).toBe(true);
    expect(questionsReducer(s, back)).toBe(s);
  });

  it('skips the screens the flags answered', () => {
    const s = apply(initQuestions({ plan: 'coding', tools: ['codex'] }, true), { type: 'region', value: 'cn' }, { type: 'key', value: typed(PLAN_KEY) });
    expect(s.step).toBe('model');
    expect(questionsReducer(s, back).step).toBe('key');
    expect(apply(s, back, back).step).toBe('region');
    expect(apply(s, back, back, back).step).toBe('region');
  });

  it('answering again with the same value walks forward with nothing lost', () => {
    const { state: done } = walk(initQuestions({}, true), CODING_ANSWERS);
    const again = apply(done, back, back, back, back, { type: 'tools', value: ['claude-code', 'qwen-code'] });
    expect(again.step).toBe('key');
    expect(again.values).toEqual(done.values);
  });

  it('isFirstStep follows the presets', () => {
    expect(isFirstStep(initQuestions({}, true))).toBe(true);
    const s = initQuestions({ plan: 'coding' }, true);
    expect(s.step).toBe('region');
    expect(isFirstStep(s)).toBe(true);
    expect(isFirstStep(apply(s, { type: 'region', value: 'cn' }))).toBe(false);
  });
});

describe('answers that no longer fit are dropped', () => {
  it('a pay-as-you-go-only region is cleared when the plan changes to Coding Plan', () => {
    let s = apply(initQuestions({}, true), { type: 'plan', value: 'payg' }, { type: 'region', value: 'us' });
    s = apply(s, back, back);
    expect(s.step).toBe('plan');
    expect(s.values.region).toBe('us');
    s = questionsReducer(s, { type: 'plan', value: 'coding' });
    expect(s.step).toBe('region');
    expect(s.values.region).toBeUndefined();
  });

  it('a region both plans serve is kept', () => {
    let s = apply(initQuestions({}, true), { type: 'plan', value: 'payg' }, { type: 'region', value: 'intl' }, back);
    s = questionsReducer(s, { type: 'plan', value: 'coding' });
    expect(s.values.region).toBe('intl');
  });

  it('a model the new plan does not serve is cleared; one it serves is kept', () => {
    const payg = apply(initQuestions({ region: 'cn', tools: ['codex'] }, false), { type: 'plan', value: 'payg' });
    const toCoding = (model: string) =>
      apply(payg, { type: 'model', value: model }, back, back, { type: 'plan', value: 'coding' }).values.model;
    expect(getPlan('coding').models.cn).not.toContain('deepseek-v4-pro');
    expect(toCoding('deepseek-v4-pro')).toBeUndefined();
    // An id the user typed is theirs: kept across plans.
    const typed = apply(payg, { type: 'model', value: 'qwen9-omega', typed: true }, back, back, { type: 'plan', value: 'coding' });
    expect(typed.values.model).toBe('qwen9-omega');
    expect(getPlan('coding').models.cn).toContain('qwen3.7-plus');
    expect(toCoding('qwen3.7-plus')).toBe('qwen3.7-plus');
  });

  it('a model is cleared when the region changes to one that does not serve it', () => {
    let s = apply(initQuestions({ plan: 'payg', tools: ['codex'] }, false), { type: 'region', value: 'cn' }, { type: 'model', value: 'deepseek-v4-pro' });
    expect(s.values.model).toBe('deepseek-v4-pro');
    s = apply(s, back, back, { type: 'region', value: 'us' });
    expect(s.values.model).toBeUndefined();
    expect(defaultModel(s)).toBe(recommendedModel('payg', 'us'));
  });

  it('a key of the wrong kind for the new plan is cleared', () => {
    let s = apply(initQuestions({ region: 'cn', tools: ['codex'] }, true), { type: 'plan', value: 'payg' }, { type: 'key', value: typed(PAYG_KEY) });
    expect(s.values.key).toEqual(typed(PAYG_KEY));
    s = apply(s, back, back, { type: 'plan', value: 'coding' });
    expect(s.values.key).toBeUndefined();
    expect(s.step).toBe('key');
  });

  it('a key that fits both plans is kept', () => {
    let s = apply(initQuestions({ region: 'cn', tools: ['codex'] }, true), { type: 'plan', value: 'coding' }, { type: 'key', value: typed(PLAN_KEY) });
    s = apply(s, back, back, { type: 'plan', value: 'token' }, { type: 'edition', value: 'personal' });
    expect(s.values.key).toEqual(typed(PLAN_KEY));
  });
});

describe('plan families and a preset region', () => {
  it('offers every family when no region was given', () => {
    expect(familiesFor(initQuestions({}, true))).toEqual(['token', 'coding', 'payg']);
  });

  it('offers only the families that serve the region the flags set', () => {
    expect(familiesFor(initQuestions({ region: 'us' }, true))).toEqual(['payg']);
    expect(familiesFor(initQuestions({ region: 'intl' }, true))).toEqual(['token', 'coding', 'payg']);
  });

  it('ignores a family the preset region rules out, so the model list is never empty', () => {
    const s = initQuestions({ region: 'hk' }, true);
    expect(questionsReducer(s, { type: 'plan', value: 'coding' })).toBe(s);
    expect(questionsReducer(s, { type: 'plan', value: 'payg' }).step).toBe('tools');
  });
});

describe('keys', () => {
  it('keyProblem names the first error only', () => {
    expect(keyProblem(PLAN_KEY, 'coding', 'cn')).toBeUndefined();
    expect(keyProblem(PAYG_KEY, 'coding', 'cn')?.code).toBe('KEY_WRONG_KIND');
    expect(keyProblem(PLAN_KEY, 'payg', 'cn')?.code).toBe('KEY_WRONG_KIND');
    expect(keyProblem('', 'payg', 'cn')?.code).toBe('KEY_MISSING');
    // A plain sk- key on the international Token Plan is only a warning: not a problem that stops.
    expect(keyProblem(PAYG_KEY, 'token-personal', 'intl')).toBeUndefined();
  });

  it('keyProblemWhileTyping stays quiet under six characters', () => {
    expect(keyProblemWhileTyping('sk-sp', 'payg', 'cn')).toBeUndefined();
    expect(keyProblemWhileTyping('sk-sp-', 'payg', 'cn')?.code).toBe('KEY_WRONG_KIND');
    expect(keyProblemWhileTyping('ms-ab', 'coding', 'cn')).toBeUndefined();
    expect(keyProblemWhileTyping('ms-abc', 'coding', 'cn')?.code).toBe('KEY_WRONG_KIND');
    expect(keyProblemWhileTyping('  sk-sp  ', 'payg', 'cn')).toBeUndefined();
  });

  it('keyProblemWhileTyping reports only a wrong kind, never a half-typed or placeholder key', () => {
    // The start of a plan key is a payg-looking sk- prefix only until the sp- arrives.
    expect(keyProblemWhileTyping('sk-sp-0', 'coding', 'cn')).toBeUndefined();
    expect(keyProblem('sk-xxx', 'payg', 'cn')?.code).toBe('KEY_PLACEHOLDER');
    expect(keyProblemWhileTyping('sk-xxx', 'payg', 'cn')).toBeUndefined();
    expect(keyProblemWhileTyping('sk-ant-test-0000', 'coding', 'cn')?.code).toBe('KEY_WRONG_KIND');
    expect(keyProblemWhileTyping('sk-test-0000', 'coding', 'cn')?.code).toBe('KEY_WRONG_KIND');
  });
});

describe('results', () => {
  it('toAnswers gives the answers every command takes, and the typed key', () => {
    const { state } = walk(initQuestions({}, true), CODING_ANSWERS);
    expect(toAnswers(state)).toEqual({
      answers: { plan: 'coding', region: 'intl', tools: ['claude-code', 'qwen-code'], models: ['qwen3.5-plus'], thinking: false },
      key: PLAN_KEY,
    });
  });

  it('toAnswers: presets win, thinking defaults to on, no key when none was asked', () => {
    const s = apply(initQuestions({ plan: 'coding', tools: ['codex'], models: ['qwen3-coder-plus'] }, false), { type: 'region', value: 'cn' });
    expect(s.step).toBe('done');
    expect(toAnswers(s)).toEqual({ answers: { plan: 'coding', region: 'cn', tools: ['codex'], models: ['qwen3-coder-plus'], thinking: true }, key: undefined });
  });

  it('toAnswers: a thinking answer given for an earlier model does not carry over to a model it does not apply to', () => {
    const { state } = walk(initQuestions({}, true), CODING_ANSWERS);
    expect(toAnswers(state).answers.thinking).toBe(false);
    // Back to the model, now a thinking-only one: the question is gone, and so is its old answer.
    const always = apply(state, back, back, { type: 'model', value: 'MiniMax-M2.5' });
    expect(always.step).toBe('done');
    expect(toAnswers(always).answers).toMatchObject({ models: ['MiniMax-M2.5'], thinking: true });
    // The answer is still kept for when the question comes back.
    expect(always.values.thinking).toBe(false);
    const again = apply(always, back, { type: 'model', value: 'glm-5' });
    expect(again.step).toBe('thinking');
    expect(toAnswers(apply(again, { type: 'thinking', value: false })).answers.thinking).toBe(false);
  });

  it('toAnswers refuses unfinished questions', () => {
    expect(() => toAnswers(apply(initQuestions({}, true), { type: 'plan', value: 'coding' }))).toThrow(/not finished/);
  });

  it('atLastStep lands on the last asked question', () => {
    const { state } = walk(initQuestions({}, true), CODING_ANSWERS);
    expect(atLastStep(state).step).toBe('thinking');
    const noThinking = walk(initQuestions({}, true), { ...CODING_ANSWERS, model: { type: 'model', value: 'qwen3-coder-plus' } }).state;
    expect(atLastStep(noThinking).step).toBe('model');
    expect(atLastStep(initQuestions({ plan: 'coding', region: 'cn', tools: ['codex'], models: ['glm-5'], thinking: true }, true)).step).toBe('key');
    expect(questionsReducer(state, back).step).toBe('thinking');
  });

  it('defaultModel is the plan’s recommended one until a model was chosen', () => {
    const s = initQuestions({ plan: 'token-team', region: 'cn', tools: ['codex'] }, false);
    expect(defaultModel(s)).toBe(recommendedModel('token-team', 'cn'));
    expect(defaultModel(initQuestions({}, true))).toBeUndefined();
    expect(defaultModel(apply(s, { type: 'model', value: 'glm-5' }))).toBe('glm-5');
  });
});

describe('property: any walk keeps the state consistent', () => {
  const KEYS = [PLAN_KEY, PAYG_KEY, 'sk-ws-test-0000-1111-2222-abcd', 'ms-test-0000-1111-2222'];

  /** The answers a screen offers in this state (what the views let the user choose). */
  function offered(s: QuestionState): QuestionAction[] {
    const plan = planOf(s);
    const region = regionOf(s);
    switch (s.step) {
      case 'plan':
        return familiesFor(s).map((value) => ({ type: 'plan', value }));
      case 'edition':
        return (['personal', 'team'] as Edition[]).filter((e) => !s.preset.region || isRegionOf(`token-${e}`, s.preset.region)).map((value) => ({ type: 'edition', value }));
      case 'region':
        return (plan ? regionIdsFor(plan) : (['cn', 'intl', 'us', 'hk'] as RegionId[])).map((value) => ({ type: 'region', value }));
      case 'tools':
        return [['codex'], ['claude-code', 'openclaw'], [...TOOL_IDS]].map((value) => ({ type: 'tools', value: value as ToolId[] }));
      case 'key':
        return KEYS.filter((k) => plan && region && !keyProblem(k, plan, region)).map((value) => ({ type: 'key', value: typed(value) }));
      case 'model':
        return (plan && region ? (getPlan(plan).models[region] ?? []) : []).map((value) => ({ type: 'model', value }));
      case 'thinking':
        return [true, false].map((value) => ({ type: 'thinking', value }));
      case 'done':
        return [];
    }
  }

  const presetArb: fc.Arbitrary<PartialAnswers> = fc
    .record(
      {
        plan: fc.constantFrom<PlanId>('coding', 'token-personal', 'token-team', 'payg'),
        region: fc.constantFrom<RegionId>('cn', 'intl', 'us', 'hk'),
        tools: fc.constant<ToolId[]>(['codex']),
        models: fc.constantFrom(['glm-5'], ['qwen3-coder-plus'], ['MiniMax-M2.5']),
        thinking: fc.boolean(),
      },
      { requiredKeys: [] },
    )
    // The flag layer rejects a region the preset plan does not serve.
    .filter((p) => !(p.plan && p.region && !isRegionOf(p.plan, p.region)));

  it('step is asked or done; region, model and key fit the plan; earlier asked steps are answered', () => {
    fc.assert(
      fc.property(presetArb, fc.boolean(), fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.nat()), { maxLength: 40 }), (preset, askKey, moves) => {
        let s = initQuestions(preset, askKey);
        for (const [kind, pick] of moves) {
          const options = offered(s);
          const action: QuestionAction = kind === 0 || options.length === 0 ? back : options[pick % options.length]!;
          s = questionsReducer(s, action);

          if (s.step !== 'done') expect(isAsked(s, s.step)).toBe(true);
          const plan = planOf(s);
          const region = regionOf(s);
          if (plan && s.values.region) expect(isRegionOf(plan, s.values.region)).toBe(true);
          if (s.values.model) {
            expect(plan && region).toBeTruthy();
            expect(getPlan(plan!).models[region!]).toContain(s.values.model);
          }
          if (s.values.key && plan && region) expect(keyProblem(s.values.key.value, plan, region)).toBeUndefined();
          // Every screen offers at least one answer: nobody is ever stuck.
          if (s.step !== 'done') expect(offered(s).length).toBeGreaterThan(0);
          const upTo = s.step === 'done' ? STEP_ORDER.length : STEP_ORDER.indexOf(s.step);
          for (const step of STEP_ORDER.slice(0, upTo).filter((st) => isAsked(s, st))) {
            const answered = { plan: s.values.family, edition: s.values.edition, region: s.values.region, tools: s.values.tools, key: s.values.key, model: s.values.model, thinking: s.values.thinking }[step];
            expect(answered, `${step} answered before ${s.step}`).not.toBeUndefined();
          }
          if (s.step === 'done') {
            const { answers } = toAnswers(s);
            expect(isRegionOf(answers.plan, answers.region)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
