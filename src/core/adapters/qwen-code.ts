import { limitsFor } from './limits.js';
import { classifyBaseUrl, familyOfPlan, getModel, getPlan } from '../catalog/index.js';
import { resolveEndpoints } from '../endpoints.js';
import { joinPath, type ToolContext } from '../context.js';
import { finding, type Finding } from '../findings.js';
import type { Edit, JsonValue } from '../formats/types.js';
import { getAt } from '../formats/value.js';
import { generalCredentialFindings, generalVarEntry, isModelStudioProvider, keyFromVariable, num, str } from './examine-helpers.js';
import { planKeyVar } from './key-vars.js';
import { deleteIfPresent, isObject, setIfChanged, stringAt } from './edit-helpers.js';
import { toolCommand, type AdapterInput, type AdapterOutput, type CurrentFile, type Examination, type ExamineInput, type ProviderView, type TargetFile, type ToolAdapter } from './types.js';
import type { RegionId } from '../catalog/types.js';

type FileId = 'settings' | 'env';

function targets(ctx: ToolContext): TargetFile<FileId>[] {
  const dir = ctx.env.QWEN_HOME || joinPath(ctx.home, '.qwen');
  return [
    { id: 'settings', path: joinPath(dir, 'settings.json'), format: 'jsonc', secret: false, template: 'qwen-settings.json' },
    { id: 'env', path: joinPath(dir, '.env'), format: 'dotenv', secret: true, template: 'empty.env' },
  ];
}

function entryFor(answers: AdapterInput['answers'], id: string, baseUrl: string, envKey: string): JsonValue {
  const plan = getPlan(answers.plan);
  const model = getModel(id);
  const regionTag = answers.region === 'cn' ? '' : ` · ${answers.region}`;
  const entry: { [k: string]: JsonValue } = {
    id,
    name: `[Model Studio ${plan.name.en}${regionTag}] ${id}`,
    baseUrl,
    envKey,
  };
  const generationConfig: { [k: string]: JsonValue } = {};
  if (model && model.thinking !== 'none') {
    // Qwen merges extra_body into the top level of the request body: `enable_thinking`.
    if (answers.thinking || model.thinking === 'always') generationConfig.extra_body = { enable_thinking: true };
    else generationConfig.extra_body = { enable_thinking: false };
  }
  const { context } = limitsFor(id, answers);
  if (context !== undefined) generationConfig.contextWindowSize = context;
  if (Object.keys(generationConfig).length > 0) entry.generationConfig = generationConfig;
  return entry;
}

