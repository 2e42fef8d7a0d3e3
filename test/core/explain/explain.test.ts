import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planIds } from '../../../src/core/catalog/index.js';
import { errorCatalog } from '../../../src/core/explain/catalog.js';
import { FINDING_CODES } from '../../../src/core/findings.js';
import { explainText, normalisePaste } from '../../../src/core/explain/match.js';
import { ROOT } from '../../helpers/cli.js';

const S000 = '000_9cd34d623a8250dc.txt';
const S001 = '001_f256d6f97a650ab0.txt';
const S002 = '002_ce19bb680540f02f.txt';
const S003 = '003_660d518034ba64ed.txt';
const S004 = '004_ba90b257ea13f4cb.txt';

/**
 * Every error message of the vendor FAQs' error tables and tool sections (the sources [000]–[004]
 * of docs/plans.md#sources), quoted exactly (headings too, where a FAQ names a message only by a
 * short quote). The third column is the entry that must come first; a fourth lists every entry
 * expected when the message is ambiguous on purpose.
 */
type Row = [source: string, text: string, first: string, all?: readonly string[]];

const seedRows: Row[] = [
  // 000: Qwen Cloud Token Plan FAQ, error table
  [S000, '401 InvalidApiKey: No API-key provided.', 'E01'],
  [S000, '401 InvalidApiKey: Invalid API-key provided.', 'E02'],
  [S000, '400 Model not exist.', 'E03'],
  [S000, "model 'xxx' not found or not supported", 'E04'],
  [S000, '400 InvalidParameter: url error, please check url!', 'E06'],
  [S000, '400 InvalidParameter: Range of max_tokens should be [1, xxxx]', 'E07'],
  [
    S000,
    '400 invalid_parameter_error: The thinking_budget parameter must be a positive integer and not greater than xxxxx',
    'E08',
  ],
  [S000, 'invalid access token or token expired', 'E09'],
  [S000, 'Incorrect API key provided', 'E10'],
  [S000, 'Range of input length should be [1, xxx]', 'E13'],
  [S000, '429 API-Key Requests rate limit exceeded', 'E14'],
  [S000, '429 Throttling.AllocationQuota / insufficient_quota', 'E15'],
  [S000, 'Connection error', 'E20'],
  // 000: messages quoted in the FAQ prose
  [S000, '401 invalid access token', 'E09'],
  [S000, '403 invalid api-key', 'E11'],
  [S000, 'InvalidApiKey', 'E01', ['E01', 'E02']],
  [S000, '404 status code (no body)', 'E12'],
  [S000, 'endpoint not found', 'E12'],
  [S000, "model 'xxx' is not supported", 'E05'],
  [S000, "model 'xxx' not found", 'E04'],
  [S000, '400 InvalidParameter: Range of input length should be [1, xxx]', 'E13'],
  [S000, 'If you see data_inspection_failed', 'E21'],
  [S000, 'Why am I still billed after subscribing?', 'E36'],
  // 001: Token Plan Team Edition FAQ
  [S001, 'InvalidApiKey: No API-key provided.', 'E01'],
  [S001, 'InvalidApiKey: Invalid API-key provided.', 'E02'],
  [S001, "model 'xxx' not found or not supported", 'E04'],
  [S001, 'invalid access token or token expired', 'E09'],
  [S001, 'Incorrect API key provided', 'E10'],
  [S001, 'Range of input length should be [1, xxx]', 'E13'],
  [S001, 'Connection error', 'E20'],
  // 002: China Token Plan Team note, error table and key/URL matrix
  [S002, 'InvalidApiKey: No API-key provided', 'E01'],
  [S002, 'InvalidApiKey: Invalid API-key provided', 'E02'],
  [S002, "model 'xxx' not found or not supported", 'E04'],
  [S002, 'invalid access token or token expired', 'E09'],
  [S002, 'Incorrect API key provided', 'E10'],
  [S002, 'Range of input length should be [1, xxx]', 'E13'],
  [S002, 'Connection error', 'E20'],
  [S002, 'API rate limit reached', 'E27'],
  [S002, 'Incorrect API key provided — standard key rejected on Token Plan endpoint', 'E10'],
  [S002, 'InvalidApiKey: Invalid API-key provided — Token Plan key rejected on standard endpoint', 'E02'],
  [S002, '401/Incorrect API key provided', 'E10'],
  // 003: Coding Plan FAQ, China site: error table
  [S003, '400 InvalidParameter: Range of input length should be [1, xxx]', 'E13'],
  [S003, '401 invalid access token or token expired', 'E09'],
  [S003, "model 'xxx' is not supported", 'E05'],
  [S003, '403 invalid api-key', 'E11'],
  [S003, '404 status code (no body)', 'E12'],
  [S003, 'Connection error', 'E20'],
  [S003, 'hour allocated quota exceeded', 'E16'],
  [S003, 'week allocated quota exceeded', 'E17'],
  [S003, 'month allocated quota exceeded', 'E18'],
  [S003, 'concurrency allocated quota exceeded', 'E19'],
  // 003: tool sections
  [S003, 'Claude Code: "Switched to native installer" message', 'E34'],
  [S003, 'Claude Code: "Unable to connect" error', 'E33'],
  [
    S003,
    'Unable to connect to Anthropic services\nFailed to connect to api.anthropic.com: ERR_BAD_REQUEST\nPlease check your internet connection and network settings.',
    'E33',
  ],
  [S003, 'OpenCode: "Request entity too large" error', 'E35'],
  [S003, 'OpenCode: "thinking_budget" parameter error', 'E08'],
  [S003, 'OpenCode: "max_tokens" range error', 'E07'],
  [S003, 'OpenClaw: Call records for unconfigured models', 'E31'],
  [S003, 'OpenClaw: Chat unresponsive after connecting', 'E30'],
  [S003, 'OpenClaw: "OAuth token refresh failed" error', 'E26'],
  [S003, 'OpenClaw: "Unknown model" error', 'E24'],
  [S003, 'What is qwen-portal/coder-model?', 'E32'],
  [S003, 'OpenClaw: "No API key found" error', 'E25'],
  [S003, 'OpenClaw: "API rate limit reached" error', 'E27'],
  [S003, 'OpenClaw: "Failed to discover" error on startup', 'E28'],
  [S003, 'Failed to discover Alibaba Cloud models: TimeoutError: The operation was aborted due to timeout', 'E28'],
  [S003, 'Failed to discover Alibaba Cloud models: 404 Not Found', 'E28', ['E28']],
  [S003, 'OpenClaw: "auth.profiles" error', 'E29'],
  [S003, 'auth.profiles.qwen-portal:default.mode: Invalid input', 'E29'],
  [S003, 'auth.profiles.qwen-portal:default: Unrecognized key: "apiKey"', 'E29'],
  [S003, '"HTTP 401: Incorrect API key provided" error', 'E10'],
  [S003, '"Authentication failed" error with ModelScope token', 'E23'],
  [S003, '"Only available for Coding Agents" error', 'E22'],
  [S003, 'Unexpected charges with a Coding Plan', 'E36'],
  [S003, 'Resolving data_inspection_failed error', 'E21'],
  // 004: Coding Plan FAQ, international site: error table
  [S004, '400 InvalidParameter: Range of input length should be [1, xxx]', 'E13'],
  [S004, '401 invalid access token or token expired', 'E09'],
  [S004, "model 'xxx' is not supported", 'E05'],
  [S004, '403 invalid api-key', 'E11'],
  [S004, '404 status code (no body)', 'E12'],
  [S004, 'Connection error', 'E20'],
  [S004, 'hour allocated quota exceeded', 'E16'],
  [S004, 'week allocated quota exceeded', 'E17'],
  [S004, 'month allocated quota exceeded', 'E18'],
  // 004: tool sections
  [S004, 'Claude Code has switched from npm to native installer.', 'E34'],
  [S004, 'Unable to connect to Anthropic services. Failed to connect to api.anthropic.com: ERR_BAD_REQUEST.', 'E33'],
  [S004, 'Request Entity Too Large.', 'E35'],
  [S004, 'The thinking_budget parameter must be a positive integer and not greater than 38912.', 'E08'],
  [S004, 'InternalError.Algo.InvalidParameter: Range of max_tokens should be [1, xxxx].', 'E07'],
  [S004, 'Why do I see call records of models that I never configured in OpenClaw?', 'E31'],
  [S004, 'OpenClaw shows "Connected" but chat responses hang or spin endlessly.', 'E30'],
  [S004, 'Agent failed before reply: OAuth token refresh failed.', 'E26'],
  [S004, 'Agent failed before reply: Unknown model.', 'E24'],
  [S004, "No API key found for provider 'xxxxx'.", 'E25'],
  [S004, 'API rate limit reached.', 'E27'],
  [S004, 'Failed to discover Alibaba Cloud models', 'E28'],
  [S004, 'Failed to discover Alibaba Cloud models: TimeoutError: The operation was aborted due to timeout', 'E28'],
  [S004, 'Failed to discover Alibaba Cloud models: 404 Not Found', 'E28', ['E28']],
  [S004, 'OpenClaw shows "auth.profiles.xxx" errors.', 'E29'],
  [S004, 'auth.profiles.qwen-portal:default.mode: Invalid input', 'E29'],
  [S004, 'auth.profiles.qwen-portal:default: Unrecognized key: "apiKey"', 'E29'],
  [S004, 'HTTP 401: Incorrect API key provided.', 'E10'],
  [S004, 'Authentication failed, please make sure that a valid ModelScope token is supplied.', 'E23'],
  [S004, 'Coding Plan is currently only available for Coding Agents', 'E22'],
  [S004, 'How do I handle the data_inspection_failed error?', 'E21'],
  [S004, 'Why am I still charged for API calls', 'E36'],
];

