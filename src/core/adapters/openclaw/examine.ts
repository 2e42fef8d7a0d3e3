import { getModel } from '../../catalog/index.js';
import type { ToolContext } from '../../context.js';
import { finding, type Finding } from '../../findings.js';
import { readerFor } from '../../formats/readers.js';
import type { JsonValue } from '../../formats/types.js';
import { getAt } from '../../formats/value.js';
import { isObject } from '../edit-helpers.js';
import { generalCredentialFindings, generalVarEntry, isModelStudioProvider, keyFromVariable, num, str } from '../examine-helpers.js';
import { compareCalVer, OPENCLAW_RULES, openclawFeatures, parseCalVer } from './version.js';
import { versionTooOld } from '../versions.js';
import type { Examination, ExamineInput, PerSubdirFiles, ProviderView } from '../types.js';
import { usesAuthStore } from './store.js';

/** The files OpenClaw reads: `openclaw.json` and the `.env` beside its state. */
export type OpenclawFileId = 'config' | 'env';

/** Providers OpenClaw no longer serves and that confuse its routing when left behind (E24, E32 in docs/plans.md#errors). */
const RETIRED = ['qwen-portal'];
/** Provider ids owned by OpenClaw plugins: a primary may name them without a providers entry. */
const PLUGIN_PROVIDERS = ['qwen', 'qwencloud', 'modelstudio', 'dashscope', 'qwen-token-plan', 'bailian-token-plan', 'openai', 'anthropic', 'ollama'];
const CACHE_FILES = ['agent/models.json', 'agent/auth-profiles.json', 'agent/auth.json'];

export function openclawSubdirs(stateDir: string): PerSubdirFiles[] {
  return [{ id: 'agents', dir: `${stateDir}/agents`, files: CACHE_FILES }];
}

function keyOf(apiKey: JsonValue | undefined, ctx: ToolContext, input: ExamineInput<OpenclawFileId>, provider: string): ProviderView['key'] {
  if (apiKey === undefined) return { source: 'none' };
  // `${VAR}` in a string, or an env SecretRef object (docs/tools/openclaw.md#env-substitution).
  const ref = typeof apiKey === 'string' ? /^\$\{([A-Z_][A-Z0-9_]*)\}$/.exec(apiKey.trim())?.[1] : isObject(apiKey) && apiKey.source === 'env' ? str(apiKey.id) : undefined;
  if (ref) return keyFromVariable(ref, ctx.env, input.files.env);
  const path = ['models', 'providers', provider, 'apiKey'];
  if (typeof apiKey === 'string') return { source: 'inline', value: apiKey, file: input.files.config?.target.path, keyPath: path.join('.'), path, format: 'json5' };
  return { source: 'store' };
}

