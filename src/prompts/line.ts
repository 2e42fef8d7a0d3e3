import { checkbox, confirm, input, password, select } from '@inquirer/prompts';
import type { SetupOptions } from '../args.js';
import type { CommandContext } from '../commands/context.js';
import { doctorAfterSetup, verifyAfterSetup } from '../commands/after-setup.js';
import type { Io } from '../commands/io.js';
import type { KeyQuestion, Prompter } from '../commands/prompter.js';
import type { SetupOutcome } from '../commands/setup.js';
import { TOOL_IDS, adapters, type Answers, type ToolId } from '../core/adapters/index.js';
import { planKeyVar } from '../core/adapters/key-vars.js';
import { unreachable } from '../core/adapters/reach.js';
import { ExitCode } from '../core/errors.js';
import { getPlan, modelChoices, recommendedModel, regionIds, regionIdsFor, regionName } from '../core/catalog/index.js';
import type { PlanId, RegionId } from '../core/catalog/types.js';
import { keyOriginCode, keyProblem, maskKey } from '../core/keys.js';
import type { PartialAnswers } from '../core/questions.js';
import { FILE_TOOLS } from '../core/usecases/scan.js';
import type { Homes } from '../effects/paths.js';
import { doctorPresenter } from '../presenters/doctor.js';
import { cleanActionLines } from '../presenters/clean.js';
import { rotationLines } from '../presenters/key.js';
import { setupHeader } from '../presenters/setup.js';
import { verifyPresenter } from '../presenters/verify.js';
import { lines, renderFinding, wordList, type View } from '../presenters/view.js';
import type { Translate } from '../i18n/index.js';
// The wizard's own decisions, free of Ink: the start screen's look at the home, and its question
// state machine (step order, defaults, what each answer drops), so both shells ask the same.
import { detect, type Detection } from '../ui/detect.js';
import { defaultModel, familiesFor, initQuestions, isAsked, planOf, questionsReducer, regionOf, toAnswers, type KeyAnswer, type QuestionAction, type QuestionState, type StepId } from '../ui/questions-reducer.js';
import { modelFacts } from './choice-labels.js';

/** The row that opens the free-text model id, as in the wizard; no model id contains a NUL. */
const OTHER_MODEL = '\u0000other';

/** `codex-cli 0.98.0` → `0.98.0`, as the wizard's tools list shows a version. */
const shortVersion = (v: string): string => /\d+\.\d+\.\d+/.exec(v)?.[0] ?? v;

/** The first reason the key cannot work with this plan, in words, or undefined. */
function blockingWith(t: Translate) {
  return (value: string, plan: PlanId, region: RegionId): string | undefined => {
    const f = keyProblem(value, plan, region);
    return f ? renderFinding(f, t).message : undefined;
  };
}

/** What the line prompts need beyond the view: where to look for installed tools, and whether setup asks the key. */
export interface LineSetting {
  readonly homes?: Homes;
  /** False when the key comes from --key-env / --key-stdin: then the questions skip it. */
  readonly askKey?: boolean;
}

/** Keys already there that fit this plan (an exported variable, the earlier answer), as the wizard's key step offers them. */
function readyKeys(plan: PlanId, region: RegionId, env: Io['env'], previous: KeyAnswer | undefined): KeyAnswer[] {
  const names = [...new Set(['TP_SETUP_API_KEY', planKeyVar(plan)])];
  const fromEnv = names.flatMap((name): KeyAnswer[] => {
    const value = env[name];
    return value && !keyProblem(value, plan, region) ? [{ source: 'env', name, value }] : [];
  });
  const kept = previous && !keyProblem(previous.value, plan, region) && !fromEnv.some((k) => k.value === previous.value) ? [previous] : [];
  return [...kept, ...fromEnv];
}

