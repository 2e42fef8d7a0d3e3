import { limitsFor } from './limits.js';
import { getModel } from '../catalog/index.js';
import { resolveEndpoints } from '../endpoints.js';
import { dirOf, joinPath, type ToolContext } from '../context.js';
import { finding, type Finding } from '../findings.js';
import type { Edit, JsonValue } from '../formats/types.js';
import { getAt } from '../formats/value.js';
import { classifyKey } from '../keys.js';
import { deleteIfPresent, setIfChanged } from './edit-helpers.js';
import { isModelStudioUrl } from './examine-helpers.js';
import { thinkingBudget } from './thinking.js';
import { toolCommand, type AdapterInput, type AdapterOutput, type Examination, type ExamineInput, type TargetFile, type ToolAdapter } from './types.js';

/** What Claude Code 2.1 sends as max_tokens unless told otherwise (docs/tools/claude-code.md#thinking). */
const CLAUDE_DEFAULT_MAX_OUTPUT = 32_000;

/** The model-slot variables Claude Code reads; all pinned so sub-agents never ask for a Claude model name. */
const MODEL_VARS = [
  'ANTHROPIC_MODEL',
  'ANTHROPIC_DEFAULT_HAIKU_MODEL',
  'ANTHROPIC_DEFAULT_SONNET_MODEL',
  'ANTHROPIC_DEFAULT_OPUS_MODEL',
] as const;

type FileId = 'settings' | 'state';

function targets(ctx: ToolContext): TargetFile<FileId>[] {
  // CLAUDE_CONFIG_DIR moves both settings.json and .claude.json into that folder.
  const dir = ctx.env.CLAUDE_CONFIG_DIR || joinPath(ctx.home, '.claude');
  const statePath = ctx.env.CLAUDE_CONFIG_DIR
    ? joinPath(ctx.env.CLAUDE_CONFIG_DIR, '.claude.json')
    : joinPath(ctx.home, '.claude.json');
  return [
    // settings.json holds the token in clear (Claude Code has no env reference for it), hence secret.
    { id: 'settings', path: joinPath(dir, 'settings.json'), format: 'json', secret: true, template: 'claude-settings.json' },
    { id: 'state', path: statePath, format: 'json', secret: false, template: 'claude-state.json' },
  ];
}

/**
 * The file's CLAUDE_CODE_MAX_CONTEXT_TOKENS is the one tp-setup writes: the catalog window of the
 * model the file pins. Any other value is the user's own and stays.
 */
function ownContextValue(cur: JsonValue): boolean {
  const value = getAt(cur, ['env', 'CLAUDE_CODE_MAX_CONTEXT_TOKENS']);
  const pinned = getAt(cur, ['env', 'ANTHROPIC_MODEL']);
  const window = typeof pinned === 'string' ? getModel(pinned)?.contextWindow : undefined;
  return window !== undefined && value === String(window);
}

