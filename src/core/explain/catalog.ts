/**
 * The error catalog behind `tp-setup explain`: every error message the plan FAQs (seeds 000–004)
 * and the tools' own output are known to print, with causes, fixes and the offline finding codes
 * that can confirm a cause without a network call.
 *
 * Ids `E01`–`E38` are the rows of plans.md §6 so the two documents can be read side by side; the
 * other ids name messages that come from one tool. Where sources disagree about a cause, every
 * documented cause is listed (each with its own sources) and the disagreement is written in
 * `decisions`: a user's paste cannot tell us which source was right for their case.
 *
 * Pattern syntax (compiled by match.ts, matched case-insensitively against a normalised paste):
 * - a space matches any run of whitespace; `-` and `_` between words match either, a space or nothing;
 * - any quote character (' " ` ‘ ’ “ ”) matches any quote, several, or none;
 * - `{limit}` captures a number (`38912`, `38,912`) or the `xxxx` the docs print instead;
 * - `{model}`, `{provider}`, `{profile}`, `{variable}` capture one name; `{*}` skips a short gap;
 * - `.` `/` between words must be present; `:` `,` `!` `=` elsewhere may be missing; brackets must be present.
 * `weakPatterns` only count when no entry matched a normal pattern: they catch the short quotes that
 * FAQ headings use ("max_tokens" range error) without stealing full messages from better entries.
 */

import type { Localised, PlanId, Source } from '../catalog/index.js';

/** Finding codes of tp-setup's offline checks (doctor and adapters) that can confirm a cause. */
export const checkCodes = [
  'KEY_MISSING',
  'KEY_PLACEHOLDER',
  'KEY_MALFORMED',
  'KEY_WRONG_KIND',
  'KEY_ENV_UNSET',
  'URL_UNKNOWN_HOST',
  'URL_WRONG_PATH',
  'URL_REGION_MISMATCH',
  'MODEL_NOT_IN_PLAN',
  'MODEL_NOT_ON_PROTOCOL',
  'THINKING_BUDGET_TOO_HIGH',
  'THINKING_UNSUPPORTED',
  'MAX_TOKENS_TOO_HIGH',
  'CONTEXT_TOO_LARGE',
  'OPENCLAW_STALE_CACHE',
  'OPENCLAW_PRIMARY_PREFIX',
  'OPENCLAW_MODEL_UNDEFINED',
  'OPENCLAW_NO_ALLOWLIST',
  'OPENCLAW_LEFTOVER_PROVIDER',
  'OPENCLAW_AUTH_PROFILE_KEY',
  'OPENCLAW_OAUTH_LEFTOVER',
  'OPENCLAW_DISCOVERY_PROFILE',
  'OPENCLAW_THINKING_CONFIG',
  'TOOL_VERSION_TOO_OLD',
  'CLAUDE_ONBOARDING_MISSING',
  'CLAUDE_API_KEY_VAR',
  'CLAUDE_SETTINGS_COMMENTS',
  'ENV_OVERRIDE',
  'GENERAL_CREDENTIALS_LEFTOVER',
  'FILE_UNPARSEABLE',
  'FILE_PERMISSIONS',
  'NET_DNS',
  'NET_TLS',
  'NET_PROXY',
] as const;

export type CheckCode = (typeof checkCodes)[number];

/** Which catalog limit a `{limit}` number in the message refers to. */
export type LimitKind = 'thinking' | 'output' | 'context';

export type ToolId = 'openclaw' | 'opencode' | 'claude-code' | 'codex' | 'qwen-code';

export interface ErrorCause extends Localised {
  /** Finding codes whose presence confirms this cause offline. */
  readonly checks?: readonly CheckCode[];
  /** Only these plans document this cause; absent means every plan of the entry. */
  readonly plans?: readonly PlanId[];
  /** Where this particular cause is stated, when not every source of the entry says it. */
  readonly sources?: readonly Source[];
}

export interface ErrorFix extends Localised {
  readonly plans?: readonly PlanId[];
}

export interface ErrorEntry {
  readonly id: string;
  readonly http?: number;
  /** The tool that prints the message, when it is not the Model Studio API itself. */
  readonly tool?: ToolId;
  /** True for messages that need no action (informational notices). */
  readonly harmless?: boolean;
  readonly patterns: readonly string[];
  readonly weakPatterns?: readonly string[];
  /** Texts that contain one of these are someone else's error that merely shares words. */
  readonly unless?: readonly string[];
  readonly limit?: LimitKind;
  readonly plans: readonly PlanId[];
  readonly title: Localised;
  readonly causes: readonly ErrorCause[];
  readonly fixes: readonly ErrorFix[];
  readonly sources: readonly Source[];
  readonly decisions?: readonly string[];
}

export interface ErrorCatalog {
  /** The day the entries were last checked against their sources (YYYY-MM-DD). */
  readonly date: string;
  readonly entries: readonly ErrorEntry[];
}

// Named once so a renamed seed or moved page is a one-line change.
const S000: Source = '000_9cd34d623a8250dc.txt';
const S001: Source = '001_f256d6f97a650ab0.txt';
const S002: Source = '002_ce19bb680540f02f.txt';
const S003: Source = '003_660d518034ba64ed.txt';
const S004: Source = '004_ba90b257ea13f4cb.txt';

const TP_FAQ_ZH = 'https://help.aliyun.com/zh/model-studio/token-plan-faq';
const TP_PERSONAL_FAQ_ZH = 'https://help.aliyun.com/zh/model-studio/token-plan-personal-faq';
const CP_CLAUDE_ZH = 'https://help.aliyun.com/zh/model-studio/claude-code-coding-plan';
const CP_OPENCODE_INTL = 'https://www.alibabacloud.com/help/en/model-studio/opencode-coding-plan';
const BASE_URL_INTL = 'https://www.alibabacloud.com/help/en/model-studio/base-url';
const DATA_INSPECTION = 'https://developer.aliyun.com/ask/578425';

const QWEN_CODE_3858 = 'github:QwenLM/qwen-code #3858 [3P]';
const QWEN_CODE_CP = 'github:QwenLM/qwen-code coding-plan provider (codingPlan.ts) [3P]';
const MSCLI_206 = 'github:modelstudioai/cli #206 [3P]';
const AIONUI_2555 = 'github:iOfficeAI/AionUi #2555 [3P]';
const GOOSE_8005 = 'github:aaif-goose/goose #8005 [3P]';
const PI_6858 = 'github:earendil-works/pi #6858 [3P]';
const NINEROUTER_3289 = 'github:decolua/9router #3289 [3P]';
const TP_3P_DEEPSEEK = 'plans.md §3.1 (third-party note on deepseek-v4-flash vs deepseek-v4-flash-0731) [3P]';

const OC_SCHEMA = 'openclaw.md §2 [EXP: OpenClaw 2026.9.6 config schema]';
const OC_THINKING = 'openclaw.md §2 thinkingFormat history [EXP: OpenClaw 2026.5.2]';
const OC_STATE = 'openclaw.md §3a [EXP: OpenClaw 2026.9.6]';
const OC_ISSUES = 'openclaw.md §7: github:openclaw/openclaw #28996, #40363, #68447 [3P]';

const TOOLS_HEADERS = 'tools.md §1 [run: headers each tool sends]';
const TOOLS_INSTALL = 'tools.md §0 [src: published npm tarballs]';
const TOOLS_CLAUDE = 'tools.md §3 [run: Claude Code 2.1.330]';
const TOOLS_OPENCODE = 'tools.md §4.4 [run: OpenCode 1.18.33]';
const TOOLS_CODEX = 'tools.md §5.2 [run: @openai/codex 0.169.0]';
const CODEX_7782 = 'https://github.com/openai/codex/discussions/7782';
const CODEX_10157 = 'github:openai/codex PR #10157';

const NODE_ERRORS = 'https://nodejs.org/api/errors.html#common-system-errors';
const NODE_TLS = 'https://nodejs.org/api/tls.html#x509-certificate-error-codes';
const NODE_EXTRA_CA = 'https://nodejs.org/api/cli.html#node_extra_ca_certsfile';
const SAFE_NET = 'plans.md §7 rule 9 [inference]: DNS, TCP and TLS checks need no key';
const RFC_413 = 'https://www.rfc-editor.org/rfc/rfc9110#name-413-content-too-large';

const CP: readonly PlanId[] = ['coding'];
const TP: readonly PlanId[] = ['token-personal', 'token-team'];
const SUBS: readonly PlanId[] = ['coding', 'token-personal', 'token-team'];
const ALL: readonly PlanId[] = ['coding', 'token-personal', 'token-team', 'payg'];

function L(en: string, zh: string): Localised {
  return { en, 'zh-CN': zh };
}

function cause(
  en: string,
  zh: string,
  checks: readonly CheckCode[] = [],
  extra: { plans?: readonly PlanId[]; sources?: readonly Source[] } = {},
): ErrorCause {
  return { en, 'zh-CN': zh, checks, ...extra };
}

function fix(en: string, zh: string, plans?: readonly PlanId[]): ErrorFix {
  return plans ? { en, 'zh-CN': zh, plans } : { en, 'zh-CN': zh };
}

// An npm failure quotes registry 404s and DNS errors verbatim; it is about installing, not the plan.
const NPM_OUTPUT = ['npm ERR!', 'npm error', 'registry.npmjs.org'];

const FIX_PAIR_KEY_URL = fix(
  'Pair the key with its own base URL: a plan key only with the plan URL (coding… for Coding Plan, token-plan… for Token Plan), a pay-as-you-go sk- key only with dashscope… URLs.',
  '密钥必须与对应的 Base URL 搭配：套餐密钥只能配套餐地址（Coding Plan 用 coding…，Token Plan 用 token-plan…），按量付费的 sk- 密钥只能配 dashscope… 地址。',
);
const FIX_RESTART = fix(
  'Restart the tool after changing the key or URL (OpenClaw: openclaw gateway restart).',
  '修改密钥或地址后重启工具（OpenClaw 需执行 openclaw gateway restart）。',
);
const FIX_OPENCLAW_CACHE = fix(
  'OpenClaw: back up, then delete ~/.openclaw/agents/main/agent/models.json (or its providers.bailian entry) and run openclaw gateway restart; the cache is rebuilt from openclaw.json.',
  'OpenClaw：先备份，再删除 ~/.openclaw/agents/main/agent/models.json（或其中的 providers.bailian），然后执行 openclaw gateway restart；缓存会根据 openclaw.json 重新生成。',
);
const FIX_EXACT_MODEL = fix(
  'Use the model ID exactly as the plan lists it: IDs are case-sensitive and must not carry leading or trailing spaces.',
  '请严格按套餐列表填写模型 ID：区分大小写，前后不能有空格。',
);
const FIX_NEW_SESSION = fix(
  'Start a new session (/new) or compress the context (/compact), and keep only the files the task needs in the working directory.',
  '新建会话（/new）或压缩上下文（/compact），并只在工作目录中保留任务需要的文件。',
);