/** Line-by-line questions for a terminal: the wizard's questions, order, defaults and ending. */
export function linePrompter(view: View, io: Io, setting: LineSetting = {}): Prompter {
  const { t } = view;
  const blocking = blockingWith(t);
  const yes = (message: string): Promise<boolean> => confirm({ message, default: true });
  // The start screen's look at the home, once per run: installed tools are ticked and marked.
  let detection: Promise<Detection | null> | undefined;
  const detected = (): Promise<Detection | null> => (detection ??= setting.homes ? detect(setting.homes, io).catch(() => null) : Promise.resolve(null));
  /** The key asked among the questions (after the tools), handed to setup when it asks for it. */
  let askedKey: string | undefined;
  /** The questions last walked, and the step a refusal sends the next walk back to. */
  let walked: QuestionState | undefined;
  let resumeStep: StepId | undefined;

  const askKey = async (plan: PlanId, region: RegionId, env: Io['env'], previous?: KeyAnswer, rotate = false): Promise<KeyAnswer> => {
    const ready = readyKeys(plan, region, env, previous);
    if (ready.length > 0) {
      const picked = await select({
        message: t('wizard.key.source'),
        choices: [
          ...ready.map((k, i) => ({ value: String(i), name: k.source === 'env' ? t('wizard.key.useEnv', { name: k.name, masked: maskKey(k.value) }) : t(k.source === 'configured' ? 'wizard.key.configured' : 'wizard.key.keep', { masked: maskKey(k.value) }) })),
          { value: 'type', name: t('wizard.key.type') },
        ],
      });
      if (picked !== 'type') return ready[Number(picked)]!;
    }
    io.stdout(`${t(keyOriginCode(plan, region))}\n`);
    return { source: 'typed', value: await password({ message: t(rotate ? 'prompt.newKey' : 'prompt.key'), mask: '*', validate: (v) => blocking(v, plan, region) ?? true }) };
  };

  /** One step of the wizard's state machine, asked on a line; the answer is the action the wizard's screen dispatches. */
  const ask = async (s: QuestionState): Promise<QuestionAction> => {
    const plan = planOf(s);
    const region = regionOf(s);
    // Only the tools and model steps wait for the look at the home; the first question never does.
    const installed = s.step === 'tools' || s.step === 'model' ? ((await detected())?.installed ?? {}) : {};
    switch (s.step) {
      case 'plan': {
        io.stdout(`${t('wizard.plan.note')}\n`);
        const all = [
          { value: 'token' as const, name: t('wizard.family.token'), description: t('wizard.family.token.desc') },
          { value: 'coding' as const, name: getPlan('coding').name[t.lang], description: getPlan('coding').blurb[t.lang] },
          { value: 'payg' as const, name: getPlan('payg').name[t.lang], description: getPlan('payg').blurb[t.lang] },
        ];
        const choices = all.filter((c) => familiesFor(s).includes(c.value));
        return { type: 'plan', value: await select({ message: t('prompt.plan'), choices, default: s.values.family }) };
      }
      case 'edition': {
        const choices = (['personal', 'team'] as const).map((e) => ({ value: e, name: t(`wizard.edition.${e}`), description: getPlan(`token-${e}`).blurb[t.lang] }));
        return { type: 'edition', value: await select({ message: t('wizard.edition'), choices, default: s.values.edition }) };
      }
      case 'region': {
        const choices = (plan ? regionIdsFor(plan) : regionIds).map((id) => ({ value: id, name: regionName(id, t.lang) }));
        return { type: 'region', value: await select({ message: t('prompt.region'), choices, default: s.values.region }) };
      }
      case 'tools': {
        const ticked = s.values.tools ?? TOOL_IDS.filter((id) => Boolean(installed[id]));
        const choices = TOOL_IDS.map((id) => {
          const version = installed[id];
          // Said before it is ticked: the newest Codex cannot reach Coding Plan at all (docs/tools/codex.md#wire-api).
          const blocked = id === 'codex' && plan && region && unreachable('codex', plan, region, recommendedModel(plan, region), version) === 'CODEX_PLAN_UNSUPPORTED';
          const base = adapters[id].examine === undefined ? t('wizard.tools.guide') : version ? t('wizard.tools.installed', { version: shortVersion(version) }) : undefined;
          const hint = [base, blocked ? t('wizard.tools.codexCoding') : undefined].filter(Boolean).join(' · ');
          return { value: id, name: hint ? `${adapters[id].label} · ${hint}` : adapters[id].label, checked: ticked.includes(id) };
        });
        // Every row shown at once, the guides included, as on the wizard's screen.
        const tools = await checkbox({ message: t('prompt.tools'), choices, pageSize: choices.length, validate: (picked) => picked.length > 0 || t('wizard.tools.required') });
        return { type: 'tools', value: tools };
      }
      case 'key':
        if (!plan || !region) throw new Error('the key is asked before the plan and region are known');
        return { type: 'key', value: await askKey(plan, region, io.env, s.values.key) };
      case 'model': {
        if (!plan || !region) throw new Error('the model is asked before the plan and region are known');
        const rows = modelRows(plan, region, s.preset.tools ?? s.values.tools ?? [], installed.codex, t);
        if (rows.note) io.stdout(`${rows.note}\n`);
        const wanted = defaultModel(s);
        const listed = rows.choices.some((r) => r.value === wanted);
        const model = await select({ message: t('prompt.model'), choices: rows.choices, default: listed ? wanted : OTHER_MODEL });
        if (model !== OTHER_MODEL) return { type: 'model', value: model };
        const typed = await input({ message: t('wizard.model.typeId'), default: !listed && wanted ? wanted : undefined, validate: (v) => v.trim() !== '' || t('wizard.model.other.desc') });
        return { type: 'model', value: typed.trim(), typed: true };
      }
      case 'thinking': {
        const choices = [
          { value: 'on' as const, name: t('wizard.thinking.on') },
          { value: 'off' as const, name: t('wizard.thinking.off') },
        ];
        const value = await select({ message: t('prompt.thinking'), choices, default: s.values.thinking === false ? 'off' : 'on' });
        return { type: 'thinking', value: value === 'on' };
      }
      case 'done':
        throw new Error('no question is left to ask');
    }
  };

  return {
    async answers(partial: PartialAnswers): Promise<Answers> {
      // As the wizard's start screen: the first question waits for the look at the home, whose
      // current config gives the defaults (plan, edition, region, tools, model, the key offered masked).
      const current = walked ? undefined : (await detected())?.current;
      let s = walked && resumeStep ? { ...walked, step: resumeStep } : initQuestions(partial, setting.askKey === true, current);
      resumeStep = undefined;
      while (s.step !== 'done') s = questionsReducer(s, await ask(s));
      walked = s;
      const { answers, key } = toAnswers(s);
      askedKey = key;
      return answers;
    },
    resumeAt(step) {
      if (!walked || !isAsked(walked, step)) return false;
      resumeStep = step;
      return true;
    },
    async key({ plan, region, env, purpose }: KeyQuestion): Promise<string> {
      if (purpose === 'setup' && askedKey !== undefined) return askedKey;
      return (await askKey(plan, region, env, undefined, purpose === 'rotate')).value;
    },
    shellProfile: () => yes(t('prompt.shellProfile')),
    reviewSetup: async (review) => {
      // The wizard's review: the masked diffs, then each file with what happens to it, the caches, the question.
      const caches = (await detected())?.caches ?? [];
      const { out, block } = lines();
      if (review.diffs.length > 0) out(`${t('wizard.review.diff')}\n${review.diffs.join('\n')}`);
      out(t('wizard.review.title'));
      out(t('setup.header', setupHeader(review.answers, t)));
      for (const c of review.changes.filter((c) => c.action !== 'unchanged')) out(`  ${t(`action.${c.action}`)} ${view.show(c.path)} · ${t(c.action === 'create' ? 'wizard.review.create' : 'wizard.review.update')}`);
      // What to know before saying yes, each said once, here (the wizard's review notes).
      for (const f of review.findings.filter((f) => f.severity !== 'info')) out(`  ${f.severity === 'error' ? '✖' : '!'} ${renderFinding(f, t).message}`);
      if (caches.length > 0) {
        out(t('wizard.review.caches'));
        for (const a of caches) out(`  ${view.show(a.file)}`);
      }
      out(t('wizard.review.restore'));
      for (const b of block()) io.stdout(b.text);
      return yes(t('wizard.review.question'));
    },
    reviewRotation: (preview) => {
      const { out, block } = lines();
      rotationLines(out, preview, view);
      for (const b of block()) io.stdout(b.text);
      return yes(t('prompt.confirm'));
    },
    confirmClean: (actions) => {
      const { out, block } = lines();
      cleanActionLines(out, actions, view);
      for (const b of block()) io.stdout(b.text);
      return yes(t('prompt.clean'));
    },
    confirmStoreStep: (_step, mode) => yes(t(mode === 'clean' ? 'prompt.clean' : 'prompt.store')),
    confirmRestart: () => yes(t('prompt.restart')),
    confirmFix: (f) => yes(t('prompt.fix', { what: renderFinding(f, t).message })),
    confirmVerify: () => yes(t('prompt.verify')),
    restoreOverwrite: (file, key) => confirm({ message: t('prompt.restoreKey', { path: file, key }), default: false }),
    undoLaterRuns: (runIds) => confirm({ message: t('prompt.undoLaterRuns', { later: runIds.join(', ') }), default: false }),
  };
}