function plan({ answers, key, ctx, files }: AdapterInput<FileId>): AdapterOutput<FileId> {
  const findings: Finding[] = [];
  const { settings, state } = files;
  const primary = answers.models[0] ?? '';
  const model = getModel(primary);
  const endpoints = resolveEndpoints(answers);
  const file = settings.target.path;

  if (model && !model.anthropic) {
    findings.push(
      finding('MODEL_NOT_ON_PROTOCOL', 'error', {
        tool: 'claude-code',
        file,
        keyPath: 'env.ANTHROPIC_MODEL',
        params: { model: primary, protocol: 'anthropic' },
      }),
    );
  }

  const cur = settings.value;
  const edits: Edit[] = [
    ...setIfChanged(cur, ['env', 'ANTHROPIC_BASE_URL'], endpoints.anthropic),
    // AUTH_TOKEN is sent as `Authorization: Bearer`; Token Plan rejects `x-api-key` alone.
    ...setIfChanged(cur, ['env', 'ANTHROPIC_AUTH_TOKEN'], key),
    ...MODEL_VARS.flatMap((name) => setIfChanged(cur, ['env', name], primary)),
    // A second credential in the same file makes Claude Code send both headers.
    ...deleteIfPresent(cur, ['env', 'ANTHROPIC_API_KEY']),
  ];
  const budget = model ? thinkingBudget(model) : null;
  const env = (name: string): string[] => ['env', name];
  if (!answers.thinking || model?.thinking === 'none') {
    edits.push(...setIfChanged(cur, env('CLAUDE_CODE_DISABLE_THINKING'), '1'));
    edits.push(...deleteIfPresent(cur, env('CLAUDE_CODE_MODEL_CAPABILITIES')), ...deleteIfPresent(cur, env('MAX_THINKING_TOKENS')));
  } else {
    edits.push(...deleteIfPresent(cur, env('CLAUDE_CODE_DISABLE_THINKING')));
    if (budget !== null) {
      // For a model id it does not know, Claude Code sends `thinking: {type: "adaptive"}`, which
      // Model Studio does not document. These two make it send the documented
      // `{type: "enabled", budget_tokens}` with a budget inside the model's limit (docs/tools/claude-code.md#thinking).
      edits.push(...setIfChanged(cur, env('CLAUDE_CODE_MODEL_CAPABILITIES'), answers.models.map((id) => `${id}=thinking,-adaptive_thinking,-effort`).join(';')));
      edits.push(...setIfChanged(cur, env('MAX_THINKING_TOKENS'), String(budget)));
    }
  }
  // Claude Code asks for 32,000 output tokens; a model with a lower limit answers 400 "Range of max_tokens".
  const limits = limitsFor(primary, answers);
  if (limits.output !== undefined && limits.output < CLAUDE_DEFAULT_MAX_OUTPUT) edits.push(...setIfChanged(cur, env('CLAUDE_CODE_MAX_OUTPUT_TOKENS'), String(limits.output)));
  else edits.push(...deleteIfPresent(cur, env('CLAUDE_CODE_MAX_OUTPUT_TOKENS')));
  // For an id it does not know Claude Code assumes a 1,000,000-token window and warns on every
  // start; it takes the window from this variable instead (docs/tools/claude-code.md#context-window).
  if (limits.context !== undefined) edits.push(...setIfChanged(cur, env('CLAUDE_CODE_MAX_CONTEXT_TOKENS'), String(limits.context)));
  else if (ownContextValue(cur)) edits.push(...deleteIfPresent(cur, env('CLAUDE_CODE_MAX_CONTEXT_TOKENS')));

  // The settings get ANTHROPIC_AUTH_TOKEN, so an exported ANTHROPIC_API_KEY makes two credentials:
  // named before writing under the code doctor gives it after, so it is said once. A warning, not a
  // refusal: the export lives in a shell profile tp-setup does not edit.
  if (ctx.env.ANTHROPIC_API_KEY) {
    findings.push(
      finding('TWO_CREDENTIALS', 'warning', { tool: 'claude-code', keyPath: 'ANTHROPIC_API_KEY', params: { tool: 'Claude Code', first: 'ANTHROPIC_AUTH_TOKEN', second: 'ANTHROPIC_API_KEY', source: 'environment' } }),
    );
  }
  for (const name of ['ANTHROPIC_BASE_URL', 'ANTHROPIC_AUTH_TOKEN'] as const) {
    if (ctx.env[name]) {
      // settings.json env wins over the shell for Claude Code, so this is only informational.
      findings.push(finding('ENV_SHADOWED', 'info', { tool: 'claude-code', keyPath: name, params: { variable: name, winner: file } }));
    }
  }

  return {
    edits: {
      settings: edits,
      // Without this flag the first interactive start tries to reach api.anthropic.com and fails.
      state: setIfChanged(state.value, ['hasCompletedOnboarding'], true),
    },
    findings,
    nextSteps: [{ code: 'next.claude', params: { dir: dirOf(file) } }],
  };
}

