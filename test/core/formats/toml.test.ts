import { describe, expect, it } from 'vitest';
import { patchText, ParseFailure } from '../../../src/core/formats/patch.js';
import { tomlEditor } from '../../../src/core/formats/toml.js';
import { EditError, type Edit } from '../../../src/core/formats/types.js';

function edit(text: string, ...edits: Edit[]): string {
  return patchText(tomlEditor, text, edits).text;
}

// Modeled on a real ~/.codex/config.toml: comments, aligned trailing comments, a quoted
// project path, an existing provider, a profile and an MCP server.
const CODEX = `# ~/.codex/config.toml
model = "gpt-5-codex"   # default model
model_reasoning_effort = "high"
approval_policy = "on-request"

# Trusted projects
[projects."/home/me/app"]
trust_level = "trusted"

[model_providers.openrouter]
name = "OpenRouter"
base_url = "https://openrouter.ai/api/v1"
env_key = "OPENROUTER_API_KEY"   # read from the environment

[profiles.fast]
model = "o4-mini"
model_provider = "openrouter"

[mcp_servers.docs]
command = "npx"
args = ["-y", "@acme/docs-mcp"]
`;

const BAILIAN = {
  name: 'Alibaba Cloud Model Studio',
  base_url: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
  env_key: 'DASHSCOPE_API_KEY',
  wire_api: 'chat',
};

const SETUP: Edit[] = [
  { op: 'set', path: ['model'], value: 'qwen3-coder-plus' },
  { op: 'set', path: ['model_provider'], value: 'bailian' },
  { op: 'set', path: ['model_providers', 'bailian'], value: BAILIAN },
];

const CODEX_AFTER_SETUP = `# ~/.codex/config.toml
model = "qwen3-coder-plus"   # default model
model_reasoning_effort = "high"
approval_policy = "on-request"
model_provider = "bailian"

# Trusted projects
[projects."/home/me/app"]
trust_level = "trusted"

[model_providers.openrouter]
name = "OpenRouter"
base_url = "https://openrouter.ai/api/v1"
env_key = "OPENROUTER_API_KEY"   # read from the environment

[profiles.fast]
model = "o4-mini"
model_provider = "openrouter"

[mcp_servers.docs]
command = "npx"
args = ["-y", "@acme/docs-mcp"]

[model_providers.bailian]
name = "Alibaba Cloud Model Studio"
base_url = "https://dashscope-intl.aliyuncs.com/compatible-mode/v1"
env_key = "DASHSCOPE_API_KEY"
wire_api = "chat"
`;

describe('tomlEditor.parse', () => {
  it('reads a Codex config into plain values', () => {
    expect(tomlEditor.parse(CODEX)).toEqual({
      ok: true,
      value: {
        model: 'gpt-5-codex',
        model_reasoning_effort: 'high',
        approval_policy: 'on-request',
        projects: { '/home/me/app': { trust_level: 'trusted' } },
        model_providers: { openrouter: { name: 'OpenRouter', base_url: 'https://openrouter.ai/api/v1', env_key: 'OPENROUTER_API_KEY' } },
        profiles: { fast: { model: 'o4-mini', model_provider: 'openrouter' } },
        mcp_servers: { docs: { command: 'npx', args: ['-y', '@acme/docs-mcp'] } },
      },
    });
  });

  it('accepts a BOM and CRLF, and reads empty or comment-only text as an empty table', () => {
    expect(tomlEditor.parse('\uFEFFa = 1\r\n[t]\r\nb = 2.5\r\n')).toEqual({ ok: true, value: { a: 1, t: { b: 2.5 } } });
    expect(tomlEditor.parse('')).toEqual({ ok: true, value: {} });
    expect(tomlEditor.parse('  \n# nothing yet\n')).toEqual({ ok: true, value: {} });
  });

  it('gives dates as their TOML text and integers past 2^53 as the nearest number', () => {
    expect(tomlEditor.parse('d = 1979-05-27\nt = 1979-05-27T07:32:00Z\nbig = 9007199254740993\n')).toEqual({
      ok: true,
      value: { d: '1979-05-27', t: '1979-05-27T07:32:00.000Z', big: 9007199254740992 },
    });
  });

  it('reports errors with a 1-based line and column and the offset', () => {
    expect(tomlEditor.parse('model = "x"\nbase_url = \n')).toEqual({
      ok: false,
      error: { message: 'invalid value', offset: 23, line: 2, column: 12 },
    });
    const duplicate = tomlEditor.parse('[a]\nx = 1\n[a]\n');
    expect(duplicate.ok).toBe(false);
    expect(!duplicate.ok && duplicate.error.line).toBe(3);
  });

  it('counts the line after a BOM as line 1', () => {
    const result = tomlEditor.parse('\uFEFFa = = 1\n');
    expect(!result.ok && result.error).toMatchObject({ line: 1, column: 5 });
  });
});