export function examineOpenclaw(input: ExamineInput<OpenclawFileId>): Examination {
  const config = input.files.config;
  if (!config) return { views: [], findings: [] };
  const { ctx } = input;
  const file = config.target.path;
  const cur = config.value;
  const findings: Finding[] = [];
  const views: ProviderView[] = [];
  const version = parseCalVer(ctx.versions.openclaw);
  const providers = getAt(cur, ['models', 'providers']);
  const resolvedKeys: Record<string, string | undefined> = {};
  /** Model Studio providers with their own apiKey in openclaw.json. */
  const keyed = new Set<string>();

  if (isObject(providers)) {
    for (const [id, p] of Object.entries(providers)) {
      if (!isObject(p)) continue;
      if (RETIRED.includes(id)) findings.push(finding('OPENCLAW_LEFTOVER_PROVIDER', 'warning', { tool: 'openclaw', file, keyPath: `models.providers.${id}`, params: { provider: id } }));
      if (!isModelStudioProvider(p.baseUrl, id)) continue;
      const models = Array.isArray(p.models) ? p.models.filter(isObject) : [];
      const key = keyOf(p.apiKey, ctx, input, id);
      resolvedKeys[id] = key.value;
      if (p.apiKey !== undefined) keyed.add(id);
      views.push({
        tool: 'openclaw',
        file,
        keyPath: `models.providers.${id}`,
        protocol: p.api === 'anthropic-messages' ? 'anthropic' : 'openai',
        baseUrl: str(p.baseUrl),
        format: 'json5',
        baseUrlPath: ['models', 'providers', id, 'baseUrl'],
        key,
        models: models.map((m, i) => ({
          id: str(m.id) ?? '',
          keyPath: `models.providers.${id}.models[${i}]`,
          maxTokens: num(m.maxTokens),
          context: num(m.contextWindow),
          thinking: m.reasoning === true,
          paths: {
            maxTokens: ['models', 'providers', id, 'models', i, 'maxTokens'],
            context: ['models', 'providers', id, 'models', i, 'contextWindow'],
            thinking: [['models', 'providers', id, 'models', i, 'reasoning'], ['models', 'providers', id, 'models', i, 'compat', 'thinkingFormat']],
          },
        })),
      });
      models.forEach((m, i) => {
        const qwenFormat = isObject(m.compat) && m.compat.thinkingFormat === 'qwen';
        const spec = getModel(str(m.id) ?? '');
        // reasoning without the Qwen format sends no enable_thinking; the format without reasoning sends nothing either.
        if (spec && spec.thinking !== 'none' && m.reasoning === true !== qwenFormat) {
          const at = ['models', 'providers', id, 'models', i];
          // Both halves, where this OpenClaw accepts the Qwen format (docs/tools/openclaw.md#schema).
          const repair = openclawFeatures(ctx.versions.openclaw).qwenThinkingFormat
            ? { repair: { file, format: 'json5' as const, edits: [{ op: 'set' as const, path: [...at, 'reasoning'], value: true }, { op: 'set' as const, path: [...at, 'compat', 'thinkingFormat'], value: 'qwen' }] } }
            : {};
          findings.push(finding('OPENCLAW_THINKING_CONFIG', 'warning', { tool: 'openclaw', file, keyPath: `models.providers.${id}.models[${i}]`, params: { model: str(m.id) ?? '' }, ...repair }));
        }
        if (m.reasoning === true && version && compareCalVer(version, OPENCLAW_RULES.thinkingSince) < 0) {
          findings.push(versionTooOld('openclaw', 'OpenClaw', 'thinking', version, OPENCLAW_RULES.thinkingSince));
        }
      });
    }
  }

  const model = getAt(cur, ['agents', 'defaults', 'model']);
  const primary = typeof model === 'string' ? model : isObject(model) ? str(model.primary) : undefined;
  // The prefixed id the default model can safely get: only when exactly one provider defines it.
  const owners = Object.entries(isObject(providers) ? providers : {}).filter(([, p]) => isObject(p) && Array.isArray(p.models) && p.models.some((m) => isObject(m) && m.id === primary));
  const prefixed = primary?.includes('/') ? primary : owners.length === 1 ? `${owners[0]![0]}/${primary}` : undefined;
  if (primary !== undefined) {
    const slash = primary.indexOf('/');
    if (slash < 0) {
      // Otherwise which provider is meant is the user's choice, not ours.
      const path = typeof model === 'string' ? ['agents', 'defaults', 'model'] : ['agents', 'defaults', 'model', 'primary'];
      const repair = prefixed ? { repair: { file, format: 'json5' as const, edits: [{ op: 'set' as const, path, value: prefixed }] } } : {};
      findings.push(finding('OPENCLAW_PRIMARY_PREFIX', 'error', { tool: 'openclaw', file, keyPath: 'agents.defaults.model.primary', params: { primary }, ...repair }));
    } else {
      const [pid, mid] = [primary.slice(0, slash), primary.slice(slash + 1)];
      const p = isObject(providers) ? providers[pid] : undefined;
      const defined = isObject(p) && Array.isArray(p.models) && p.models.some((m) => isObject(m) && m.id === mid);
      if (!defined && (isObject(p) || !PLUGIN_PROVIDERS.includes(pid))) {
        findings.push(finding('OPENCLAW_MODEL_UNDEFINED', 'error', { tool: 'openclaw', file, keyPath: 'agents.defaults.model.primary', params: { primary, provider: pid } }));
      }
    }
  }
  if (views.length > 0) {
    const allow = getAt(cur, ['agents', 'defaults', 'models']);
    if (!isObject(allow) || Object.keys(allow).length === 0) {
      const repair = prefixed ? { repair: { file, format: 'json5' as const, edits: [{ op: 'set' as const, path: ['agents', 'defaults', 'models', prefixed], value: {} }] } } : {};
      findings.push(finding('OPENCLAW_NO_ALLOWLIST', 'warning', { tool: 'openclaw', file, keyPath: 'agents.defaults.models', ...repair }));
    }
  }
  const profiles = getAt(cur, ['auth', 'profiles']);
  if (isObject(profiles)) {
    for (const [name, profile] of Object.entries(profiles)) {
      if (isObject(profile) && ('apiKey' in profile || 'key' in profile)) {
        // auth.profiles is metadata only; the fields OpenClaw rejects there go (docs/tools/openclaw.md#schema, E29 in docs/plans.md#errors).
        const edits = ['apiKey', 'key', 'type'].filter((k) => k in profile).map((k) => ({ op: 'delete' as const, path: ['auth', 'profiles', name, k] }));
        findings.push(finding('OPENCLAW_AUTH_PROFILE_KEY', 'error', { tool: 'openclaw', file, keyPath: `auth.profiles.${name}`, repair: { file, format: 'json5', edits } }));
      } else if (isObject(profile) && typeof profile.provider === 'string' && keyed.has(profile.provider) && usesAuthStore(ctx.versions.openclaw)) {
        // OpenClaw writes this metadata when it stores a key of its own (paste-api-key, onboarding):
        // from 2026.8 that stored key wins over the config's apiKey (docs/tools/openclaw.md#caches). Offline hint;
        // `clean` asks OpenClaw itself.
        findings.push(finding('OPENCLAW_STORED_PROFILE', 'warning', { tool: 'openclaw', file, keyPath: `auth.profiles.${name}`, params: { profile: name, provider: profile.provider } }));
      }
    }
  }

  findings.push(...examineCaches(input, providers, resolvedKeys, version));
  // OpenClaw is the Coding Plan FAQ's own example of a tool that may route to general credentials
  // when both are saved (docs/plans.md#sources, [004]).
  findings.push(...generalCredentialFindings('openclaw', views, generalVarEntry(input.files.env)));
  return { views, findings };
}

