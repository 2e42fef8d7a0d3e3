import { TOOL_IDS, type Answers, type ToolId } from './adapters/types.js';
import { caseSlip, getModel, getPlan, modelChoices, modelMembership, planIds, recommendedModel, regionIds, regionIdsFor } from './catalog/index.js';
import type { PlanId, RegionId } from './catalog/types.js';
import { finding, type Finding } from './findings.js';
import type { MessageKey } from '../i18n/index.js';

/**
 * Every question of setup as data, in the order it is asked: its flag, its env twin, its help
 * text, its prompt, its choices, its `--yes` value and when it applies. The commander options
 * (src/args.ts), `resolveAnswers`, the line prompts (src/prompts/line.ts) and the wizard's step
 * order (src/ui/questions-reducer.ts) are all generated from `QUESTIONS`.
 */
export type QuestionId = 'plan' | 'region' | 'tools' | 'model' | 'thinking';

export interface PartialAnswers {
  plan?: PlanId;
  region?: RegionId;
  tools?: readonly ToolId[];
  models?: readonly string[];
  thinking?: boolean;
}

export interface Question {
  readonly id: QuestionId;
  /** The field of the answers this question fills. */
  readonly answer: keyof PartialAnswers;
  readonly flag: `--${string}`;
  readonly env: `TP_SETUP_${string}`;
  /** The value's name in `--help`, e.g. `<plan>`. */
  readonly placeholder: string;
  /** The flag's line in `--help`, as a message key (`{choices}`: the plan ids, for --plan). */
  readonly description: MessageKey;
  /** The question as a prompt asks it. */
  readonly prompt: MessageKey;
  /** Valid values given the answers so far. */
  choices(partial: PartialAnswers): readonly string[];
  /** The value `--yes` takes when the user gave none; undefined = must be answered. */
  fallback(partial: PartialAnswers): string | undefined;
  /** Whether a prompt asks it, given the answers so far; when not, the fallback is taken. */
  asked(partial: PartialAnswers): boolean;
  /** A flag or env value → the answer it gives, or undefined when the value is invalid. */
  parse(value: string, choices: readonly string[]): PartialAnswers | undefined;
}

const list = (v: string): string[] =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const always = (): boolean => true;

/** The plan ids as a flag's choices: `coding, token-personal, token-team, payg`. */
export function planChoices(separator = ', '): string {
  return planIds.join(separator);
}

/** Whether any of the models has a thinking switch (`thinking: 'optional'` in the catalog). */
export function hasOptionalThinking(models: readonly string[] | undefined): boolean {
  return (models ?? []).some((id) => getModel(id)?.thinking === 'optional');
}

export const QUESTIONS: readonly Question[] = [
  {
    id: 'plan',
    answer: 'plan',
    flag: '--plan',
    env: 'TP_SETUP_PLAN',
    placeholder: '<plan>',
    description: 'help.opt.plan',
    prompt: 'prompt.plan',
    choices: () => planIds,
    fallback: () => undefined,
    asked: always,
    parse: (value, choices) => (choices.includes(value) ? { plan: value as PlanId } : undefined),
  },
  {
    id: 'region',
    answer: 'region',
    flag: '--region',
    env: 'TP_SETUP_REGION',
    placeholder: '<region>',
    description: 'help.opt.region',
    prompt: 'prompt.region',
    choices: (a) => (a.plan ? regionIdsFor(a.plan) : regionIds),
    fallback: () => undefined,
    asked: always,
    parse: (value, choices) => (choices.includes(value) ? { region: value as RegionId } : undefined),
  },
  {
    id: 'tools',
    answer: 'tools',
    flag: '--tools',
    env: 'TP_SETUP_TOOLS',
    placeholder: '<list>',
    description: 'help.opt.tools',
    prompt: 'prompt.tools',
    choices: () => TOOL_IDS,
    fallback: () => undefined,
    asked: always,
    parse: (value, choices) => {
      const tools = list(value);
      return tools.length === 0 || tools.some((t) => !choices.includes(t)) ? undefined : { tools: [...new Set(tools)] as ToolId[] };
    },
  },
  {
    id: 'model',
    answer: 'models',
    flag: '--model',
    env: 'TP_SETUP_MODEL',
    placeholder: '<id>',
    description: 'help.opt.model',
    prompt: 'prompt.model',
    choices: (a) => (a.plan && a.region ? modelChoices(a.plan, a.region).map((c) => c.id) : []),
    fallback: (a) => (a.plan && a.region ? recommendedModel(a.plan, a.region) : undefined),
    asked: always,
    // Any id is accepted here: the vendor adds models faster than any list. Whether a source lists
    // it for the plan is a finding (see checkModels), never a refusal.
    parse: (value) => {
      const models = list(value);
      return models.length === 0 ? undefined : { models: [...new Set(models)] };
    },
  },
  {
    id: 'thinking',
    answer: 'thinking',
    flag: '--thinking',
    env: 'TP_SETUP_THINKING',
    placeholder: '<on|off>',
    description: 'help.opt.thinking',
    prompt: 'prompt.thinking',
    choices: () => ['on', 'off'],
    fallback: () => 'on',
    asked: (a) => hasOptionalThinking(a.models),
    parse: (value) => (['on', 'off', 'true', 'false'].includes(value) ? { thinking: value === 'on' || value === 'true' } : undefined),
  },
];

