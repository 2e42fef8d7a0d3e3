import { getModel } from '../catalog/index.js';
import { joinPath, type ToolContext } from '../context.js';
import { resolveEndpoints } from '../endpoints.js';
import type { Edit } from '../formats/types.js';
import { deleteIfPresent, setIfChanged } from './edit-helpers.js';
import { planKeyVar } from './key-vars.js';
import type { AdapterInput, AdapterOutput, TargetFile, ToolAdapter } from './types.js';

/**
 * Hermes Agent: `model:` in config.yaml, secrets in its own .env. The OpenAI-compatible mode is
 * used for every plan: it sends `Authorization: Bearer` (Token Plan rejects `x-api-key` alone) and
 * serves every plan model, deepseek-v3.2 included, which the Anthropic endpoint does not.
 */
function targets(ctx: ToolContext): TargetFile[] {
  const dir = ctx.env.HERMES_HOME || joinPath(ctx.home, '.hermes');
  return [
    { id: 'config', path: joinPath(dir, 'config.yaml'), format: 'yaml', secret: false, template: 'empty.yaml' },
    { id: 'env', path: joinPath(dir, '.env'), format: 'dotenv', secret: true, template: 'empty.env' },
  ];
}

function plan({ answers, key, files }: AdapterInput): AdapterOutput {
  const config = files.config;
  const envFile = files.env;
  if (!config || !envFile) throw new Error('hermes: files not loaded');
  const cur = config.value;
  const primary = answers.models[0] ?? '';
  const inline = answers.keyStorage === 'inline';
  const envKey = planKeyVar(answers.plan);
  const model = getModel(primary);
  const edits: Edit[] = [
    ...setIfChanged(cur, ['model', 'provider'], 'custom'),
    ...setIfChanged(cur, ['model', 'base_url'], resolveEndpoints(answers).openai),
    ...setIfChanged(cur, ['model', 'api_mode'], 'chat_completions'),
    ...setIfChanged(cur, ['model', 'default'], primary),
    ...(model ? setIfChanged(cur, ['model', 'context_length'], model.contextWindow) : []),
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

export const hermes: ToolAdapter = { id: 'hermes', label: 'Hermes Agent', targets, plan };