/**
 * Credentials that go to the wrong place whatever else the config says: a plan key with no base
 * URL (or Anthropic's own) goes to Anthropic, which rejects it; ANTHROPIC_AUTH_TOKEN and
 * ANTHROPIC_API_KEY both set send two credentials (docs/tools/claude-code.md).
 */
function credentialFindings(ctx: ToolContext, settings: ExamineInput<FileId>['files']['settings'], env: (name: string) => string | undefined, baseUrl: string | undefined): Finding[] {
  const out: Finding[] = [];
  const file = settings?.target.path ?? targets(ctx)[0]!.path;
  const inFile = (name: string): boolean => settings !== undefined && typeof getAt(settings.value, ['env', name]) === 'string';
  const token = env('ANTHROPIC_AUTH_TOKEN');
  const apiKey = env('ANTHROPIC_API_KEY');
  const sent = [['ANTHROPIC_AUTH_TOKEN', token], ['ANTHROPIC_API_KEY', apiKey]] as const;
  const plan = sent.find(([, v]) => v !== undefined && classifyKey(v) === 'plan');
  const toAnthropic = baseUrl === undefined || baseUrl.trim() === '' || /^https?:\/\/([^/]*\.)?anthropic\.com(\/|:|$)/i.test(baseUrl.trim());
  if (plan && toAnthropic) {
    const at = inFile(plan[0]) ? { file, keyPath: `env.${plan[0]}` } : { keyPath: plan[0] };
    out.push(finding('PLAN_KEY_NO_BASE_URL', 'error', { tool: 'claude-code', ...at, params: { tool: 'Claude Code', variable: plan[0], baseVar: 'ANTHROPIC_BASE_URL' } }));
  }
  if (token && apiKey) {
    const source = inFile('ANTHROPIC_API_KEY') ? file : 'environment';
    out.push(finding('TWO_CREDENTIALS', 'error', { tool: 'claude-code', ...(source === file ? { file } : {}), keyPath: 'env.ANTHROPIC_API_KEY', params: { tool: 'Claude Code', first: 'ANTHROPIC_AUTH_TOKEN', second: 'ANTHROPIC_API_KEY', source } }));
  }
  return out;
}