describe('tomlEditor edits on a Codex config', () => {
  it('sets root keys in place, adds a root key after the others and the provider as a section at the end', () => {
    expect(edit(CODEX, ...SETUP)).toBe(CODEX_AFTER_SETUP);
  });

  it('undoes the setup back to the original bytes', () => {
    const undone = edit(
      CODEX_AFTER_SETUP,
      { op: 'delete', path: ['model_providers', 'bailian'] },
      { op: 'delete', path: ['model_provider'] },
      { op: 'set', path: ['model'], value: 'gpt-5-codex' },
    );
    expect(undone).toBe(CODEX);
  });

  it('keeps CRLF and the BOM', () => {
    const crlf = '\uFEFF' + CODEX.replace(/\n/g, '\r\n');
    expect(edit(crlf, ...SETUP)).toBe('\uFEFF' + CODEX_AFTER_SETUP.replace(/\n/g, '\r\n'));
  });

  it('adds keys inside an existing section, below its last key', () => {
    expect(
      edit(
        CODEX,
        { op: 'set', path: ['model_providers', 'openrouter', 'request_max_retries'], value: 4 },
        { op: 'set', path: ['profiles', 'fast', 'model_reasoning_effort'], value: 'low' },
      ),
    ).toBe(
      CODEX.replace('env_key = "OPENROUTER_API_KEY"   # read from the environment\n', 'env_key = "OPENROUTER_API_KEY"   # read from the environment\nrequest_max_retries = 4\n').replace(
        'model_provider = "openrouter"\n',
        'model_provider = "openrouter"\nmodel_reasoning_effort = "low"\n',
      ),
    );
  });

  it('writes a new profile with several keys as one section; integers stay integers', () => {
    const result = edit(CODEX, {
      op: 'set',
      path: ['profiles', 'bailian'],
      value: { model: 'qwen3-coder-plus', model_provider: 'bailian', max_tokens: 8192, temperature: 0.5, retries: 3.0 },
    });
    expect(result).toBe(
      CODEX +
        '\n[profiles.bailian]\nmodel = "qwen3-coder-plus"\nmodel_provider = "bailian"\nmax_tokens = 8192\ntemperature = 0.5\nretries = 3\n',
    );
  });

  it('writes a table created through a deeper key as the deepest new section', () => {
    expect(
      edit(
        '',
        { op: 'set', path: ['model'], value: 'qwen3-coder-plus' },
        { op: 'set', path: ['model_providers', 'bailian', 'name'], value: 'Model Studio' },
        { op: 'set', path: ['model_providers', 'bailian', 'base_url'], value: 'https://dashscope.aliyuncs.com/compatible-mode/v1' },
      ),
    ).toBe('model = "qwen3-coder-plus"\n\n[model_providers.bailian]\nname = "Model Studio"\nbase_url = "https://dashscope.aliyuncs.com/compatible-mode/v1"\n');
  });

  it('adds a sub-table of an existing section as its own section, and appends to arrays in place', () => {
    expect(
      edit(
        CODEX,
        { op: 'insert', path: ['mcp_servers', 'docs', 'args', 2], value: '--verbose' },
        { op: 'set', path: ['mcp_servers', 'docs', 'env'], value: { DOCS_TOKEN: 'x' } },
      ),
    ).toBe(CODEX.replace('"@acme/docs-mcp"]', '"@acme/docs-mcp", "--verbose"]') + '\n[mcp_servers.docs.env]\nDOCS_TOKEN = "x"\n');
  });

  it('deletes a key and a whole table; the file header stays even when the first key goes', () => {
    expect(edit(CODEX, { op: 'delete', path: ['model'] }, { op: 'delete', path: ['profiles'] })).toBe(`# ~/.codex/config.toml
model_reasoning_effort = "high"
approval_policy = "on-request"

# Trusted projects
[projects."/home/me/app"]
trust_level = "trusted"

[model_providers.openrouter]
name = "OpenRouter"
base_url = "https://openrouter.ai/api/v1"
env_key = "OPENROUTER_API_KEY"   # read from the environment

[mcp_servers.docs]
command = "npx"
args = ["-y", "@acme/docs-mcp"]
`);
  });

  it('deletes a key together with the comment right above it', () => {
    expect(edit('a = 1\n# about b\nb = 2\nc = 3\n', { op: 'delete', path: ['b'] })).toBe('a = 1\nc = 3\n');
  });

  it('keeps the comment after an array it changes', () => {
    expect(edit('args = [] # none yet\nx = 1\n', { op: 'insert', path: ['args', 0], value: '-y' })).toBe('args = ["-y"] # none yet\nx = 1\n');
  });

  it('adds a key to a table that only exists through its sub-tables under its own header', () => {
    expect(edit('[model_providers.openrouter]\nname = "OpenRouter"\n', { op: 'set', path: ['model_providers', 'default'], value: 'x' })).toBe(
      '[model_providers.openrouter]\nname = "OpenRouter"\n\n[model_providers]\ndefault = "x"\n',
    );
  });

  it('follows dotted keys and inline tables where the file uses them', () => {
    expect(edit('tui.theme = "dark"\n', { op: 'set', path: ['tui', 'notifications'], value: true })).toBe(
      'tui.theme = "dark"\ntui.notifications = true\n',
    );
    expect(edit('env = { A = "1" } # keep\n', { op: 'set', path: ['env', 'B'], value: '2' })).toBe('env = { A = "1", B = "2" } # keep\n');
  });

  it('writes an array of tables as an inline array when a new key holds one', () => {
    expect(edit('a = 1\n', { op: 'set', path: ['servers'], value: [{ name: 'x' }, { name: 'y' }] })).toBe(
      'a = 1\nservers = [ { name = "x" }, { name = "y" } ]\n',
    );
  });

  it('writes a JSON integer as a TOML integer, also over a float', () => {
    expect(edit('temperature = 0.7\nmax_tokens = 4096.0\n', { op: 'set', path: ['max_tokens'], value: 8192 }, { op: 'set', path: ['temperature'], value: 1 })).toBe(
      'temperature = 1\nmax_tokens = 8192\n',
    );
    expect(edit('a = 1\n', { op: 'set', path: ['big'], value: 1e21 }, { op: 'set', path: ['half'], value: 0.5 })).toBe('a = 1\nbig = 1.0e+21\nhalf = 0.5\n');
  });

  it('keeps a file without a final newline that way', () => {
    expect(edit('a = 1', { op: 'set', path: ['a'], value: 2 })).toBe('a = 2');
  });

  it('changes nothing for edits that cancel out or are already true', () => {
    expect(patchText(tomlEditor, CODEX, [{ op: 'set', path: ['model'], value: 'gpt-5-codex' }])).toMatchObject({ text: CODEX, changed: false });
    const cancel: Edit[] = [
      { op: 'set', path: ['x'], value: 1 },
      { op: 'delete', path: ['x'] },
    ];
    expect(patchText(tomlEditor, CODEX, cancel)).toMatchObject({ text: CODEX, changed: false });
  });

  it('refuses null, which TOML cannot hold, and text that does not parse', () => {
    expect(() => edit(CODEX, { op: 'set', path: ['model'], value: null })).toThrow(EditError);
    expect(() => edit(CODEX, { op: 'set', path: ['env'], value: { A: null } })).toThrow(/TOML has no null/);
    expect(() => edit('a = \n', { op: 'set', path: ['b'], value: 1 })).toThrow(ParseFailure);
  });
});

