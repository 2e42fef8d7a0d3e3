/**
 * The words of the plan catalog (src/core/catalog/data.ts), in English: each plan's name and the
 * one line shown when choosing it, and each region's name. The key type lists every plan and
 * region id, so a table that misses one, or names one that does not exist, does not compile.
 */

import type { PlanId, RegionId } from '../core/catalog/types.js';

export type CatalogTextKey = `plan.${PlanId}.name` | `plan.${PlanId}.blurb` | `region.${RegionId}.name`;
export type CatalogTexts = Readonly<Record<CatalogTextKey, string>>;

export const catalogEn: CatalogTexts = {
  'plan.coding.name': 'Coding Plan',
  'plan.coding.blurb': 'Monthly plan billed per request, for AI coding tools; its key and URL never mix with other plans.',
  'plan.token-personal.name': 'Token Plan (Personal)',
  'plan.token-personal.blurb': 'Credits-based plan for one person; its key and URL never mix with Coding Plan or pay-as-you-go.',
  'plan.token-team.name': 'Token Plan (Team)',
  'plan.token-team.blurb': 'Credits-based plan with one key per seat; its key and URL never mix with Coding Plan or pay-as-you-go.',
  'plan.payg.name': 'Pay-as-you-go',
  'plan.payg.blurb': 'General Model Studio API billed per token; uses ordinary sk- keys, not plan keys.',
  'region.cn.name': 'China (Beijing)',
  'region.intl.name': 'International (Singapore)',
  'region.us.name': 'US (Virginia)',
  'region.hk.name': 'China (Hong Kong)',
};
