/**
 * Every source the plan catalog (`data.ts`) and the error catalog (`../explain/data.ts`) cite,
 * named once so a renamed seed or a moved page is a one-line change. The label forms (see
 * docs/README.md#source-ids): a seed file name for the FAQs [000]–[004], each mapped there to its
 * public page, an official URL, `github:owner/repo …` [3P], or a page of docs/ with how the fact was
 * found ([run], [src], [EXP], [inference]).
 */

import type { Source } from './types.js';

// The plan FAQs as retrieved, by snapshot name (the catalog test checks each against its text);
// docs/README.md#source-ids gives the public page of each.
export const S000: Source = '000_9cd34d623a8250dc.txt';
export const S001: Source = '001_f256d6f97a650ab0.txt';
export const S002: Source = '002_ce19bb680540f02f.txt';
export const S003: Source = '003_660d518034ba64ed.txt';
export const S004: Source = '004_ba90b257ea13f4cb.txt';

// Official pages.
export const CP_QUICKSTART_ZH = 'https://help.aliyun.com/zh/model-studio/coding-plan-quickstart';
export const CP_CLAUDE_ZH = 'https://help.aliyun.com/zh/model-studio/claude-code-coding-plan';
export const CP_OPENCODE_INTL = 'https://www.alibabacloud.com/help/en/model-studio/opencode-coding-plan';
export const TP_FAQ_ZH = 'https://help.aliyun.com/zh/model-studio/token-plan-faq';
export const TP_PERSONAL_FAQ_ZH = 'https://help.aliyun.com/zh/model-studio/token-plan-personal-faq';
export const TP_PERSONAL_QS_ZH = 'https://help.aliyun.com/zh/model-studio/token-plan-personal-quick-start';
export const TP_PERSONAL_QS_EN = 'https://help.aliyun.com/en/model-studio/token-plan-personal-quick-start';
export const TP_OPENCODE_ZH = 'https://help.aliyun.com/zh/model-studio/opencode-token-plan';
export const TP_OPENCODE_INTL = 'https://www.alibabacloud.com/help/en/model-studio/opencode-token-plan';
export const TP_TEAM_QS = 'https://help.aliyun.com/en/model-studio/token-plan-team-quickstart';
export const TP_USAGE_INTL = 'https://www.alibabacloud.com/help/en/model-studio/token-plan-usage-quota';
export const MORE_TOOLS_CN = 'https://help.aliyun.com/en/model-studio/more-tools';
export const MORE_TOOLS_INTL = 'https://www.alibabacloud.com/help/zh/model-studio/more-tools';
export const BASE_URL_INTL = 'https://www.alibabacloud.com/help/en/model-studio/base-url';
export const BASE_URL_ZH = 'https://help.aliyun.com/zh/model-studio/base-url';
export const BASE_URL_HK = 'https://www.alibabacloud.com/help/model-studio/base-url';
export const DATA_INSPECTION = 'https://developer.aliyun.com/ask/578425';

// Third-party observations [3P].
export const MODELS_DEV = 'github:anomalyco/models.dev providers/alibaba-{coding,token}-plan[-cn]/ [3P]';
export const MODELS_DEV_2145 = 'github:anomalyco/models.dev #2145 [3P]';
export const MODELS_DEV_3991 = 'github:anomalyco/models.dev PR #3991 [3P]';
export const MODELS_DEV_MODELS = 'github:anomalyco/models.dev models/alibaba/<id>.toml, providers/alibaba-token-plan*/models/ [3P]';
export const MODELS_DEV_QWEN_CLOUD = 'github:anomalyco/models.dev providers/alibaba-token-plan*/provider.toml ("verified 2026-09-24") [3P]';
export const MODELS_DEV_DSV41_FLASH =
  'github:anomalyco/models.dev providers/alibaba-token-plan/models/deepseek-v4.1-flash.toml (structured_output = false; json_schema rejected, json_object works, probed 2026-09-15) [3P]';
export const MODELS_DEV_TP_JSON_SCHEMA =
  'github:anomalyco/models.dev providers/alibaba-token-plan/models/qwen3.6-plus.toml, qwen3.7-max.toml (structured_output = true; json_schema accepted, probed 2026-07-24) [3P]';