// Cases the property tests (toml-yaml-properties.test.ts) found, shrunk, each with its seed.
describe('tomlEditor: shrunk property-test failures', () => {
  it('seed 1623455240: a new key in a table defined by dotted rows is one more dotted row; the comment on the row stays', () => {
    const text = '[api_key]\napi_key.api_key = false # c0\n';
    // Before: the table was removed and written anew as [api_key.api_key], and "# c0" was lost.
    expect(edit(text, { op: 'set', path: ['api_key', 'api_key', 'provider'], value: {} })).toBe('[api_key]\napi_key.api_key = false # c0\napi_key.provider = {}\n');
    expect(edit(text.replace(/\n/g, '\r\n'), { op: 'set', path: ['api_key', 'api_key', 'n'], value: 1 })).toBe('[api_key]\r\napi_key.api_key = false # c0\r\napi_key.n = 1\r\n');
    // A dotted row whose value runs over several lines: the new row goes after the table's last line.
    expect(edit('[t]\n  a.list = [\n    1,\n  ]\n  b = 2\n', { op: 'set', path: ['t', 'a', 'x'], value: 'y' })).toBe('[t]\n  a.list = [\n    1,\n  ]\n  b = 2\n  a.x = "y"\n');
  });

  it('seed -1116657552: a CRLF file keeps CRLF when an earlier edit left no line break to learn it from', () => {
    // The first edit leaves `"it's" = false` alone on its line, without a line ending; the new row
    // used to come with a bare LF.
    const text = 'a = 0\r\n"it\'s" = false';
    const edits: Edit[] = [
      { op: 'delete', path: ['a'] },
      { op: 'set', path: ['provider'], value: '' },
    ];
    expect(edit(text, ...edits)).toBe('"it\'s" = false\r\nprovider = ""');
  });
});
