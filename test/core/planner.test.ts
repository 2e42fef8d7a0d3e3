import JSON5 from 'json5';
import { parse as parseJsonc } from 'jsonc-parser';
import { describe, expect, it, vi } from 'vitest';
import { adapters, TOOL_IDS, VERSION_SENSITIVE, type Answers } from '../../src/core/adapters/index.js';
import { doctorReads } from '../../src/core/doctor/run.js';
import { jsoncEditor } from '../../src/core/formats/jsonc.js';
import { openclawFeatures, parseCalVer } from '../../src/core/adapters/openclaw/version.js';
import type { ToolContext } from '../../src/core/context.js';
import { planChanges, RefusedFiles, resolveTargets, targetPaths } from '../../src/core/planner.js';

const KEY = 'sk-sp-test-0000-1111-2222-abcd';
const templates = { 'openclaw.json': '{\n}\n', 'empty.env': '', 'qwen-settings.json': '{\n}\n', 'claude-settings.json': '{\n}\n', 'claude-state.json': '{\n}\n' };
const ctx = (over: Partial<ToolContext> = {}): ToolContext => ({ home: '/h', env: {}, platform: 'linux', versions: {}, ...over });
const answers = (over: Partial<Answers> = {}): Answers => ({ plan: 'coding', region: 'cn', tools: ['openclaw'], models: ['qwen3.5-plus'], thinking: true, ...over });

function openclawAfter(version: string | null, existing = '{\n}\n', a: Partial<Answers> = {}) {
  const plan = planChanges({ answers: answers(a), key: KEY, ctx: ctx({ versions: { openclaw: version } }), texts: { '/h/.openclaw/openclaw.json': existing }, templates });
  const file = plan.files.find((f) => f.path.endsWith('openclaw.json'))!;
  return { config: JSON5.parse(file.after), plan };
}

describe('OpenClaw version rules', () => {
  it('parses both version styles real releases print', () => {
    expect(parseCalVer('OpenClaw 2026.9.6 (eb377ac)')).toEqual([2026, 9, 6]);
    expect(parseCalVer('2026.3.2')).toEqual([2026, 3, 2]);
    expect(parseCalVer('command not found')).toBeNull();
  });

  it.each([
    ['2026.4.25', true],
    ['2026.4.26', false],
    ['2026.5.2', false],
    ['2026.5.7', false],
    ['2026.5.12', true],
    [null, true],
  ])('thinkingFormat "qwen" on %s: %s', (version, allowed) => {
    expect(openclawFeatures(version).qwenThinkingFormat).toBe(allowed);
    const { config, plan } = openclawAfter(version);
    const model = config.models.providers.bailian.models[0];
    expect(model.reasoning).toBe(true);
    expect(model.compat !== undefined).toBe(allowed);
    expect(plan.findings.some((f) => f.code === 'OPENCLAW_THINKING_FORMAT_UNSUPPORTED')).toBe(!allowed);
  });

  it('before 2026.3.2 thinking is left off and the user is told', () => {
    const { config, plan } = openclawAfter('2026.2.26');
    expect(config.models.providers.bailian.models[0].reasoning).toBe(false);
    expect(plan.findings.map((f) => f.code)).toContain('TOOL_VERSION_TOO_OLD');
  });

  const withPolicy = '{\n  agents: { defaults: { modelPolicy: { allow: ["ollama/llama3.3"] } } },\n}\n';
  it('adds to modelPolicy.allow on 2026.8+ when the list exists', () => {
    expect(openclawAfter('2026.9.6', withPolicy).config.agents.defaults.modelPolicy.allow).toEqual(['ollama/llama3.3', 'bailian/qwen3.5-plus']);
  });
  it('never writes modelPolicy on older releases, nor creates it', () => {
    expect(openclawAfter('2026.5.2', withPolicy).config.agents.defaults.modelPolicy.allow).toEqual(['ollama/llama3.3']);
    expect(openclawAfter('2026.9.6').config.agents.defaults.modelPolicy).toBeUndefined();
  });

  it('says that thinking off cannot stop a model that thinks by default', () => {
    expect(openclawAfter(null, '{}', { thinking: false, models: ['qwen3.5-plus'] }).plan.findings.map((f) => f.code)).toContain('OPENCLAW_THINKING_DEFAULT');
    expect(openclawAfter(null, '{}', { thinking: true }).plan.findings.map((f) => f.code)).not.toContain('OPENCLAW_THINKING_DEFAULT');
  });

  it('keeps a string-shaped agents.defaults.model a string', () => {
    const { config } = openclawAfter(null, '{ agents: { defaults: { model: "ollama/llama3.3" } } }');
    expect(config.agents.defaults.model).toBe('bailian/qwen3.5-plus');
  });

  it('never puts the key into openclaw.json, and reports a key left in auth.profiles', () => {
    const { plan } = openclawAfter(null, '{ auth: { profiles: { "qwen-portal:default": { provider: "qwen-portal", mode: "api_key", apiKey: "x" } } } }');
    const file = plan.files.find((f) => f.path.endsWith('openclaw.json'))!;
    expect(file.after).not.toContain(KEY);
    expect(plan.findings.map((f) => f.code)).toContain('OPENCLAW_AUTH_PROFILE_KEY');
  });

  it('does not overwrite an allowlist entry the user gave an alias', () => {
    const { config } = openclawAfter(null, '{ agents: { defaults: { models: { "bailian/qwen3.5-plus": { alias: "q" } } } } }');
    expect(config.agents.defaults.models['bailian/qwen3.5-plus']).toEqual({ alias: 'q' });
  });

  it('respects OPENCLAW_CONFIG_PATH and OPENCLAW_STATE_DIR', () => {
    const plan = planChanges({
      answers: answers(),
      key: KEY,
      ctx: ctx({ env: { OPENCLAW_CONFIG_PATH: '/etc/oc/main.json', OPENCLAW_STATE_DIR: '/var/oc' } }),
      texts: {},
      templates,
    });
    expect(plan.files.map((f) => f.path)).toEqual(['/etc/oc/main.json', '/var/oc/.env']);
  });
});

