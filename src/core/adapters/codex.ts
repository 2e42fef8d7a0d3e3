import { classifyBaseUrl, familyOfPlan, getPlan, PLAN_OF_FAMILY } from '../catalog/index.js';
import { getAt } from '../formats/value.js';
import { joinPath, type ToolContext } from '../context.js';
import { resolveEndpoints } from '../endpoints.js';
import { finding, type Finding } from '../findings.js';
import type { Edit } from '../formats/types.js';
import { CODEX_COMPAT } from './codex-compat.js';
import { deleteIfPresent, isObject, setIfChanged } from './edit-helpers.js';
import { generalCredentialFindings, generalVarEntry, isModelStudioProvider, keyFromVariable, str } from './examine-helpers.js';
import { planKeyVar } from './key-vars.js';
import { toolCommand, type AdapterInput, type AdapterOutput, type Answers, type Examination, type ExamineInput, type ProviderView, type TargetFile, type ToolAdapter } from './types.js';
import { compareVersions, parseVersion } from './versions.js';

/** `openai`, `ollama` and `lmstudio` are reserved by Codex; this id is ours. */
export const CODEX_PROVIDER = 'bailian';

/** `auto` picks the profile of the user's login shell; a path is used as given. */
export function shellProfilePath(ctx: ToolContext, choice: string): string {
  if (choice !== 'auto') return choice.replace(/^~(?=\/|$)/, ctx.home);
  const shell = ctx.env.SHELL ?? '';
  if (shell.endsWith('zsh')) return joinPath(ctx.home, '.zshrc');
  if (shell.endsWith('bash')) return joinPath(ctx.home, '.bashrc');
  return joinPath(ctx.home, '.profile');
}

/**
 * `config` and `env` (`$CODEX_HOME/.env`, loaded into the environment at start) are what Codex
 * reads; `profile` only setup writes, when asked to export the key there.
 */
type FileId = 'config' | 'env';
type ExtraId = 'profile';

function targets(ctx: ToolContext): TargetFile<FileId>[] {
  const dir = ctx.env.CODEX_HOME || joinPath(ctx.home, '.codex');
  return [
    { id: 'config', path: joinPath(dir, 'config.toml'), format: 'toml', secret: false, template: 'empty.toml' },
    { id: 'env', path: joinPath(dir, '.env'), format: 'dotenv', secret: true, template: 'empty.env' },
  ];
}

function setupExtras(ctx: ToolContext, answers: Answers): TargetFile<ExtraId>[] {
  // Codex reads its key only from an exported variable: the profile line is the one place it can live.
  if (!answers.shellProfile || answers.keyStorage === 'inline') return [];
  return [{ id: 'profile', path: shellProfilePath(ctx, answers.shellProfile), format: 'shell', secret: true, template: 'empty.env' }];
}

/** Whether this Codex can serve the answers: the wire API to use, or why not. */
export function codexWireApi(versionText: string | null | undefined, answers: Answers): { wireApi: 'chat' | 'responses' } | { problem: Finding } {
  const version = parseVersion(versionText);
  if (version && compareVersions(version, CODEX_COMPAT.chatUpTo) <= 0) return { wireApi: 'chat' };
  const family = familyOfPlan(answers.plan);
  const params = { version: version ? version.join('.') : 'latest', plan: answers.plan, pin: CODEX_COMPAT.pinForChat };
  if (family === 'coding') return { problem: finding('CODEX_PLAN_UNSUPPORTED', 'error', { tool: 'codex', params }) };
  const served = CODEX_COMPAT.responsesModels[family];
  const prefixes = CODEX_COMPAT.responsesPrefixes[family];
  const bad = answers.models.find((id) => !served.includes(id) && !prefixes.some((p) => id.startsWith(p)));
  if (bad) {
    return { problem: finding('CODEX_MODEL_UNSUPPORTED', 'error', { tool: 'codex', params: { ...params, model: bad, choices: served.join(', ') } }) };
  }
  return { wireApi: 'responses' };
}

