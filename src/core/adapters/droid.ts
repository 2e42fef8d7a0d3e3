import { limitsFor } from './limits.js';
import { classifyBaseUrl, familyOfPlan, getModel, getPlan } from '../catalog/index.js';
import { joinPath, type ToolContext } from '../context.js';
import { resolveEndpoints } from '../endpoints.js';
import { finding, type Finding } from '../findings.js';
import type { Edit, JsonValue } from '../formats/types.js';
import { getAt } from '../formats/value.js';
import { deleteIfPresent, isObject, setIfChanged } from './edit-helpers.js';
import { isModelStudioProvider, keyFromVariable, num, referencedVariable, str } from './examine-helpers.js';
import { planKeyVar } from './key-vars.js';
import { thinkingBudget } from './thinking.js';
import { toolCommand, type AdapterInput, type AdapterOutput, type Examination, type ExamineInput, type ProviderView, type TargetFile, type ToolAdapter } from './types.js';

type FileId = 'settings';

/**
 * Factory's Droid CLI: `customModels[]` in `~/.factory/settings.json` (docs/tools/droid.md).
 *
 * - `provider: generic-chat-completion-api` for every plan: it posts to `{baseUrl}/chat/completions`
 *   with `Authorization: Bearer` (Token Plan rejects `x-api-key`, which Droid's `anthropic` provider
 *   sends), and serves every plan model.
 * - `maxOutputTokens` is always written: without it Droid asks for 32,000 output tokens, above the
 *   limit of several plan models ("Range of max_tokens").
 * - `extraArgs` is merged into the request body's top level: DashScope's `enable_thinking` and
 *   `thinking_budget` go there.
 * - Droid has no secret store of its own, and `${VAR}` in `apiKey` expands only exported variables:
 *   by default the key sits in settings.json (kept 0600); `--key-storage env` writes the reference.
 */
const SETTINGS_DIR = '.factory';

/** What Droid sends as max_tokens for an entry without maxOutputTokens (docs/tools/droid.md). */
const DROID_DEFAULT_MAX_OUTPUT = 32_000;

function targets(ctx: ToolContext): TargetFile<FileId>[] {
  const home = ctx.env.FACTORY_HOME_OVERRIDE || ctx.home;
  return [{ id: 'settings', path: joinPath(home, SETTINGS_DIR, 'settings.json'), format: 'jsonc', secret: true, template: 'empty.json' }];
}

/** The id Droid selects a custom model by: stable, so a second run finds its own entries. */
export function droidModelId(plan: AdapterInput['answers']['plan'], model: string): string {
  return `custom:model-studio-${familyOfPlan(plan)}-${model}`;
}

function entryFor(answers: AdapterInput['answers'], model: string, baseUrl: string, apiKey: string): JsonValue {
  const m = getModel(model);
  const { context, output } = limitsFor(model, answers);
  const entry: { [k: string]: JsonValue } = {
    model,
    id: droidModelId(answers.plan, model),
    displayName: `Model Studio ${getPlan(answers.plan).name.en} · ${model}`,
    baseUrl,
    apiKey,
    provider: 'generic-chat-completion-api',
  };
  if (context !== undefined) entry.maxContextLimit = context;
  if (output !== undefined) entry.maxOutputTokens = output;
  if (m && m.thinking === 'optional') {
    const budget = thinkingBudget(m);
    entry.extraArgs = answers.thinking ? { enable_thinking: true, ...(budget !== null ? { thinking_budget: budget } : {}) } : { enable_thinking: false };
  }
  if (m?.imageInput === false) entry.noImageSupport = true;
  return entry;
}