function plan({ answers, key, ctx, files }: AdapterInput<FileId>): AdapterOutput<FileId> {
  const { settings, env: envFile } = files;
  const findings: Finding[] = [];
  const family = familyOfPlan(answers.plan);
  const envKey = planKeyVar(answers.plan);
  const baseUrl = resolveEndpoints(answers).openai;
  const cur = settings.value;
  const edits: Edit[] = [];

  const providersRaw = isObject(cur) && isObject(cur.modelProviders) ? cur.modelProviders.openai : undefined;
  const providers: JsonValue[] = Array.isArray(providersRaw) ? providersRaw : [];
  if (providersRaw !== undefined && !Array.isArray(providersRaw)) {
    findings.push(finding('FILE_SHAPE', 'error', { tool: 'qwen-code', file: settings.target.path, keyPath: 'modelProviders.openai' }));
  }

  // Entries of this plan family (same envKey, a host of the same family) are ours to keep consistent:
  // the chosen ids are replaced, other ids of the plan follow the new region so key and URL match.
  const isOurs = (e: JsonValue): e is { [k: string]: JsonValue } => {
    if (!isObject(e) || e.envKey !== envKey || typeof e.baseUrl !== 'string') return false;
    return e.baseUrl === baseUrl || classifyBaseUrl(e.baseUrl).family === family;
  };
  const deletions: number[] = [];
  providers.forEach((e, i) => {
    if (!isOurs(e)) return;
    if (answers.models.includes(String(e.id))) deletions.push(i);
    else if (e.baseUrl !== baseUrl) edits.push({ op: 'set', path: ['modelProviders', 'openai', i, 'baseUrl'], value: baseUrl });
  });

  const wanted = answers.models.map((id) => entryFor(answers, id, baseUrl, envKey));
  const alreadyInPlace =
    deletions.length === wanted.length &&
    deletions.every((idx, n) => idx === n && JSON.stringify(providers[idx]) === JSON.stringify(wanted[n]));
  if (!alreadyInPlace) {
    // Delete from the back so earlier indices stay valid, then prepend in the chosen order
    // (Qwen Code lists the first entries first in its model picker).
    for (const i of [...deletions].reverse()) edits.push({ op: 'delete', path: ['modelProviders', 'openai', i] });
    wanted.forEach((entry, n) => edits.push({ op: 'insert', path: ['modelProviders', 'openai', n], value: entry }));
  }

  edits.push(...setIfChanged(cur, ['security', 'auth', 'selectedType'], 'openai'));
  const primary = answers.models[0] ?? '';
  edits.push(...setIfChanged(cur, ['model', 'name'], primary));
  // Identity in Qwen Code is id + baseUrl; pin the URL when the id is ambiguous or already pinned elsewhere.
  const sameIdElsewhere = providers.some(
    (e) => isObject(e) && e.id === primary && typeof e.baseUrl === 'string' && e.baseUrl !== baseUrl && !isOurs(e),
  );
  const pinned = stringAt(cur, ['model', 'baseUrl']);
  if (sameIdElsewhere || (pinned !== undefined && pinned !== '' && pinned !== baseUrl)) {
    edits.push(...setIfChanged(cur, ['model', 'baseUrl'], baseUrl));
  }
  // One copy of the key, where the chosen storage puts it: Qwen reads .env before settings `env`,
  // so a stale copy in the other place would win or linger.
  const inline = answers.keyStorage === 'inline';
  const envEdits = inline ? deleteIfPresent(envFile.value, [envKey]) : setIfChanged(envFile.value, [envKey], key);
  if (inline) edits.push(...setIfChanged(cur, ['env', envKey], key));
  else if (stringAt(cur, ['env', envKey]) !== undefined) {
    edits.push(...deleteIfPresent(cur, ['env', envKey]));
    findings.push(finding('KEY_MOVED', 'info', { tool: 'qwen-code', file: settings.target.path, keyPath: `env.${envKey}`, params: { to: envFile.target.path } }));
  }

  if (ctx.env[envKey] !== undefined && ctx.env[envKey] !== key) {
    findings.push(
      finding('ENV_OVERRIDE', 'warning', { tool: 'qwen-code', keyPath: envKey, params: { variable: envKey, winner: 'environment' } }),
    );
  }

  return {
    edits: { settings: edits, env: envEdits },
    findings,
    nextSteps: [{ code: 'next.qwen' }],
    secretFiles: inline ? ['settings'] : [],
  };
}

