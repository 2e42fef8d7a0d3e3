/** The words of the plan catalog in Simplified Chinese; keys as in src/i18n/catalog-en.ts. */

import type { CatalogTexts } from './catalog-en.js';

export const catalogZhCN: CatalogTexts = {
  'plan.coding.name': 'Coding Plan（编程套餐）',
  'plan.coding.blurb': '按请求次数计费的编程工具月度套餐；其密钥与地址不可与其他套餐混用。',
  'plan.token-personal.name': 'Token Plan 个人版',
  'plan.token-personal.blurb': '个人使用的 Credits 套餐；其密钥与地址不可与 Coding Plan 或按量付费混用。',
  'plan.token-team.name': 'Token Plan 团队版',
  'plan.token-team.blurb': '按席位分配密钥的 Credits 套餐；其密钥与地址不可与 Coding Plan 或按量付费混用。',
  'plan.payg.name': '按量付费',
  'plan.payg.blurb': '百炼通用 API，按 Token 计费；使用普通 sk- 密钥，而非套餐密钥。',
  'region.cn.name': '中国内地（北京）',
  'region.intl.name': '国际（新加坡）',
  'region.us.name': '美国（弗吉尼亚）',
  'region.hk.name': '中国香港',
};