/** The question with this id. */
export function question(id: QuestionId): Question {
  const q = QUESTIONS.find((x) => x.id === id);
  if (!q) throw new Error(`Unknown question: ${id}`);
  return q;
}

/** Whether the answers so far already hold this question's answer (from a flag or a prompt). */
export function isAnswered(partial: PartialAnswers, q: Question): boolean {
  return partial[q.answer] !== undefined;
}

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

/**
 * raw flag/env values → typed answers. `useDefaults` (from `--yes` or a non-interactive run)
 * fills what has a default; anything else left is reported as missing with its flag.
 */
export function resolveAnswers(raw: RawAnswers, useDefaults: boolean): Resolution {
  let partial: PartialAnswers = {};
  const missing: Problem[] = [];
  const invalid: Problem[] = [];
  for (const q of QUESTIONS) {
    const choices = q.choices(partial);
    const value = raw[q.id] ?? (useDefaults ? q.fallback(partial) : undefined);
    if (value === undefined || value === '') {
      missing.push({ flag: q.flag, choices });
      continue;
    }
    const parsed = q.parse(value, choices);
    if (parsed) partial = { ...partial, ...parsed };
    else invalid.push({ flag: q.flag, value, choices });
  }
  return { partial, missing, invalid };
}

export function isComplete(p: PartialAnswers): p is Answers {
  return p.plan !== undefined && p.region !== undefined && p.tools !== undefined && p.models !== undefined && p.thinking !== undefined;
}

/**
 * What the catalog knows about the chosen models on this plan. Ids are exact: the FAQs document
 * that a model id is case-sensitive and takes no surrounding spaces, so a slip of a known id is
 * the one refusal here. A retired id names its replacement; an id no source lists on a
 * subscription is a warning (it is still written, with no limits tp-setup cannot justify); a
 * reported id is a note.
 */
export function checkModels(answers: Answers): Finding[] {
  const out: Finding[] = [];
  for (const id of answers.models) {
    out.push(...membershipFindings([answers.plan], answers.region, id).map((f) => ({ ...f, keyPath: 'model' })));
    const spec = getModel(id);
    // --context-window / --max-output are for ids without sourced limits; a listed model keeps its own.
    if (spec && answers.limits) out.push(finding('LIMITS_FROM_CATALOG', 'info', { keyPath: 'model', params: { model: id, context: spec.contextWindow, output: spec.maxOutput } }));
    if (answers.thinking && spec?.thinking === 'none') out.push(finding('THINKING_UNSUPPORTED', 'info', { params: { model: id } }));
  }
  return out;
}

/**
 * The membership findings of one model id among the plans a config may belong to (a Token Plan
 * host cannot tell Personal from Team): shared by setup and doctor.
 */
export function membershipFindings(plans: readonly PlanId[], region: RegionId | undefined, id: string): Finding[] {
  const planLabel = plans.length === 1 ? plans[0]! : 'Token Plan';
  const at = (p: PlanId): RegionId => region ?? getPlan(p).regions[0]!;
  const slip = caseSlip(id);
  if (slip) return [finding('MODEL_ID_CASE', 'error', { params: { model: id, suggestion: slip } })];
  const spec = getModel(id);
  if (spec?.retired) {
    const { since, replacedBy } = spec.retired;
    return [finding('MODEL_RETIRED', 'warning', { params: { model: id, since, ...(replacedBy ? { replacement: replacedBy } : {}) } })];
  }
  const levels = plans.map((p) => modelMembership(p, at(p), id));
  if (levels.includes('documented')) return [];
  if (levels.includes('reported')) return [finding('MODEL_REPORTED', 'info', { params: { model: id, plan: planLabel } })];
  // Pay-as-you-go serves far more models than any list: an unlisted id there is normal.
  if (!plans.every((p) => getPlan(p).modelListClosed)) return [];
  const choices = [...new Set(plans.flatMap((p) => modelChoices(p, at(p)).map((c) => c.id)))].join(', ');
  return [finding('MODEL_UNLISTED', 'warning', { params: { model: id, plan: planLabel, choices } })];
}
