import { TOOL_IDS, type Answers, type ToolId } from './adapters/index.js';
import { getModel, getPlan, isModelInPlan, planIds, recommendedModel, regionIdsFor } from './catalog/index.js';
import type { PlanId, RegionId } from './catalog/types.js';
import { finding, type Finding } from './findings.js';

/**
 * Every question of setup as data: its flag, its env twin and its choices. The headless shell,
 * the line prompts and the wizard all resolve answers through this one list.
 */
export type QuestionId = 'plan' | 'region' | 'tools' | 'model' | 'thinking';

export interface Question {
  readonly id: QuestionId;
  readonly flag: string;
  readonly env: string;
  /** Valid values given the answers so far. */
  choices(partial: PartialAnswers): readonly string[];
  /** The value `--yes` takes when the user gave none; undefined = must be answered. */
  fallback(partial: PartialAnswers): string | undefined;
}

export interface PartialAnswers {
  plan?: PlanId;
  region?: RegionId;
  tools?: readonly ToolId[];
  models?: readonly string[];
  thinking?: boolean;
}

export const QUESTIONS: readonly Question[] = [
  { id: 'plan', flag: '--plan', env: 'TP_SETUP_PLAN', choices: () => planIds, fallback: () => undefined },
  {
    id: 'region',
    flag: '--region',
    env: 'TP_SETUP_REGION',
    choices: (a) => (a.plan ? regionIdsFor(a.plan) : ['cn', 'intl', 'us', 'hk']),
    fallback: () => undefined,
  },
  { id: 'tools', flag: '--tools', env: 'TP_SETUP_TOOLS', choices: () => TOOL_IDS, fallback: () => undefined },
  {
    id: 'model',
    flag: '--model',
    env: 'TP_SETUP_MODEL',
    choices: (a) => (a.plan && a.region ? [...(getPlan(a.plan).models[a.region] ?? [])] : []),
    fallback: (a) => (a.plan && a.region ? recommendedModel(a.plan, a.region) : undefined),
  },
  { id: 'thinking', flag: '--thinking', env: 'TP_SETUP_THINKING', choices: () => ['on', 'off'], fallback: () => 'on' },
];

export type RawAnswers = Partial<Record<QuestionId, string>>;

export interface Problem {
  readonly flag: string;
  readonly value?: string;
  readonly choices: readonly string[];
}

export interface Resolution {
  readonly partial: PartialAnswers;
  readonly missing: readonly Problem[];
  readonly invalid: readonly Problem[];
}

const list = (v: string): string[] =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * raw flag/env values → typed answers. `useDefaults` (from `--yes` or a non-interactive run)
 * fills what has a default; anything else left is reported as missing with its flag.
 */
export function resolveAnswers(raw: RawAnswers, useDefaults: boolean): Resolution {
  const partial: PartialAnswers = {};
  const missing: Problem[] = [];
  const invalid: Problem[] = [];
  for (const q of QUESTIONS) {
    const choices = q.choices(partial);
    const given = raw[q.id];
    const value = given ?? (useDefaults ? q.fallback(partial) : undefined);
    if (value === undefined || value === '') {
      missing.push({ flag: q.flag, choices });
      continue;
    }
    switch (q.id) {
      case 'plan':
      case 'region':
        if (!choices.includes(value)) invalid.push({ flag: q.flag, value, choices });
        else if (q.id === 'plan') partial.plan = value as PlanId;
        else partial.region = value as RegionId;
        break;
      case 'tools': {
        const tools = list(value);
        const bad = tools.filter((t) => !choices.includes(t));
        if (bad.length > 0 || tools.length === 0) invalid.push({ flag: q.flag, value, choices });
        else partial.tools = [...new Set(tools)] as ToolId[];
        break;
      }
      case 'model': {
        // Any id is accepted here; whether the plan serves it is a finding (see checkModels).
        const models = list(value);
        if (models.length === 0) invalid.push({ flag: q.flag, value, choices });
        else partial.models = [...new Set(models)];
        break;
      }
      case 'thinking':
        if (!['on', 'off', 'true', 'false'].includes(value)) invalid.push({ flag: q.flag, value, choices });
        else partial.thinking = value === 'on' || value === 'true';
        break;
    }
  }
  return { partial, missing, invalid };
}

export function isComplete(p: PartialAnswers): p is Answers {
  return p.plan !== undefined && p.region !== undefined && p.tools !== undefined && p.models !== undefined && p.thinking !== undefined;
}

/** Whether the chosen models exist on the plan; exact, case-sensitive ids. */
export function checkModels(answers: Answers): Finding[] {
  const out: Finding[] = [];
  const plan = getPlan(answers.plan);
  for (const id of answers.models) {
    const served = isModelInPlan(answers.plan, answers.region, id);
    const params = { model: id, plan: answers.plan, choices: (plan.models[answers.region] ?? []).join(', ') };
    if (served === 'no') out.push(finding('MODEL_NOT_IN_PLAN', 'error', { keyPath: 'model', params }));
    else if (served === 'unconfirmed') out.push(finding('MODEL_UNCONFIRMED', 'warning', { keyPath: 'model', params }));
    const spec = getModel(id);
    if (answers.thinking && spec?.thinking === 'none') out.push(finding('THINKING_UNSUPPORTED', 'info', { params: { model: id } }));
  }
  return out;
}
