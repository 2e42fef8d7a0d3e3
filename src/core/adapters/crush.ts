import { limitsFor } from './limits.js';
import { classifyBaseUrl, familyOfPlan, getModel, getPlan } from '../catalog/index.js';
import { finding, type Finding } from '../findings.js';
import { joinPath, type ToolContext } from '../context.js';
import { resolveEndpoints } from '../endpoints.js';
import type { Edit, JsonValue } from '../formats/types.js';
import { getAt } from '../formats/value.js';
import { deleteIfPresent, isObject, setIfChanged } from './edit-helpers.js';
import { isModelStudioProvider, keyFromVariable, num, referencedVariable, str } from './examine-helpers.js';
import { planKeyVar } from './key-vars.js';
import { thinkingBudget } from './thinking.js';
import { toolCommand, type AdapterInput, type AdapterOutput, type Examination, type ExamineInput, type ProviderView, type TargetFile, type ToolAdapter } from './types.js';

type FileId = 'config' | 'data';

/** Provider ids as Alibaba's pages name them for OpenCode, so one home reads the same everywhere. */
const PROVIDER_ID = { coding: 'bailian-coding-plan', 'token-plan': 'bailian-token-plan', payg: 'bailian' } as const;

/**
 * Charm's Crush: a provider under `providers` in its global crush.json, and the `models.large` /
 * `models.small` selection (docs/tools/crush.md).
 *
 * - `type: openai-compat` for every plan: `{base_url}/chat/completions` with `Authorization:
 *   Bearer` (Token Plan rejects the `x-api-key` of Crush's `anthropic` type) and `extra_body`,
 *   which only this type sends, carries DashScope's `enable_thinking` / `thinking_budget`.
 * - Crush also keeps a machine-written state file (`~/.local/share/crush/crush.json`) that merges
 *   over the config: a model picked in its UI lands there and would beat ours, so its selection
 *   is pointed at the same model when the file exists.
 * - `$VAR` in `api_key` expands only exported variables and Crush has no secret store: by
 *   default the key sits in crush.json (kept 0600); `--key-storage env` writes the reference.
 */
function targets(ctx: ToolContext): TargetFile<FileId>[] {
  const configDir = ctx.env.CRUSH_GLOBAL_CONFIG || joinPath(ctx.env.XDG_CONFIG_HOME || joinPath(ctx.home, '.config'), 'crush');
  const dataDir = ctx.env.CRUSH_GLOBAL_DATA || joinPath(ctx.env.XDG_DATA_HOME || joinPath(ctx.home, '.local', 'share'), 'crush');
  return [
    { id: 'config', path: joinPath(configDir, 'crush.json'), format: 'jsonc', secret: true, template: 'crush.json' },
    { id: 'data', path: joinPath(dataDir, 'crush.json'), format: 'json', secret: false, template: 'empty.json' },
  ];
}

function modelEntry(id: string, answers: AdapterInput['answers']): JsonValue {
  const m = getModel(id);
  const { context, output } = limitsFor(id, answers);
  const entry: { [k: string]: JsonValue } = { id, name: id };
  if (context !== undefined) entry.context_window = context;
  if (output !== undefined) entry.default_max_tokens = output;
  if (m) entry.can_reason = m.thinking !== 'none';
  if (m) entry.supports_attachments = m.imageInput;
  return entry;
}

function plan({ answers, key, files }: AdapterInput<FileId>): AdapterOutput<FileId> {
  const { config, data } = files;
  const cur = config.value;
  const id = PROVIDER_ID[familyOfPlan(answers.plan)];
  const base = ['providers', id];
  const reference = answers.keyStorage === 'env';
  const primary = answers.models[0] ?? '';
  const edits: Edit[] = [
    ...setIfChanged(cur, [...base, 'name'], `Model Studio ${getPlan(answers.plan).name.en}`),
    ...setIfChanged(cur, [...base, 'type'], 'openai-compat'),
    ...setIfChanged(cur, [...base, 'base_url'], resolveEndpoints(answers).openai),
    ...setIfChanged(cur, [...base, 'api_key'], reference ? `$${planKeyVar(answers.plan)}` : key),
  ];
  // The chosen models first, in order; models the user added to this provider by hand stay after them.
  const existing = getAt(cur, [...base, 'models']);
  const others = (Array.isArray(existing) ? existing : []).filter((e) => !(isObject(e) && answers.models.includes(String(e.id))));
  const models = [...answers.models.map((model) => modelEntry(model, answers)), ...others];
  edits.push(...setIfChanged(cur, [...base, 'models'], models));
  // extra_body goes with every request of the provider, whatever its model: the thinking switch is
  // written only when every model there has one (a model without thinking refuses it), with the
  // smallest budget among them.
  const specs = models.map((e) => (isObject(e) ? getModel(String(e.id)) : undefined));
  if (specs.length > 0 && specs.every((m) => m?.thinking === 'optional')) {
    const budgets = specs.map((m) => thinkingBudget(m!)).filter((b): b is number => b !== null);
    edits.push(...setIfChanged(cur, [...base, 'extra_body', 'enable_thinking'], answers.thinking));
    if (answers.thinking && budgets.length === specs.length) edits.push(...setIfChanged(cur, [...base, 'extra_body', 'thinking_budget'], Math.min(...budgets)));
    else edits.push(...deleteIfPresent(cur, [...base, 'extra_body', 'thinking_budget']));
  } else {
    edits.push(...deleteIfPresent(cur, [...base, 'extra_body', 'enable_thinking']), ...deleteIfPresent(cur, [...base, 'extra_body', 'thinking_budget']));
  }

  const { output } = limitsFor(primary, answers);
  const selection = (current: JsonValue, slot: 'large' | 'small'): Edit[] => [
    ...setIfChanged(current, ['models', slot, 'provider'], id),
    ...setIfChanged(current, ['models', slot, 'model'], primary),
    ...(output !== undefined ? setIfChanged(current, ['models', slot, 'max_tokens'], output) : deleteIfPresent(current, ['models', slot, 'max_tokens'])),
    // Settings made for the model selected before (Anthropic's `think`, another provider's effort).
    ...deleteIfPresent(current, ['models', slot, 'think']),
    ...deleteIfPresent(current, ['models', slot, 'reasoning_effort']),
  ];
  edits.push(...selection(cur, 'large'), ...selection(cur, 'small'));
  // The state file only when Crush already wrote one with a selection of its own.
  const dataEdits = data.text !== null && isObject(getAt(data.value, ['models'])) ? [...selection(data.value, 'large'), ...selection(data.value, 'small')] : [];

  return {
    edits: { config: edits, data: dataEdits },
    findings: [],
    nextSteps: [reference ? { code: 'next.crushExport', params: { variable: planKeyVar(answers.plan) } } : { code: 'next.crush' }],
  };
}


