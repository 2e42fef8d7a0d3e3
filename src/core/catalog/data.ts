/**
 * The plan catalog: plans, endpoints, models and hosts, each with the sources it was read from.
 * Facts come from ../shared/reference/plans.md (and its seeds); where sources disagree the choice
 * is written in `decisions`, so a later reader can redo it when a source changes.
 */

import type { Catalog, Source } from './types.js';

// Named once so a renamed seed or moved page is a one-line change.
const S000: Source = '000_9cd34d623a8250dc.txt';
const S001: Source = '001_f256d6f97a650ab0.txt';
const S002: Source = '002_ce19bb680540f02f.txt';
const S003: Source = '003_660d518034ba64ed.txt';
const S004: Source = '004_ba90b257ea13f4cb.txt';

const CP_QUICKSTART_ZH = 'https://help.aliyun.com/zh/model-studio/coding-plan-quickstart';
const CP_CLAUDE_ZH = 'https://help.aliyun.com/zh/model-studio/claude-code-coding-plan';
const CP_OPENCODE_INTL = 'https://www.alibabacloud.com/help/en/model-studio/opencode-coding-plan';
const TP_PERSONAL_QS_ZH = 'https://help.aliyun.com/zh/model-studio/token-plan-personal-quick-start';
const TP_PERSONAL_QS_EN = 'https://help.aliyun.com/en/model-studio/token-plan-personal-quick-start';
const TP_OPENCODE_ZH = 'https://help.aliyun.com/zh/model-studio/opencode-token-plan';
const TP_OPENCODE_INTL = 'https://www.alibabacloud.com/help/en/model-studio/opencode-token-plan';
const TP_TEAM_QS = 'https://help.aliyun.com/en/model-studio/token-plan-team-quickstart';
const TP_USAGE_INTL = 'https://www.alibabacloud.com/help/en/model-studio/token-plan-usage-quota';
const MORE_TOOLS_CN = 'https://help.aliyun.com/en/model-studio/more-tools';
const MORE_TOOLS_INTL = 'https://www.alibabacloud.com/help/zh/model-studio/more-tools';
const BASE_URL_INTL = 'https://www.alibabacloud.com/help/en/model-studio/base-url';
const BASE_URL_ZH = 'https://help.aliyun.com/zh/model-studio/base-url';
const BASE_URL_HK = 'https://www.alibabacloud.com/help/model-studio/base-url';

const MODELS_DEV = 'github:anomalyco/models.dev providers/alibaba-{coding,token}-plan[-cn]/ [3P]';
const MODELS_DEV_2145 = 'github:anomalyco/models.dev #2145 [3P]';
const PI_AI = 'github:code-yeongyu/senpi packages/ai/src/providers/data/qwen-token-plan.json [3P]';
const QWEN_CODE_TP = 'github:QwenLM/qwen-code token-plan provider (tokenPlan.ts) [3P]';
const QWEN_CODE_CP = 'github:QwenLM/qwen-code coding-plan provider (codingPlan.ts) [3P]';
const OPENFANG = 'github:RightNow-AI/openfang #849 [3P]';
const PI_6858 = 'github:earendil-works/pi #6858 [3P]';
const OMP_6151 = 'github:can1357/oh-my-pi #6151 [3P]';
const NINEROUTER_3289 = 'github:decolua/9router #3289 [3P]';
const VULCAN = 'github:OpenVulcan/vulcan-model-core bootstrap [3P]';

const INF_AI_SDK_SUFFIX =
  '[inference] AI-SDK clients append /messages themselves, so they need the /apps/anthropic base plus /v1, as the international Coding Plan page states';

const CODING_MODELS = [
  'qwen3.5-plus',
  'qwen3.7-plus',
  'qwen3.6-plus',
  'kimi-k2.5',
  'glm-5',
  'MiniMax-M2.5',
  'qwen3-max-2026-01-23',
  'qwen3-coder-next',
  'qwen3-coder-plus',
  'glm-4.7',
] as const;