/** Messages the tools print themselves, as the reference notes quote them (… where they elide). */
const toolRows: Row[] = [
  ['openclaw.md', 'AUTH_PROFILE_MIGRATION_REQUIRED', 'OPENCLAW_AUTH_MIGRATION_REQUIRED'],
  [
    'openclaw.md',
    'Auth profile store … requires legacy credential migration; affected providers: bailian; run openclaw doctor --fix.',
    'OPENCLAW_AUTH_MIGRATION_REQUIRED',
  ],
  ['openclaw.md', 'No API key found for provider "bailian"', 'E25'],
  ['openclaw.md', 'custom model providers must declare baseUrl; …', 'OPENCLAW_PROVIDER_INCOMPLETE'],
  ['openclaw.md', '… must declare models; …', 'OPENCLAW_PROVIDER_INCOMPLETE'],
  ['openclaw.md', '…models[0].name: Invalid input: expected string, received undefined', 'OPENCLAW_MODEL_NAME_MISSING'],
  [
    'openclaw.md',
    '× models.providers.bailian.models.0.compat.thinkingFormat: Invalid input (allowed: "openai", "openrouter", "deepseek", "zai")',
    'OPENCLAW_THINKING_FORMAT_REJECTED',
  ],
  ['openclaw.md', 'auth.profiles.qwen-portal:default: Unrecognized key: "apiKey"', 'E29'],
  ['openclaw.md', 'Unrecognized keys: "type", "key"', 'E29'],
  ['openclaw.md', 'modelstudio/qwen3.6-plus [indeterminate]', 'OPENCLAW_ROUTE_INDETERMINATE'],
  ['openclaw.md', 'Provider transport overrides do not allow insecureSkipVerify', 'OPENCLAW_INSECURE_TLS_REFUSED'],
  ['openclaw.md', 'agents.entries: Moved agents.list to keyed agents.entries.', 'OPENCLAW_AGENTS_LIST_MOVED'],
  [
    'tools.md',
    '`wire_api = "chat"` is no longer supported. How to fix: set `wire_api = "responses"`',
    'CODEX_WIRE_API_CHAT',
  ],
  ['tools.md', 'Missing environment variable: `VAR`', 'CODEX_MISSING_ENV_VAR'],
  [
    'tools.md',
    '…contains legacy `profile = "bl"` or `[profiles.bl]` config; move those settings into …/bl.config.toml',
    'CODEX_LEGACY_PROFILE',
  ],
  ['tools.md', 'Model metadata for `X` not found', 'CODEX_MODEL_METADATA_MISSING'],
  ['tools.md', 'Unable to connect to Anthropic services … ENOTFOUND', 'E33'],
  ['tools.md', 'settings.json: Invalid or malformed JSON … Not logged in', 'CLAUDE_SETTINGS_INVALID_JSON'],
  [
    'tools.md',
    'Detected a custom API key in your environment … Do you want to use this API key?',
    'CLAUDE_CUSTOM_API_KEY_PROMPT',
  ],
  [
    'tools.md',
    "Claude Code doesn't recognize the model … assumes a context window of 1m tokens",
    'CLAUDE_MODEL_NOT_RECOGNIZED',
  ],
  ['tools.md', 'native binary not installed', 'TOOL_NATIVE_BINARY_MISSING'],
  ['tools.md', 'postinstall script was not run', 'TOOL_NATIVE_BINARY_MISSING'],
  ['plans.md', 'IllegalEndpoint', 'E38'],
  ['plans.md', 'AccessDenied', 'E37'],
  ['plans.md', 'This response_format type is unavailable now', 'RESPONSE_FORMAT_UNAVAILABLE'],
  [
    'codex.md',
    'warning: Codex could not find bubblewrap on PATH. Install bubblewrap with your OS package manager. See the sandbox prerequisites: https://developers.openai.com/codex/concepts/sandboxing#prerequisites. Codex will use the bundled bubblewrap in the meantime.',
    'CODEX_BUBBLEWRAP_MISSING',
  ],
];

