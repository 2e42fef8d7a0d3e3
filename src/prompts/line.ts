import { checkbox, confirm, input, password, select } from '@inquirer/prompts';
import type { Prompter } from '../commands/prompter.js';
import { TOOL_IDS, adapters, type Answers } from '../core/adapters/index.js';
import { getPlan, modelChoices, planIds, recommendedModel, regionIdsFor, regionName } from '../core/catalog/index.js';
import type { PlanId, RegionId } from '../core/catalog/types.js';
import type { PartialAnswers } from '../core/questions.js';
import { QUESTIONS, isAnswered, isComplete, type Question, type QuestionId } from '../core/questions.js';
import { keyProblem } from '../core/keys.js';
import { planKeyVar } from '../core/adapters/key-vars.js';
import type { Io } from '../commands/io.js';
import { cleanActionLines } from '../presenters/clean.js';
import { rotationLines } from '../presenters/key.js';
import { reviewText } from '../presenters/setup.js';
import { lines, renderFinding, type View } from '../presenters/view.js';
import type { Translate } from '../i18n/index.js';
import { modelFacts } from './choice-labels.js';


/** The first reason the key cannot work with this plan, in words, or undefined. */
function blockingWith(t: Translate) {
  return (value: string, plan: PlanId, region: RegionId): string | undefined => {
    const f = keyProblem(value, plan, region);
    return f ? renderFinding(f, t).message : undefined;
  };
}

/** Line-by-line questions for a terminal; the same answers the flags give. */
export function linePrompter(view: View, io: Io): Prompter {
  const { t } = view;
  const blocking = blockingWith(t);
  const yes = (message: string): Promise<boolean> => confirm({ message, default: true });
  return {
    async answers(partial: PartialAnswers): Promise<Answers> {
      // Every question comes after the ones its choices depend on (QUESTIONS' order).
      const earlier = <T,>(value: T | undefined, id: QuestionId): T => {
        if (value === undefined) throw new Error(`the ${id} question is asked before its answer is known`);
        return value;
      };
      // How each question of the step list (src/core/questions.ts) is asked on a line.
      const ask: Record<QuestionId, (a: PartialAnswers, q: Question) => Promise<PartialAnswers>> = {
        plan: async (_a, q) => ({
          plan: await select({
            message: t(q.prompt),
            choices: planIds.map((id) => ({ value: id, name: getPlan(id).name[t.lang], description: getPlan(id).blurb[t.lang] })),
          }),
        }),
        region: async (a, q) => ({
          region: await select({
            message: t(q.prompt),
            choices: regionIdsFor(earlier(a.plan, 'plan')).map((id) => ({ value: id, name: regionName(id, t.lang) })),
          }),
        }),
        tools: async (_a, q) => ({
          tools: await checkbox({
            message: t(q.prompt),
            choices: TOOL_IDS.map((id) => ({ value: id, name: adapters[id].label })),
            required: true,
          }),
        }),
        model: async (a, q) => {
          const plan = earlier(a.plan, 'plan');
          const region = earlier(a.region, 'region');
          const recommended = recommendedModel(plan, region);
          // The same rows as the wizard: documented, reported (marked), then "Other model id…".
          const other = '\u0000other';
          const model = await select({
            message: t(q.prompt),
            default: recommended,
            choices: [
              ...modelChoices(plan, region).map(({ id, level }) => {
                const facts = modelFacts(id);
                const notes = [facts.context ? t('wizard.model.context', { size: facts.context }) : null, facts.thinking ? t('wizard.model.thinking') : null, level === 'reported' ? t('wizard.model.reported') : null];
                return {
                  value: id,
                  name: `${id}${id === recommended ? ` (${t('wizard.model.recommended')})` : ''}`,
                  description: notes.filter(Boolean).join(' · '),
                };
              }),
              { value: other, name: t('wizard.model.other'), description: t('wizard.model.other.desc') },
            ],
          });
          if (model !== other) return { models: [model] };
          const typed = await input({ message: t('wizard.model.typeId'), validate: (v) => v.trim() !== '' || t('wizard.model.other.desc') });
          return { models: [typed.trim()] };
        },
        thinking: async (_a, q) => ({ thinking: await confirm({ message: t(q.prompt), default: true }) }),
      };
      let answers: PartialAnswers = partial;
      for (const q of QUESTIONS) {
        if (isAnswered(answers, q)) continue;
        if (q.asked(answers)) {
          answers = { ...answers, ...(await ask[q.id](answers, q)) };
          continue;
        }
        // A question that does not apply (thinking for a model without the switch) takes its fallback.
        const fallback = q.fallback(answers);
        if (fallback !== undefined) answers = { ...answers, ...q.parse(fallback, q.choices(answers)) };
      }
      if (!isComplete(answers)) throw new Error('the line prompts left a question unanswered');
      const { plan, region, tools, models, thinking } = answers;
      return { plan, region, tools, models, thinking };
    },
    async key({ plan, region, env }) {
      // Only variables meant for this plan are offered: a pay-as-you-go key is no Coding Plan key.
      for (const name of ['TP_SETUP_API_KEY', planKeyVar(plan)]) {
        const value = env[name];
        if (value && !blocking(value, plan, region) && (await confirm({ message: t('prompt.useEnvKey', { name }), default: true }))) return value;
      }
      return password({ message: t('prompt.key'), mask: '*', validate: (v) => blocking(v, plan, region) ?? true });
    },
    shellProfile: () => yes(t('prompt.shellProfile')),
    reviewSetup: (review) => {
      io.stdout(reviewText(review, view));
      return yes(t('prompt.confirm'));
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