describe('Qwen Code planning', () => {
  const qwen = (settings: string, a: Partial<Answers> = {}, env = {}) =>
    planChanges({ answers: answers({ tools: ['qwen-code'], ...a }), key: KEY, ctx: ctx({ env }), texts: { '/h/.qwen/settings.json': settings }, templates });

  it('pins model.baseUrl when the same id also exists under another provider', () => {
    const settings = JSON.stringify({
      modelProviders: { openai: [{ id: 'qwen3.5-plus', name: 'x', baseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1', envKey: 'DASHSCOPE_API_KEY' }] },
    });
    const out = parseJsonc(qwen(settings).files[0]!.after);
    expect(out.model).toEqual({ name: 'qwen3.5-plus', baseUrl: 'https://coding.dashscope.aliyuncs.com/v1' });
    expect(out.modelProviders.openai).toHaveLength(2);
  });

  it('respects QWEN_HOME and warns when the shell exports another key under the same name', () => {
    const plan = planChanges({
      answers: answers({ tools: ['qwen-code'] }),
      key: KEY,
      ctx: ctx({ env: { QWEN_HOME: '/q', BAILIAN_CODING_PLAN_API_KEY: 'sk-sp-test-other' } }),
      texts: {},
      templates,
    });
    expect(plan.files.map((f) => f.path)).toEqual(['/q/settings.json', '/q/.env']);
    expect(plan.findings.map((f) => f.code)).toContain('ENV_OVERRIDE');
  });

  it('writes enable_thinking false when thinking is off, and nothing for models without thinking', () => {
    const off = parseJsonc(qwen('{}', { thinking: false }).files[0]!.after);
    expect(off.modelProviders.openai[0].generationConfig.extra_body).toEqual({ enable_thinking: false });
    const coder = parseJsonc(qwen('{}', { models: ['qwen3-coder-plus'] }).files[0]!.after);
    expect(coder.modelProviders.openai[0].generationConfig.extra_body).toBeUndefined();
  });
});

describe('Claude Code planning', () => {
  it('warns about an exported ANTHROPIC_API_KEY and honours CLAUDE_CONFIG_DIR for both files', () => {
    const plan = planChanges({
      answers: answers({ tools: ['claude-code'] }),
      key: KEY,
      ctx: ctx({ env: { ANTHROPIC_API_KEY: 'sk-ant-test', CLAUDE_CONFIG_DIR: '/c' } }),
      texts: {},
      templates,
    });
    expect(plan.files.map((f) => f.path)).toEqual(['/c/settings.json', '/c/.claude.json']);
    expect(plan.findings.map((f) => f.code)).toContain('TWO_CREDENTIALS');
  });

  it('turns thinking off with CLAUDE_CODE_DISABLE_THINKING, and removes it when turned on again', () => {
    const off = planChanges({ answers: answers({ tools: ['claude-code'], thinking: false }), key: KEY, ctx: ctx(), texts: {}, templates });
    const offText = off.files[0]!.after;
    expect(JSON.parse(offText).env.CLAUDE_CODE_DISABLE_THINKING).toBe('1');
    const on = planChanges({ answers: answers({ tools: ['claude-code'] }), key: KEY, ctx: ctx(), texts: { '/h/.claude/settings.json': offText }, templates });
    expect(JSON.parse(on.files[0]!.after).env.CLAUDE_CODE_DISABLE_THINKING).toBeUndefined();
  });

  it('refuses to plan over a settings.json with comments (strict JSON)', () => {
    expect(() =>
      planChanges({ answers: answers({ tools: ['claude-code'] }), key: KEY, ctx: ctx(), texts: { '/h/.claude/settings.json': '{ // x\n}' }, templates }),
    ).toThrow(RefusedFiles);
  });
});

describe('targets resolved once per run', () => {
  const codexAnswers = answers({ plan: 'token-personal', region: 'intl', tools: ['codex'], models: ['qwen3.7-plus'], shellProfile: '/h/.bashrc' });

  it('adds setup extras (Codex\'s shell profile) for setup only; the doctor reads the targets alone', () => {
    expect(resolveTargets(codexAnswers, ctx()).map((t) => `${t.tool}:${t.target.id}`)).toEqual(['codex:config', 'codex:env', 'codex:profile']);
    expect(resolveTargets({ ...codexAnswers, keyStorage: 'inline' }, ctx()).map((t) => t.target.id)).toEqual(['config', 'env']);
    // `$CODEX_HOME/.env` is read (Codex loads it over the environment), never written by setup.
    expect(doctorReads(['codex'], ctx())[0]!.targets.map((t) => t.id)).toEqual(['config', 'env']);
  });

  it('lists every candidate path once, alternatives included', () => {
    const paths = targetPaths(resolveTargets(answers({ tools: ['opencode', 'claude-code'] }), ctx()));
    expect(paths).toContain('/h/.config/opencode/opencode.jsonc');
    expect(paths).toContain('/h/.claude.json');
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('plans exactly the targets it is given, not ones resolved again', () => {
    const targets = resolveTargets(answers({ tools: ['qwen-code'] }), ctx({ env: { QWEN_HOME: '/q' } }));
    const plan = planChanges({ answers: answers({ tools: ['qwen-code'] }), key: KEY, ctx: ctx(), targets, texts: {}, templates });
    expect(plan.files.map((f) => f.path)).toEqual(['/q/settings.json', '/q/.env']);
  });

  it('parses each file once, plus the re-parse that verifies the edited text', () => {
    const parse = vi.spyOn(jsoncEditor, 'parse');
    try {
      planChanges({ answers: answers({ tools: ['qwen-code'] }), key: KEY, ctx: ctx(), texts: { '/h/.qwen/settings.json': '{ // mine\n}\n' }, templates });
      expect(parse).toHaveBeenCalledTimes(2);
    } finally {
      parse.mockRestore();
    }
  });

  it('each adapter declares its binary and whether its config depends on the version', () => {
    expect(VERSION_SENSITIVE).toEqual(expect.arrayContaining(['openclaw', 'codex', 'opencode']));
    expect(VERSION_SENSITIVE).toHaveLength(3);
    for (const id of TOOL_IDS) {
      const a = adapters[id];
      if (a.oneShot) expect(a.bin).toBeTruthy();
      if (a.examine) expect(a.versionArgs).toEqual(['--version']);
    }
    expect(adapters['qwen-code'].bin).toBe('qwen');
    expect(adapters.cursor.bin).toBeUndefined();
  });
});