function ids(text: string, context?: Parameters<typeof explainText>[1]): string[] {
  return explainText(text, context).entries.map((e) => e.id);
}

function entry(text: string, id: string, context?: Parameters<typeof explainText>[1]) {
  const found = explainText(text, context).entries.find((e) => e.id === id);
  if (!found) throw new Error(`${id} not matched by ${JSON.stringify(text)}`);
  return found;
}

describe('explainText: every seed message lands on its entry', () => {
  it.each(seedRows)('%s: %j → %s', (_source, text, first, all) => {
    const result = explainText(text);
    expect(result.matched).toBe(true);
    expect(result.entries[0]?.id).toBe(first);
    if (all) expect([...ids(text)].sort()).toEqual([...all].sort());
  });

  it.each(toolRows)('%s: %j → %s', (_source, text, first) => {
    expect(ids(text)[0]).toBe(first);
  });

  const seedDir = path.join(ROOT, '..', 'shared', 'seeds');
  it.skipIf(!existsSync(seedDir))('quotes every row verbatim from the seed it names', () => {
    const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
    const missing = seedRows.filter(([file, text]) => {
      const seed = collapse(readFileSync(path.join(seedDir, file), 'utf8'));
      return !seed.includes(collapse(text));
    });
    expect(missing).toEqual([]);
  });

  it('covers every plans.md catalog row that is a message', () => {
    const covered = new Set([...seedRows, ...toolRows].map((r) => r[2]));
    for (let n = 1; n <= 38; n++) {
      const id = `E${String(n).padStart(2, '0')}`;
      expect(covered.has(id), id).toBe(true);
    }
  });
});