/** What Claude Code will send: settings.json `env` beats the shell for these variables. */
function examine({ ctx, files }: ExamineInput<FileId>): Examination {
  const settings = files.settings;
  const findings: Finding[] = [];
  const env = (name: string): string | undefined => {
    const v = settings ? getAt(settings.value, ['env', name]) : undefined;
    return typeof v === 'string' ? v : ctx.env[name];
  };
  const baseUrl = env('ANTHROPIC_BASE_URL');
  findings.push(...credentialFindings(ctx, settings, env, baseUrl));
  // tp-setup's own pins mark a gateway-routed config as ours too.
  const ours = baseUrl !== undefined && (baseUrl.replace(/\/+$/, '').endsWith('/apps/anthropic') || isModelStudioUrl(baseUrl));
  if (!baseUrl || !ours) return { views: [], findings };
  const file = settings?.target.path ?? '';
  const inFile = settings !== undefined && getAt(settings.value, ['env', 'ANTHROPIC_API_KEY']) !== undefined;
  // Removing it is safe only when the file also has the token Claude Code should use instead.
  const tokenToo = settings !== undefined && getAt(settings.value, ['env', 'ANTHROPIC_AUTH_TOKEN']) !== undefined;
  const two = findings.findIndex((f) => f.code === 'TWO_CREDENTIALS');
  if (two >= 0) {
    // One finding for one cause: the two-credential error carries the repair, when the token it
    // keeps is in the same file.
    if (inFile && tokenToo) findings[two] = { ...findings[two]!, repair: { file, format: 'json', edits: [{ op: 'delete', path: ['env', 'ANTHROPIC_API_KEY'] }] } };
  } else if (inFile || ctx.env.ANTHROPIC_API_KEY) {
    findings.push(
      finding('CLAUDE_API_KEY_VAR', 'warning', inFile ? { tool: 'claude-code', file, keyPath: 'env.ANTHROPIC_API_KEY', params: { source: file } } : { tool: 'claude-code', keyPath: 'ANTHROPIC_API_KEY', params: { source: 'environment' } }),
    );
  }
  if (files.state?.value === undefined || getAt(files.state.value, ['hasCompletedOnboarding']) !== true) {
    const state = files.state?.target.path ?? targets(ctx)[1]!.path;
    const repair = { file: state, format: 'json' as const, edits: [{ op: 'set' as const, path: ['hasCompletedOnboarding'], value: true }] };
    findings.push(finding('CLAUDE_ONBOARDING_MISSING', 'warning', { tool: 'claude-code', file: state, keyPath: 'hasCompletedOnboarding', repair }));
  }
  const token = env('ANTHROPIC_AUTH_TOKEN') ?? env('ANTHROPIC_API_KEY');
  const tokenInFile = settings !== undefined && getAt(settings.value, ['env', 'ANTHROPIC_AUTH_TOKEN']) !== undefined;
  const budget = Number(env('MAX_THINKING_TOKENS') ?? NaN);
  const maxTokens = Number(env('CLAUDE_CODE_MAX_OUTPUT_TOKENS') ?? CLAUDE_DEFAULT_MAX_OUTPUT);
  const ids = [...new Set(MODEL_VARS.map(env).filter((v): v is string => Boolean(v)))];
  // One window for every id not starting with `claude-` (docs/tools/claude-code.md#context-window).
  // Only the smallest catalog window gets the repair, so fixes for two models never disagree.
  const context = Number(env('CLAUDE_CODE_MAX_CONTEXT_TOKENS') ?? NaN);
  const sized = Number.isFinite(context) && context > 0 ? ids.filter((id) => !id.startsWith('claude-')) : [];
  const tightest = [...sized].sort((a, b) => (getModel(a)?.contextWindow ?? Infinity) - (getModel(b)?.contextWindow ?? Infinity))[0];
  return {
    findings,
    views: [
      {
        tool: 'claude-code',
        file,
        keyPath: 'env',
        protocol: 'anthropic',
        baseUrl,
        key: token === undefined ? { source: 'none' } : tokenInFile ? { source: 'inline', value: token, file, keyPath: 'env.ANTHROPIC_AUTH_TOKEN', path: ['env', 'ANTHROPIC_AUTH_TOKEN'], format: 'json' } : { source: 'environment', variable: 'ANTHROPIC_AUTH_TOKEN', value: token },
        format: 'json',
        stringValues: true,
        ...(settings && getAt(settings.value, ['env', 'ANTHROPIC_BASE_URL']) !== undefined ? { baseUrlPath: ['env', 'ANTHROPIC_BASE_URL'] } : {}),
        models: ids.map((id) => ({
          id,
          keyPath: `env.${MODEL_VARS.find((v) => env(v) === id) ?? 'ANTHROPIC_MODEL'}`,
          maxTokens,
          ...(Number.isFinite(budget) ? { thinkingBudget: budget } : {}),
          ...(sized.includes(id) ? { context } : {}),
          paths: { maxTokens: ['env', 'CLAUDE_CODE_MAX_OUTPUT_TOKENS'], budget: ['env', 'MAX_THINKING_TOKENS'], ...(id === tightest ? { context: ['env', 'CLAUDE_CODE_MAX_CONTEXT_TOKENS'] } : {}) },
        })),
      },
    ],
  };
}

export const claudeCode: ToolAdapter<FileId> = { id: 'claude-code', label: 'Claude Code', ...toolCommand({ bin: 'claude', oneShot: (p) => ['-p', p] }), targets, plan, examine };
