import { limitsFor } from '../limits.js';
import { getModel, getPlan } from '../../catalog/index.js';
import { resolveEndpoints } from '../../endpoints.js';
import { dirOf, joinPath, type ToolContext } from '../../context.js';
import { finding, type Finding } from '../../findings.js';
import type { Edit, JsonValue } from '../../formats/types.js';
import { getAt } from '../../formats/value.js';
import { deleteIfPresent, isObject, setIfChanged } from '../edit-helpers.js';
import { examineOpenclaw, openclawSubdirs, type OpenclawFileId } from './examine.js';
import { formatCalVer, OPENCLAW_RULES, openclawFeatures } from './version.js';
import { versionTooOld } from '../versions.js';
import { toolCommand, type AdapterInput, type AdapterOutput, type Answers, type TargetFile, type ToolAdapter } from '../types.js';

/** A neutral provider id: `qwen`, `modelstudio`, `qwen-token-plan`… belong to OpenClaw plugins. */
export const OPENCLAW_PROVIDER = 'bailian';
export const OPENCLAW_KEY_VAR = 'BAILIAN_API_KEY';
/** Providers that OpenClaw no longer serves and that confuse its routing when left behind (E24, E32 in docs/plans.md#errors). */
const RETIRED_PROVIDERS = ['qwen-portal'];

/** Same resolution order as `openclaw config file` (docs/tools/openclaw.md#config-file). */
export function openclawPaths(ctx: ToolContext): { config: string; stateDir: string } {
  const home = ctx.env.OPENCLAW_HOME || ctx.home;
  const stateDir = ctx.env.OPENCLAW_STATE_DIR || joinPath(home, '.openclaw');
  const config = ctx.env.OPENCLAW_CONFIG_PATH || joinPath(stateDir, 'openclaw.json');
  return { config, stateDir: ctx.env.OPENCLAW_STATE_DIR || dirOf(config) };
}

function targets(ctx: ToolContext): TargetFile<OpenclawFileId>[] {
  const { config, stateDir } = openclawPaths(ctx);
  return [
    // OpenClaw writes its own config 0600 and its docs recommend it; tp-setup does the same.
    { id: 'config', path: config, format: 'json5', secret: true, template: 'openclaw.json' },
    { id: 'env', path: joinPath(stateDir, '.env'), format: 'dotenv', secret: true, template: 'empty.env' },
  ];
}

function modelEntry(id: string, thinking: boolean, qwenFormat: boolean, subscription: boolean, answers: Answers): JsonValue {
  const m = getModel(id);
  const reasoning = Boolean(m && m.thinking !== 'none' && thinking);
  const entry: { [k: string]: JsonValue } = { id, name: id, reasoning };
  if (reasoning && qwenFormat) entry.compat = { thinkingFormat: 'qwen' };
  entry.input = m?.imageInput ? ['text', 'image'] : ['text'];
  // Subscription calls are not billed per token: zero costs.
  if (subscription) entry.cost = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
  const limits = limitsFor(id, answers);
  if (limits.context !== undefined) entry.contextWindow = limits.context;
  if (limits.output !== undefined) entry.maxTokens = limits.output;
  return entry;
}