describe('explainText: real pastes', () => {
  it.each([
    ['API Error: 401 Incorrect API key provided', 'E10'],
    ['Error: 401 InvalidApiKey: No API-key provided.', 'E01'],
    ['错误：401 Incorrect API key provided', 'E10'],
    ['请求失败：400 InvalidParameter: Range of input length should be [1, 258048]', 'E13'],
    ['Error：403 invalid api-key', 'E11'],
    ['\u001b[31mError:\u001b[39m 401 Incorrect API key provided.', 'E10'],
    ['INCORRECT API KEY PROVIDED', 'E10'],
    ['incorrect   api\n key\tprovided', 'E10'],
    ['[2026-05-01T10:00:00Z] request failed: 403 invalid api-key', 'E11'],
    ['HTTP 404: 404 page not found', 'E12'],
    ['Error: 429 Too Many Requests', 'E14'],
    ['Error: 404 status code (no body)', 'E12'],
    ['AI_APICallError: Request Entity Too Large', 'E35'],
    ['  Agent failed before reply: Unknown model: bailian/qwen3.6-plus  ', 'E24'],
    ['{"error":{"code":"Throttling.AllocationQuota","message":"Allocated quota exceeded, please increase your quota limit."}}', 'E15'],
    ['{"error":{"message":"You exceeded your current quota","type":"insufficient_quota"}}', 'E15'],
    ['Error code: 400 - {"error": {"code": "data_inspection_failed", "message": "Input data may contain inappropriate content."}}', 'E21'],
    ['Throttling: hour allocated quota exceeded', 'E16'],
    ['{"code":"IllegalEndpoint","message":"The endpoint is illegal"}', 'E38'],
  ])('%j → %s', (text, first) => {
    expect(ids(text)[0]).toBe(first);
  });

  it('reads JSON-wrapped errors, keeping only the message’s own entry', () => {
    expect(ids('{"error":{"message":"Invalid API-key provided.","code":"InvalidApiKey"}}')).toEqual(['E02']);
    expect(ids('{"error":{"message":"No API-key provided.","code":"InvalidApiKey"}}')).toEqual(['E01']);
    expect(ids('{"code":"InvalidApiKey","message":"Invalid API-key provided.","request_id":"8d1c"}')).toEqual(['E02']);
  });

  it('reads JSON quoted inside a JSON string (double-escaped quotes)', () => {
    const inner = JSON.stringify({ error: { message: 'model "Qwen3.5-Plus" is not supported', code: 'InvalidParameter' } });
    const outer = JSON.stringify({ error: { message: inner } });
    const e = entry(`API Error: 400 ${outer}`, 'E05');
    expect(e.names['model']).toBe('Qwen3.5-Plus');
    expect(e.numbers['status']).toBe(400);
  });

  it('reads \\u0027-escaped quotes', () => {
    expect(entry("{\"message\":\"model \\u0027glm-5\\u0027 not found or not supported\"}", 'E04').names['model']).toBe('glm-5');
  });

  it.each(["'", '"', '`', '‘', '’', '“', '”'])('accepts %s as the quote around a model name', (q) => {
    const e = entry(`model ${q}Qwen3.5-Plus${q === '‘' ? '’' : q === '“' ? '”' : q} is not supported`, 'E05');
    expect(e.names['model']).toBe('Qwen3.5-Plus');
    expect(e.models).toEqual([{ name: 'Qwen3.5-Plus', catalogId: 'qwen3.5-plus' }]);
  });

  it('accepts a model name with no quotes at all', () => {
    expect(entry('model glm-5 is not supported', 'E05').names['model']).toBe('glm-5');
  });

  it('names the provider and the missing variable', () => {
    expect(entry("No API key found for provider 'bailian'.", 'E25').names['provider']).toBe('bailian');
    expect(entry('No API key found for provider “bailian-token-plan”', 'E25').names['provider']).toBe('bailian-token-plan');
    expect(entry('Error: Missing environment variable: `BAILIAN_CODING_PLAN_API_KEY`.', 'CODEX_MISSING_ENV_VAR').names['variable']).toBe(
      'BAILIAN_CODING_PLAN_API_KEY',
    );
    expect(entry('auth.profiles.qwen-portal:default.mode: Invalid input', 'E29').names['profile']).toBe('qwen-portal:default');
  });

  it('leaves the documented xxx placeholders out of names and numbers', () => {
    const e = entry("model 'xxx' is not supported", 'E05');
    expect(e.names).toEqual({});
    expect(e.models).toEqual([]);
    expect(entry('Range of max_tokens should be [1, xxxx]', 'E07').numbers).toEqual({});
    expect(entry("No API key found for provider 'xxxxx'.", 'E25').names).toEqual({});
  });

  it('resolves model mentions to catalog ids, through case and provider prefixes', () => {
    const e = entry('Agent failed before reply: Unknown model: bailian/qwen3.6-plus', 'E24');
    expect(e.names['model']).toBe('bailian/qwen3.6-plus');
    expect(e.models).toEqual([{ name: 'bailian/qwen3.6-plus', catalogId: 'qwen3.6-plus' }]);
    expect(entry("model 'gpt-4o' is not supported", 'E05').models).toEqual([{ name: 'gpt-4o' }]);
  });

  it('reports the HTTP status found in the paste, and the documented one separately', () => {
    const e = entry('Error: 401 Incorrect API key provided', 'E10');
    expect(e.numbers['status']).toBe(401);
    expect(e.http).toBe(401);
    expect(entry('Incorrect API key provided', 'E10').numbers['status']).toBeUndefined();
    expect(entry('错误：401 Incorrect API key provided', 'E10').numbers['status']).toBe(401);
  });

  it('puts the most specific entry first and keeps the rest', () => {
    expect(ids('Unable to connect to Anthropic services … getaddrinfo ENOTFOUND api.anthropic.com')).toEqual(['E33', 'NET_DNS_FAILURE']);
    expect(ids('qwen-portal/coder-model: model does not exist')).toEqual(['E32']);
    expect(ids('model does not exist')).toEqual(['E03']);
  });

  it('looks an entry up by its id, for symptoms that have no message', () => {
    expect(ids('E31')).toEqual(['E31']);
    expect(ids(' e36 ')).toEqual(['E36']);
    expect(ids('CODEX_WIRE_API_CHAT')).toEqual(['CODEX_WIRE_API_CHAT']);
  });

  it('normalises quotes, full-width punctuation, colours and escapes', () => {
    expect(normalisePaste('错误：“x”\u001b[31m ‘y’\\n`z`')).toBe("错误:'x' 'y' 'z'");
  });
});