/**
 * The wizard's model list (src/ui/views/model-step.tsx): documented models, reported ones marked,
 * "Other model id…" last; models a chosen tool cannot use are left out and named in a note.
 */
function modelRows(plan: PlanId, region: RegionId, tools: readonly ToolId[], codexVersion: string | null | undefined, t: Translate) {
  const recommended = recommendedModel(plan, region);
  const hidden = modelChoices(plan, region).flatMap(({ id }) => {
    const tool = tools.find((x) => unreachable(x, plan, region, id, codexVersion) !== null);
    return tool ? [{ id, tool }] : [];
  });
  const rows = modelChoices(plan, region)
    .filter(({ id }) => !hidden.some((h) => h.id === id))
    .map(({ id, level }) => {
      const facts = modelFacts(id);
      const hint = [facts.context ? t('wizard.model.context', { size: facts.context }) : null, facts.thinking ? t('wizard.model.thinking') : null, id === recommended ? t('wizard.model.recommended') : null, level === 'reported' ? t('wizard.model.reported') : null].filter(Boolean);
      return { value: id, name: hint.length > 0 ? `${id} · ${hint.join(' · ')}` : id };
    });
  const note = hidden.length > 0 ? t('wizard.model.hidden', { models: wordList(t, hidden.map((h) => h.id)), tools: wordList(t, [...new Set(hidden.map((h) => adapters[h.tool].label))]) }) : null;
  return { choices: [...rows, { value: OTHER_MODEL, name: t('wizard.model.other'), description: t('wizard.model.other.desc') }], note };
}

/**
 * The wizard's ending (afterSetup in src/ui/flow.ts), after setup wrote its files through the
 * line prompts: what doctor says now about the configured tools, then the opt-in check through
 * each tool's own command.
 */
export async function afterSetup(ctx: CommandContext<SetupOptions>, outcome: SetupOutcome, view: View): Promise<number> {
  if (outcome.exitCode !== ExitCode.OK || outcome.dryRun) return outcome.exitCode;
  if (!outcome.answers.tools.some((tool) => FILE_TOOLS.includes(tool))) return outcome.exitCode;
  const { io } = ctx;
  io.stdout(`${view.t('wizard.checking')}\n`);
  const after = await doctorAfterSetup(ctx, outcome);
  if (!after) return outcome.exitCode;
  for (const b of doctorPresenter.text(after.doctor, view)) io.stdout(b.text);
  if (after.verifiable.length === 0) return outcome.exitCode;
  if (!(await confirm({ message: view.t('wizard.verifyOffer'), default: false }))) return outcome.exitCode;
  const verify = await verifyAfterSetup(ctx, after.verifiable);
  for (const b of verifyPresenter.text(verify, view)) io.stdout(b.text);
  // A failed check is the run's exit code, as in the wizard.
  return verify.exitCode;
}
