import { limitsFor } from './limits.js';
import { joinPath, type ToolContext } from '../context.js';
import { resolveEndpoints } from '../endpoints.js';
import type { Edit } from '../formats/types.js';
import { getAt } from '../formats/value.js';
import { deleteIfPresent, isObject, setIfChanged } from './edit-helpers.js';
import { generalCredentialFindings, generalVarEntry, isModelStudioProvider, keyFromVariable, num, str } from './examine-helpers.js';
import { planKeyVar } from './key-vars.js';
import { toolCommand, type AdapterInput, type AdapterOutput, type Examination, type ExamineInput, type ProviderView, type TargetFile, type ToolAdapter } from './types.js';

type FileId = 'config' | 'env';

/**
 * Hermes Agent: `model:` in config.yaml, secrets in its own .env. The OpenAI-compatible mode is
 * used for every plan: it sends `Authorization: Bearer` (Token Plan rejects `x-api-key` alone) and
 * serves every plan model, deepseek-v3.2 included, which the Anthropic endpoint does not.
 */
function targets(ctx: ToolContext): TargetFile<FileId>[] {
  const dir = ctx.env.HERMES_HOME || joinPath(ctx.home, '.hermes');
  return [
    { id: 'config', path: joinPath(dir, 'config.yaml'), format: 'yaml', secret: false, template: 'empty.yaml' },
    { id: 'env', path: joinPath(dir, '.env'), format: 'dotenv', secret: true, template: 'empty.env' },
  ];
}

function plan({ answers, key, files }: AdapterInput<FileId>): AdapterOutput<FileId> {
  const { config, env: envFile } = files;
  const cur = config.value;
  const primary = answers.models[0] ?? '';
  const inline = answers.keyStorage === 'inline';
  const envKey = planKeyVar(answers.plan);
  const { context } = limitsFor(primary, answers);
  const edits: Edit[] = [
    ...setIfChanged(cur, ['model', 'provider'], 'custom'),
    ...setIfChanged(cur, ['model', 'base_url'], resolveEndpoints(answers).openai),
    ...setIfChanged(cur, ['model', 'api_mode'], 'chat_completions'),
    ...setIfChanged(cur, ['model', 'default'], primary),
    ...(context !== undefined ? setIfChanged(cur, ['model', 'context_length'], context) : []),
    ...(inline
      ? [...setIfChanged(cur, ['model', 'api_key'], key), ...deleteIfPresent(cur, ['model', 'key_env'])]
      : [...setIfChanged(cur, ['model', 'key_env'], envKey), ...deleteIfPresent(cur, ['model', 'api_key'])]),
  ];
  return {
    edits: { config: edits, env: inline ? deleteIfPresent(envFile.value, [envKey]) : setIfChanged(envFile.value, [envKey], key) },
    findings: [],
    nextSteps: [{ code: 'next.hermes' }],
    secretFiles: inline ? ['config'] : [],
  };
}

function examine({ ctx, files }: ExamineInput<FileId>): Examination {
  const config = files.config;
  const m = config ? getAt(config.value, ['model']) : undefined;
  if (!config || !isObject(m) || !isModelStudioProvider(m.base_url, str(m.key_env))) return { views: [], findings: [] };
  const apiKey = str(m.api_key);
  const keyEnv = str(m.key_env);
  const key = apiKey !== undefined ? ({ source: 'inline', value: apiKey, file: config.target.path, keyPath: 'model.api_key', path: ['model', 'api_key'], format: 'yaml' } as const) : keyEnv ? keyFromVariable(keyEnv, ctx.env, files.env, 'file') : ({ source: 'none' } as const);
  const id = str(m.default);
  const views: ProviderView[] = [
      {
        tool: 'hermes',
        file: config.target.path,
        keyPath: 'model',
        protocol: m.api_mode === 'anthropic_messages' ? 'anthropic' : 'openai',
        baseUrl: str(m.base_url),
        format: 'yaml',
        baseUrlPath: ['model', 'base_url'],
        key,
        models: id ? [{ id, keyPath: 'model.default', context: num(m.context_length), paths: { context: ['model', 'context_length'] } }] : [],
      },
  ];
  // Hermes's built-in Alibaba provider reads DASHSCOPE_API_KEY from the same .env.
  return { views, findings: generalCredentialFindings('hermes', views, generalVarEntry(files.env)) };
}

export const hermes: ToolAdapter<FileId> = {
  id: 'hermes',
  label: 'Hermes Agent',
  ...toolCommand({ bin: 'hermes', oneShot: (p) => ['chat', '-q', p, '-Q'] }),
  targets,
  plan,
  examine,
};