describe('explainText: structured output and the Codex sandbox warning', () => {
  it('reads the response_format refusal with its status, inside a JSON body too', () => {
    const e = entry('Error: 400 This response_format type is unavailable now', 'RESPONSE_FORMAT_UNAVAILABLE');
    expect(ids('Error: 400 This response_format type is unavailable now')).toEqual(['RESPONSE_FORMAT_UNAVAILABLE']);
    expect(e.numbers['status']).toBe(400);
    expect(e.http).toBe(400);
    expect(e.plans).toEqual(['token-personal', 'token-team']);
    expect(e.fixes.map((f) => f.en).join('\n')).toMatch(/json_object/);
    expect(ids('{"error":{"message":"This response_format type is unavailable now"}}')).toEqual(['RESPONSE_FORMAT_UNAVAILABLE']);
  });

  it.each([
    // 0.169.0 as a terminal shows it, wrapped and with the TUI's mark.
    '⚠ Codex could not find bubblewrap on PATH. Install bubblewrap with your OS package manager. See the sandbox\n  prerequisites: https://developers.openai.com/codex/concepts/sandboxing#prerequisites. Codex will use the bundled\n  bubblewrap in the meantime.',
    // Older wordings (openai/codex codex-rs/sandboxing/src/bwrap.rs, codex-rs/linux-sandbox/src/launcher.rs).
    'Codex could not find system bubblewrap on PATH. Please install bubblewrap with your package manager. Codex will use the vendored bubblewrap in the meantime.',
    'warning: Codex could not find system bubblewrap at /usr/bin/bwrap. Please install bubblewrap with your package manager. Codex will use the vendored bubblewrap in the meantime.',
    'Codex will use the bundled bubblewrap in the meantime.',
  ])('reads the bubblewrap warning as harmless: %j', (text) => {
    expect(ids(text)).toEqual(['CODEX_BUBBLEWRAP_MISSING']);
    const e = entry(text, 'CODEX_BUBBLEWRAP_MISSING');
    expect(e.harmless).toBe(true);
    expect(e.tool).toBe('codex');
  });

  it('leaves the user-namespace warning alone: bubblewrap is there but cannot sandbox', () => {
    expect(ids("Codex's Linux sandbox uses bubblewrap and needs access to create user namespaces.")).not.toContain('CODEX_BUBBLEWRAP_MISSING');
  });
});

