/**
 * Realistic large config files for the size tests and `npm run bench`: an OpenClaw-like JSON
 * (also as JSONC and JSON5, with comments), a Hermes-like YAML, a Codex-like TOML and a `.env`,
 * each of about `bytes` characters, with the small edit set every size check applies.
 */
import type { Edit } from '../../src/core/formats/types.js';

export type SizedFormat = 'json' | 'jsonc' | 'json5' | 'toml' | 'yaml' | 'dotenv';
export const SIZED_FORMATS: readonly SizedFormat[] = ['json', 'jsonc', 'json5', 'toml', 'yaml', 'dotenv'];
const KEY = 'sk-sp-test-0000-1111-2222-abcd';

function openclawJson(bytes: number): string {
  const providers: Record<string, unknown> = {};
  for (let p = 0, size = 0; size < bytes; p++, size += 20 * 360 + 300) {
    const models = Array.from({ length: 20 }, (_, m) => ({
      id: `model-${p}-${m}`,
      name: `Model ${p}/${m}`,
      contextWindow: 131072,
      maxTokens: 8192,
      reasoning: m % 2 === 0,
      input: ['text', 'image'],
      cost: { input: 0.5, output: 1.5 },
    }));
    providers[`provider${p}`] = { baseUrl: `https://api${p}.example.com/v1`, apiKey: KEY, api: 'openai-completions', models };
  }
  const value = { meta: { version: 1 }, models: { mode: 'merge', providers }, agents: { defaults: { model: { primary: 'provider0/model-0-0' } }, list: [{ id: 'main' }] } };
  return JSON.stringify(value, null, 2);
}

export function largeConfig(format: SizedFormat, bytes: number): string {
  if (format === 'json') return openclawJson(bytes) + '\n';
  if (format === 'jsonc') return '// settings\n' + openclawJson(bytes).replace(/\n(\s*)"baseUrl"/g, '\n$1// endpoint\n$1"baseUrl"') + '\n';
  if (format === 'json5') {
    return '// openclaw\n' + openclawJson(bytes).replace(/"([A-Za-z_][A-Za-z0-9_]*)":/g, '$1:').replace(/\n(\s*)baseUrl/g, '\n$1// endpoint\n$1baseUrl') + '\n';
  }
  const parts: string[] = [];
  let size = 0;
  const add = (text: string): void => {
    parts.push(text);
    size += text.length;
  };
  if (format === 'yaml') {
    add('# hermes config\nmodel:\n  default: qwen3-coder-plus\n  provider: custom\nproviders:\n');
    for (let i = 0; size < bytes; i++) {
      add(`  p${i}:\n    base_url: https://api${i}.example.com/v1  # endpoint\n    api_key: ${KEY}\n    models:\n`);
      for (let m = 0; m < 10; m++) add(`      - name: model-${i}-${m}\n        context: 131072\n`);
    }
    add('toolsets:\n  - web\n  - terminal\n');
  } else if (format === 'toml') {
    add('# codex\nmodel = "gpt-5"\nmodel_provider = "p0"\n\n[features]\nweb = true\n\n');
    for (let i = 0; size < bytes; i++) {
      add(`[model_providers.p${i}]\nname = "Provider ${i}"  # display\nbase_url = "https://api${i}.example.com/v1"\nenv_key = "KEY_${i}"\nwire_api = "chat"\nmodels = ["a-${i}", "b-${i}"]\n\n`);
    }
  } else {
    add('# env\n');
    for (let i = 0; size < bytes; i++) add(`VAR_${i} = value-${i} # note ${i}\nexport Q_${i}="quoted ${i}"\n`);
  }
  return parts.join('');
}

/** Set a nested key, insert into an array, delete a key. */
export function largeConfigEdits(format: SizedFormat): Edit[] {
  if (format === 'dotenv') {
    return [
      { op: 'set', path: ['VAR_5'], value: KEY },
      { op: 'set', path: ['NEW_KEY'], value: 'x y' },
      { op: 'delete', path: ['Q_7'] },
    ];
  }
  if (format === 'yaml') {
    return [
      { op: 'set', path: ['model', 'default'], value: 'qwen3-max' },
      { op: 'insert', path: ['toolsets', 0], value: 'files' },
      { op: 'delete', path: ['providers', 'p3', 'api_key'] },
    ];
  }
  if (format === 'toml') {
    return [
      { op: 'set', path: ['model_providers', 'p2', 'name'], value: 'Renamed' },
      { op: 'insert', path: ['model_providers', 'p2', 'models', 0], value: 'c' },
      { op: 'delete', path: ['model_providers', 'p3', 'env_key'] },
      { op: 'set', path: ['model'], value: 'qwen3-coder-plus' },
    ];
  }
  return [
    { op: 'set', path: ['agents', 'defaults', 'model', 'primary'], value: 'provider1/model-1-1' },
    { op: 'insert', path: ['agents', 'list', 0], value: { id: 'new' } },
    { op: 'delete', path: ['models', 'providers', 'provider3', 'apiKey'] },
  ];
}