export const QWEN_CLOUD_PAYG = 'docs/plans.md#qwen-cloud-hosts: third-party clients and a transcription of the Qwen Cloud console [3P]';
export const GCMP_405 = 'github:VicBilibily/GCMP #405 [3P]';
export const AI_TOOLBOX_337 = 'github:coulsontl/ai-toolbox #337 [3P]';
export const PI_7670 = 'github:earendil-works/pi #7670, citing https://www.aliyun.com/notice/118516 and https://www.alibabacloud.com/notice/detail?_p_lc=1&id=2069 [3P]';
export const MAKA_3156 = 'github:apache/maka #3156 [3P]';
export const MODELS_DEV_6661 = 'github:anomalyco/models.dev #6661, #6663 [3P]';
export const BAILIAN_CLI = 'github:modelstudioai/cli CHANGELOG 1.13.1 (2026-08-03) [3P]';
export const PI_AI = 'github:code-yeongyu/senpi packages/ai/src/providers/data/qwen-token-plan.json [3P]';
export const QWEN_CODE_TP = 'github:QwenLM/qwen-code token-plan provider (tokenPlan.ts) [3P]';
export const QWEN_CODE_CP = 'github:QwenLM/qwen-code coding-plan provider (codingPlan.ts) [3P]';
export const QWEN_CODE_3858 = 'github:QwenLM/qwen-code #3858 [3P]';
export const OPENFANG = 'github:RightNow-AI/openfang #849 [3P]';
export const PI_6858 = 'github:earendil-works/pi #6858 [3P]';
export const OMP_6151 = 'github:can1357/oh-my-pi #6151 [3P]';
export const NINEROUTER_3289 = 'github:decolua/9router #3289 [3P]';
export const VULCAN = 'github:OpenVulcan/vulcan-model-core bootstrap [3P]';
export const MSCLI_206 = 'github:modelstudioai/cli #206 [3P]';
export const AIONUI_2555 = 'github:iOfficeAI/AionUi #2555 [3P]';
export const GOOSE_8005 = 'github:aaif-goose/goose #8005 [3P]';
export const TP_3P_DEEPSEEK = 'docs/plans.md#models (third-party note on deepseek-v4-flash vs deepseek-v4-flash-0731) [3P]';

// The tools, as docs/tools/<tool>.md records them.
export const OC_SCHEMA = 'docs/tools/openclaw.md#schema [EXP: OpenClaw 2026.9.6 config schema]';
export const OC_THINKING = 'docs/tools/openclaw.md#versions thinkingFormat history [EXP: OpenClaw 2026.5.2]';
export const OC_STATE = 'docs/tools/openclaw.md#caches [EXP: OpenClaw 2026.9.6]';
export const OC_ISSUES = 'docs/tools/openclaw.md#caches: github:openclaw/openclaw #28996, #40363, #68447 [3P]';
export const TOOLS_HEADERS = 'docs/tools/claude-code.md#keys, docs/tools/opencode.md#keys [run: headers each tool sends]';
export const TOOLS_INSTALL = 'docs/tools/claude-code.md#versions, docs/tools/opencode.md#versions [src: published npm tarballs]';
export const TOOLS_CLAUDE = 'docs/tools/claude-code.md [run: Claude Code 2.1.330]';
export const TOOLS_OPENCODE = 'docs/tools/opencode.md#thinking [run: OpenCode 1.18.33]';
export const TOOLS_CODEX = 'docs/tools/codex.md#keys, #wire-api [run: @openai/codex 0.169.0]';
export const CODEX_7782 = 'https://github.com/openai/codex/discussions/7782';
export const CODEX_10157 = 'github:openai/codex PR #10157';
export const CODEX_BWRAP_RUN = 'docs/tools/codex.md#sandbox [run: @openai/codex 0.169.0]';
export const CODEX_BWRAP_SRC =
  'github:openai/codex codex-rs/sandboxing/src/bwrap.rs (MISSING_BWRAP_WARNING), codex-rs/linux-sandbox/README.md';
export const CODEX_16667 = 'github:openai/codex PR #16667';

// Network errors, and why checking them needs no key.
export const NODE_ERRORS = 'https://nodejs.org/api/errors.html#common-system-errors';
export const NODE_TLS = 'https://nodejs.org/api/tls.html#x509-certificate-error-codes';
export const NODE_EXTRA_CA = 'https://nodejs.org/api/cli.html#node_extra_ca_certsfile';
export const SAFE_NET = 'docs/plans.md#usage-rules rule 9 [inference]: DNS, TCP and TLS checks need no key';
export const RFC_413 = 'https://www.rfc-editor.org/rfc/rfc9110#name-413-content-too-large';

export const INF_AI_SDK_SUFFIX =
  '[inference] AI-SDK clients append /messages themselves, so they need the /apps/anthropic base plus /v1, as the international Coding Plan page states';