describe('explainText: numbers and real limits', () => {
  it('reads the thinking limit from 004’s example', () => {
    const e = entry('The thinking_budget parameter must be a positive integer and not greater than 38912.', 'E08');
    expect(e.numbers['limit']).toBe(38912);
    // No catalog model has 38,912: the number in the message is what the server enforces.
    expect(e.limits).toEqual([]);
  });

  it('reads a bare "not greater than" tail as the thinking entry', () => {
    const e = entry('not greater than 38912', 'E08');
    expect(ids('not greater than 38912')[0]).toBe('E08');
    expect(e.numbers['limit']).toBe(38912);
    expect(entry('not greater than 81920', 'E08', { models: ['qwen3.5-plus'] }).limits).toEqual([
      { model: 'qwen3.5-plus', limit: 81920, kind: 'thinking' },
    ]);
  });

  it('names the real limit of the user’s model', () => {
    const e = entry('400 invalid_parameter_error: The thinking_budget parameter must be a positive integer and not greater than 81920', 'E08', {
      models: ['qwen3.5-plus'],
    });
    expect(e.numbers['limit']).toBe(81920);
    expect(e.limits).toEqual([{ model: 'qwen3.5-plus', limit: 81920, kind: 'thinking' }]);
  });

  it('without context models, lists every model whose limit equals the number', () => {
    const e = entry('not greater than 81920', 'E08');
    const models = (e.limits ?? []).map((l) => l.model);
    expect(models).toEqual(expect.arrayContaining(['qwen3.5-plus', 'qwen3.6-plus', 'qwen3-max-2026-01-23', 'kimi-k2.5']));
    expect(models).not.toContain('glm-5');
    expect((e.limits ?? []).every((l) => l.limit === 81920 && l.kind === 'thinking')).toBe(true);
  });

  it('gives the context model’s own limit even when the message names another number', () => {
    const e = entry('The thinking_budget parameter must be a positive integer and not greater than 38912', 'E08', {
      models: ['glm-5', 'Qwen3.5-Plus', 'no-such-model', 'qwen3-coder-plus'],
    });
    // qwen3-coder-plus has no thinking mode, so no budget to report; the unknown id is skipped.
    expect(e.limits).toEqual([
      { model: 'glm-5', limit: 32768, kind: 'thinking' },
      { model: 'qwen3.5-plus', limit: 81920, kind: 'thinking' },
    ]);
  });

  it('reads max_tokens limits, with or without thousands separators', () => {
    const e = entry('InternalError.Algo.InvalidParameter: Range of max_tokens should be [1, 16384]', 'E07');
    expect(e.numbers['limit']).toBe(16384);
    expect((e.limits ?? []).map((l) => l.model)).toEqual(expect.arrayContaining(['glm-5', 'glm-4.7']));
    expect(entry('Range of max_tokens should be [1,65,536]', 'E07').numbers['limit']).toBe(65536);
    expect(entry('Range of max_tokens should be [1, 65536]', 'E07', { models: ['kimi-k2.5'] }).limits).toEqual([
      { model: 'kimi-k2.5', limit: 32768, kind: 'output' },
    ]);
  });

  it('reads input-length limits as context limits', () => {
    const e = entry('400 InvalidParameter: Range of input length should be [1, 262144]', 'E13');
    expect(e.numbers['limit']).toBe(262144);
    expect((e.limits ?? []).map((l) => l.model)).toEqual(expect.arrayContaining(['kimi-k2.5', 'qwen3-max-2026-01-23']));
    expect((e.limits ?? []).every((l) => l.kind === 'context')).toBe(true);
  });

  it('survives line wraps inside the message', () => {
    const e = entry('The thinking_budget parameter must be a\n   positive integer and not greater\n than 38,912.', 'E08');
    expect(e.numbers['limit']).toBe(38912);
  });

  it('reports limits only for the limit entries', () => {
    expect(entry('Incorrect API key provided', 'E10').limits).toBeUndefined();
  });
});

