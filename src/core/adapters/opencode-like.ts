import { limitsFor } from './limits.js';
import { classifyBaseUrl, familyOfPlan, getModel, getPlan } from '../catalog/index.js';
import { getAt } from '../formats/value.js';
import { joinPath, type ToolContext } from '../context.js';
import { resolveEndpoints } from '../endpoints.js';
import { finding, type Finding } from '../findings.js';
import type { Edit, JsonValue } from '../formats/types.js';
import { deleteIfPresent, isObject, setIfChanged } from './edit-helpers.js';
import { generalCredentialFindings, isModelStudioProvider, num, str } from './examine-helpers.js';
import { thinkingBudget } from './thinking.js';
import { compareVersions, parseVersion, versionTooOld } from './versions.js';
import { toolCommand, type AdapterInput, type AdapterOutput, type Answers, type Examination, type ExamineInput, type ProviderView, type TargetFile, type ToolAdapter, type ToolId } from './types.js';

/**
 * OpenCode and Kilo CLI (an OpenCode fork) read the same schema:
 * `provider.<id>.{npm, name, options, models}` plus top-level `model`.
 *
 * Why our own provider entry rather than OpenCode's built-in `alibaba-*` providers: the built-ins
 * take their model list and limits from a models.dev snapshot inside the binary (new plan models
 * lag behind), send no thinking settings (docs/tools/opencode.md#built-in-providers), and read differently named variables.
 * Our entry carries the catalog's limits and thinking budget for exactly the chosen models.
 */

/** Provider ids as Alibaba's own OpenCode pages name them. */
const PROVIDER_ID = { coding: 'bailian-coding-plan', 'token-plan': 'bailian-token-plan', payg: 'bailian' } as const;

/** OpenCode before this release mishandles large requests ("Request Entity Too Large", E35 in docs/plans.md#errors). */
const OPENCODE_MIN_VERSION = [1, 2, 16] as const;

interface Flavour {
  readonly tool: ToolId;
  readonly label: string;
  /** Config folder and file names this tool reads, the default name first. */
  configPaths(ctx: ToolContext): { path: string; alternatives: string[] };
  /** The tool's own credential store. */
  authPath(ctx: ToolContext): string;
  readonly nextStep: string;
}

function useAnthropicSdk(answers: Answers): boolean {
  // The Anthropic SDK sends only `x-api-key`, which Token Plan rejects ("No API-key provided"), and
  // a model missing from the Anthropic endpoint (deepseek-v3.2) needs the OpenAI-compatible one.
  if (familyOfPlan(answers.plan) !== 'coding') return false;
  return answers.models.every((id) => getModel(id)?.anthropic !== false);
}

function modelEntry(id: string, answers: Answers, anthropicSdk: boolean): JsonValue {
  const m = getModel(id);
  if (!m) {
    // OpenCode's `limit` needs both numbers: written only when the user gave both.
    const { context, output } = limitsFor(id, answers);
    return context !== undefined && output !== undefined ? { name: id, limit: { context, output } } : { name: id };
  }
  const think = answers.thinking && m.thinking !== 'none';
  const budget = thinkingBudget(m);
  const options: { [k: string]: JsonValue } = {};
  let output = m.maxOutput;
  if (anthropicSdk) {
    // The AI SDK adds the budget on top of limit.output for max_tokens; keep the sum within the model's maximum.
    // Thinking-only models without a documented budget (MiniMax-M2.5) need no block at all.
    if (think && budget !== null) {
      options.thinking = { type: 'enabled', budgetTokens: budget };
      output = m.maxOutput - budget;
    }
  } else if (m.thinking === 'optional') {
    // Unknown option keys pass through to the request body: the DashScope switches.
    options.enable_thinking = think;
    if (think && budget !== null) options.thinking_budget = budget;
  }
  const entry: { [k: string]: JsonValue } = { name: id, limit: { context: m.contextWindow, output } };
  if (m.imageInput) entry.modalities = { input: ['text', 'image'], output: ['text'] };
  if (Object.keys(options).length > 0) entry.options = options;
  return entry;
}

type FileId = 'config' | 'auth';