const TOKEN_PERSONAL_MODELS = [
  'qwen3.7-plus',
  'qwen3.8-max-preview',
  'qwen3.7-max',
  'qwen3.6-flash',
  'glm-5.2',
  'deepseek-v4-pro',
] as const;

const TOKEN_TEAM_MODELS = [
  'qwen3.6-plus',
  'qwen3.7-plus',
  'qwen3.7-max',
  'qwen3.6-flash',
  'deepseek-v4-pro',
  'deepseek-v4-flash',
  'deepseek-v3.2',
  'kimi-k2.6',
  'kimi-k2.5',
  'glm-5.1',
  'glm-5',
  'MiniMax-M2.5',
] as const;

const PAYG_MODELS = [
  'qwen3.6-plus',
  'qwen3.7-plus',
  'qwen3.7-max',
  'qwen3.6-flash',
  'deepseek-v4-pro',
  'deepseek-v4-flash',
  'deepseek-v3.2',
  'kimi-k2.6',
  'kimi-k2.5',
  'glm-5.1',
  'glm-5',
] as const;

const PAYG_QWEN_ONLY = ['qwen3.6-plus', 'qwen3.7-plus', 'qwen3.7-max', 'qwen3.6-flash'] as const;

export const catalog: Catalog = {
  date: '2026-11-22',

  regions: [
    {
      id: 'cn',
      name: { en: 'China (Beijing)', 'zh-CN': '中国内地（北京）' },
      cloudRegions: ['cn-beijing'],
    },
    {
      id: 'intl',
      name: { en: 'International (Singapore)', 'zh-CN': '国际（新加坡）' },
      cloudRegions: ['ap-southeast-1', 'ap-northeast-1', 'eu-central-1'],
    },
    {
      id: 'us',
      name: { en: 'US (Virginia)', 'zh-CN': '美国（弗吉尼亚）' },
      cloudRegions: ['us-east-1'],
    },
    {
      id: 'hk',
      name: { en: 'China (Hong Kong)', 'zh-CN': '中国香港' },
      cloudRegions: ['cn-hongkong'],
    },
  ],

  plans: [
    {
      id: 'coding',
      name: { en: 'Coding Plan', 'zh-CN': 'Coding Plan（编程套餐）' },
      blurb: {
        en: 'Monthly plan billed per request, for AI coding tools; its key and URL never mix with other plans.',
        'zh-CN': '按请求次数计费的编程工具月度套餐；其 Key 与地址不可与其他套餐混用。',
      },
      family: 'coding',
      regions: ['cn', 'intl'],
      models: { cn: CODING_MODELS, intl: CODING_MODELS },
      recommended: { cn: 'qwen3.5-plus', intl: 'qwen3.5-plus' },
      modelListClosed: true,
      sources: [S003, S004, CP_QUICKSTART_ZH, CP_OPENCODE_INTL, CP_CLAUDE_ZH, QWEN_CODE_CP],
      decisions: [
        'The international list adds qwen3.7-plus and qwen3.6-plus to the eight models of 004, because 003 is newer and says Lite and Pro both serve every model of the plan; a third-party source (Qwen Code) marks qwen3.6-plus as Pro only.',
        'qwen3.5-plus is the default in both regions: 004 recommends it and it works on Lite and Pro alike.',
        'qwen3.7-max and qwen3.6-flash are left out: only third-party catalogs list them for Coding Plan, neither FAQ does.',
        'The coding-intl URLs that 003 shows on the China site are rendering artifacts; China uses coding.dashscope.aliyuncs.com.',
      ],
    },
    {
      id: 'token-personal',
      name: { en: 'Token Plan (Personal)', 'zh-CN': 'Token Plan 个人版' },
      blurb: {
        en: 'Credits-based plan for one person; its key and URL never mix with Coding Plan or pay-as-you-go.',
        'zh-CN': '个人使用的 Credits 套餐；其 Key 与地址不可与 Coding Plan 或按量付费混用。',
      },
      family: 'token-plan',
      regions: ['cn', 'intl'],
      models: { cn: TOKEN_PERSONAL_MODELS, intl: TOKEN_PERSONAL_MODELS },
      recommended: { cn: 'qwen3.7-plus', intl: 'qwen3.7-plus' },
      modelListClosed: true,
      sources: [TP_PERSONAL_QS_ZH, TP_PERSONAL_QS_EN, TP_OPENCODE_ZH, S000, PI_6858, OMP_6151],
      decisions: [
        'The six models come from the official OpenCode Token Plan page (China); the international edition is given the same six because third-party reports see exactly those.',
        'qwen3.7-plus is the default: a hybrid-thinking model with image input that both Token Plan editions serve.',
        'The Anthropic endpoint follows 000 and the official pages even though one third-party report got 401 there with an international key.',
      ],
    },
    {
      id: 'token-team',
      name: { en: 'Token Plan (Team)', 'zh-CN': 'Token Plan 团队版' },
      blurb: {
        en: 'Credits-based plan with one key per seat; its key and URL never mix with Coding Plan or pay-as-you-go.',
        'zh-CN': '按席位分配 Key 的 Credits 套餐；其 Key 与地址不可与 Coding Plan 或按量付费混用。',
      },
      family: 'token-plan',
      regions: ['cn', 'intl'],
      models: { cn: TOKEN_TEAM_MODELS, intl: TOKEN_TEAM_MODELS },
      recommended: { cn: 'qwen3.6-plus', intl: 'qwen3.6-plus' },
      modelListClosed: true,
      unconfirmedModels: ['kimi-k2.7-code', 'glm-5.2'],
      sources: [S000, S001, S002, TP_TEAM_QS, TP_USAGE_INTL, TP_OPENCODE_INTL, MODELS_DEV_2145],
      decisions: [
        'The list is the twelve text models of 000, the only complete official list; 001 names four "such as" and 002 (2026-05-01) names only four.',
        'kimi-k2.7-code and glm-5.2 are accepted with a warning only, since just later third-party snapshots list them for Team.',
        'qwen3.6-plus is the default because every Team source (000, 001, 002) lists it.',
      ],
    },
    {
      id: 'payg',
      name: { en: 'Pay-as-you-go', 'zh-CN': '按量付费' },
      blurb: {
        en: 'General Model Studio API billed per token; uses ordinary sk- keys, not plan keys.',
        'zh-CN': '百炼通用 API，按 Token 计费；使用普通 sk- Key，而非套餐 Key。',
      },
      family: 'payg',
      regions: ['cn', 'intl', 'us', 'hk'],
      models: { cn: PAYG_MODELS, intl: PAYG_MODELS, us: PAYG_QWEN_ONLY, hk: PAYG_QWEN_ONLY },
      recommended: { cn: 'qwen3.6-plus', intl: 'qwen3.6-plus', us: 'qwen3.6-plus', hk: 'qwen3.6-plus' },
      modelListClosed: false,
      sources: [BASE_URL_INTL, BASE_URL_ZH, BASE_URL_HK, MORE_TOOLS_CN, S000, S002, S003, S004],
      decisions: [
        'The Anthropic endpoints come from the official base-url pages, which list them, not from 002, which says "N/A".',
        'Singapore uses dashscope-intl as on the base-url pages; the workspace domain that the newer "More tools" page shows is accepted as a pay-as-you-go host too.',
        '[inference] US and Hong Kong offer only the Qwen models, since no source places the third-party models there; the list is open, so other ids still pass.',
      ],
    },
  ],

  endpoints: [
    {
      plan: 'coding',
      region: 'cn',
      openai: 'https://coding.dashscope.aliyuncs.com/v1',
      anthropic: 'https://coding.dashscope.aliyuncs.com/apps/anthropic',
      anthropicAiSdk: 'https://coding.dashscope.aliyuncs.com/apps/anthropic/v1',
      sources: [S003, CP_QUICKSTART_ZH, CP_CLAUDE_ZH, VULCAN, INF_AI_SDK_SUFFIX],
    },
    {
      plan: 'coding',
      region: 'intl',
      openai: 'https://coding-intl.dashscope.aliyuncs.com/v1',
      anthropic: 'https://coding-intl.dashscope.aliyuncs.com/apps/anthropic',
      anthropicAiSdk: 'https://coding-intl.dashscope.aliyuncs.com/apps/anthropic/v1',
      sources: [S003, S004, CP_OPENCODE_INTL],
    },
    {
      plan: 'token-personal',
      region: 'cn',
      openai: 'https://token-plan.cn-beijing.maas.aliyuncs.com/compatible-mode/v1',
      anthropic: 'https://token-plan.cn-beijing.maas.aliyuncs.com/apps/anthropic',
      anthropicAiSdk: 'https://token-plan.cn-beijing.maas.aliyuncs.com/apps/anthropic/v1',
      sources: [TP_PERSONAL_QS_ZH, TP_OPENCODE_ZH],
    },
    {
      plan: 'token-personal',
      region: 'intl',
      openai: 'https://token-plan.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1',
      anthropic: 'https://token-plan.ap-southeast-1.maas.aliyuncs.com/apps/anthropic',
      anthropicAiSdk: 'https://token-plan.ap-southeast-1.maas.aliyuncs.com/apps/anthropic/v1',
      sources: [S000, TP_OPENCODE_INTL, NINEROUTER_3289, INF_AI_SDK_SUFFIX],
    },
    {
      plan: 'token-team',
      region: 'cn',
      openai: 'https://token-plan.cn-beijing.maas.aliyuncs.com/compatible-mode/v1',
      anthropic: 'https://token-plan.cn-beijing.maas.aliyuncs.com/apps/anthropic',
      anthropicAiSdk: 'https://token-plan.cn-beijing.maas.aliyuncs.com/apps/anthropic/v1',
      sources: [S002, TP_TEAM_QS, MORE_TOOLS_CN, TP_OPENCODE_ZH],
    },
    {
      plan: 'token-team',
      region: 'intl',
      openai: 'https://token-plan.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1',
      anthropic: 'https://token-plan.ap-southeast-1.maas.aliyuncs.com/apps/anthropic',
      anthropicAiSdk: 'https://token-plan.ap-southeast-1.maas.aliyuncs.com/apps/anthropic/v1',
      sources: [S000, S001, TP_OPENCODE_INTL, MORE_TOOLS_INTL, INF_AI_SDK_SUFFIX],
    },
    {
      plan: 'payg',
      region: 'cn',
      openai: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
      anthropic: 'https://dashscope.aliyuncs.com/apps/anthropic',
      anthropicAiSdk: 'https://dashscope.aliyuncs.com/apps/anthropic/v1',
      sources: [BASE_URL_INTL, BASE_URL_ZH, S002, INF_AI_SDK_SUFFIX],
    },
    {
      plan: 'payg',
      region: 'intl',
      openai: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
      anthropic: 'https://dashscope-intl.aliyuncs.com/apps/anthropic',
      anthropicAiSdk: 'https://dashscope-intl.aliyuncs.com/apps/anthropic/v1',
      sources: [BASE_URL_INTL, S000, INF_AI_SDK_SUFFIX],
    },
    {
      plan: 'payg',
      region: 'us',
      openai: 'https://dashscope-us.aliyuncs.com/compatible-mode/v1',
      anthropic: 'https://dashscope-us.aliyuncs.com/apps/anthropic',
      anthropicAiSdk: 'https://dashscope-us.aliyuncs.com/apps/anthropic/v1',
      sources: [BASE_URL_INTL, INF_AI_SDK_SUFFIX],
    },
    {
      plan: 'payg',
      region: 'hk',
      openai: 'https://cn-hongkong.dashscope.aliyuncs.com/compatible-mode/v1',
      anthropic: 'https://cn-hongkong.dashscope.aliyuncs.com/apps/anthropic',
      anthropicAiSdk: 'https://cn-hongkong.dashscope.aliyuncs.com/apps/anthropic/v1',
      sources: [BASE_URL_HK, INF_AI_SDK_SUFFIX],
    },
  ],

  models: [
    {
      id: 'qwen3.7-plus',
      contextWindow: 1_000_000,
      maxOutput: 64_000,
      maxThinkingBudget: 262_144,
      thinking: 'optional',
      thinkingDefaultOn: true,
      anthropic: true,
      imageInput: true,
      sources: [S003, S000, TP_OPENCODE_ZH, MODELS_DEV, PI_AI, QWEN_CODE_TP],
      decisions: ['maxOutput 64,000 (models.dev) over 65,536 (pi-ai): the lower of two third-party values.'],
    },
    {
      id: 'qwen3.7-max',
      contextWindow: 1_000_000,
      maxOutput: 65_536,
      maxThinkingBudget: 262_144,
      thinking: 'optional',
      thinkingDefaultOn: true,
      anthropic: true,
      imageInput: false,
      sources: [S000, TP_OPENCODE_ZH, MODELS_DEV, PI_AI, QWEN_CODE_TP],
      decisions: ['maxOutput 65,536 (models.dev) over 131,072 (pi-ai): the lower of two third-party values.'],
    },
    {
      id: 'qwen3.6-plus',
      contextWindow: 1_000_000,
      maxOutput: 65_536,
      maxThinkingBudget: 81_920,
      thinking: 'optional',
      thinkingDefaultOn: true,
      anthropic: true,
      imageInput: true,
      sources: [S003, S002, S000, S001, MODELS_DEV, PI_AI],
    },
    {
      id: 'qwen3.6-flash',
      contextWindow: 1_000_000,
      maxOutput: 65_536,
      maxThinkingBudget: 81_920,
      thinking: 'optional',
      thinkingDefaultOn: true,
      anthropic: true,
      imageInput: true,
      sources: [S000, MODELS_DEV, PI_AI, QWEN_CODE_TP],
      decisions: [
        'maxThinkingBudget 81,920 (models.dev, citing the deep-thinking doc) over 131,072 (another third-party note): the lower value.',
      ],
    },
    {
      id: 'qwen3.5-plus',
      contextWindow: 1_000_000,
      maxOutput: 65_536,
      maxThinkingBudget: 81_920,
      thinking: 'optional',
      thinkingDefaultOn: true,
      anthropic: true,
      imageInput: true,
      sources: [S003, S004, MODELS_DEV, OPENFANG],
    },
    {
      id: 'qwen3-max-2026-01-23',
      contextWindow: 262_144,
      maxOutput: 65_536,
      maxThinkingBudget: 81_920,
      thinking: 'optional',
      thinkingDefaultOn: false,
      anthropic: true,
      imageInput: false,
      sources: [
        S003,
        S004,
        MODELS_DEV,
        '[inference] thinking off by default: the official OpenClaw example turns it on explicitly',
      ],
      decisions: [
        'maxOutput 65,536 from the official OpenClaw example in 003/004 over 32,768 (models.dev): an official value beats a third-party one.',
      ],
    },
    {
      id: 'qwen3-coder-next',
      contextWindow: 262_144,
      maxOutput: 65_536,
      maxThinkingBudget: null,
      thinking: 'none',
      thinkingDefaultOn: false,
      anthropic: true,
      imageInput: false,
      sources: [S003, S004, MODELS_DEV, OPENFANG],
    },
    {
      id: 'qwen3-coder-plus',
      contextWindow: 1_000_000,
      maxOutput: 65_536,
      maxThinkingBudget: null,
      thinking: 'none',
      thinkingDefaultOn: false,
      anthropic: true,
      imageInput: false,
      sources: [S003, S004, MODELS_DEV, OPENFANG],
    },
    {
      id: 'kimi-k2.5',
      contextWindow: 262_144,
      maxOutput: 32_768,
      maxThinkingBudget: 81_920,
      thinking: 'optional',
      thinkingDefaultOn: false,
      anthropic: true,
      imageInput: true,
      sources: [S003, S004, S000, MODELS_DEV, OPENFANG, PI_AI],
      decisions: [
        'maxOutput 32,768 (models.dev, openfang) over 98,304 (pi-ai): the lower of the third-party values.',
        'Thinking off by default, as models.dev cites from the Kimi API doc; 003 only says "most" plan models think by default.',
      ],
    },
    {
      id: 'kimi-k2.6',
      contextWindow: 262_144,
      maxOutput: 16_384,
      maxThinkingBudget: null,
      thinking: 'optional',
      thinkingDefaultOn: false,
      anthropic: true,
      imageInput: true,
      sources: [S000, MODELS_DEV, PI_AI, QWEN_CODE_TP],
      decisions: ['maxOutput 16,384 (models.dev) over 262,144 (pi-ai): the lower of two third-party values.'],
    },
    {
      id: 'kimi-k2.7-code',
      contextWindow: 262_144,
      maxOutput: 262_144,
      maxThinkingBudget: null,
      thinking: 'always',
      thinkingDefaultOn: true,
      anthropic: true,
      imageInput: true,
      sources: [QWEN_CODE_TP, MODELS_DEV, PI_AI],
    },
    {
      id: 'glm-5',
      contextWindow: 202_752,
      maxOutput: 16_384,
      maxThinkingBudget: 32_768,
      thinking: 'optional',
      thinkingDefaultOn: true,
      anthropic: true,
      imageInput: false,
      sources: [S003, S004, S002, S000, MODELS_DEV, PI_AI, OPENFANG],
      decisions: ['maxOutput 16,384 (models.dev, pi-ai) over 32,768 (openfang): the lower of the third-party values.'],
    },
    {
      id: 'glm-5.1',
      contextWindow: 202_752,
      maxOutput: 128_000,
      maxThinkingBudget: null,
      thinking: 'optional',
      thinkingDefaultOn: true,
      anthropic: true,
      imageInput: false,
      sources: [S000, MODELS_DEV, PI_AI, QWEN_CODE_TP, '[inference] thinks by default like glm-5'],
    },
    {
      id: 'glm-5.2',
      contextWindow: 1_000_000,
      maxOutput: 131_072,
      maxThinkingBudget: null,
      thinking: 'optional',
      thinkingDefaultOn: true,
      anthropic: true,
      imageInput: false,
      sources: [TP_OPENCODE_ZH, PI_AI, QWEN_CODE_TP, MODELS_DEV, '[inference] thinks by default like glm-5'],
    },
    {
      id: 'glm-4.7',
      contextWindow: 202_752,
      maxOutput: 16_384,
      maxThinkingBudget: 32_768,
      thinking: 'optional',
      thinkingDefaultOn: true,
      anthropic: true,
      imageInput: false,
      sources: [S003, S004, MODELS_DEV, OPENFANG],
      decisions: ['maxOutput 16,384 (models.dev) over 32,768 (openfang): the lower of two third-party values.'],
    },
    {
      id: 'MiniMax-M2.5',
      contextWindow: 196_608,
      maxOutput: 24_576,
      maxThinkingBudget: null,
      thinking: 'always',
      thinkingDefaultOn: true,
      anthropic: true,
      imageInput: false,
      sources: [S003, S004, S002, S000, MODELS_DEV, PI_AI, OPENFANG],
      decisions: [
        'Context 196,608 from 003, the newer FAQ, over 204,800 (004) and "192K" (002).',
        'maxOutput 24,576 (models.dev) over 32,768 (pi-ai, openfang): the lower of the third-party values, and within the 32,768 thinking-plus-output cap of 002/004.',
        'No thinking budget: 003 says thinking is on by default and budgetTokens is not required, replacing the 32,768 of the older 004.',
      ],
    },
    {
      id: 'deepseek-v3.2',
      contextWindow: 131_072,
      maxOutput: 65_536,
      maxThinkingBudget: null,
      thinking: 'optional',
      thinkingDefaultOn: false,
      anthropic: false,
      imageInput: false,
      sources: [S002, S000, MORE_TOOLS_INTL, MODELS_DEV, PI_AI, QWEN_CODE_TP],
    },
    {
      id: 'deepseek-v4-pro',
      contextWindow: 1_000_000,
      maxOutput: 384_000,
      maxThinkingBudget: null,
      thinking: 'optional',
      thinkingDefaultOn: false,
      anthropic: true,
      imageInput: false,
      sources: [
        S000,
        TP_OPENCODE_ZH,
        MODELS_DEV,
        PI_AI,
        QWEN_CODE_TP,
        '[inference] thinking toggled by enable_thinking and off unless asked, like deepseek-v3.2',
      ],
    },
    {
      id: 'deepseek-v4-flash',
      contextWindow: 1_000_000,
      maxOutput: 384_000,
      maxThinkingBudget: null,
      thinking: 'optional',
      thinkingDefaultOn: false,
      anthropic: true,
      imageInput: false,
      sources: [
        S000,
        MODELS_DEV,
        PI_AI,
        QWEN_CODE_TP,
        '[inference] thinking toggled by enable_thinking and off unless asked, like deepseek-v3.2',
      ],
    },
    {
      id: 'qwen3.8-max-preview',
      contextWindow: 983_616,
      maxOutput: 131_072,
      maxThinkingBudget: 99_072,
      thinking: 'always',
      thinkingDefaultOn: true,
      anthropic: true,
      imageInput: true,
      sources: [TP_OPENCODE_ZH, QWEN_CODE_TP],
      decisions: [
        'maxThinkingBudget 99,072 is the budgetTokens of the official OpenCode example, not a stated maximum; kept because a value the vendor ships is known to be accepted.',
      ],
    },
  ],

  hosts: [
    { host: 'coding.dashscope.aliyuncs.com', family: 'coding', region: 'cn', sources: [S003, CP_QUICKSTART_ZH] },
    { host: 'coding-intl.dashscope.aliyuncs.com', family: 'coding', region: 'intl', sources: [S004] },
    {
      host: 'token-plan.cn-beijing.maas.aliyuncs.com',
      family: 'token-plan',
      region: 'cn',
      sources: [S002, TP_PERSONAL_QS_EN],
    },
    { host: 'token-plan.ap-southeast-1.maas.aliyuncs.com', family: 'token-plan', region: 'intl', sources: [S000] },
    { host: 'dashscope.aliyuncs.com', family: 'payg', region: 'cn', sources: [BASE_URL_INTL, BASE_URL_ZH] },
    { host: 'dashscope-intl.aliyuncs.com', family: 'payg', region: 'intl', sources: [BASE_URL_INTL] },
    { host: 'dashscope-us.aliyuncs.com', family: 'payg', region: 'us', sources: [BASE_URL_INTL] },
    { host: 'cn-hongkong.dashscope.aliyuncs.com', family: 'payg', region: 'hk', sources: [BASE_URL_HK] },
  ],

  // The workspace label excludes `token-plan`: that host has the same shape, and a token-plan host
  // in any other region is not a pay-as-you-go workspace but a wrong endpoint (IllegalEndpoint).
  paygHostPatterns: [
    '^(?!token-plan\\.)[a-z0-9][a-z0-9-]*\\.(?<region>cn-beijing|ap-southeast-1|ap-northeast-1|eu-central-1|us-east-1)\\.maas\\.aliyuncs\\.com$',
    '^trial\\.(?<region>cn-beijing|ap-southeast-1|ap-northeast-1|eu-central-1|us-east-1)\\.maas\\.aliyuncs\\.com$',
  ],

  decisions: [
    'Workspace domains in Tokyo (ap-northeast-1) and Frankfurt (eu-central-1) count as region intl, since they belong to the international site and no finer region id exists.',
    'A token-plan host outside cn-beijing and ap-southeast-1 is unknown, not pay-as-you-go, because the server answers it with IllegalEndpoint (third-party report, github:decolua/9router #3289).',
  ],
};