describe('explainText: plan context', () => {
  it('keeps only the causes and fixes documented for the plan', () => {
    const text = '401 invalid access token or token expired';
    const cp = entry(text, 'E09', { plan: 'coding' }).causes.map((c) => c.text.en).join('\n');
    const tp = entry(text, 'E09', { plan: 'token-team' }).causes.map((c) => c.text.en).join('\n');
    expect(cp).toContain('pay-as-you-go sk- key');
    expect(cp).not.toContain('belongs to Coding Plan');
    expect(tp).toContain('belongs to Coding Plan');
    // The Coding Plan cause names the sk-sp- key; Token Plan's own wrong-kind cause names its key.
    expect(tp).not.toContain('instead of the sk-sp- plan key');
    expect(tp).toContain('instead of the Token Plan key');
    const all = entry(text, 'E09').causes.length;
    expect(all).toBeGreaterThan(entry(text, 'E09', { plan: 'coding' }).causes.length);
  });

  it('lists both directions of the key/URL mismatch for "Incorrect API key provided"', () => {
    const causes = entry('Incorrect API key provided', 'E10').causes;
    const en = causes.map((c) => c.text.en).join('\n');
    expect(en).toContain('plan key is used with the general base URL');
    expect(en).toContain('sk- key is used with the token-plan URL');
    expect(en).toContain('general sk- key is used with the coding');
    expect(causes.flatMap((c) => c.checks)).toEqual(expect.arrayContaining(['KEY_WRONG_KIND', 'OPENCLAW_STALE_CACHE']));
    // Each direction is confirmed by its own kind of key; the script cause by none.
    const kinds = (words: string) => causes.find((c) => c.text.en.includes(words))!;
    expect(kinds('plan key is used with the general base URL').keyKinds).toEqual(['plan']);
    expect(kinds('sk- key is used with the token-plan URL').keyKinds).toEqual(['payg', 'payg-workspace']);
    expect(kinds('A script calls DashScope').checks).toEqual([]);
  });
});

