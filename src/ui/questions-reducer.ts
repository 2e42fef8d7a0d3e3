import type { Answers, ToolId } from '../core/adapters/index.js';
import { isRegionOf, modelChoices, plansOf, recommendedModel } from '../core/catalog/index.js';
import type { HostFamily, PlanId, RegionId } from '../core/catalog/types.js';
import type { Finding } from '../core/findings.js';
import { keyFindings, keyProblem } from '../core/keys.js';
import { QUESTIONS, question, type PartialAnswers, type QuestionId } from '../core/questions.js';

/**
 * The onboarding questions as a pure state machine. The shared questions come in the order of
 * the step list in src/core/questions.ts (plan → region → tools → model → thinking); the wizard
 * adds its own screens between them: edition (Token Plan only) right after the plan, the key
 * right after the tools. A step the flags already answered is never shown; going back keeps
 * every answer, which becomes the next visit's default.
 */
export type WizardOnlyStep = 'edition' | 'key';
export type StepId = QuestionId | WizardOnlyStep;

/** Each wizard-only screen and the shared question it follows. */
const WIZARD_ONLY_AFTER: Readonly<Record<WizardOnlyStep, QuestionId>> = { edition: 'plan', key: 'tools' };

export const STEP_ORDER: readonly StepId[] = QUESTIONS.flatMap((q): StepId[] => [
  q.id,
  ...(Object.keys(WIZARD_ONLY_AFTER) as WizardOnlyStep[]).filter((step) => WIZARD_ONLY_AFTER[step] === q.id),
]);

/** The plan screen asks for the product; Token Plan's edition is a second question. */
/** The first question's answer: Token Plan (its edition asked next), Coding Plan or pay-as-you-go. */
export type PlanGroup = 'token' | 'coding' | 'payg';
export type Edition = 'personal' | 'team';

export type KeyAnswer =
  | { readonly source: 'env'; readonly name: string; readonly value: string }
  | { readonly source: 'typed'; readonly value: string }
  /** The key the tools use now, offered back masked. */
  | { readonly source: 'configured'; readonly value: string };

export interface Values {
  readonly family?: PlanGroup;
  readonly edition?: Edition;
  readonly region?: RegionId;
  readonly tools?: readonly ToolId[];
  readonly key?: KeyAnswer;
  readonly model?: string;
  /** The model id was typed ("Other model id…"), not picked: kept whatever the plan lists. */
  readonly modelTyped?: boolean;
  readonly thinking?: boolean;
}

export interface QuestionState {
  /** What the flags (or env twins) answered: those screens are skipped. */
  readonly preset: PartialAnswers;
  /** False when the key comes from --key-env / --key-stdin. */
  readonly askKey: boolean;
  readonly values: Values;
  readonly step: StepId | 'done';
  /** The key screen after a key reset asks for the new key. */
  readonly keyPurpose?: 'setup' | 'rotate';
}

export type QuestionAction =
  | { readonly type: 'plan'; readonly value: PlanGroup }
  | { readonly type: 'edition'; readonly value: Edition }
  | { readonly type: 'region'; readonly value: RegionId }
  | { readonly type: 'tools'; readonly value: readonly ToolId[] }
  | { readonly type: 'key'; readonly value: KeyAnswer }
  | { readonly type: 'model'; readonly value: string; readonly typed?: boolean }
  | { readonly type: 'thinking'; readonly value: boolean }
  | { readonly type: 'back' };

export function planOf(s: Pick<QuestionState, 'preset' | 'values'>): PlanId | undefined {
  if (s.preset.plan) return s.preset.plan;
  const { family, edition } = s.values;
  if (family === 'token') return edition ? `token-${edition}` : undefined;
  return family;
}

export function regionOf(s: Pick<QuestionState, 'preset' | 'values'>): RegionId | undefined {
  return s.preset.region ?? s.values.region;
}

export function modelsOf(s: Pick<QuestionState, 'preset' | 'values'>): readonly string[] | undefined {
  return s.preset.models ?? (s.values.model ? [s.values.model] : undefined);
}

/** The shared answers so far, from the flags and the screens, as the step list reads them. */
function answersSoFar(s: Pick<QuestionState, 'preset' | 'values'>): PartialAnswers {
  const plan = planOf(s);
  const region = regionOf(s);
  const tools = s.preset.tools ?? s.values.tools;
  const models = modelsOf(s);
  const thinking = s.preset.thinking ?? s.values.thinking;
  return { ...(plan && { plan }), ...(region && { region }), ...(tools && { tools }), ...(models && { models }), ...(thinking !== undefined && { thinking }) };
}

/** Whether a step is asked at all, given the flags and the answers so far. */
export function isAsked(s: QuestionState, step: StepId): boolean {
  switch (step) {
    case 'edition':
      return !s.preset.plan && s.values.family === 'token';
    case 'key':
      return s.askKey;
    default: {
      // A shared question: not when a flag answered it, and only when it applies (the step list's `asked`).
      const q = question(step);
      return s.preset[q.answer] === undefined && q.asked(answersSoFar(s));
    }
  }
}