/** Per-agent caches (every agent, not only `main`) that disagree with openclaw.json. */
function examineCaches(input: ExamineInput<OpenclawFileId>, providers: JsonValue | undefined, keys: Record<string, string | undefined>, version: ReturnType<typeof parseCalVer>): Finding[] {
  const out: Finding[] = [];
  const agents = input.subdirs.agents ?? {};
  const base = input.files.config ? input.files.config.target.path.replace(/[^/\\]+$/, '') : '';
  // From 2026.8 a stale models.json no longer routes requests (docs/tools/openclaw.md#caches); it still misleads.
  const severity = version && compareCalVer(version, [2026, 8, 0]) >= 0 ? 'warning' : 'error';
  for (const [agent, files] of Object.entries(agents)) {
    const dir = `${base}agents/${agent}/`;
    const modelsJson = files['agent/models.json'];
    if (modelsJson) {
      const parsed = readerFor('json')(modelsJson);
      const cached = parsed.ok ? getAt(parsed.value, ['providers']) : undefined;
      if (isObject(cached) && isObject(providers)) {
        for (const [id, c] of Object.entries(cached)) {
          const live = providers[id];
          if (!isObject(c) || !isObject(live)) continue;
          const urlDiffers = typeof c.baseUrl === 'string' && c.baseUrl !== '' && c.baseUrl !== live.baseUrl;
          const keyDiffers = typeof c.apiKey === 'string' && c.apiKey !== '' && keys[id] !== undefined && c.apiKey !== keys[id];
          if (urlDiffers || keyDiffers) {
            out.push(finding('OPENCLAW_STALE_CACHE', severity, { tool: 'openclaw', file: `${dir}agent/models.json`, keyPath: `providers.${id}`, params: { agent, provider: id, what: urlDiffers ? 'baseUrl' : 'apiKey' } }));
          }
        }
      }
    }
    const profilesJson = files['agent/auth-profiles.json'];
    if (profilesJson) {
      const parsed = readerFor('json')(profilesJson);
      const profiles = parsed.ok ? getAt(parsed.value, ['profiles']) : undefined;
      if (isObject(profiles)) {
        for (const [name, p] of Object.entries(profiles)) {
          if (name.startsWith('alibaba-cloud:')) {
            out.push(finding('OPENCLAW_DISCOVERY_PROFILE', 'info', { tool: 'openclaw', file: `${dir}agent/auth-profiles.json`, keyPath: `profiles.${name}`, params: { agent, profile: name } }));
          } else if (isObject(p) && typeof p.provider === 'string' && typeof p.key === 'string' && keys[p.provider] !== undefined && p.key !== keys[p.provider]) {
            // A stored profile beats the config key (docs/tools/openclaw.md#caches): the old key keeps being sent.
            out.push(finding('OPENCLAW_STALE_CACHE', 'error', { tool: 'openclaw', file: `${dir}agent/auth-profiles.json`, keyPath: `profiles.${name}`, params: { agent, provider: p.provider, what: 'key' } }));
          }
        }
      }
    }
    if (files['agent/auth.json'] !== null && files['agent/auth.json'] !== undefined) {
      out.push(finding('OPENCLAW_OAUTH_LEFTOVER', 'warning', { tool: 'openclaw', file: `${dir}agent/auth.json`, params: { agent } }));
    }
  }
  return out;
}