describe('explainText: no match', () => {
  it.each([
    '',
    '   \n ',
    'The quick brown fox jumps over the lazy dog.',
    'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.',
    'We met for lunch at noon and talked about the weather for a while.',
    'The model performed well on the benchmark, scoring 404 points and 429 bonus points.',
    "TypeError: Cannot read properties of undefined (reading 'map')\n    at Object.<anonymous> (/home/u/app.js:10:5)",
    'npm ERR! code E404\nnpm ERR! 404 Not Found - GET https://registry.npmjs.org/tp-setupx - Not found\nnpm ERR! 404 \'tp-setupx@*\' is not in this registry.',
    'npm error code ERESOLVE\nnpm error ERESOLVE unable to resolve dependency tree',
    'npm ERR! code EACCES\nnpm ERR! syscall mkdir\nnpm ERR! path /usr/local/lib/node_modules\nnpm ERR! Error: EACCES: permission denied',
    'npm error code ENOTFOUND\nnpm error network request to https://registry.npmjs.org/tp-setup failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org',
    'E404',
    'E99',
  ])('%j', (text) => {
    expect(explainText(text)).toEqual({ matched: false, entries: [] });
  });
});

describe('error catalog data', () => {
  const entries = errorCatalog.entries;
  const hasHan = (s: string) => /[\u4e00-\u9fff]/.test(s);

  it('has a date and unique ids, including every plans.md row E01–E38', () => {
    expect(errorCatalog.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const all = entries.map((e) => e.id);
    expect(new Set(all).size).toBe(all.length);
    for (let n = 1; n <= 38; n++) expect(all).toContain(`E${String(n).padStart(2, '0')}`);
  });

  it('gives every string in both languages', () => {
    for (const e of entries) {
      const texts = [e.title, ...e.causes, ...e.fixes];
      expect(e.causes.length, e.id).toBeGreaterThan(0);
      expect(e.fixes.length, e.id).toBeGreaterThan(0);
      for (const t of texts) {
        expect(t.en.trim(), e.id).not.toBe('');
        expect(hasHan(t['zh-CN']), `${e.id}: ${t['zh-CN']}`).toBe(true);
        expect(t['zh-CN']).not.toBe(t.en);
      }
    }
  });

  it('cites at least one source per entry, and per cause where a cause cites its own', () => {
    for (const e of entries) {
      expect(e.sources.length, e.id).toBeGreaterThan(0);
      for (const c of e.causes) if (c.sources) expect(c.sources.length, e.id).toBeGreaterThan(0);
    }
  });

  // FINDING_CODES is checked against the codes the core really emits in test/core/i18n.test.ts, so
  // the catalog's codes are measured against the checks, not against a list of its own.
  it('uses only finding codes from the offline checks', () => {
    const codes: readonly string[] = FINDING_CODES;
    const used = entries.flatMap((e) => e.causes.flatMap((c) => c.checks ?? []));
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((c) => !codes.includes(c))).toEqual([]);
  });

  it('names real plans and plausible HTTP statuses', () => {
    for (const e of entries) {
      expect(e.plans.length, e.id).toBeGreaterThan(0);
      for (const p of [...e.plans, ...e.causes.flatMap((c) => c.plans ?? []), ...e.fixes.flatMap((f) => f.plans ?? [])]) {
        expect(planIds).toContain(p);
      }
      if (e.http !== undefined) expect(e.http >= 400 && e.http < 600, e.id).toBe(true);
    }
  });

  it('reaches every entry through each of its own patterns', () => {
    const fill = (p: string) =>
      p.replace(/\{limit\}/g, '12345').replace(/\{model\}/g, 'qwen3.6-plus').replace(/\{\*\}/g, 'x').replace(/\{[a-z]+\}/g, 'bailian');
    const unreached: string[] = [];
    for (const e of entries) {
      for (const p of e.patterns) if (!ids(fill(p)).includes(e.id)) unreached.push(`${e.id}: ${p}`);
    }
    expect(unreached).toEqual([]);
  });
});
