import { checkbox, confirm, password, select } from '@inquirer/prompts';
import type { Prompter } from '../commands/setup.js';
import { TOOL_IDS, adapters, type Answers } from '../core/adapters/index.js';
import { getModel, getPlan, planIds, recommendedModel, regionIdsFor } from '../core/catalog/index.js';
import type { PlanId, RegionId } from '../core/catalog/types.js';
import type { PartialAnswers } from '../core/questions.js';
import type { Translate } from '../i18n/index.js';

const REGION_NAMES: Record<RegionId, string> = {
  cn: 'China (Beijing) · aliyun.com',
  intl: 'International (Singapore) · alibabacloud.com / Qwen Cloud',
  us: 'US (Virginia)',
  hk: 'China (Hong Kong)',
};

/** Line-by-line questions for a terminal; the same answers the flags give. */
export function linePrompter(t: Translate): Prompter {
  return {
    async complete(partial: PartialAnswers): Promise<Answers> {
      const plan: PlanId =
        partial.plan ??
        (await select({
          message: t('prompt.plan'),
          choices: planIds.map((id) => ({ value: id, name: getPlan(id).name.en, description: getPlan(id).blurb.en })),
        }));
      const region: RegionId =
        partial.region ??
        (await select({ message: t('prompt.region'), choices: regionIdsFor(plan).map((id) => ({ value: id, name: REGION_NAMES[id] })) }));
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
              const m = getModel(id);
              const ctx = m ? `${Math.round(m.contextWindow / 1024)}K ctx` : '';
              const think = m && m.thinking !== 'none' ? ' · thinking' : '';
              return { value: id, name: `${id}${id === recommended ? ' (recommended)' : ''}`, description: `${ctx}${think}` };
            }),
          }),
        ];
      const thinkable = models.some((id) => getModel(id)?.thinking === 'optional');
      const thinking = partial.thinking ?? (thinkable ? await confirm({ message: t('prompt.thinking'), default: true }) : true);
      return { plan, region, tools, models, thinking };
    },
    async key(_plan, env) {
      const candidates = ['TP_SETUP_API_KEY', 'DASHSCOPE_API_KEY', 'BAILIAN_CODING_PLAN_API_KEY', 'BAILIAN_TOKEN_PLAN_API_KEY'];
      for (const name of candidates) {
        const value = env[name];
        if (value && (await confirm({ message: t('prompt.useEnvKey', { name }), default: true }))) return value;
      }
      return password({ message: t('prompt.key'), mask: '*' });
    },
    confirm: () => confirm({ message: t('prompt.confirm'), default: true }),
  };
}