function plan({ answers, key, ctx, files }: AdapterInput<FileId, ExtraId>): AdapterOutput<FileId | ExtraId> {
  const { config } = files;
  const cur = config.value;
  const wire = codexWireApi(ctx.versions.codex, answers);
  if ('problem' in wire) return { edits: {}, findings: [wire.problem], nextSteps: [] };

  const findings: Finding[] = [];
  const base = ['model_providers', CODEX_PROVIDER];
  const inline = answers.keyStorage === 'inline';
  const envKey = planKeyVar(answers.plan);
  const edits: Edit[] = [
    ...setIfChanged(cur, ['model'], answers.models[0] ?? ''),
    ...setIfChanged(cur, ['model_provider'], CODEX_PROVIDER),
    ...setIfChanged(cur, [...base, 'name'], `Model Studio ${getPlan(answers.plan).name.en}`),
    ...setIfChanged(cur, [...base, 'base_url'], resolveEndpoints(answers).openai),
    ...setIfChanged(cur, [...base, 'wire_api'], wire.wireApi),
    ...(inline
      ? [...setIfChanged(cur, [...base, 'experimental_bearer_token'], key), ...deleteIfPresent(cur, [...base, 'env_key'])]
      : [...setIfChanged(cur, [...base, 'env_key'], envKey), ...deleteIfPresent(cur, [...base, 'experimental_bearer_token'])]),
  ];

  const out: Partial<Record<FileId | ExtraId, Edit[]>> = { config: edits };
  const nextSteps: AdapterOutput['nextSteps'][number][] = [];
  // Codex loads its own .env over the exported variables (docs/tools/codex.md#keys): a key already
  // kept there is the one it uses, so that copy is the one to replace.
  const inEnvFile = !inline && files.env !== undefined && getAt(files.env.value, [envKey]) !== undefined;
  if (inEnvFile) out.env = setIfChanged(files.env.value, [envKey], key);
  if (!inline) {
    if (files.profile) out.profile = setIfChanged(files.profile.value, [envKey], key);
    else if (!inEnvFile && ctx.env[envKey] !== key) nextSteps.push({ code: 'next.codexExport', params: { variable: envKey } });
    if (!inEnvFile && ctx.env[envKey] !== undefined && ctx.env[envKey] !== key) {
      findings.push(finding('ENV_OVERRIDE', 'warning', { tool: 'codex', keyPath: envKey, params: { variable: envKey, winner: 'environment' } }));
    }
  }
  nextSteps.push({ code: 'next.codex' });
  return { edits: out, findings, nextSteps, secretFiles: inline ? ['config'] : inEnvFile ? ['env'] : [] };
}

/**
 * Codex reads its key from the config (`experimental_bearer_token`) or the variable `env_key`
 * names, which its own `.env` sets over the exported value (docs/tools/codex.md#keys).
 */
function examine({ ctx, files }: ExamineInput<FileId>): Examination {
  const config = files.config;
  if (!config) return { views: [], findings: [] };
  const providers = getAt(config.value, ['model_providers']);
  const selected = str(getAt(config.value, ['model_provider']));
  const model = str(getAt(config.value, ['model']));
  const views: ProviderView[] = [];
  const findings: Finding[] = [];
  for (const [id, p] of Object.entries(isObject(providers) ? providers : {})) {
    if (!isObject(p) || !isModelStudioProvider(p.base_url, id)) continue;
    const envKey = str(p.env_key);
    const token = str(p.experimental_bearer_token);
    const key: ProviderView['key'] = token !== undefined
      ? { source: 'inline', value: token, file: config.target.path, keyPath: `model_providers.${id}.experimental_bearer_token`, path: ['model_providers', id, 'experimental_bearer_token'], format: 'toml' }
      : envKey
        ? keyFromVariable(envKey, ctx.env, files.env, 'file')
        : { source: 'none' };
    views.push({
      tool: 'codex',
      file: config.target.path,
      keyPath: `model_providers.${id}`,
      protocol: 'openai',
      baseUrl: str(p.base_url),
      format: 'toml',
      baseUrlPath: ['model_providers', id, 'base_url'],
      key,
      models: selected === id && model ? [{ id: model, keyPath: 'model' }] : [],
    });
    if (selected === id && model) {
      const family = classifyBaseUrl(String(p.base_url)).family;
      const wire = family ? codexWireApi(ctx.versions.codex, { plan: PLAN_OF_FAMILY[family], region: 'cn', tools: ['codex'], models: [model], thinking: true }) : null;
      if (wire && 'problem' in wire) findings.push({ ...wire.problem, file: config.target.path, keyPath: `model_providers.${id}` });
      else if (wire && p.wire_api !== wire.wireApi) {
        findings.push(finding('CODEX_WIRE_API', 'error', { tool: 'codex', file: config.target.path, keyPath: `model_providers.${id}.wire_api`, params: { value: String(p.wire_api ?? ''), expected: wire.wireApi } }));
      }
    }
  }
  findings.push(...generalCredentialFindings('codex', views, generalVarEntry(files.env)));
  return { views, findings };
}

export const codex: ToolAdapter<FileId, ExtraId> = {
  id: 'codex',
  label: 'Codex',
  // Which wire API the config names depends on the release (docs/tools/codex.md#wire-api).
  ...toolCommand({ bin: 'codex', versionSensitive: true, oneShot: (p) => ['exec', '--skip-git-repo-check', p] }),
  targets,
  setupExtras,
  plan,
  examine,
};
