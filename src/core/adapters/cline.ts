import { limitsFor } from './limits.js';
import { getModel } from '../catalog/index.js';
import { joinPath, type ToolContext } from '../context.js';
import { resolveEndpoints } from '../endpoints.js';
import { finding, type Finding } from '../findings.js';
import type { Edit } from '../formats/types.js';
import { getAt } from '../formats/value.js';
import { deleteIfPresent, isObject, setIfChanged } from './edit-helpers.js';
import { isModelStudioProvider, num, str } from './examine-helpers.js';
import { toolCommand, type AdapterInput, type AdapterOutput, type Examination, type ExamineInput, type ProviderView, type TargetFile, type ToolAdapter } from './types.js';

type FileId = 'providers';

/** The provider slot tp-setup owns: Cline's "Alibaba Qwen" provider, which is Model Studio's. */
const PROVIDER = 'qwen';

/**
 * What Cline CLI 3.0.65 sends as `max_tokens` whatever `maxTokens` says (observed against a local
 * server, docs/tools/cline.md): a model whose output limit is lower answers "Range of max_tokens".
 */
export const CLINE_SENT_MAX_TOKENS = 32_000;

/**
 * The Cline CLI keeps provider settings and keys together in one plain JSON file,
 * `~/.cline/data/settings/providers.json` (0600), which it rewrites on each run
 * (docs/tools/cline.md).
 *
 * - Provider `qwen` with `baseUrl` set: posts `{baseUrl}/chat/completions` with `Authorization:
 *   Bearer` (observed), so one slot serves every plan, and a user's own `openai-compatible`
 *   provider is left alone. `apiLine` follows the region for Cline's own model lists.
 * - The key can only live in this file: Cline reads no `${VAR}` reference, and its `apiKeyEnv`
 *   variables did not reach the request (observed); `cline auth` takes the key only on its
 *   command line, which tp-setup never uses.
 * - Thinking: Cline sends only `reasoning_effort`, not DashScope's `enable_thinking`, so the
 *   model's default applies; nothing is written for it.
 */
function targets(ctx: ToolContext): TargetFile<FileId>[] {
  const dataDir = ctx.env.CLINE_DATA_DIR || joinPath(ctx.env.CLINE_DIR || joinPath(ctx.home, '.cline'), 'data');
  const path = ctx.env.CLINE_PROVIDER_SETTINGS_PATH || joinPath(dataDir, 'settings', 'providers.json');
  return [{ id: 'providers', path, format: 'json', secret: true, template: 'empty.json' }];
}

function plan({ answers, key, ctx, files }: AdapterInput<FileId>): AdapterOutput<FileId> {
  const cur = files.providers.value;
  const findings: Finding[] = [];
  const model = answers.models[0] ?? '';
  const { context, output } = limitsFor(model, answers);
  const base = ['providers', PROVIDER, 'settings'];
  const edits: Edit[] = [
    ...setIfChanged(cur, ['version'], 1),
    ...setIfChanged(cur, ['lastUsedProvider'], PROVIDER),
    ...setIfChanged(cur, [...base, 'provider'], PROVIDER),
    ...setIfChanged(cur, [...base, 'apiKey'], key),
    ...setIfChanged(cur, [...base, 'model'], model),
    ...setIfChanged(cur, [...base, 'baseUrl'], resolveEndpoints(answers).openai),
    ...setIfChanged(cur, [...base, 'apiLine'], answers.region === 'cn' ? 'china' : 'international'),
    ...(context !== undefined ? setIfChanged(cur, [...base, 'contextWindow'], context) : deleteIfPresent(cur, [...base, 'contextWindow'])),
    // Written for the builds that honour it; 3.0.65 does not (see CLINE_SENT_MAX_TOKENS).
    ...(output !== undefined ? setIfChanged(cur, [...base, 'maxTokens'], output) : deleteIfPresent(cur, [...base, 'maxTokens'])),
    ...setIfChanged(cur, ['providers', PROVIDER, 'tokenSource'], 'manual'),
  ];
  // Cline 3.0.65 drops a provider entry without updatedAt (observed): stamped when the entry
  // changes or has none, so a second run with the same answers still changes nothing.
  if (edits.some((e) => e.path[0] === 'providers') || typeof getAt(cur, ['providers', PROVIDER, 'updatedAt']) !== 'string') {
    edits.push({ op: 'set', path: ['providers', PROVIDER, 'updatedAt'], value: ctx.now ?? new Date(0).toISOString() });
  }
  const limit = getModel(model)?.maxOutput;
  if (limit !== undefined && limit < CLINE_SENT_MAX_TOKENS) {
    // Said before writing: not a refusal, since a later Cline may honour maxTokens.
    findings.push(finding('CLINE_MAX_TOKENS_FIXED', 'warning', { tool: 'cline', params: { model, value: CLINE_SENT_MAX_TOKENS, limit } }));
  }
  return { edits: { providers: edits }, findings, nextSteps: [{ code: 'next.cline' }] };
}

function examine({ files }: ExamineInput<FileId>): Examination {
  const file = files.providers;
  const providers = file ? getAt(file.value, ['providers']) : undefined;
  if (!file || !isObject(providers)) return { views: [], findings: [] };
  const views: ProviderView[] = [];
  for (const [id, entry] of Object.entries(providers)) {
    const s = isObject(entry) ? entry.settings : undefined;
    // The `qwen` slot is Model Studio's own provider, whatever gateway its baseUrl names.
    if (!isObject(s) || !(isModelStudioProvider(s.baseUrl, undefined) || (id === PROVIDER && typeof s.baseUrl === 'string'))) continue;
    const at = ['providers', id, 'settings'];
    const apiKey = str(s.apiKey);
    views.push({
      tool: 'cline',
      file: file.target.path,
      keyPath: `providers.${id}`,
      protocol: s.provider === 'anthropic' ? 'anthropic' : 'openai',
      baseUrl: String(s.baseUrl),
      format: 'json',
      baseUrlPath: [...at, 'baseUrl'],
      key: apiKey !== undefined ? { source: 'inline', value: apiKey, file: file.target.path, keyPath: `providers.${id}.settings.apiKey`, path: [...at, 'apiKey'], format: 'json' } : { source: 'none' },
      models: typeof s.model === 'string' ? [{ id: s.model, keyPath: `providers.${id}.settings.model`, context: num(s.contextWindow), paths: { context: [...at, 'contextWindow'] } }] : [],
    });
  }
  // What goes out is Cline's own max_tokens, not the file's: a finding of its own, with no repair.
  const findings = views.flatMap((v) =>
    v.models.flatMap((m) => {
      const limit = getModel(m.id)?.maxOutput;
      return limit !== undefined && limit < CLINE_SENT_MAX_TOKENS ? [finding('CLINE_MAX_TOKENS_FIXED', 'warning', { tool: 'cline', file: v.file, keyPath: m.keyPath, params: { model: m.id, value: CLINE_SENT_MAX_TOKENS, limit } })] : [];
    }),
  );
  return { views, findings };
}

export const cline: ToolAdapter<FileId> = {
  id: 'cline',
  label: 'Cline CLI',
  ...toolCommand({ bin: 'cline', oneShot: (p) => ['-t', '120', p] }),
  targets,
  plan,
  examine,
};