function nextAfter(s: QuestionState, step: StepId): StepId | 'done' {
  for (const candidate of STEP_ORDER.slice(STEP_ORDER.indexOf(step) + 1)) if (isAsked(s, candidate)) return candidate;
  return 'done';
}

function firstStep(s: QuestionState): StepId | 'done' {
  const first = STEP_ORDER.find((step) => isAsked(s, step));
  return first ?? 'done';
}

export function initQuestions(preset: PartialAnswers, askKey: boolean, values: Values = {}): QuestionState {
  const base: QuestionState = { preset, askKey, values, step: 'plan' };
  return { ...base, step: firstStep(base) };
}

/** Start at the last question: where "back" from the review screen lands. */
export function atLastStep(s: QuestionState): QuestionState {
  const asked = STEP_ORDER.filter((step) => isAsked(s, step));
  return { ...s, step: asked[asked.length - 1] ?? 'done' };
}

export function isFirstStep(s: QuestionState): boolean {
  return s.step !== 'done' && !STEP_ORDER.slice(0, STEP_ORDER.indexOf(s.step)).some((step) => isAsked(s, step));
}

/** Answers that no longer fit an earlier change are dropped, so no default is ever invalid. */
function sanitize(s: QuestionState): QuestionState {
  const plan = planOf(s);
  let values = s.values;
  if (plan && values.region && !isRegionOf(plan, values.region)) values = { ...values, region: undefined };
  const region = regionOf({ ...s, values });
  const offered = (id: string): boolean => Boolean(plan && region && modelChoices(plan, region).some((c) => c.id === id));
  if (values.model && !values.modelTyped && !offered(values.model)) values = { ...values, model: undefined };
  if (values.key && plan && region && keyProblem(values.key.value, plan, region)) values = { ...values, key: undefined };
  return { ...s, values };
}

/** The catalog's host family behind each choice of the first question. */
const GROUP_FAMILY: Readonly<Record<PlanGroup, HostFamily>> = { token: 'token-plan', coding: 'coding', payg: 'payg' };

/**
 * The plan families to offer. `--region us` without `--plan` leaves only the families that serve
 * that region: Coding Plan there would have no model and no endpoint.
 */
export function familiesFor(s: Pick<QuestionState, 'preset'>): PlanGroup[] {
  const region = s.preset.region;
  return (['token', 'coding', 'payg'] as const).filter((f) => !region || plansOf(GROUP_FAMILY[f]).some((plan) => isRegionOf(plan, region)));
}

export function questionsReducer(s: QuestionState, action: QuestionAction): QuestionState {
  if (action.type === 'back') {
    if (s.step === 'done') return atLastStep(s);
    const before = STEP_ORDER.slice(0, STEP_ORDER.indexOf(s.step)).filter((step) => isAsked(s, step));
    const previous = before[before.length - 1];
    return previous ? { ...s, step: previous } : s;
  }
  if (s.step !== action.type) return s;
  if (action.type === 'plan' && !familiesFor(s).includes(action.value)) return s;
  const values: Values =
    action.type === 'plan'
      ? { ...s.values, family: action.value }
      : action.type === 'model'
        ? { ...s.values, model: action.value, modelTyped: action.typed === true ? true : undefined }
        : { ...s.values, [action.type]: action.value };
  const next = sanitize({ ...s, values });
  return { ...next, step: nextAfter(next, action.type) };
}

export { keyProblem };

/** Only a prefix that can never become right is worth a message while the user is still typing. */
export function keyProblemWhileTyping(value: string, plan: PlanId, region: RegionId): Finding | undefined {
  if (value.trim().length < 6) return undefined;
  return keyFindings(value, plan, region).find((f) => f.severity === 'error' && f.code === 'KEY_WRONG_KIND');
}

/** The default model: the plan's recommended one. */
export function defaultModel(s: QuestionState): string | undefined {
  const plan = planOf(s);
  const region = regionOf(s);
  return s.values.model ?? (plan && region ? recommendedModel(plan, region) : undefined);
}

/** The finished questions as the answers every command takes, plus the key when one was asked. */
export function toAnswers(s: QuestionState): { answers: Answers; key: string | undefined } {
  const plan = planOf(s);
  const region = regionOf(s);
  const tools = s.preset.tools ?? s.values.tools;
  const models = modelsOf(s);
  if (!plan || !region || !tools || !models) throw new Error('questions are not finished');
  return {
    // An answer given for an earlier model does not carry over to one the question does not apply to.
    answers: { plan, region, tools, models, thinking: s.preset.thinking ?? (isAsked(s, 'thinking') ? s.values.thinking : undefined) ?? true },
    key: s.values.key?.value,
  };
}

