import { classifyBaseUrl } from '../catalog/index.js';
import type { Env } from '../context.js';
import type { JsonValue } from '../formats/types.js';
import { isObject } from './edit-helpers.js';
import { finding, type Finding } from '../findings.js';
import { getAt } from '../formats/value.js';
import { classifyKey } from '../keys.js';
import type { CurrentFile, ProviderView, ToolId } from './types.js';

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
 * Where a key named by a variable comes from for this tool. Qwen Code and OpenClaw load their
 * `.env` without overriding what the process already has, so the exported value wins
 * (docs/tools/qwen-code.md#precedence, docs/tools/openclaw.md#env-substitution); Codex and Hermes
 * load theirs over the environment, so the file wins (docs/tools/codex.md#keys,
 * docs/tools/hermes.md#precedence): `winner: 'file'`.
 */
export function keyFromVariable(variable: string, env: Env, envFile: CurrentFile | undefined, winner: 'environment' | 'file' = 'environment'): ProviderView['key'] {
  const exported = env[variable];
  const fromFile = envFile && isObject(envFile.value) ? envFile.value[variable] : undefined;
  const inFile = typeof fromFile === 'string' ? { source: 'env-file' as const, variable, value: fromFile, file: envFile!.target.path, keyPath: variable, path: [variable], format: 'dotenv' as const } : undefined;
  const differ = inFile !== undefined && exported !== undefined && inFile.value !== exported;
  if (inFile && (winner === 'file' || exported === undefined)) {
    return differ ? { ...inFile, conflict: { winner: 'file', file: inFile.file, ignored: exported! } } : inFile;
  }
  if (exported !== undefined) {
    const conflict = differ ? { shadowed: inFile.file, conflict: { winner: 'environment' as const, file: inFile.file, ignored: inFile.value } } : {};
    return { source: 'environment', variable, value: exported, ...conflict };
  }
  return { source: 'unset', variable };
}

/** Where a general credential may sit: a variable (or a credential store's entry) in one file. */
export interface CredentialEntry {
  readonly file: string;
  readonly keyPath: string;
  /** The variable it sets, or the provider it is stored for. */
  readonly name: string;
  readonly value: JsonValue | undefined;
}

/** The variable Model Studio's general (pay-as-you-go) API reads its key from (docs/tools/qwen-code.md#presets). */
export const GENERAL_KEY_VAR = 'DASHSCOPE_API_KEY';

/** A view of a plan: its host is a plan host, or (behind a gateway) its key or variable is a plan one. */
function isPlanView(v: ProviderView): boolean {
  const family = v.baseUrl ? classifyBaseUrl(v.baseUrl).family : undefined;
  if (family) return family !== 'payg';
  return (v.key.value !== undefined && classifyKey(v.key.value) === 'plan') || /^BAILIAN_(CODING|TOKEN)_PLAN_/.test(v.key.variable ?? '');
}

/**
 * General pay-as-you-go keys kept beside a plan's: a tool with both may route requests through the
 * general credentials, billed pay-as-you-go (Token Plan FAQ, docs/plans.md#sources [000]). A
 * variable a plan view itself reads is not one: KEY_WRONG_KIND covers a wrong key there.
 */
export function generalCredentialFindings(tool: ToolId, views: readonly ProviderView[], entries: readonly CredentialEntry[]): Finding[] {
  const plan = views.filter(isPlanView);
  if (plan.length === 0) return [];
  const used = new Set(plan.flatMap((v) => (v.key.variable ? [v.key.variable] : [])));
  return entries
    .filter((e) => typeof e.value === 'string' && !used.has(e.name) && ['payg', 'payg-workspace'].includes(classifyKey(e.value)))
    .map((e) => finding('GENERAL_KEY_LEFTOVER', 'warning', { tool, file: e.file, keyPath: e.keyPath, params: { name: e.name, file: e.file } }));
}

/** The general-key variable of a parsed `.env` or settings `env` block, as an entry. */
export function generalVarEntry(file: CurrentFile | undefined, prefix: readonly string[] = []): CredentialEntry[] {
  if (!file) return [];
  const block = prefix.length > 0 ? getAt(file.value, [...prefix]) : file.value;
  const value = isObject(block) ? block[GENERAL_KEY_VAR] : undefined;
  return value === undefined ? [] : [{ file: file.target.path, keyPath: [...prefix, GENERAL_KEY_VAR].join('.'), name: GENERAL_KEY_VAR, value }];
}

export function num(v: JsonValue | undefined): number | undefined {
  return typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
}

export function str(v: JsonValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** The variable a whole-value `$VAR` or `${VAR}` reference names (Crush, Droid expand these from the environment). */
export function referencedVariable(value: string | undefined): string | undefined {
  return /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$|^\$([A-Za-z_][A-Za-z0-9_]*)$/.exec(value ?? '')?.slice(1).find(Boolean);
}