function examine({ ctx, files }: ExamineInput<FileId>): Examination {
  const config = files.config;
  const providers = config ? getAt(config.value, ['providers']) : undefined;
  if (!config || !isObject(providers)) return { views: [], findings: [] };
  const views: ProviderView[] = [];
  const findings: Finding[] = [];
  for (const [id, p] of Object.entries(providers)) {
    if (!isObject(p) || !isModelStudioProvider(p.base_url, id)) continue;
    const at = ['providers', id];
    const apiKey = str(p.api_key);
    const variable = referencedVariable(apiKey);
    const key: ProviderView['key'] = variable
      ? keyFromVariable(variable, ctx.env, undefined)
      : apiKey !== undefined
        ? { source: 'inline', value: apiKey, file: config.target.path, keyPath: `providers.${id}.api_key`, path: [...at, 'api_key'], format: 'jsonc' }
        : { source: 'none' };
    const thinking = getAt(p, ['extra_body', 'enable_thinking']);
    const budget = num(getAt(p, ['extra_body', 'thinking_budget']));
    const models = Array.isArray(p.models) ? p.models : [];
    // The selection's max_tokens wins over the model's default_max_tokens for the selected model.
    const selected = (['large', 'small'] as const).flatMap((slot) => {
      const sel = getAt(config.value, ['models', slot]);
      return isObject(sel) && sel.provider === id && typeof sel.max_tokens === 'number' ? [{ model: String(sel.model), maxTokens: sel.max_tokens, path: ['models', slot, 'max_tokens'] }] : [];
    });
    // Crush's anthropic type sends x-api-key, which Token Plan answers with 401 "No API-key provided".
    if (p.type === 'anthropic' && classifyBaseUrl(String(p.base_url)).family === 'token-plan') {
      findings.push(finding('X_API_KEY_ONLY', 'error', { tool: 'crush', file: config.target.path, keyPath: `providers.${id}.type` }));
    }
    views.push({
      tool: 'crush',
      file: config.target.path,
      keyPath: `providers.${id}`,
      protocol: p.type === 'anthropic' ? 'anthropic' : 'openai',
      baseUrl: String(p.base_url),
      format: 'jsonc',
      baseUrlPath: [...at, 'base_url'],
      key,
      models: models.flatMap((e, i) =>
        isObject(e) && typeof e.id === 'string'
          ? [{
              id: e.id,
              keyPath: `providers.${id}.models[${i}]`,
              maxTokens: selected.find((x) => x.model === e.id)?.maxTokens ?? num(e.default_max_tokens),
              context: num(e.context_window),
              thinking: thinking === true,
              ...(budget !== undefined ? { thinkingBudget: budget } : {}),
              paths: {
                maxTokens: selected.find((x) => x.model === e.id)?.path ?? [...at, 'models', i, 'default_max_tokens'],
                context: [...at, 'models', i, 'context_window'],
                budget: [...at, 'extra_body', 'thinking_budget'],
                thinking: [[...at, 'extra_body', 'enable_thinking'], [...at, 'extra_body', 'thinking_budget']],
              },
            }]
          : [],
      ),
    });
  }
  return { views, findings };
}

export const crush: ToolAdapter<FileId> = {
  id: 'crush',
  label: 'Crush',
  ...toolCommand({ bin: 'crush', oneShot: (p) => ['run', '-q', p] }),
  targets,
  plan,
  examine,
};
