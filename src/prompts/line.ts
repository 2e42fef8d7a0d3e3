import { checkbox, confirm, password, select } from '@inquirer/prompts';
import type { Prompter } from '../commands/prompter.js';
import { TOOL_IDS, adapters, type Answers } from '../core/adapters/index.js';
import { catalog, getModel, getPlan, planIds, recommendedModel, regionIdsFor } from '../core/catalog/index.js';
import type { PlanId, RegionId } from '../core/catalog/types.js';
import type { PartialAnswers } from '../core/questions.js';
import { keyProblem } from '../core/keys.js';
import { planKeyVar } from '../core/adapters/key-vars.js';
import { renderFinding } from '../commands/report.js';
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
export function linePrompter(t: Translate): Prompter {
  const blocking = blockingWith(t);
  return {
    async complete(partial: PartialAnswers): Promise<Answers> {
      const plan: PlanId =
        partial.plan ??
        (await select({
          message: t('prompt.plan'),
          choices: planIds.map((id) => ({ value: id, name: getPlan(id).name[t.lang], description: getPlan(id).blurb[t.lang] })),
        }));
      const region: RegionId =
        partial.region ??
        (await select({ message: t('prompt.region'), choices: regionIdsFor(plan).map((id) => ({ value: id, name: catalog.regions.find((r) => r.id === id)?.name[t.lang] ?? id })) }));
      const tools =
        partial.tools ??
        (await checkbox({
          message: t('prompt.tools'),
          choices: TOOL_IDS.map((id) => ({ value: id, name: adapters[id].label })),
          required: true,
        }));
      const recommended = recommendedModel(plan, region);
      const ids = getPlan(plan).models[region] ?? [];
      const models =
        partial.models ??
        [
          await select({
            message: t('prompt.model'),
            default: recommended,
            choices: ids.map((id) => {
              const facts = modelFacts(id);
              const notes = [facts.context ? t('wizard.model.context', { size: facts.context }) : null, facts.thinking ? t('wizard.model.thinking') : null];
              return {
                value: id,
                name: `${id}${id === recommended ? ` (${t('wizard.model.recommended')})` : ''}`,
                description: notes.filter(Boolean).join(' · '),
              };
            }),
          }),
        ];
      const thinkable = models.some((id) => getModel(id)?.thinking === 'optional');
      const thinking = partial.thinking ?? (thinkable ? await confirm({ message: t('prompt.thinking'), default: true }) : true);
      return { plan, region, tools, models, thinking };
    },
    async key(plan, region, env) {
      // Only variables meant for this plan are offered: a pay-as-you-go key is no Coding Plan key.
      for (const name of ['TP_SETUP_API_KEY', planKeyVar(plan)]) {
        const value = env[name];
        if (value && !blocking(value, plan, region) && (await confirm({ message: t('prompt.useEnvKey', { name }), default: true }))) return value;
      }
      return password({ message: t('prompt.key'), mask: '*', validate: (v) => blocking(v, plan, region) ?? true });
    },
    confirm: () => confirm({ message: t('prompt.confirm'), default: true }),
    ask: (message) => confirm({ message, default: true }),
    askOverwrite: (file, key) => confirm({ message: t('prompt.restoreKey', { path: file, key }), default: false }),
  };
}