/** Qwen reads a key: shell first, then its .env, then settings.json `env` (docs/tools/qwen-code.md#precedence). */
function examine({ ctx, files }: ExamineInput<FileId>): Examination {
  const settings = files.settings;
  if (!settings) return { views: [], findings: [] };
  const providers = getAt(settings.value, ['modelProviders', 'openai']);
  const groups = new Map<string, { baseUrl: string; envKey: string; models: ProviderView['models'][number][] }>();
  (Array.isArray(providers) ? providers : []).forEach((e, i) => {
    if (!isObject(e) || !isModelStudioProvider(e.baseUrl, str(e.envKey))) return;
    const envKey = str(e.envKey) ?? '';
    const id = `${String(e.baseUrl)}|${envKey}`;
    const g = groups.get(id) ?? { baseUrl: String(e.baseUrl), envKey, models: [] };
    const thinking = getAt(e, ['generationConfig', 'extra_body', 'enable_thinking']);
    const budget = num(getAt(e, ['generationConfig', 'extra_body', 'thinking_budget']));
    g.models.push({
      id: str(e.id) ?? '',
      keyPath: `modelProviders.openai[${i}]`,
      context: num(getAt(e, ['generationConfig', 'contextWindowSize'])),
      thinking: thinking === true,
      ...(budget !== undefined ? { thinkingBudget: budget } : {}),
      paths: {
        context: ['modelProviders', 'openai', i, 'generationConfig', 'contextWindowSize'],
        budget: ['modelProviders', 'openai', i, 'generationConfig', 'extra_body', 'thinking_budget'],
        thinking: [['modelProviders', 'openai', i, 'generationConfig', 'extra_body', 'enable_thinking'], ['modelProviders', 'openai', i, 'generationConfig', 'extra_body', 'thinking_budget']],
      },
    });
    groups.set(id, g);
  });
  const views: ProviderView[] = [...groups.values()].map((g) => {
    let key = g.envKey ? keyFromVariable(g.envKey, ctx.env, files.env) : ({ source: 'none' } as const);
    const inSettings = g.envKey ? getAt(settings.value, ['env', g.envKey]) : undefined;
    if (key.source === 'unset' && typeof inSettings === 'string') key = { source: 'inline', variable: g.envKey, value: inSettings, file: settings.target.path, keyPath: `env.${g.envKey}`, path: ['env', g.envKey], format: 'jsonc' };
    return { tool: 'qwen-code', file: settings.target.path, format: 'jsonc', keyPath: 'modelProviders.openai', protocol: 'openai', baseUrl: g.baseUrl, key, models: g.models };
  });
  const general = generalCredentialFindings('qwen-code', views, [...generalVarEntry(files.env), ...generalVarEntry(settings, ['env'])]);
  return { views, findings: [...general, ...recordedRegionFindings(settings, views)] };
}

/** Qwen Code's own words for the two Coding Plan regions in its legacy `codingPlan.region`. */
const LEGACY_REGION: Readonly<Record<string, RegionId>> = { china: 'cn', global: 'intl' };

/**
 * The region Qwen Code's `/auth` recorded (`providerMetadata.<preset>.baseUrl`, or the legacy
 * `codingPlan.region`) against the region of the entries of that plan family: when they differ,
 * its update prompt and the requests disagree on the region (docs/tools/qwen-code.md#presets).
 */
function recordedRegionFindings(settings: CurrentFile<FileId>, views: readonly ProviderView[]): Finding[] {
  const hosts = views.map((v) => classifyBaseUrl(v.baseUrl ?? ''));
  const at = (keyPath: string, recorded: string, family: string): Finding[] => {
    const regions = [...new Set(hosts.filter((h) => h.family === family && h.region).map((h) => h.region!))];
    const wanted = LEGACY_REGION[recorded] ?? classifyBaseUrl(recorded).region ?? recorded;
    if (regions.length === 0 || regions.includes(wanted as RegionId)) return [];
    return [finding('TOOL_REGION_MISMATCH', 'warning', { tool: 'qwen-code', file: settings.target.path, keyPath, params: { tool: 'Qwen Code', setting: keyPath, recorded, region: wanted, host: regions.join(', ') } })];
  };
  const out: Finding[] = [];
  const meta = getAt(settings.value, ['providerMetadata']);
  for (const [preset, m] of Object.entries(isObject(meta) ? meta : {})) {
    const url = isObject(m) ? str(m.baseUrl) : undefined;
    const family = url ? classifyBaseUrl(url).family : undefined;
    if (url && family) out.push(...at(`providerMetadata.${preset}.baseUrl`, url, family));
  }
  const legacy = str(getAt(settings.value, ['codingPlan', 'region']));
  if (legacy !== undefined && LEGACY_REGION[legacy]) out.push(...at('codingPlan.region', legacy, 'coding'));
  return out;
}

export const qwenCode: ToolAdapter<FileId> = { id: 'qwen-code', label: 'Qwen Code', ...toolCommand({ bin: 'qwen', oneShot: (p) => ['-p', p] }), targets, plan, examine };
