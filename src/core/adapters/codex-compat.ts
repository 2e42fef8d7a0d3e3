import type { HostFamily } from '../catalog/types.js';
import type { Version } from './versions.js';

/**
 * Which Codex releases can reach which plans, as data (docs/tools/codex.md#wire-api and #plans,
 * checked 2026-11-22).
 * Codex removed `wire_api = "chat"`; Coding Plan serves no Responses API, so only old Codex can
 * use it, and Token Plan / pay-as-you-go serve Responses for a few models only.
 */
export const CODEX_COMPAT = {
  date: '2026-11-22',
  /** Newest release verified to accept `wire_api = "chat"` (it warns it is deprecated). */
  chatUpTo: [0, 80, 0] as Version,
  /** Models served over the Responses API, per host family: these ids, and any id starting with one of the prefixes. */
  responsesModels: {
    coding: [],
    'token-plan': ['qwen3.7-max', 'qwen3.6-plus', 'qwen3.7-plus', 'qwen3.8-max-preview', 'qwen3.8-max'],
    payg: ['qwen3.7-max', 'qwen3.6-plus', 'qwen3.7-plus'],
  } as Record<HostFamily, readonly string[]>,
  /**
   * The Token Plan quick start says Responses serves "only" the qwen3.7 and qwen3.8 models: a newer
   * id of those series is let through, any other model is documented not to work.
   */
  responsesPrefixes: {
    coding: [],
    'token-plan': ['qwen3.7-', 'qwen3.8-'],
    payg: [],
  } as Record<HostFamily, readonly string[]>,
  /** The release Alibaba's Coding Plan page tells users to install. */
  pinForChat: '@openai/codex@0.80.0',
  sources: [
    'docs/tools/codex.md#wire-api [run]: 0.169.0 refuses wire_api "chat"; 0.80.0 accepts it and posts /chat/completions',
    'help.aliyun.com/zh/model-studio/codex-coding-plan: new Codex uses the Responses API and cannot connect to Coding Plan',
    'help.aliyun.com/zh/model-studio/codex-token-plan: latest Codex works for Responses models (qwen3.7-max, qwen3.6-plus)',
    'help.aliyun.com/zh/model-studio/token-plan-personal-quick-start: native tools via Responses only for qwen3.7 / qwen3.8',
    '[inference] pay-as-you-go: Responses documented on workspace domains; the same models assumed on the shared hosts',
  ],
} as const;