export function opencodeLike(f: Flavour): ToolAdapter<FileId> {
  const targets = (ctx: ToolContext): TargetFile<FileId>[] => {
    const { path, alternatives } = f.configPaths(ctx);
    return [
      { id: 'config', path, alternatives, format: 'jsonc', secret: false, template: 'opencode.json' },
      { id: 'auth', path: f.authPath(ctx), format: 'json', secret: true, template: 'empty.json' },
    ];
  };

  /** OpenCode older than the large-request fix; Kilo has its own release line. */
  const tooOld = (ctx: ToolContext): Finding | null => {
    const version = f.tool === 'opencode' ? parseVersion(ctx.versions.opencode) : null;
    return version && compareVersions(version, OPENCODE_MIN_VERSION) < 0 ? versionTooOld(f.tool, f.label, 'large-requests', version, OPENCODE_MIN_VERSION) : null;
  };

  const plan = ({ answers, key, ctx, files }: AdapterInput<FileId>): AdapterOutput<FileId> => {
    const { config, auth } = files;
    const cur = config.value;
    const findings: Finding[] = [];
    const id = PROVIDER_ID[familyOfPlan(answers.plan)];
    const anthropicSdk = useAnthropicSdk(answers);
    const endpoints = resolveEndpoints(answers);
    const base = ['provider', id];
    const inline = answers.keyStorage === 'inline';
    const edits: Edit[] = [
      ...setIfChanged(cur, [...base, 'npm'], anthropicSdk ? '@ai-sdk/anthropic' : '@ai-sdk/openai-compatible'),
      ...setIfChanged(cur, [...base, 'name'], `Model Studio ${getPlan(answers.plan).name.en}`),
      // The Anthropic SDK appends only `/messages`: without `/v1` the endpoint answers 404.
      ...setIfChanged(cur, [...base, 'options', 'baseURL'], anthropicSdk ? endpoints.anthropicAiSdk : endpoints.openai),
      // A key in the config beats the credential store, so a stale one there would win.
      ...(inline ? setIfChanged(cur, [...base, 'options', 'apiKey'], key) : deleteIfPresent(cur, [...base, 'options', 'apiKey'])),
    ];
    for (const model of answers.models) edits.push(...setIfChanged(cur, [...base, 'models', model], modelEntry(model, answers, anthropicSdk)));
    const ref = `${id}/${answers.models[0] ?? ''}`;
    edits.push(...setIfChanged(cur, ['model'], ref));
    // Title generation uses small_model; left unset it may go to another provider.
    edits.push(...setIfChanged(cur, ['small_model'], ref));

    const old = tooOld(ctx);
    if (old) findings.push(old);

    return {
      edits: {
        config: edits,
        auth: inline ? deleteIfPresent(auth.value, [id]) : setIfChanged(auth.value, [id], { type: 'api', key }),
      },
      findings,
      nextSteps: [{ code: f.nextStep, params: { model: ref } }],
      secretFiles: inline ? ['config'] : [],
    };
  };

  /** Providers on a Model Studio host; their key comes from the config, or else the credential store. */
  const examine = ({ ctx, files }: ExamineInput<FileId>): Examination => {
    const config = files.config;
    if (!config) return { views: [], findings: [] };
    const findings: Finding[] = [];
    const providers = getAt(config.value, ['provider']);
    const views: ProviderView[] = [];
    const store = files.auth?.value;
    const selected = str(getAt(config.value, ['model']))?.split('/')[0];
    for (const [id, p] of Object.entries(isObject(providers) ? providers : {})) {
      const baseUrl = isObject(p) ? getAt(p, ['options', 'baseURL']) : undefined;
      if (!isObject(p) || !isModelStudioProvider(baseUrl, id)) continue;
      const apiKey = str(getAt(p, ['options', 'apiKey']));
      const ref = apiKey ? /^\{env:([^}]+)\}$/.exec(apiKey)?.[1] : undefined;
      const stored = isObject(store) && isObject(store[id]) ? str(store[id].key) : undefined;
      const key: ProviderView['key'] = ref
        ? ctx.env[ref] !== undefined
          ? { source: 'environment', variable: ref, value: ctx.env[ref] }
          : { source: 'unset', variable: ref }
        : apiKey !== undefined
          ? { source: 'inline', value: apiKey, file: config.target.path, keyPath: `provider.${id}.options.apiKey`, path: ['provider', id, 'options', 'apiKey'], format: 'jsonc' }
          : stored !== undefined
            ? { source: 'store', value: stored, file: files.auth!.target.path, keyPath: `${id}.key`, path: [id, 'key'], format: 'json' }
            : { source: 'none' };
      const anthropicSdk = p.npm === '@ai-sdk/anthropic';
      const models = isObject(p.models) ? p.models : {};
      views.push({
        tool: f.tool,
        file: config.target.path,
        keyPath: `provider.${id}`,
        protocol: anthropicSdk ? 'anthropic-sdk' : 'openai',
        baseUrl: baseUrl as string,
        format: 'jsonc',
        baseUrlPath: ['provider', id, 'options', 'baseURL'],
        key,
        models: Object.entries(models).map(([mid, m]) => {
          const at = ['provider', id, 'models', mid];
          const budget = num(getAt(m, ['options', 'thinking', 'budgetTokens'])) ?? num(getAt(m, ['options', 'thinking_budget']));
          return {
            id: mid,
            keyPath: `provider.${id}.models.${mid}`,
            maxTokens: num(getAt(m, ['limit', 'output'])),
            context: num(getAt(m, ['limit', 'context'])),
            thinking: getAt(m, ['options', 'thinking', 'type']) === 'enabled' || getAt(m, ['options', 'enable_thinking']) === true,
            ...(budget !== undefined ? { thinkingBudget: budget } : {}),
            paths: {
              maxTokens: [...at, 'limit', 'output'],
              context: [...at, 'limit', 'context'],
              budget: getAt(m, ['options', 'thinking']) !== undefined ? [...at, 'options', 'thinking', 'budgetTokens'] : [...at, 'options', 'thinking_budget'],
              thinking: [[...at, 'options', 'thinking'], [...at, 'options', 'enable_thinking'], [...at, 'options', 'thinking_budget']],
            },
          };
        }),
      });
      // The Anthropic SDK sends only x-api-key; Token Plan answers 401 "No API-key provided" to that.
      const headers = getAt(p, ['options', 'headers']);
      if (anthropicSdk && classifyBaseUrl(baseUrl as string).family === 'token-plan' && !(isObject(headers) && 'Authorization' in headers)) {
        findings.push(finding('X_API_KEY_ONLY', 'error', { tool: f.tool, file: config.target.path, keyPath: `provider.${id}.npm` }));
      }
    }
    // A pay-as-you-go provider beside the plan one may quietly serve (and bill) requests.
    const families = new Set(views.map((v) => classifyBaseUrl(v.baseUrl ?? '').family));
    const builtinPayg = isObject(providers) && ['alibaba', 'alibaba-cn'].some((b) => b in providers);
    if ((families.has('payg') || builtinPayg) && (families.has('coding') || families.has('token-plan'))) {
      findings.push(finding('GENERAL_CREDENTIALS_LEFTOVER', 'warning', { tool: f.tool, file: config.target.path, keyPath: 'provider', params: { selected: selected ?? '' } }));
    }
    // A pay-as-you-go key kept in the credential store for a built-in general provider.
    const ids = new Set(views.map((v) => v.keyPath.replace(/^provider\./, '')));
    const stored = isObject(store) && files.auth ? Object.entries(store).filter(([id, e]) => GENERAL_PROVIDERS.includes(id) && !ids.has(id) && isObject(e)) : [];
    findings.push(...generalCredentialFindings(f.tool, views, stored.map(([id, e]) => ({ file: files.auth!.target.path, keyPath: `${id}.key`, name: id, value: isObject(e) ? e.key : undefined }))));
    const old = views.length > 0 ? tooOld(ctx) : null;
    if (old) findings.push(old);
    return { views, findings };
  };

  return {
    id: f.tool,
    label: f.label,
    // OpenCode's large-request fix is release-bound (OPENCODE_MIN_VERSION); both binaries are named after the tool id.
    ...toolCommand({ bin: f.tool, versionSensitive: f.tool === 'opencode', oneShot: (p) => ['run', p] }),
    targets,
    plan,
    examine,
  };
}