function plan({ answers, key, files }: AdapterInput<FileId>): AdapterOutput<FileId> {
  const { settings } = files;
  const cur = settings.value;
  const findings: Finding[] = [];
  const family = familyOfPlan(answers.plan);
  const baseUrl = resolveEndpoints(answers).openai;
  const reference = answers.keyStorage === 'env';
  const apiKey = reference ? `\${${planKeyVar(answers.plan)}}` : key;
  const raw = getAt(cur, ['customModels']);
  const list: JsonValue[] = Array.isArray(raw) ? raw : [];
  if (raw !== undefined && !Array.isArray(raw)) findings.push(finding('FILE_SHAPE', 'error', { tool: 'droid', file: settings.target.path, keyPath: 'customModels' }));

  // Entries on a host of this plan family are ours: the chosen models are replaced in place, the
  // others follow the new region and key so key and URL always match.
  const ours = (e: JsonValue): e is { [k: string]: JsonValue } => isObject(e) && typeof e.baseUrl === 'string' && classifyBaseUrl(e.baseUrl).family === family;
  const edits: Edit[] = [];
  const wanted = new Map(answers.models.map((model) => [model, entryFor(answers, model, baseUrl, apiKey)]));
  const placed = new Set<string>();
  list.forEach((e, i) => {
    if (!ours(e)) return;
    const model = String(e.model);
    const entry = wanted.get(model);
    if (entry && !placed.has(model) && isObject(entry)) {
      // Field by field: keys the user added to the entry (extraHeaders, fileEditToolProfile) stay.
      for (const [k, v] of Object.entries(entry)) {
        if (k === 'extraArgs' && isObject(v) && isObject(e.extraArgs)) {
          for (const [a, w] of Object.entries(v)) edits.push(...setIfChanged(cur, ['customModels', i, k, a], w));
          if (!('thinking_budget' in v)) edits.push(...deleteIfPresent(cur, ['customModels', i, k, 'thinking_budget']));
        } else edits.push(...setIfChanged(cur, ['customModels', i, k], v));
      }
      placed.add(model);
      return;
    }
    edits.push(...setIfChanged(cur, ['customModels', i, 'baseUrl'], baseUrl), ...setIfChanged(cur, ['customModels', i, 'apiKey'], apiKey));
  });
  let next = list.length;
  for (const [model, entry] of wanted) if (!placed.has(model)) edits.push({ op: 'insert', path: ['customModels', next++], value: entry });

  const selected = droidModelId(answers.plan, answers.models[0] ?? '');
  edits.push(...setIfChanged(cur, ['sessionDefaultSettings', 'model'], selected));
  // An older top-level `model` would compete with the session default: keep it pointing the same way.
  if (typeof getAt(cur, ['model']) === 'string') edits.push(...setIfChanged(cur, ['model'], selected));

  return {
    edits: { settings: edits },
    findings,
    nextSteps: [reference ? { code: 'next.droidExport', params: { variable: planKeyVar(answers.plan) } } : { code: 'next.droid', params: { model: selected } }],
  };
}


function examine({ ctx, files }: ExamineInput<FileId>): Examination {
  const settings = files.settings;
  const raw = settings ? getAt(settings.value, ['customModels']) : undefined;
  if (!settings || !Array.isArray(raw)) return { views: [], findings: [] };
  // One view per entry: each entry carries its own apiKey, so a key change must reach every one.
  const views: ProviderView[] = [];
  const findings: Finding[] = [];
  raw.forEach((e, i) => {
    // tp-setup's own ids mark an entry routed through a gateway (--base-url) as ours too.
    if (!isObject(e) || !(isModelStudioProvider(e.baseUrl, undefined) || (typeof e.baseUrl === 'string' && String(e.id).startsWith('custom:model-studio-')))) return;
    const apiKey = str(e.apiKey);
    const variable = referencedVariable(apiKey);
    const at = ['customModels', i];
    const key: ProviderView['key'] = variable
      ? keyFromVariable(variable, ctx.env, undefined)
      : apiKey !== undefined
        ? { source: 'inline', value: apiKey, file: settings.target.path, keyPath: `customModels[${i}].apiKey`, path: [...at, 'apiKey'], format: 'jsonc' }
        : { source: 'none' };
    const thinking = getAt(e, ['extraArgs', 'enable_thinking']);
    const budget = num(getAt(e, ['extraArgs', 'thinking_budget']));
    // Droid's anthropic provider sends x-api-key unless authMode is bearer; Token Plan refuses that.
    if (e.provider === 'anthropic' && e.authMode !== 'bearer' && classifyBaseUrl(String(e.baseUrl)).family === 'token-plan') {
      findings.push(finding('X_API_KEY_ONLY', 'error', { tool: 'droid', file: settings.target.path, keyPath: `customModels[${i}].provider` }));
    }
    views.push({
      tool: 'droid',
      file: settings.target.path,
      keyPath: `customModels[${i}]`,
      protocol: e.provider === 'anthropic' ? 'anthropic' : 'openai',
      baseUrl: String(e.baseUrl),
      format: 'jsonc',
      baseUrlPath: [...at, 'baseUrl'],
      key,
      models: [
        {
          id: str(e.model) ?? '',
          keyPath: `customModels[${i}].model`,
          // Without maxOutputTokens Droid asks for its own default.
          maxTokens: num(e.maxOutputTokens) ?? DROID_DEFAULT_MAX_OUTPUT,
          context: num(e.maxContextLimit),
          thinking: thinking === true,
          ...(budget !== undefined ? { thinkingBudget: budget } : {}),
          paths: {
            maxTokens: [...at, 'maxOutputTokens'],
            context: [...at, 'maxContextLimit'],
            budget: [...at, 'extraArgs', 'thinking_budget'],
            thinking: [[...at, 'extraArgs', 'enable_thinking'], [...at, 'extraArgs', 'thinking_budget']],
          },
        },
      ],
    });
  });
  return { views, findings };
}

export const droid: ToolAdapter<FileId> = {
  id: 'droid',
  label: 'Droid',
  // stream-json: a failed turn prints the server's error there; the text form says only "Exec failed".
  ...toolCommand({ bin: 'droid', oneShot: (p) => ['exec', '-o', 'stream-json', p] }),
  targets,
  plan,
  examine,
};