function plan({ answers, key, ctx, files }: AdapterInput<OpenclawFileId>): AdapterOutput<OpenclawFileId> {
  const { config, env: envFile } = files;
  const cur = config.value;
  const file = config.target.path;
  const findings: Finding[] = [];
  const features = openclawFeatures(ctx.versions.openclaw);
  const wantThinking = answers.thinking && features.thinking;
  const base = ['models', 'providers', OPENCLAW_PROVIDER];
  const edits: Edit[] = [];

  if (features.version && !features.thinking && answers.thinking) {
    findings.push(versionTooOld('openclaw', 'OpenClaw', 'thinking', features.version, OPENCLAW_RULES.thinkingSince));
  }
  if (features.version && !features.qwenThinkingFormat && answers.thinking) {
    findings.push(finding('OPENCLAW_THINKING_FORMAT_UNSUPPORTED', 'warning', { tool: 'openclaw', params: { version: formatCalVer(features.version) } }));
  }

  // With reasoning off OpenClaw sends no thinking switch at all, so a model that thinks by default
  // still thinks; OpenClaw's own `/think off` is the way to stop it (docs/tools/openclaw.md#request).
  const thinkers = answers.models.filter((id) => getModel(id)?.thinkingDefaultOn);
  if (!answers.thinking && thinkers.length > 0) {
    findings.push(finding('OPENCLAW_THINKING_DEFAULT', 'info', { tool: 'openclaw', params: { model: thinkers.join(', ') } }));
  }

  const endpoint = resolveEndpoints(answers).openai;
  edits.push(...setIfChanged(cur, [...base, 'baseUrl'], endpoint));
  // By default a reference, resolved by OpenClaw from its own .env, so the key never sits in openclaw.json.
  const inline = answers.keyStorage === 'inline';
  edits.push(...setIfChanged(cur, [...base, 'apiKey'], inline ? key : `\${${OPENCLAW_KEY_VAR}}`));
  edits.push(...setIfChanged(cur, [...base, 'api'], 'openai-completions'));

  const existing = getAt(cur, [...base, 'models']);
  const list: JsonValue[] = Array.isArray(existing) ? existing : [];
  if (existing !== undefined && !Array.isArray(existing)) {
    findings.push(finding('FILE_SHAPE', 'error', { tool: 'openclaw', file, keyPath: `${base.join('.')}.models` }));
  }
  const subscription = getPlan(answers.plan).modelListClosed;
  let appended = 0;
  for (const id of answers.models) {
    const entry = modelEntry(id, wantThinking, features.qwenThinkingFormat, subscription, answers);
    const idx = list.findIndex((e) => isObject(e) && e.id === id);
    if (idx >= 0) edits.push(...setIfChanged(cur, [...base, 'models', idx], entry));
    else edits.push({ op: 'insert', path: [...base, 'models', list.length + appended++], value: entry });
  }

  const primary = `${OPENCLAW_PROVIDER}/${answers.models[0] ?? ''}`;
  // `agents.defaults.model` may be a bare "provider/model" string; keep the user's shape.
  const modelSetting = getAt(cur, ['agents', 'defaults', 'model']);
  if (typeof modelSetting === 'string') edits.push(...setIfChanged(cur, ['agents', 'defaults', 'model'], primary));
  else edits.push(...setIfChanged(cur, ['agents', 'defaults', 'model', 'primary'], primary));
  for (const id of answers.models) {
    const ref = `${OPENCLAW_PROVIDER}/${id}`;
    // The allowlist entry may carry the user's alias or params: add it, never overwrite it.
    if (getAt(cur, ['agents', 'defaults', 'models', ref]) === undefined) {
      edits.push({ op: 'set', path: ['agents', 'defaults', 'models', ref], value: {} });
    }
  }
  const allow = getAt(cur, ['agents', 'defaults', 'modelPolicy', 'allow']);
  if (features.modelPolicy && Array.isArray(allow) && allow.length > 0) {
    let n = allow.length;
    for (const id of answers.models) {
      const ref = `${OPENCLAW_PROVIDER}/${id}`;
      if (!allow.includes(ref) && !allow.includes(`${OPENCLAW_PROVIDER}/*`)) {
        edits.push({ op: 'insert', path: ['agents', 'defaults', 'modelPolicy', 'allow', n++], value: ref });
      }
    }
  }

  const providers = getAt(cur, ['models', 'providers']);
  for (const id of RETIRED_PROVIDERS) {
    if (isObject(providers) && providers[id] !== undefined) {
      findings.push(finding('OPENCLAW_LEFTOVER_PROVIDER', 'warning', { tool: 'openclaw', file, keyPath: `models.providers.${id}`, params: { provider: id } }));
    }
  }
  const profiles = getAt(cur, ['auth', 'profiles']);
  if (isObject(profiles)) {
    for (const [name, profile] of Object.entries(profiles)) {
      if (isObject(profile) && ('apiKey' in profile || 'key' in profile)) {
        findings.push(finding('OPENCLAW_AUTH_PROFILE_KEY', 'error', { tool: 'openclaw', file, keyPath: `auth.profiles.${name}` }));
      }
    }
  }
  if (ctx.env[OPENCLAW_KEY_VAR] !== undefined && ctx.env[OPENCLAW_KEY_VAR] !== key) {
    findings.push(finding('ENV_OVERRIDE', 'warning', { tool: 'openclaw', keyPath: OPENCLAW_KEY_VAR, params: { variable: OPENCLAW_KEY_VAR, winner: 'environment' } }));
  }

  return {
    edits: { config: edits, env: inline ? deleteIfPresent(envFile.value, [OPENCLAW_KEY_VAR]) : setIfChanged(envFile.value, [OPENCLAW_KEY_VAR], key) },
    findings,
    nextSteps: [{ code: 'next.openclaw' }],
  };
}

export const openclaw: ToolAdapter<OpenclawFileId> = {
  id: 'openclaw',
  label: 'OpenClaw',
  // The config schema changed between releases (OPENCLAW_RULES), so setup asks for the version first.
  ...toolCommand({ bin: 'openclaw', versionSensitive: true, oneShot: (prompt) => ['agent', '--local', '--message', prompt, '--json'] }),
  targets,
  plan,
  inspectSubdirs: (ctx) => openclawSubdirs(openclawPaths(ctx).stateDir),
  examine: examineOpenclaw,
};