/**
 * Pay-as-you-go provider ids whose credential-store entry is a general key: the built-in
 * `alibaba` providers (docs/tools/opencode.md#built-in-providers) and `dashscope`, a custom id
 * often given to the same API.
 */
const GENERAL_PROVIDERS: readonly string[] = ['alibaba', 'alibaba-cn', 'dashscope'];

const xdgConfig = (ctx: ToolContext): string => ctx.env.XDG_CONFIG_HOME || joinPath(ctx.home, '.config');
const xdgData = (ctx: ToolContext): string => ctx.env.XDG_DATA_HOME || joinPath(ctx.home, '.local', 'share');

export const opencode = opencodeLike({
  tool: 'opencode',
  label: 'OpenCode',
  configPaths: (ctx) => {
    if (ctx.env.OPENCODE_CONFIG) return { path: ctx.env.OPENCODE_CONFIG, alternatives: [] };
    const dir = ctx.env.OPENCODE_CONFIG_DIR || joinPath(xdgConfig(ctx), 'opencode');
    return { path: joinPath(dir, 'opencode.json'), alternatives: [joinPath(dir, 'opencode.jsonc'), joinPath(dir, 'config.json')] };
  },
  authPath: (ctx) => joinPath(xdgData(ctx), 'opencode', 'auth.json'),
  nextStep: 'next.opencode',
});

export const kilo = opencodeLike({
  tool: 'kilo',
  label: 'Kilo CLI',
  configPaths: (ctx) => {
    if (ctx.env.KILO_CONFIG) return { path: ctx.env.KILO_CONFIG, alternatives: [] };
    const dir = ctx.env.KILO_CONFIG_DIR || joinPath(xdgConfig(ctx), 'kilo');
    const names = ['kilo.jsonc', 'config.json', 'opencode.json', 'opencode.jsonc'];
    return { path: joinPath(dir, 'kilo.json'), alternatives: names.map((n) => joinPath(dir, n)) };
  },
  authPath: (ctx) => joinPath(xdgData(ctx), 'kilo', 'auth.json'),
  nextStep: 'next.kilo',
});
