import { classifyBaseUrl } from '../catalog/index.js';
import type { Env } from '../context.js';
import type { JsonValue } from '../formats/types.js';
import { isObject } from './edit-helpers.js';
import type { CurrentFile, ProviderView } from './types.js';

/** The variables tp-setup (and Qwen Code's presets) name plan keys with. */
export const PLAN_KEY_VARS = ['BAILIAN_CODING_PLAN_API_KEY', 'BAILIAN_TOKEN_PLAN_API_KEY', 'DASHSCOPE_API_KEY', 'BAILIAN_API_KEY'];

/**
 * A provider the doctor looks at: on a Model Studio host, meant to be (a misspelt one), or
 * named the way tp-setup names its providers (reached through a gateway with --base-url).
 */
export function isModelStudioProvider(url: unknown, name: string | undefined): url is string {
  if (typeof url !== 'string') return false;
  return isModelStudioUrl(url) || (name !== undefined && (/^(bailian|alibaba)/.test(name) || PLAN_KEY_VARS.includes(name)));
}

/** A URL on a Model Studio host, or meant to be (a misspelt one). */
export function isModelStudioUrl(url: unknown): url is string {
  if (typeof url !== 'string') return false;
  const { host, family } = classifyBaseUrl(url);
  return family !== undefined || /aliyuncs\.com$|dashscope|maas/.test(host);
}

/**
 * Where a key named by a variable comes from for this tool: the environment it runs in wins over
 * the tool's own .env file (true for OpenClaw, Qwen Code and Hermes alike).
 */
export function keyFromVariable(variable: string, env: Env, envFile: CurrentFile | undefined): ProviderView['key'] {
  const exported = env[variable];
  const fromFile = envFile && isObject(envFile.value) ? envFile.value[variable] : undefined;
  if (exported !== undefined) {
    const shadowed = typeof fromFile === 'string' && fromFile !== exported ? { shadowed: envFile!.target.path } : {};
    return { source: 'environment', variable, value: exported, ...shadowed };
  }
  if (typeof fromFile === 'string') return { source: 'env-file', variable, value: fromFile, file: envFile!.target.path, path: [variable], format: 'dotenv' };
  return { source: 'unset', variable };
}

export function num(v: JsonValue | undefined): number | undefined {
  return typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
}

export function str(v: JsonValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