export const errorCatalog: ErrorCatalog = {
  date: '2026-11-22',
  entries: [
    {
      id: 'E01',
      http: 401,
      patterns: ['InvalidApiKey: No API-key provided', 'No API-key provided'],
      weakPatterns: ['InvalidApiKey'],
      plans: TP,
      title: L('No API key reached the server', '请求中没有携带 API 密钥'),
      causes: [
        cause(
          'The tool sent no key: the key is empty, still a placeholder, or read from an environment variable that is not set.',
          '工具没有发送密钥：密钥为空、仍是占位符，或者它引用的环境变量没有设置。',
          ['KEY_MISSING', 'KEY_PLACEHOLDER', 'KEY_ENV_UNSET'],
        ),
        cause(
          'The tool sent the key only in an x-api-key header; Token Plan reads Authorization: Bearer. Claude Code does this with ANTHROPIC_API_KEY, OpenCode with @ai-sdk/anthropic and options.apiKey.',
          '工具只在 x-api-key 请求头里发送了密钥，而 Token Plan 读取的是 Authorization: Bearer。Claude Code 使用 ANTHROPIC_API_KEY、OpenCode 使用 @ai-sdk/anthropic 加 options.apiKey 时都会这样。',
          ['CLAUDE_API_KEY_VAR'],
          { sources: [S002, TOOLS_HEADERS] },
        ),
      ],
      fixes: [
        fix(
          'Copy the dedicated key from the Token Plan page and configure it in the tool.',
          '从 Token Plan 页面复制专属密钥，并配置到工具中。',
        ),
        fix(
          'Send it as Authorization: Bearer: Claude Code via ANTHROPIC_AUTH_TOKEN; OpenCode (Anthropic protocol) via options.headers.Authorization = "Bearer {env:VAR}".',
          '通过 Authorization: Bearer 发送：Claude Code 使用 ANTHROPIC_AUTH_TOKEN；OpenCode（Anthropic 协议）设置 options.headers.Authorization 为 "Bearer {env:VAR}"。',
        ),
      ],
      sources: [S000, S001, S002, TP_PERSONAL_FAQ_ZH, TOOLS_HEADERS],
    },
    {
      id: 'E02',
      http: 401,
      patterns: ['InvalidApiKey: Invalid API-key provided', 'Invalid API-key provided'],
      weakPatterns: ['InvalidApiKey'],
      plans: TP,
      title: L('The API key was rejected', 'API 密钥被拒绝'),
      causes: [
        cause(
          'The key is a pay-as-you-go sk- key or a Coding Plan key, not the Token Plan key.',
          '使用的是按量付费的 sk- 密钥或 Coding Plan 密钥，而不是 Token Plan 密钥。',
          ['KEY_WRONG_KIND', 'GENERAL_CREDENTIALS_LEFTOVER'],
          { sources: [S000, S002] },
        ),
        cause(
          'A Token Plan sk-sp- key was sent to the general dashscope host (for example by a script or a pay-as-you-go provider entry).',
          'Token Plan 的 sk-sp- 密钥被发到了通用的 dashscope 地址（例如脚本或按量付费的提供方配置）。',
          ['KEY_WRONG_KIND'],
          { sources: [S002] },
        ),
        cause(
          'The key is incomplete or contains spaces or line breaks.',
          '密钥不完整，或者带有空格、换行。',
          ['KEY_MALFORMED'],
          { sources: [S000, S002] },
        ),
        cause('The Token Plan subscription has expired.', 'Token Plan 订阅已过期。', [], { sources: [S000, S001, S002] }),
        cause(
          'The key belongs to the other site: keys are bound to their region, so an international key fails on cn-beijing and the reverse.',
          '密钥属于另一个站点：密钥与地域绑定，国际站密钥在 cn-beijing 地址上会失败，反之亦然。',
          ['URL_REGION_MISMATCH'],
          { sources: [MSCLI_206, BASE_URL_INTL] },
        ),
        cause(
          'The key was reset, or the plan was bought again after it expired; the old key stopped working.',
          '密钥已被重置，或者套餐过期后重新购买；旧密钥已失效。',
          [],
          { sources: [S000] },
        ),
      ],
      fixes: [
        fix(
          'Copy the Token Plan key again, completely and without spaces.',
          '重新完整复制 Token Plan 密钥，不要带空格。',
        ),
        fix(
          'Check on the Token Plan page that the subscription is active; if the error persists, reset the key and update every tool.',
          '在 Token Plan 页面确认订阅有效；如果仍然报错，重置密钥并在所有工具中更新。',
        ),
        fix(
          'Use the host of the site where you bought the plan: token-plan.cn-beijing… for the China site, token-plan.ap-southeast-1… for the international site.',
          '使用购买站点对应的地址：中国站用 token-plan.cn-beijing…，国际站用 token-plan.ap-southeast-1…。',
        ),
      ],
      sources: [S000, S001, S002, MSCLI_206],
    },
    {
      id: 'E03',
      http: 400,
      patterns: ['Model not exist'],
      weakPatterns: ['model does not exist'],
      plans: TP,
      title: L('The model does not exist', '模型不存在'),
      causes: [
        cause(
          'The model name matches no model the plan serves: a typo, different capitalisation, extra spaces, or an ID from another plan or edition.',
          '模型名与套餐提供的任何模型都不匹配：拼写错误、大小写不同、多了空格，或是其他套餐、其他版本的模型 ID。',
          ['MODEL_NOT_IN_PLAN'],
        ),
      ],
      fixes: [FIX_EXACT_MODEL],
      sources: [S000, TP_FAQ_ZH],
    },
    {
      id: 'E04',
      http: 404,
      patterns: ["model '{model}' not found or not supported", "model '{model}' not found"],
      plans: TP,
      title: L('Model not found or not supported', '模型不存在或不受支持'),
      causes: [
        cause(
          'The model name is misspelled, has the wrong case, or carries spaces.',
          '模型名拼写错误、大小写不对，或带有空格。',
          ['MODEL_NOT_IN_PLAN'],
          { sources: [S000, S001, S002] },
        ),
        cause(
          'The model is not part of this plan or edition (Personal and Team editions serve different models).',
          '该模型不在这个套餐或版本中（个人版和团队版提供的模型不同）。',
          ['MODEL_NOT_IN_PLAN'],
          { sources: [S000, TP_FAQ_ZH] },
        ),
        cause(
          'The model is not served on the protocol the tool uses: deepseek-v3.2 is OpenAI-compatible only, not on the Anthropic endpoint.',
          '该模型不支持工具使用的协议：deepseek-v3.2 只能通过 OpenAI 兼容接口调用，不支持 Anthropic 接口。',
          ['MODEL_NOT_ON_PROTOCOL'],
          { sources: [S002] },
        ),
      ],
      fixes: [
        FIX_EXACT_MODEL,
        fix(
          'For deepseek-v3.2 use the OpenAI-compatible endpoint (…/compatible-mode/v1), or pick another model in Anthropic-protocol tools such as Claude Code.',
          'deepseek-v3.2 请使用 OpenAI 兼容地址（…/compatible-mode/v1）；在 Claude Code 等 Anthropic 协议工具中请换用其他模型。',
        ),
      ],
      sources: [S000, S001, S002, TP_FAQ_ZH],
    },
    {
      id: 'E05',
      patterns: ["model '{model}' is not supported"],
      plans: SUBS,
      title: L('Model not supported by the plan', '套餐不支持该模型'),
      causes: [
        cause(
          'The model ID is misspelled, has the wrong case, or carries leading or trailing spaces.',
          '模型 ID 拼写错误、大小写不对，或前后带有空格。',
          ['MODEL_NOT_IN_PLAN'],
        ),
        cause(
          'The model is not in the Coding Plan model list.',
          '该模型不在 Coding Plan 的模型列表中。',
          ['MODEL_NOT_IN_PLAN'],
          { plans: CP, sources: [S003, S004] },
        ),
        cause(
          'The API key or base URL is misconfigured, so the request reached a service that does not serve the model.',
          'API 密钥或 Base URL 配置错误，请求被发到了不提供该模型的服务。',
          ['KEY_WRONG_KIND', 'URL_UNKNOWN_HOST'],
          { sources: [S003] },
        ),
        cause(
          'qwen3.6-plus on Coding Plan is reported to be for Pro subscribers only; a Lite subscription may be refused.',
          '据第三方资料，Coding Plan 中的 qwen3.6-plus 仅限 Pro 订阅；Lite 订阅可能被拒绝。',
          ['MODEL_NOT_IN_PLAN'],
          { plans: CP, sources: [QWEN_CODE_CP] },
        ),
      ],
      fixes: [
        FIX_EXACT_MODEL,
        fix(
          'Pick a model from the Coding Plan overview.',
          '从 Coding Plan 概览页的模型列表中选择模型。',
          CP,
        ),
      ],
      sources: [S003, S004, S000, QWEN_CODE_CP],
      decisions: [
        'plans.md lists this message for Coding Plan only; 000 (Token Plan FAQ) also names it, so Token Plan is included.',
      ],
    },
    {
      id: 'E06',
      http: 400,
      patterns: ['InvalidParameter: url error, please check url', 'url error, please check url'],
      plans: TP,
      title: L('The base URL path does not fit the protocol', 'Base URL 路径与协议不匹配'),
      causes: [
        cause(
          'An OpenAI-compatible path is configured on the Anthropic endpoint, or the reverse; a pasted /chat/completions or /messages suffix or a doubled /v1 has the same effect.',
          'Anthropic 接口上配置了 OpenAI 兼容路径，或者反过来；多粘贴了 /chat/completions、/messages 后缀，或重复了 /v1，也会这样。',
          ['URL_WRONG_PATH'],
        ),
      ],
      fixes: [
        fix(
          'Anthropic-compatible tools (Claude Code): …/apps/anthropic; OpenCode with @ai-sdk/anthropic: …/apps/anthropic/v1; OpenAI-compatible tools: …/compatible-mode/v1.',
          'Anthropic 兼容工具（Claude Code）：…/apps/anthropic；使用 @ai-sdk/anthropic 的 OpenCode：…/apps/anthropic/v1；OpenAI 兼容工具：…/compatible-mode/v1。',
        ),
      ],
      sources: [S000],
    },
    {
      id: 'E07',
      http: 400,
      patterns: ['Range of max_tokens should be [1, {limit}]'],
      weakPatterns: ['max_tokens'],
      limit: 'output',
      plans: SUBS,
      title: L('max_tokens is above the model’s output limit', 'max_tokens 超过模型的输出上限'),
      causes: [
        cause(
          'The maximum output length set in the tool (max_tokens, OpenCode limit.output, OpenClaw maxTokens) exceeds what the model can produce.',
          '工具中设置的最大输出长度（max_tokens、OpenCode 的 limit.output、OpenClaw 的 maxTokens）超过了模型的上限。',
          ['MAX_TOKENS_TOO_HIGH'],
        ),
        cause(
          'OpenCode on the Anthropic protocol adds the thinking budget to max_tokens (min(limit.output, 32000) + budgetTokens), so a large budgetTokens pushes it over.',
          'OpenCode 使用 Anthropic 协议时会把思考预算加到 max_tokens 上（min(limit.output, 32000) + budgetTokens），预算过大也会超限。',
          ['THINKING_BUDGET_TOO_HIGH', 'MAX_TOKENS_TOO_HIGH'],
          { sources: [TOOLS_OPENCODE] },
        ),
      ],
      fixes: [
        fix(
          'Lower the output limit to at most the number in the error message.',
          '把输出上限调低到不超过错误信息中给出的数值。',
        ),
      ],
      sources: [S000, S003, S004, TOOLS_OPENCODE],
    },
    {
      id: 'E08',
      http: 400,
      patterns: [
        'The thinking_budget parameter must be a positive integer and not greater than {limit}',
        'thinking_budget parameter must be a positive integer',
        // Tools often show only the tail of the message.
        'not greater than {limit}',
      ],
      weakPatterns: ['thinking_budget'],
      limit: 'thinking',
      plans: SUBS,
      title: L('The thinking budget is too large', '思考预算过大'),
      causes: [
        cause(
          'The thinking length configured in the tool (thinking_budget, OpenCode budgetTokens) exceeds the model’s maximum.',
          '工具中配置的思考长度（thinking_budget、OpenCode 的 budgetTokens）超过了模型的上限。',
          ['THINKING_BUDGET_TOO_HIGH'],
        ),
        cause(
          'Thinking is configured for a model without thinking mode (qwen3-coder-next, qwen3-coder-plus).',
          '为不支持深度思考的模型（qwen3-coder-next、qwen3-coder-plus）配置了思考参数。',
          ['THINKING_UNSUPPORTED'],
          { plans: CP, sources: [S003, S004] },
        ),
        cause(
          'For MiniMax-M2.5 the thinking budget and the output together must stay within 32,768 tokens.',
          'MiniMax-M2.5 的思考预算与输出长度之和不能超过 32,768 个 token。',
          ['THINKING_BUDGET_TOO_HIGH', 'MAX_TOKENS_TOO_HIGH'],
          { sources: [S002, S004] },
        ),
        cause(
          'The budget is zero, negative or not a whole number.',
          '思考预算为 0、负数或不是整数。',
          [],
          { sources: [S000] },
        ),
      ],
      fixes: [
        fix(
          'Set the thinking budget to at most the number in the error message (OpenCode: options.thinking.budgetTokens in opencode.json).',
          '把思考预算设为不超过错误信息中的数值（OpenCode：opencode.json 中的 options.thinking.budgetTokens）。',
        ),
        fix(
          'For models without thinking mode, remove the thinking setting (OpenCode: options.thinking).',
          '对不支持深度思考的模型，删除思考配置（OpenCode：options.thinking）。',
        ),
        fix(
          'MiniMax-M2.5 thinks by default; budgetTokens can be left out.',
          'MiniMax-M2.5 默认开启思考，可以不设置 budgetTokens。',
          CP,
        ),
      ],
      sources: [S000, S003, S004, S002],
      decisions: [
        '004 shows "not greater than 38912", a value in none of the model tables: limits change, so the number in the message wins over the catalog.',
        'MiniMax-M2.5: 003 says budgetTokens is not required, 004 gives 32,768 for thinking plus response, 002 "budgetTokens + output ≤ 32768"; both readings are listed.',
      ],
    },
    {
      id: 'E09',
      http: 401,
      patterns: ['invalid access token or token expired', 'invalid access token'],
      plans: SUBS,
      title: L('Invalid access token or token expired', '访问令牌无效或已过期'),
      causes: [
        cause(
          'Token Plan: the base URL belongs to Coding Plan or another plan.',
          'Token Plan：Base URL 用成了 Coding Plan 或其他套餐的地址。',
          [],
          { plans: TP, sources: [S000, S001, S002] },
        ),
        cause(
          'Coding Plan: a pay-as-you-go sk- key is used instead of the sk-sp- plan key.',
          'Coding Plan：使用了按量付费的 sk- 密钥，而不是套餐专属的 sk-sp- 密钥。',
          ['KEY_WRONG_KIND'],
          { plans: CP, sources: [S003, S004] },
        ),
        cause(
          'The subscription has expired.',
          '订阅已过期。',
          [],
          { sources: [S003, S004, S000] },
        ),
        cause(
          'The key is damaged: incomplete, or copied with spaces or line breaks.',
          '密钥已损坏：不完整，或复制时带了空格、换行。',
          ['KEY_MALFORMED'],
          { sources: [S000] },
        ),
      ],
      fixes: [
        fix(
          'Token Plan: use the token-plan base URL of your site (…/compatible-mode/v1 or …/apps/anthropic).',
          'Token Plan：使用所在站点的 token-plan 地址（…/compatible-mode/v1 或 …/apps/anthropic）。',
          TP,
        ),
        fix(
          'Coding Plan: use the sk-sp- key from the Coding Plan page and renew the subscription if it has expired.',
          'Coding Plan：使用 Coding Plan 页面上的 sk-sp- 密钥；如果订阅已过期请续费。',
          CP,
        ),
        FIX_RESTART,
      ],
      sources: [S000, S001, S002, S003, S004, QWEN_CODE_3858],
      decisions: [
        '000 calls the same 401 "wrong key type, expired subscription, or malformed key" in its 401/403 section, while its table blames the base URL; all are listed.',
      ],
    },
    {
      id: 'E10',
      http: 401,
      patterns: ['Incorrect API key provided'],
      plans: SUBS,
      title: L('Incorrect API key for this URL', 'API 密钥与该地址不匹配'),
      causes: [
        cause(
          'Token Plan: the plan key is used with the general base URL (dashscope.aliyuncs.com or dashscope-intl.aliyuncs.com).',
          'Token Plan：套餐密钥配上了通用的 Base URL（dashscope.aliyuncs.com 或 dashscope-intl.aliyuncs.com）。',
          ['KEY_WRONG_KIND'],
          { plans: TP, sources: [S000, S001, S002] },
        ),
        cause(
          'Token Plan: a standard pay-as-you-go sk- key is used with the token-plan URL.',
          'Token Plan：按量付费的标准 sk- 密钥配上了 token-plan 地址。',
          ['KEY_WRONG_KIND'],
          { plans: TP, sources: [S002] },
        ),
        cause(
          'A script calls DashScope directly with the sk-sp- plan key; plan keys work only inside AI coding tools.',
          '脚本直接用 sk-sp- 套餐密钥调用 DashScope；套餐密钥只能在 AI 编程工具中使用。',
          ['KEY_WRONG_KIND'],
          { plans: TP, sources: [S002] },
        ),
        cause(
          'Coding Plan: the key is empty, malformed, incomplete or contains extra spaces.',
          'Coding Plan：密钥为空、格式错误、不完整或带有多余空格。',
          ['KEY_MISSING', 'KEY_PLACEHOLDER', 'KEY_MALFORMED'],
          { plans: CP, sources: [S003, S004] },
        ),
        cause(
          'Coding Plan: the subscription has expired or is invalid.',
          'Coding Plan：订阅已过期或无效。',
          [],
          { plans: CP, sources: [S003, S004] },
        ),
        cause(
          'Coding Plan: the sk-sp- plan key is used with the general base URL (dashscope… instead of coding…).',
          'Coding Plan：sk-sp- 套餐密钥配上了通用 Base URL（dashscope… 而不是 coding…）。',
          ['KEY_WRONG_KIND'],
          { plans: CP, sources: [S003, S004] },
        ),
        cause(
          'Coding Plan: a general sk- key is used with the coding… base URL.',
          'Coding Plan：通用 sk- 密钥配上了 coding… 地址。',
          ['KEY_WRONG_KIND'],
          { plans: CP, sources: [S003, S004] },
        ),
        cause(
          'OpenClaw keeps an old providers.bailian entry in its models.json cache (or an old key in auth-profiles.json) and sends that instead of the new settings.',
          'OpenClaw 的 models.json 缓存中残留旧的 providers.bailian（或 auth-profiles.json 中的旧密钥），发送的是旧配置而不是新设置。',
          ['OPENCLAW_STALE_CACHE'],
          { sources: [S003, S004, OC_ISSUES] },
        ),
      ],
      fixes: [
        FIX_PAIR_KEY_URL,
        fix(
          'Copy the whole plan key again (sk-sp-…) without spaces.',
          '重新完整复制套餐密钥（sk-sp-…），不要带空格。',
        ),
        FIX_OPENCLAW_CACHE,
        FIX_RESTART,
      ],
      sources: [S000, S001, S002, S003, S004],
      decisions: [
        'Sources disagree on the direction of the mismatch: 000/001 blame a plan key on the general URL, 002 a general sk- key on the token-plan URL, 003/004 list both. Every direction is listed.',
      ],
    },
    {
      id: 'E11',
      http: 403,
      patterns: ['invalid api-key'],
      plans: SUBS,
      title: L('Plan key used with a non-plan URL', '套餐密钥用在了非套餐地址上'),
      causes: [
        cause(
          'The general Model Studio base URL is configured instead of the plan-specific one.',
          '配置的是百炼通用 Base URL，而不是套餐专属地址。',
          ['KEY_WRONG_KIND', 'URL_UNKNOWN_HOST'],
          { sources: [S003, S004] },
        ),
        cause(
          'Token Plan: the Token Plan key is used with a URL that does not contain token-plan.',
          'Token Plan：Token Plan 密钥配上了不含 token-plan 的地址。',
          ['KEY_WRONG_KIND', 'URL_UNKNOWN_HOST'],
          { plans: TP, sources: [S000] },
        ),
      ],
      fixes: [
        fix(
          'Use the plan URL: coding.dashscope.aliyuncs.com / coding-intl.dashscope.aliyuncs.com for Coding Plan, token-plan.<region>.maas.aliyuncs.com for Token Plan.',
          '使用套餐地址：Coding Plan 用 coding.dashscope.aliyuncs.com / coding-intl.dashscope.aliyuncs.com，Token Plan 用 token-plan.<地域>.maas.aliyuncs.com。',
        ),
      ],
      sources: [S003, S004, S000],
    },
    {
      id: 'E12',
      http: 404,
      patterns: ['404 status code (no body)', '404 Not Found', 'endpoint not found', 'status code 404'],
      // A bare 404 in prose is not an HTTP status; these forms are.
      weakPatterns: ['HTTP 404', 'Error: 404', 'status 404', '404 page not found'],
      unless: NPM_OUTPUT,
      plans: SUBS,
      title: L('Endpoint not found: the URL path is wrong', '找不到接口：URL 路径错误'),
      causes: [
        cause(
          'The base URL path does not fit the tool: Claude Code needs …/apps/anthropic (no /v1), OpenCode with @ai-sdk/anthropic needs …/apps/anthropic/v1, OpenAI-compatible tools need …/v1 (Coding Plan) or …/compatible-mode/v1 (Token Plan).',
          'Base URL 路径与工具不匹配：Claude Code 需要 …/apps/anthropic（不带 /v1），使用 @ai-sdk/anthropic 的 OpenCode 需要 …/apps/anthropic/v1，OpenAI 兼容工具需要 …/v1（Coding Plan）或 …/compatible-mode/v1（Token Plan）。',
          ['URL_WRONG_PATH'],
        ),
        cause(
          'The host name is not exactly the plan host.',
          '主机名与套餐地址不完全一致。',
          ['URL_UNKNOWN_HOST'],
          { sources: [S000] },
        ),
      ],
      fixes: [
        fix(
          'Correct the path for the tool’s protocol; do not append /chat/completions or /messages yourself.',
          '按工具的协议修正路径；不要自己追加 /chat/completions 或 /messages。',
        ),
      ],
      sources: [S003, S004, S000, CP_OPENCODE_INTL],
    },
    {
      id: 'E13',
      http: 400,
      patterns: ['Range of input length should be [1, {limit}]'],
      weakPatterns: ['input length'],
      limit: 'context',
      plans: ALL,
      title: L('The input is longer than the model’s context window', '输入超过了模型的上下文窗口'),
      causes: [
        cause(
          'The input, including conversation history and code context, exceeds the model’s maximum context length.',
          '输入内容（包括对话历史和代码上下文）超过了模型的最大上下文长度。',
        ),
        cause(
          'The context limit configured in the tool is larger than the model’s window, so the tool compacts too late.',
          '工具中配置的上下文上限大于模型的窗口，导致工具压缩上下文太晚。',
          ['CONTEXT_TOO_LARGE'],
          { sources: ['[inference] plans.md §6.1 check 10'] },
        ),
      ],
      fixes: [
        FIX_NEW_SESSION,
        fix(
          'Switch to a model with a larger context window (qwen3.7-plus, qwen3.6-plus, qwen3.5-plus, qwen3-coder-plus: 1,000,000 tokens).',
          '换用上下文窗口更大的模型（qwen3.7-plus、qwen3.6-plus、qwen3.5-plus、qwen3-coder-plus：1,000,000 token）。',
        ),
        fix(
          'Set the tool’s context limit to the model’s window (OpenCode limit.context, OpenClaw contextWindow).',
          '把工具的上下文上限设为模型的窗口大小（OpenCode 的 limit.context、OpenClaw 的 contextWindow）。',
        ),
      ],
      sources: [S000, S001, S002, S003, S004],
    },
    {
      id: 'E14',
      http: 429,
      patterns: ['API-Key Requests rate limit exceeded', 'Requests rate limit exceeded'],
      weakPatterns: ['rate limit exceeded', 'HTTP 429', 'Error: 429', 'status 429', '429 Too Many Requests'],
      unless: NPM_OUTPUT,
      plans: TP,
      title: L('Too many requests in a short time', '短时间内请求过多'),
      causes: [
        cause(
          'Requests were too dense within a short period and hit the model’s rate limit.',
          '短时间内请求过于密集，触发了模型的限流。',
        ),
        cause(
          'The key is shared with other people or other machines.',
          '密钥被他人或其他机器共用。',
        ),
      ],
      fixes: [
        fix('Wait a minute and retry.', '等待一分钟后重试。'),
        fix(
          'If it happens often, send fewer requests and make sure nobody else uses the key.',
          '如果经常出现，请降低请求频率，并确认没有其他人在使用该密钥。',
        ),
      ],
      sources: [S000],
    },
    {
      id: 'E15',
      http: 429,
      patterns: ['Throttling.AllocationQuota', 'insufficient_quota'],
      weakPatterns: ['HTTP 429', 'Error: 429', 'status 429', '429 Too Many Requests'],
      unless: NPM_OUTPUT,
      plans: TP,
      title: L('The plan’s credits are used up', '套餐额度已用完'),
      causes: [
        cause(
          'Both the seat quota and the shared usage pack are exhausted. There is no automatic fallback to pay-as-you-go.',
          '席位额度和共享用量包都已用完。不会自动转为按量付费。',
        ),
      ],
      fixes: [
        fix(
          'Wait for the quota to reset at the next billing cycle, or buy a shared usage pack.',
          '等待下个计费周期额度重置，或购买共享用量包。',
        ),
      ],
      sources: [S000],
    },
    {
      id: 'E16',
      patterns: ['hour allocated quota exceeded'],
      plans: CP,
      title: L('The 5-hour request quota is used up', '5 小时请求额度已用完'),
      causes: [cause('The rolling 5-hour request quota has been exhausted.', '滚动 5 小时的请求额度已用完。')],
      fixes: [
        fix('Wait for the 5-hour window to roll over.', '等待 5 小时窗口滚动恢复。'),
        fix('Upgrade Lite to Pro for a larger quota (international site).', '升级到 Pro 以获得更多额度（国际站）。'),
      ],
      sources: [S003, S004],
      decisions: ['003 (China) no longer offers Lite-to-Pro upgrades from 2026-04-13; 004 (international) still does.'],
    },
    {
      id: 'E17',
      patterns: ['week allocated quota exceeded'],
      plans: CP,
      title: L('The weekly request quota is used up', '每周请求额度已用完'),
      causes: [cause('The weekly request quota has been exhausted.', '每周请求额度已用完。')],
      fixes: [
        fix('The quota resets on Monday at 00:00 (UTC+8).', '额度在每周一 00:00（UTC+8）重置。'),
        fix('Upgrade Lite to Pro for a larger quota (international site).', '升级到 Pro 以获得更多额度（国际站）。'),
      ],
      sources: [S003, S004],
    },
    {
      id: 'E18',
      patterns: ['month allocated quota exceeded'],
      plans: CP,
      title: L('The monthly request quota is used up', '每月请求额度已用完'),
      causes: [cause('The monthly request quota has been exhausted.', '每月请求额度已用完。')],
      fixes: [
        fix(
          'The quota resets at 00:00 (UTC+8) on your subscription day of the next month.',
          '额度在下个订阅月对应日期的 00:00（UTC+8）重置。',
        ),
        fix('Upgrade Lite to Pro for a larger quota (international site).', '升级到 Pro 以获得更多额度（国际站）。'),
      ],
      sources: [S003, S004],
    },
    {
      id: 'E19',
      patterns: ['concurrency allocated quota exceeded'],
      plans: CP,
      title: L('Too many concurrent requests', '并发请求过多'),
      causes: [
        cause(
          'Concurrent requests exceed the dynamically allocated limit, which is lower at peak hours.',
          '并发请求超过了动态分配的上限，高峰时段上限更低。',
        ),
      ],
      fixes: [fix('Wait a moment and retry.', '稍等片刻后重试。')],
      sources: [S003],
    },
    {
      id: 'E20',
      patterns: ['Connection error'],
      plans: ALL,
      title: L('Could not connect to the server', '无法连接到服务器'),
      causes: [
        cause(
          'The base URL domain is misspelled (e.g. dashscope-intl for coding-intl, token_plan for token-plan, a wrong region label).',
          'Base URL 域名拼写错误（例如把 coding-intl 写成 dashscope-intl、把 token-plan 写成 token_plan，或地域标识写错）。',
          ['URL_UNKNOWN_HOST', 'NET_DNS'],
        ),
        cause(
          'A network problem: no connection, a proxy or VPN that blocks or breaks the request, or a firewall.',
          '网络问题：没有网络、代理或 VPN 拦截或破坏了请求，或被防火墙阻断。',
          ['NET_PROXY', 'NET_DNS', 'NET_TLS'],
        ),
      ],
      fixes: [
        fix('Check the spelling of the base URL domain.', '检查 Base URL 域名的拼写。'),
        fix(
          'Check the network and proxy settings (HTTPS_PROXY, NO_PROXY); tp-setup doctor can test DNS and TLS without sending the key.',
          '检查网络和代理设置（HTTPS_PROXY、NO_PROXY）；tp-setup doctor 可以在不发送密钥的情况下检测 DNS 和 TLS。',
        ),
      ],
      sources: [S000, S001, S002, S003, S004],
    },
    {
      id: 'E21',
      http: 400,
      patterns: ['data_inspection_failed', 'Input data may contain inappropriate content'],
      plans: ALL,
      title: L('The content-safety filter rejected the request', '请求被内容安全审核拦截'),
      causes: [
        cause(
          'The content-safety filter flagged text in the request (a prompt, a file or a log the tool sent as context).',
          '内容安全审核认为请求中的文本有问题（提示词，或工具作为上下文发送的文件、日志）。',
        ),
      ],
      fixes: [
        fix(
          'Rephrase the input or remove the flagged file or text from the context, then start a new session.',
          '改写输入，或从上下文中移除被拦截的文件或文本，然后新建会话。',
        ),
      ],
      sources: [S000, S003, S004, DATA_INSPECTION],
    },
    {
      id: 'E22',
      http: 405,
      patterns: ['Coding Plan is currently only available for Coding Agents', 'only available for Coding Agents'],
      plans: CP,
      title: L('Coding Plan only works inside coding agents', 'Coding Plan 只能在编程智能体中使用'),
      causes: [
        cause(
          'The call came from a tool or environment Coding Plan does not serve: curl, Postman, Dify, a generic chat app or a script.',
          '调用来自 Coding Plan 不支持的工具或环境：curl、Postman、Dify、通用聊天应用或脚本。',
        ),
      ],
      fixes: [
        fix(
          'Use a supported coding tool (Claude Code, Qwen Code, OpenClaw, OpenCode, Cursor, Cline…). Using the key in scripts or backends may get the subscription suspended.',
          '请使用支持的编程工具（Claude Code、Qwen Code、OpenClaw、OpenCode、Cursor、Cline 等）。在脚本或后端中使用密钥可能导致订阅被暂停。',
        ),
      ],
      sources: [S003, S004, AIONUI_2555, GOOSE_8005],
      decisions: ['HTTP 405 comes from third-party reports only; the FAQs give no status.'],
    },
    {
      id: 'E23',
      patterns: ['valid ModelScope token', 'ModelScope token'],
      plans: CP,
      title: L('Connected to ModelScope, not Model Studio', '连接到了魔搭 ModelScope，而不是百炼'),
      causes: [
        cause(
          'The tool is pointed at ModelScope (a separate platform), or an ms- ModelScope token and an sk- Model Studio key were swapped.',
          '工具指向的是魔搭 ModelScope（独立平台），或者把 ms- 开头的魔搭令牌和 sk- 开头的百炼密钥弄混了。',
          ['KEY_WRONG_KIND', 'URL_UNKNOWN_HOST'],
        ),
        cause(
          'The ModelScope token was copied with spaces or line breaks.',
          '复制魔搭令牌时带了空格或换行。',
          ['KEY_MALFORMED'],
        ),
      ],
      fixes: [
        fix(
          'For Coding Plan, configure the plan URL and the sk-sp- key; for ModelScope, use a token from ModelScope.',
          '使用 Coding Plan 时配置套餐地址和 sk-sp- 密钥；使用魔搭时请到魔搭获取令牌。',
        ),
      ],
      sources: [S003, S004],
    },
    {
      id: 'E24',
      tool: 'openclaw',
      patterns: ['Agent failed before reply: Unknown model', 'Unknown model: {model}', 'Unknown model'],
      plans: CP,
      title: L('OpenClaw cannot find the model', 'OpenClaw 找不到该模型'),
      causes: [
        cause(
          'models.providers has no bailian entry.',
          'models.providers 中没有 bailian。',
          ['OPENCLAW_MODEL_UNDEFINED'],
        ),
        cause(
          'agents.defaults.model.primary lacks the bailian/ prefix (model IDs containing / need the provider prefix too).',
          'agents.defaults.model.primary 缺少 bailian/ 前缀（含有 / 的模型 ID 同样需要提供方前缀）。',
          ['OPENCLAW_PRIMARY_PREFIX'],
          { sources: [S003, S004, OC_ISSUES] },
        ),
        cause(
          'The primary model is not defined in models.providers.bailian.models.',
          '主模型没有在 models.providers.bailian.models 中定义。',
          ['OPENCLAW_MODEL_UNDEFINED'],
        ),
        cause(
          'A leftover provider such as qwen-portal confuses model routing.',
          '残留的 qwen-portal 等旧提供方干扰了模型路由。',
          ['OPENCLAW_LEFTOVER_PROVIDER'],
        ),
      ],
      fixes: [
        fix(
          'In ~/.openclaw/openclaw.json: add models.providers.bailian, set primary to "bailian/<model>", list that model in models.providers.bailian.models, and remove providers you no longer use; then run openclaw gateway restart.',
          '在 ~/.openclaw/openclaw.json 中：添加 models.providers.bailian，把 primary 设为 "bailian/<模型>"，并在 models.providers.bailian.models 中列出该模型，删除不再使用的提供方；然后执行 openclaw gateway restart。',
        ),
        fix(
          'openclaw models status --check shows which model reference cannot be resolved.',
          'openclaw models status --check 可以显示哪个模型引用无法解析。',
        ),
      ],
      sources: [S003, S004, OC_SCHEMA],
    },
    {
      id: 'E25',
      tool: 'openclaw',
      patterns: ["No API key found for provider '{provider}'", 'No API key found'],
      plans: CP,
      title: L('OpenClaw has no API key for the provider', 'OpenClaw 找不到该提供方的 API 密钥'),
      causes: [
        cause(
          'models.providers has no entry named like the provider in the message (Coding Plan needs bailian).',
          'models.providers 中没有与错误信息中提供方同名的条目（Coding Plan 需要 bailian）。',
          ['OPENCLAW_MODEL_UNDEFINED'],
        ),
        cause(
          'The provider’s key is empty, has extra spaces, or is still YOUR_API_KEY. (__OPENCLAW_REDACTED__ in the web UI means a key is saved.)',
          '该提供方的密钥为空、带有多余空格，或仍是 YOUR_API_KEY。（网页界面显示 __OPENCLAW_REDACTED__ 表示密钥已保存。）',
          ['KEY_MISSING', 'KEY_MALFORMED', 'KEY_PLACEHOLDER'],
        ),
        cause(
          'An outdated local credential cache (auth-profiles.json, models.json) keeps the new configuration from taking effect.',
          '过期的本地凭据缓存（auth-profiles.json、models.json）使新配置无法生效。',
          ['OPENCLAW_STALE_CACHE'],
        ),
        cause(
          'The provider was removed from openclaw.json but a stale models.json still lists its models, so they are offered without a key (OpenClaw 2026.9).',
          '提供方已从 openclaw.json 中删除，但旧的 models.json 仍列出其模型，于是这些模型在没有密钥的情况下被选用（OpenClaw 2026.9）。',
          ['OPENCLAW_STALE_CACHE'],
          { sources: [OC_STATE] },
        ),
      ],
      fixes: [
        fix(
          'Add the provider to models.providers with its key (Coding Plan: sk-sp-…).',
          '在 models.providers 中添加该提供方及其密钥（Coding Plan：sk-sp-…）。',
        ),
        fix(
          'Back up, then delete ~/.openclaw/agents/main/agent/auth-profiles.json and models.json, and run openclaw gateway restart.',
          '先备份，再删除 ~/.openclaw/agents/main/agent/auth-profiles.json 和 models.json，然后执行 openclaw gateway restart。',
        ),
      ],
      sources: [S003, S004, OC_STATE],
    },
    {
      id: 'E26',
      tool: 'openclaw',
      patterns: ['Agent failed before reply: OAuth token refresh failed', 'OAuth token refresh failed'],
      plans: CP,
      title: L('OpenClaw is using a third-party OAuth login', 'OpenClaw 正在使用第三方 OAuth 登录'),
      causes: [
        cause(
          'A third-party OAuth service (such as the Qwen portal) is connected instead of Coding Plan.',
          '连接的是第三方 OAuth 服务（例如 Qwen portal），而不是 Coding Plan。',
          ['OPENCLAW_OAUTH_LEFTOVER', 'OPENCLAW_LEFTOVER_PROVIDER'],
        ),
      ],
      fixes: [
        fix('Configure Coding Plan in OpenClaw (models.providers.bailian).', '在 OpenClaw 中配置 Coding Plan（models.providers.bailian）。'),
        fix(
          'Back up, then remove ~/.openclaw/agents/main/agent/auth.json and models.json, and run openclaw gateway restart.',
          '先备份，再删除 ~/.openclaw/agents/main/agent/auth.json 和 models.json，然后执行 openclaw gateway restart。',
        ),
      ],
      sources: [S003, S004],
    },
    {
      id: 'E27',
      tool: 'openclaw',
      patterns: ['API rate limit reached'],
      plans: SUBS,
      title: L('Rate limit reached', '已达到调用频率上限'),
      causes: [
        cause(
          'The base URL or provider is misconfigured, so requests go to the general API instead of the plan channel.',
          'Base URL 或提供方配置错误，请求走了通用 API 而不是套餐通道。',
          ['GENERAL_CREDENTIALS_LEFTOVER', 'OPENCLAW_LEFTOVER_PROVIDER', 'OPENCLAW_STALE_CACHE', 'KEY_WRONG_KIND'],
        ),
        cause(
          'There is no active plan subscription, so no dedicated quota applies.',
          '没有有效的套餐订阅，因此没有专属额度。',
          [],
          { sources: [S003, S004] },
        ),
        cause(
          'The plan quota is exhausted (Token Plan: seat quota and shared pack).',
          '套餐额度已用完（Token Plan：席位额度和共享用量包）。',
        ),
      ],
      fixes: [
        fix(
          'Check that models, agents and gateway in the OpenClaw config match the documented structure ({"models": {"providers": {"bailian": {…}}}}).',
          '检查 OpenClaw 配置中的 models、agents 和 gateway 是否与文档结构一致（{"models": {"providers": {"bailian": {…}}}}）。',
        ),
        fix(
          'Check usage and the next reset time on the plan page; on the international site, Lite can upgrade to Pro.',
          '在套餐页面查看用量和下次重置时间；国际站的 Lite 可以升级到 Pro。',
        ),
        fix('Reset the key only as a last resort.', '最后再考虑重置密钥。'),
      ],
      sources: [S003, S004, S002],
    },
    {
      id: 'E28',
      tool: 'openclaw',
      harmless: true,
      // The full variants, so the 404 inside one is not read as a wrong base URL.
      patterns: [
        'Failed to discover Alibaba Cloud models: TimeoutError: The operation was aborted due to timeout',
        'Failed to discover Alibaba Cloud models: 404 Not Found',
        'Failed to discover Alibaba Cloud models',
      ],
      weakPatterns: ['Failed to discover'],
      plans: CP,
      title: L('OpenClaw could not list the plan’s models (harmless)', 'OpenClaw 无法获取套餐模型列表（不影响使用）'),
      causes: [
        cause(
          'OpenClaw tries to query the model list, which Coding Plan does not offer through an API.',
          'OpenClaw 尝试查询模型列表，而 Coding Plan 不提供查询模型列表的接口。',
          ['OPENCLAW_DISCOVERY_PROFILE'],
        ),
      ],
      fixes: [
        fix('Nothing to do: OpenClaw works normally.', '无需处理：OpenClaw 可以正常使用。'),
        fix(
          'To hide it, change the alibaba-cloud:default profile in ~/.openclaw/agents/main/agent/auth-profiles.json to "profiles": {}.',
          '如需隐藏该提示，把 ~/.openclaw/agents/main/agent/auth-profiles.json 中的 alibaba-cloud:default 改为 "profiles": {}。',
        ),
      ],
      sources: [S003, S004],
    },
    {
      id: 'E29',
      tool: 'openclaw',
      patterns: [
        'auth.profiles.{profile}.mode: Invalid input',
        'auth.profiles.{profile}: Unrecognized key',
        'auth.profiles.{profile}: Unrecognized keys',
        // A credential-store profile pasted into openclaw.json: the field names give it away.
        "Unrecognized keys: 'type', 'key'",
      ],
      weakPatterns: ['auth.profiles'],
      plans: CP,
      title: L('Invalid auth.profiles in openclaw.json', 'openclaw.json 中的 auth.profiles 无效'),
      causes: [
        cause(
          'auth.profiles was edited by hand: an invalid mode, or an apiKey field. auth.profiles holds metadata only, never keys.',
          'auth.profiles 被手动修改过：mode 值无效，或加了 apiKey 字段。auth.profiles 只存认证元数据，不存密钥。',
          ['OPENCLAW_AUTH_PROFILE_KEY'],
        ),
        cause(
          'A credential-store profile ({type, provider, key}) was pasted into openclaw.json.',
          '把凭据存储格式的 profile（{type, provider, key}）粘贴进了 openclaw.json。',
          ['OPENCLAW_AUTH_PROFILE_KEY'],
          { sources: [OC_SCHEMA] },
        ),
        cause(
          'The Qwen daily-quota OAuth login added a qwen-portal:default profile that Coding Plan does not need.',
          'Qwen 每日额度的 OAuth 登录自动添加了 qwen-portal:default，而 Coding Plan 并不需要它。',
          ['OPENCLAW_OAUTH_LEFTOVER'],
          { sources: [S004] },
        ),
      ],
      fixes: [
        fix(
          'Remove the wrongly added or changed fields and the profiles you do not need from auth.profiles.',
          '从 auth.profiles 中删除误加或改错的字段，以及不需要的 profile。',
        ),
        fix(
          'Put the Coding Plan key in models.providers.bailian.apiKey; openclaw config validate confirms the file.',
          '把 Coding Plan 密钥放在 models.providers.bailian.apiKey 中；可用 openclaw config validate 检查文件。',
        ),
      ],
      sources: [S003, S004, OC_SCHEMA],
    },
    {
      id: 'E30',
      tool: 'openclaw',
      patterns: ['Chat unresponsive after connecting', "shows 'Connected' but chat", 'hang or spin endlessly'],
      plans: CP,
      title: L('OpenClaw is connected but chat hangs', 'OpenClaw 显示已连接但对话无响应'),
      causes: [
        cause(
          'A local proxy or VPN intercepts or fails to forward requests to coding.dashscope.aliyuncs.com.',
          '本地代理或 VPN 拦截了发往 coding.dashscope.aliyuncs.com 的请求，或没有正确转发。',
          ['NET_PROXY'],
        ),
        cause(
          'The base URL cached in ~/.openclaw/agents/main/agent/models.json points to a wrong address.',
          '~/.openclaw/agents/main/agent/models.json 中缓存的 Base URL 指向了错误的地址。',
          ['OPENCLAW_STALE_CACHE'],
        ),
      ],
      fixes: [
        fix(
          'Turn off the local proxy, or make sure it can reach coding.dashscope.aliyuncs.com.',
          '关闭本地代理，或确保代理能访问 coding.dashscope.aliyuncs.com。',
        ),
        FIX_OPENCLAW_CACHE,
      ],
      sources: [S003, S004],
    },
    {
      id: 'E31',
      tool: 'openclaw',
      patterns: ['Call records for unconfigured models', 'call records of models that I never configured'],
      plans: CP,
      title: L('OpenClaw calls models you never configured', 'OpenClaw 调用了未配置的模型'),
      causes: [
        cause(
          'openclaw.json does not restrict the allowed models (agents.defaults.models; in OpenClaw 2026.9 the allowlist is agents.defaults.modelPolicy.allow).',
          'openclaw.json 没有限制可用模型（agents.defaults.models；OpenClaw 2026.9 中白名单是 agents.defaults.modelPolicy.allow）。',
          ['OPENCLAW_NO_ALLOWLIST'],
        ),
      ],
      fixes: [
        fix(
          'Declare the allowed models in ~/.openclaw/openclaw.json (agents.defaults.models, or agents.defaults.modelPolicy.allow in 2026.9 and later).',
          '在 ~/.openclaw/openclaw.json 中声明允许的模型（agents.defaults.models；2026.9 及以后用 agents.defaults.modelPolicy.allow）。',
        ),
      ],
      sources: [S003, S004, OC_SCHEMA],
    },
    {
      id: 'E32',
      patterns: ['qwen-portal/coder-model'],
      plans: CP,
      title: L('qwen-portal/coder-model is not a Model Studio model', 'qwen-portal/coder-model 不是百炼的模型'),
      causes: [
        cause(
          'qwen-portal/coder-model is the free model of the Qwen Chat web version; Model Studio and Coding Plan do not serve it.',
          'qwen-portal/coder-model 是 Qwen Chat 网页版的免费模型，百炼和 Coding Plan 都不提供。',
          ['MODEL_NOT_IN_PLAN', 'OPENCLAW_LEFTOVER_PROVIDER'],
        ),
      ],
      fixes: [fix('Pick a model the plan serves.', '请选择套餐提供的模型。')],
      sources: [S003],
    },
    {
      id: 'E33',
      tool: 'claude-code',
      patterns: ['Unable to connect to Anthropic services', 'Failed to connect to api.anthropic.com'],
      weakPatterns: ['Unable to connect'],
      plans: SUBS,
      title: L('Claude Code tries to reach Anthropic on first start', 'Claude Code 首次启动时尝试连接 Anthropic'),
      causes: [
        cause(
          'On first start Claude Code contacts api.anthropic.com for onboarding, even with ANTHROPIC_BASE_URL set, and that fails where Claude Code is unavailable.',
          '首次启动时，即使设置了 ANTHROPIC_BASE_URL，Claude Code 也会连接 api.anthropic.com 完成初始化；在 Claude Code 不提供服务的地区会失败。',
          ['CLAUDE_ONBOARDING_MISSING'],
        ),
      ],
      fixes: [
        fix(
          'Add "hasCompletedOnboarding": true as a top-level field in ~/.claude.json (keep the rest of the file), then restart Claude Code.',
          '在 ~/.claude.json 顶层加入 "hasCompletedOnboarding": true（保留文件其余内容），然后重启 Claude Code。',
        ),
      ],
      sources: [S003, S004, CP_CLAUDE_ZH, TOOLS_CLAUDE],
    },
    {
      id: 'E34',
      tool: 'claude-code',
      harmless: true,
      patterns: ['Claude Code has switched from npm to native installer', 'switched from npm to native installer', 'Switched to native installer'],
      plans: ALL,
      title: L('Claude Code moved to a native installer (harmless)', 'Claude Code 已改用原生安装方式（不影响使用）'),
      causes: [
        cause(
          'An informational notice from Claude Code; it does not affect normal use.',
          '这是 Claude Code 的提示信息，不影响正常使用。',
        ),
      ],
      fixes: [
        fix(
          'Optional: run claude install and follow its instructions to migrate.',
          '可选：运行 claude install，按提示完成迁移。',
        ),
      ],
      sources: [S003, S004],
    },
    {
      id: 'E35',
      tool: 'opencode',
      http: 413,
      patterns: ['Request Entity Too Large'],
      plans: SUBS,
      title: L('The request is too large', '请求内容过大'),
      causes: [
        cause(
          'The request (code context and conversation history) exceeds the maximum input.',
          '请求内容（代码上下文和对话历史）超过了最大输入限制。',
          ['CONTEXT_TOO_LARGE'],
        ),
        cause(
          'OpenCode is older than 1.2.16, which fixes this.',
          'OpenCode 版本低于 1.2.16（该版本修复了此问题）。',
          ['TOOL_VERSION_TOO_OLD'],
        ),
      ],
      fixes: [FIX_NEW_SESSION, fix('Update OpenCode to 1.2.16 or later.', '将 OpenCode 升级到 1.2.16 或更高版本。')],
      sources: [S003, S004, RFC_413],
      decisions: ['HTTP 413 is the status whose reason phrase this is (RFC 9110); the FAQs name only the phrase.'],
    },
    {
      id: 'E36',
      patterns: ['Unexpected charges with a Coding Plan', 'still charged', 'still billed', 'pay-as-you-go charges'],
      plans: SUBS,
      title: L('Pay-as-you-go charges despite a plan', '已订阅套餐却仍按量计费'),
      causes: [
        cause(
          'The tool uses a pay-as-you-go sk- key with a general base URL (no coding or token-plan in it); the config looks valid, so only the plan you declared can reveal it.',
          '工具使用的是按量付费的 sk- 密钥和通用 Base URL（不含 coding 或 token-plan）；这种配置本身是有效的，只有对照你声明的套餐才能发现。',
          ['KEY_WRONG_KIND', 'GENERAL_CREDENTIALS_LEFTOVER'],
        ),
        cause(
          'General and plan credentials are both configured and the tool routes through the general ones (OpenClaw does this).',
          '同时配置了通用凭据和套餐凭据，工具走了通用凭据（OpenClaw 会这样）。',
          ['GENERAL_CREDENTIALS_LEFTOVER', 'ENV_OVERRIDE'],
        ),
        cause(
          'The tool still uses cached old credentials.',
          '工具仍在使用缓存的旧凭据。',
          ['OPENCLAW_STALE_CACHE'],
        ),
        cause(
          'Billing delay: calls made shortly before subscribing are billed a few minutes or hours later.',
          '账单延迟：订阅前不久的调用会在几分钟或几小时后才出账。',
          [],
          { plans: CP, sources: [S003, S004] },
        ),
      ],
      fixes: [
        FIX_PAIR_KEY_URL,
        fix(
          'Remove the general API configuration from the tool and select a plan model (OpenCode: a model of the plan provider).',
          '从工具中删除通用 API 配置，并选择套餐中的模型（OpenCode：选择套餐提供方下的模型）。',
        ),
        fix('Clear the tool’s cache and restart it.', '清除工具缓存并重启。'),
      ],
      sources: [S000, S002, S003, S004],
    },
    {
      id: 'E37',
      http: 403,
      patterns: ['AccessDenied'],
      plans: TP,
      title: L('Access denied to this model', '无权使用该模型'),
      causes: [
        cause(
          'The model is Team-edition only and the key is a Personal-edition key.',
          '该模型仅限团队版，而密钥属于个人版。',
          ['MODEL_NOT_IN_PLAN'],
          { plans: ['token-personal'], sources: [PI_6858] },
        ),
        cause(
          'A bare model ID that the international Token Plan serves only under a dated name (deepseek-v4-flash vs deepseek-v4-flash-0731).',
          '国际站 Token Plan 只以带日期的名称提供该模型（例如 deepseek-v4-flash 与 deepseek-v4-flash-0731）。',
          ['MODEL_NOT_IN_PLAN'],
          { sources: [TP_3P_DEEPSEEK] },
        ),
      ],
      fixes: [
        fix('Choose a model your edition serves.', '请选择你所购版本提供的模型。'),
      ],
      sources: [PI_6858, TP_3P_DEEPSEEK],
    },
    {
      id: 'E38',
      http: 401,
      patterns: ['IllegalEndpoint'],
      plans: TP,
      title: L('No Token Plan endpoint in that region', '该地域没有 Token Plan 接入点'),
      causes: [
        cause(
          'The token-plan host names a region without the plan (for example eu-central-1).',
          'token-plan 地址中的地域没有开通该套餐（例如 eu-central-1）。',
          ['URL_UNKNOWN_HOST', 'URL_REGION_MISMATCH'],
        ),
      ],
      fixes: [
        fix(
          'Use token-plan.cn-beijing.maas.aliyuncs.com (China site) or token-plan.ap-southeast-1.maas.aliyuncs.com (international site).',
          '请使用 token-plan.cn-beijing.maas.aliyuncs.com（中国站）或 token-plan.ap-southeast-1.maas.aliyuncs.com（国际站）。',
        ),
      ],
      sources: [NINEROUTER_3289],
    },

    // Messages printed by the tools themselves, not by the plan API.
    {
      id: 'OPENCLAW_AUTH_MIGRATION_REQUIRED',
      tool: 'openclaw',
      patterns: ['AUTH_PROFILE_MIGRATION_REQUIRED', 'requires legacy credential migration'],
      plans: SUBS,
      title: L('OpenClaw must migrate old credentials first', 'OpenClaw 需要先迁移旧凭据'),
      causes: [
        cause(
          'A legacy auth-profiles.json sits in the agent directory; OpenClaw 2026.9 keeps credentials in SQLite and refuses to run until it is imported.',
          '代理目录中还有旧的 auth-profiles.json；OpenClaw 2026.9 把凭据存在 SQLite 中，导入之前会拒绝运行。',
          ['OPENCLAW_STALE_CACHE'],
        ),
      ],
      fixes: [
        fix(
          'Run openclaw doctor --fix: it imports the file and renames it. Then check openclaw models auth list --provider bailian --json.',
          '运行 openclaw doctor --fix：它会导入该文件并重命名。然后用 openclaw models auth list --provider bailian --json 检查。',
        ),
        fix(
          'After that, a stored profile outranks the apiKey in openclaw.json: when you change the key, also run openclaw models auth logout bailian:default --yes.',
          '之后已保存的 profile 优先于 openclaw.json 中的 apiKey：更换密钥时还要执行 openclaw models auth logout bailian:default --yes。',
        ),
      ],
      sources: [OC_STATE],
    },
    {
      id: 'OPENCLAW_PROVIDER_INCOMPLETE',
      tool: 'openclaw',
      patterns: ['custom model providers must declare baseUrl', 'must declare models'],
      plans: SUBS,
      title: L('A custom OpenClaw provider lacks baseUrl or models', 'OpenClaw 自定义提供方缺少 baseUrl 或 models'),
      causes: [
        cause(
          'A custom provider id (bailian, bailian-token-plan) is declared without baseUrl or without a models list; only built-in ids may omit them.',
          '自定义提供方（bailian、bailian-token-plan）缺少 baseUrl 或 models 列表；只有内置提供方可以省略。',
          ['OPENCLAW_MODEL_UNDEFINED'],
        ),
      ],
      fixes: [
        fix(
          'Give the provider its plan baseUrl and a models list with at least the model you use (each with id and name).',
          '为该提供方填写套餐 baseUrl，并在 models 列表中至少列出你使用的模型（每项包含 id 和 name）。',
        ),
      ],
      sources: [OC_SCHEMA],
    },
    {
      id: 'OPENCLAW_MODEL_NAME_MISSING',
      tool: 'openclaw',
      patterns: ['name: Invalid input: expected string, received undefined'],
      plans: SUBS,
      title: L('An OpenClaw model entry has no name', 'OpenClaw 的模型条目缺少 name'),
      causes: [
        cause(
          'An entry in models.providers.<id>.models lacks the required name field.',
          'models.providers.<id>.models 中的某个条目缺少必填的 name 字段。',
        ),
      ],
      fixes: [
        fix('Add "name" (for example the model ID) to every model entry.', '为每个模型条目加上 "name"（例如与模型 ID 相同）。'),
      ],
      sources: [OC_SCHEMA],
    },
    {
      id: 'OPENCLAW_THINKING_FORMAT_REJECTED',
      tool: 'openclaw',
      patterns: ['compat.thinkingFormat: Invalid input', 'thinkingFormat: Invalid input'],
      plans: SUBS,
      title: L('This OpenClaw version rejects thinkingFormat "qwen"', '当前 OpenClaw 版本不接受 thinkingFormat "qwen"'),
      causes: [
        cause(
          'OpenClaw 2026.4.26 to 2026.5.7 dropped "qwen" from the allowed thinkingFormat values; it returned in 2026.5.12.',
          'OpenClaw 2026.4.26 至 2026.5.7 的 thinkingFormat 不允许 "qwen"，2026.5.12 起恢复。',
          ['TOOL_VERSION_TOO_OLD', 'OPENCLAW_THINKING_CONFIG'],
        ),
      ],
      fixes: [
        fix('Update OpenClaw to 2026.5.12 or later.', '将 OpenClaw 升级到 2026.5.12 或更高版本。'),
        fix(
          'Or remove compat.thinkingFormat; thinking is then not sent the Qwen way.',
          '或者删除 compat.thinkingFormat；这样思考参数就不会按千问的方式发送。',
        ),
      ],
      sources: [OC_THINKING],
    },
    {
      id: 'OPENCLAW_ROUTE_INDETERMINATE',
      tool: 'openclaw',
      patterns: ['{model} [indeterminate]', '[indeterminate]'],
      plans: SUBS,
      title: L('OpenClaw cannot route the primary model', 'OpenClaw 无法路由主模型'),
      causes: [
        cause(
          'agents.defaults.model.primary has no provider prefix, so OpenClaw reads it as an openai/ model.',
          'agents.defaults.model.primary 没有提供方前缀，OpenClaw 会把它当作 openai/ 模型。',
          ['OPENCLAW_PRIMARY_PREFIX'],
        ),
        cause(
          'The primary names a provider that models.providers does not define.',
          'primary 指定的提供方没有在 models.providers 中定义。',
          ['OPENCLAW_MODEL_UNDEFINED'],
        ),
      ],
      fixes: [
        fix(
          'Set primary to "<provider>/<model>" with a provider defined in models.providers (e.g. bailian/qwen3.6-plus).',
          '把 primary 设为 "<提供方>/<模型>"，且该提供方已在 models.providers 中定义（例如 bailian/qwen3.6-plus）。',
        ),
      ],
      sources: [OC_SCHEMA],
    },
    {
      id: 'OPENCLAW_INSECURE_TLS_REFUSED',
      tool: 'openclaw',
      patterns: ['Provider transport overrides do not allow insecureSkipVerify', 'do not allow insecureSkipVerify'],
      plans: SUBS,
      title: L('OpenClaw refuses to skip TLS verification', 'OpenClaw 拒绝跳过 TLS 证书校验'),
      causes: [
        cause(
          'models.providers.<id>.request.tls.insecureSkipVerify is set; the schema accepts it but model providers may not use it. It is usually added to get past a proxy that intercepts HTTPS.',
          '设置了 models.providers.<id>.request.tls.insecureSkipVerify；配置结构允许该字段，但模型提供方不能使用。通常是为了绕过拦截 HTTPS 的代理而加上的。',
          ['NET_TLS', 'NET_PROXY'],
        ),
      ],
      fixes: [
        fix(
          'Remove insecureSkipVerify; bypass the intercepting proxy for *.aliyuncs.com or give Node the proxy’s CA via NODE_EXTRA_CA_CERTS.',
          '删除 insecureSkipVerify；让 *.aliyuncs.com 绕过拦截代理，或通过 NODE_EXTRA_CA_CERTS 为 Node 提供代理的 CA 证书。',
        ),
      ],
      sources: [OC_SCHEMA, NODE_EXTRA_CA],
    },
    {
      id: 'OPENCLAW_AGENTS_LIST_MOVED',
      tool: 'openclaw',
      harmless: true,
      patterns: ['Moved agents.list to keyed agents.entries'],
      plans: SUBS,
      title: L('OpenClaw moved agents.list (harmless)', 'OpenClaw 已迁移 agents.list（不影响使用）'),
      causes: [
        cause(
          'The config still uses the older agents.list; OpenClaw 2026.9 accepts it with this warning.',
          '配置仍使用旧的 agents.list；OpenClaw 2026.9 会接受它并给出此警告。',
        ),
      ],
      fixes: [
        fix(
          'Optional: move the agents into agents.entries (OpenClaw 2026.5 and older reject agents.entries, so only on newer versions).',
          '可选：把代理移到 agents.entries 中（OpenClaw 2026.5 及更早版本不接受 agents.entries，只在新版本上这样做）。',
        ),
      ],
      sources: [OC_SCHEMA],
    },
    {
      id: 'CODEX_WIRE_API_CHAT',
      tool: 'codex',
      patterns: ["wire_api = 'chat' is no longer supported"],
      plans: SUBS,
      title: L('This Codex no longer speaks Chat Completions', '当前 Codex 已不支持 Chat Completions'),
      causes: [
        cause(
          'The config sets wire_api = "chat", which only old Codex (0.80.0) supports; newer Codex uses the Responses API only.',
          '配置中设置了 wire_api = "chat"，只有旧版 Codex（0.80.0）支持；新版 Codex 只使用 Responses API。',
        ),
        cause(
          'Coding Plan has no Responses API, so it works only with Codex 0.80.0.',
          'Coding Plan 不提供 Responses API，因此只能配合 Codex 0.80.0 使用。',
          [],
          { plans: CP },
        ),
      ],
      fixes: [
        fix(
          'Token Plan: set wire_api = "responses" and use a model that supports Responses (qwen3.7-max, qwen3.6-plus).',
          'Token Plan：设置 wire_api = "responses"，并使用支持 Responses 的模型（qwen3.7-max、qwen3.6-plus）。',
          TP,
        ),
        fix(
          'Coding Plan (or other Token Plan models): install npm i -g @openai/codex@0.80.0, or use another tool.',
          'Coding Plan（或 Token Plan 的其他模型）：安装 npm i -g @openai/codex@0.80.0，或换用其他工具。',
        ),
      ],
      sources: [TOOLS_CODEX, CODEX_7782, CODEX_10157],
    },
    {
      id: 'CODEX_MISSING_ENV_VAR',
      tool: 'codex',
      patterns: ["Missing environment variable: '{variable}'", 'Missing environment variable'],
      plans: SUBS,
      title: L('Codex cannot find the key’s environment variable', 'Codex 找不到存放密钥的环境变量'),
      causes: [
        cause(
          'env_key in config.toml names a variable that is not exported in the shell that started Codex.',
          'config.toml 中的 env_key 指向的变量，在启动 Codex 的 shell 中没有导出。',
          ['KEY_ENV_UNSET'],
        ),
      ],
      fixes: [
        fix(
          'Add export VAR=\'<your key>\' to your shell profile and open a new terminal (Codex reads only exported variables).',
          '在 shell 配置文件中加入 export VAR=\'<你的密钥>\'，然后打开新终端（Codex 只读取已导出的变量）。',
        ),
      ],
      sources: [TOOLS_CODEX],
    },
    {
      id: 'CODEX_LEGACY_PROFILE',
      tool: 'codex',
      patterns: ['contains legacy {*} config; move those settings into'],
      plans: SUBS,
      title: L('Codex profiles moved to separate files', 'Codex 的 profile 已改为单独的文件'),
      causes: [
        cause(
          'config.toml still has profile = "…" or a [profiles.…] table; Codex 0.169 reads profiles from $CODEX_HOME/<name>.config.toml.',
          'config.toml 中仍有 profile = "…" 或 [profiles.…] 表；Codex 0.169 从 $CODEX_HOME/<名称>.config.toml 读取 profile。',
        ),
      ],
      fixes: [
        fix(
          'Move the profile’s settings into the file the message names and delete the old table.',
          '把该 profile 的设置移到错误信息所指的文件中，并删除旧的表。',
        ),
      ],
      sources: [TOOLS_CODEX],
    },
    {
      id: 'CODEX_MODEL_METADATA_MISSING',
      tool: 'codex',
      harmless: true,
      patterns: ["Model metadata for '{model}' not found"],
      plans: SUBS,
      title: L('Codex has no metadata for the model (harmless)', 'Codex 没有该模型的元数据（不影响使用）'),
      causes: [
        cause(
          'Codex knows only OpenAI’s models; a Model Studio model has no built-in entry.',
          'Codex 只内置了 OpenAI 的模型，百炼模型没有内置条目。',
        ),
      ],
      fixes: [
        fix(
          'Optional: list the model in ~/.codex/model-catalog.local.json (model_catalog_json) to silence it and set its context window.',
          '可选：在 ~/.codex/model-catalog.local.json（model_catalog_json）中登记该模型，以消除提示并设置上下文窗口。',
        ),
      ],
      sources: [TOOLS_CODEX],
    },
    {
      id: 'CLAUDE_SETTINGS_INVALID_JSON',
      tool: 'claude-code',
      patterns: ['settings.json: Invalid or malformed JSON'],
      weakPatterns: ['Invalid or malformed JSON'],
      plans: SUBS,
      title: L('Claude Code cannot read settings.json', 'Claude Code 无法读取 settings.json'),
      causes: [
        cause(
          'settings.json must be strict JSON: a comment or a trailing comma breaks it.',
          'settings.json 必须是严格的 JSON：注释或末尾多余的逗号都会导致解析失败。',
          ['CLAUDE_SETTINGS_COMMENTS', 'FILE_UNPARSEABLE'],
        ),
      ],
      fixes: [
        fix(
          'Remove comments and trailing commas from ~/.claude/settings.json.',
          '删除 ~/.claude/settings.json 中的注释和末尾多余的逗号。',
        ),
      ],
      sources: [TOOLS_CLAUDE],
    },
    {
      id: 'CLAUDE_MODEL_NOT_RECOGNIZED',
      tool: 'claude-code',
      harmless: true,
      patterns: ["Claude Code doesn't recognize the model", "doesn't recognize the model"],
      plans: SUBS,
      title: L('Claude Code does not know the model (harmless)', 'Claude Code 不认识该模型（不影响使用）'),
      causes: [
        cause(
          'The model is not an Anthropic model; Claude Code uses it anyway and assumes a 1m-token context window.',
          '该模型不是 Anthropic 的模型；Claude Code 仍会使用它，并假定上下文窗口为 100 万 token。',
        ),
        cause(
          'For a model with a smaller window the assumed 1m tokens delays compaction, which can end in an input-length error.',
          '对于窗口更小的模型，假定的 100 万 token 会推迟上下文压缩，最终可能出现输入长度超限错误。',
          ['CONTEXT_TOO_LARGE'],
          { sources: ['[inference] tools.md §3.2 with plans.md §3.1 context windows'] },
        ),
      ],
      fixes: [
        fix(
          'Nothing to do; with a small-window model run /compact early.',
          '无需处理；使用窗口较小的模型时请尽早执行 /compact。',
        ),
      ],
      sources: [TOOLS_CLAUDE],
    },
    {
      id: 'CLAUDE_CUSTOM_API_KEY_PROMPT',
      tool: 'claude-code',
      patterns: ['Detected a custom API key in your environment'],
      plans: SUBS,
      title: L('Claude Code found ANTHROPIC_API_KEY in your environment', 'Claude Code 在环境中发现了 ANTHROPIC_API_KEY'),
      causes: [
        cause(
          'ANTHROPIC_API_KEY is exported in the shell; Claude Code would send it as x-api-key next to the plan token.',
          'shell 中导出了 ANTHROPIC_API_KEY；Claude Code 会把它作为 x-api-key 与套餐令牌一起发送。',
          ['CLAUDE_API_KEY_VAR', 'ENV_OVERRIDE'],
        ),
      ],
      fixes: [
        fix(
          'Answer No (recommended), keep the plan key in ANTHROPIC_AUTH_TOKEN and remove the ANTHROPIC_API_KEY export from your shell profile.',
          '选择 No（推荐），把套餐密钥保留在 ANTHROPIC_AUTH_TOKEN 中，并从 shell 配置文件中删除 ANTHROPIC_API_KEY 的 export。',
        ),
      ],
      sources: [TOOLS_CLAUDE],
    },
    {
      id: 'TOOL_NATIVE_BINARY_MISSING',
      patterns: ['native binary not installed', 'postinstall script was not run'],
      plans: ALL,
      title: L('The tool was installed without its native binary', '工具安装时缺少原生二进制文件'),
      causes: [
        cause(
          'The package was installed with install scripts skipped (--ignore-scripts, pnpm defaults), leaving a small stub instead of the binary (Claude Code, OpenCode).',
          '安装时跳过了安装脚本（--ignore-scripts 或 pnpm 默认设置），留下的只是一个小的占位脚本而不是二进制文件（Claude Code、OpenCode）。',
        ),
      ],
      fixes: [
        fix(
          'Reinstall with install scripts allowed (e.g. npm i -g <package> without --ignore-scripts).',
          '在允许执行安装脚本的情况下重新安装（例如不带 --ignore-scripts 执行 npm i -g <包名>）。',
        ),
      ],
      sources: [TOOLS_INSTALL],
    },
    {
      id: 'NET_DNS_FAILURE',
      patterns: ['getaddrinfo ENOTFOUND', 'ENOTFOUND', 'EAI_AGAIN'],
      unless: NPM_OUTPUT,
      plans: ALL,
      title: L('The host name could not be resolved', '无法解析主机名'),
      causes: [
        cause(
          'The host in the base URL is misspelled or does not exist.',
          'Base URL 中的主机名拼写错误或不存在。',
          ['URL_UNKNOWN_HOST', 'NET_DNS'],
        ),
        cause(
          'DNS does not work on this network, or a proxy is required and not set.',
          '当前网络的 DNS 不可用，或需要代理但没有设置。',
          ['NET_DNS', 'NET_PROXY'],
        ),
      ],
      fixes: [
        fix(
          'Check the host spelling; tp-setup doctor resolves the plan host without sending the key.',
          '检查主机名拼写；tp-setup doctor 会在不发送密钥的情况下解析套餐地址。',
        ),
      ],
      sources: [NODE_ERRORS, SAFE_NET],
    },
    {
      id: 'NET_TLS_FAILURE',
      patterns: [
        'self signed certificate',
        'unable to get local issuer certificate',
        'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
        'unable to verify the first certificate',
        'CERT_HAS_EXPIRED',
        'ERR_TLS_CERT_ALTNAME_INVALID',
      ],
      unless: NPM_OUTPUT,
      plans: ALL,
      title: L('The TLS certificate was not accepted', 'TLS 证书未被接受'),
      causes: [
        cause(
          'A proxy or security product intercepts HTTPS with its own certificate, which Node does not trust.',
          '代理或安全软件用自己的证书拦截 HTTPS，而 Node 不信任该证书。',
          ['NET_TLS', 'NET_PROXY'],
        ),
        cause(
          'The base URL points to a host whose certificate does not match the name.',
          'Base URL 指向的主机证书与域名不匹配。',
          ['URL_UNKNOWN_HOST', 'NET_TLS'],
        ),
      ],
      fixes: [
        fix(
          'Bypass the intercepting proxy for *.aliyuncs.com, or give Node the proxy’s CA via NODE_EXTRA_CA_CERTS; never turn certificate checks off.',
          '让 *.aliyuncs.com 绕过拦截代理，或通过 NODE_EXTRA_CA_CERTS 为 Node 提供代理的 CA 证书；不要关闭证书校验。',
        ),
      ],
      sources: [NODE_TLS, NODE_EXTRA_CA, SAFE_NET],
    },
    {
      id: 'NET_CONNECTION_FAILED',
      patterns: ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'socket hang up', 'fetch failed'],
      unless: NPM_OUTPUT,
      plans: ALL,
      title: L('The connection failed or was cut', '连接失败或被中断'),
      causes: [
        cause(
          'A proxy, VPN or firewall refuses or drops the connection to the plan host.',
          '代理、VPN 或防火墙拒绝或中断了到套餐地址的连接。',
          ['NET_PROXY'],
        ),
        cause(
          'The base URL points to a wrong host or port (for example a stale address in a tool cache).',
          'Base URL 指向了错误的主机或端口（例如工具缓存中的旧地址）。',
          ['URL_UNKNOWN_HOST', 'OPENCLAW_STALE_CACHE'],
        ),
      ],
      fixes: [
        fix(
          'Check the proxy settings (HTTPS_PROXY, NO_PROXY) and retry; tp-setup doctor tests the connection without sending the key.',
          '检查代理设置（HTTPS_PROXY、NO_PROXY）后重试；tp-setup doctor 会在不发送密钥的情况下测试连接。',
        ),
      ],
      sources: [NODE_ERRORS, SAFE_NET],
    },
  ],
};
