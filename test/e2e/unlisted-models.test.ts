import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import JSON5 from 'json5';
import { describe, expect, it } from 'vitest';
import { cleanEnv, PLAN_KEY, runCli, snapshotTree, tempHome } from '../helpers/cli.js';

/** A headless setup of every writer with one model id, as a new subscriber would run it. */
async function setup(plan: string, model: string, tools = 'openclaw,qwen-code,claude-code,opencode,kilo,hermes') {
  const home = await tempHome();
  const r = await runCli(['--plan', plan, '--region', 'intl', '--tools', tools, '--model', model, '--yes', '--key-env', 'K', '--home', home, '--json'], { env: cleanEnv(home, { K: PLAN_KEY }) });
  return { home, r, doc: r.stdout ? JSON.parse(r.stdout) : undefined };
}

const read = (home: string, rel: string) => readFile(path.join(home, rel), 'utf8');

describe('models the catalog does not list never block a setup', () => {
  it('an unlisted id is written everywhere with one warning, and without limits tp-setup cannot justify', async () => {
    const { home, r, doc } = await setup('token-personal', 'qwen9-omega');
    expect(r.exitCode, r.stderr).toBe(0);
    const warned = doc.findings.filter((f: { code: string }) => f.code === 'MODEL_UNLISTED');
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatchObject({ severity: 'warning', params: { model: 'qwen9-omega', plan: 'token-personal' } });
    expect(warned[0].message).toContain('written anyway, without context or output limits');

    const openclaw = JSON5.parse(await read(home, '.openclaw/openclaw.json'));
    const entry = Object.values(openclaw.models.providers as Record<string, { models: Record<string, unknown>[] }>)[0]!.models.find((m) => m.id === 'qwen9-omega')!;
    expect(entry).toBeDefined();
    expect(entry).not.toHaveProperty('contextWindow');
    expect(entry).not.toHaveProperty('maxTokens');

    const qwen = JSON5.parse(await read(home, '.qwen/settings.json'));
    const q = qwen.modelProviders.openai.find((e: { id: string }) => e.id === 'qwen9-omega');
    expect(q.generationConfig?.contextWindowSize).toBeUndefined();
    expect(qwen.model.name).toBe('qwen9-omega');

    const claude = JSON.parse(await read(home, '.claude/settings.json'));
    expect(claude.env.ANTHROPIC_MODEL).toBe('qwen9-omega');
    expect(claude.env.CLAUDE_CODE_MAX_CONTEXT_TOKENS).toBeUndefined();
    expect(claude.env.MAX_THINKING_TOKENS).toBeUndefined();

    const opencode = JSON5.parse(await read(home, '.config/opencode/opencode.json'));
    const oc = Object.values(opencode.provider as Record<string, { models: Record<string, Record<string, unknown>> }>)[0]!.models['qwen9-omega']!;
    expect(oc).toEqual({ name: 'qwen9-omega' });

    const hermes = await read(home, '.hermes/config.yaml');
    expect(hermes).toContain('qwen9-omega');
    expect(hermes).not.toMatch(/context_length|max_tokens/);

    // A second run with the same answers changes nothing.
    const before = await snapshotTree(home);
    const again = await runCli(['--plan', 'token-personal', '--region', 'intl', '--tools', 'openclaw,qwen-code,claude-code,opencode,kilo,hermes', '--model', 'qwen9-omega', '--yes', '--key-env', 'K', '--home', home, '--json'], { env: cleanEnv(home, { K: PLAN_KEY }) });
    expect(again.exitCode).toBe(0);
    expect(JSON.parse(again.stdout).changes.every((c: { action: string }) => c.action === 'unchanged')).toBe(true);
    const after = await snapshotTree(home);
    for (const [file, entry] of before) if (!file.includes('tp-setup')) expect(after.get(file)?.text, file).toBe(entry.text);
  });

  it('--context-window and --max-output give an unlisted id the limits the user knows; a listed model keeps its own', async () => {
    const home = await tempHome();
    const args = ['--plan', 'token-team', '--region', 'intl', '--tools', 'openclaw,qwen-code,claude-code,opencode,hermes', '--yes', '--key-env', 'K', '--home', home, '--json'];
    const r = await runCli([...args, '--model', 'qwen9-omega', '--context-window', '200_000', '--max-output', '16384'], { env: cleanEnv(home, { K: PLAN_KEY }) });
    expect(r.exitCode, r.stderr).toBe(0);
    const openclaw = JSON5.parse(await read(home, '.openclaw/openclaw.json'));
    const entry = Object.values(openclaw.models.providers as Record<string, { models: Record<string, unknown>[] }>)[0]!.models.find((m) => m.id === 'qwen9-omega')!;
    expect(entry).toMatchObject({ contextWindow: 200_000, maxTokens: 16_384 });
    const qwen = JSON5.parse(await read(home, '.qwen/settings.json'));
    expect(qwen.modelProviders.openai.find((e: { id: string }) => e.id === 'qwen9-omega').generationConfig.contextWindowSize).toBe(200_000);
    const claude = JSON.parse(await read(home, '.claude/settings.json'));
    expect(claude.env).toMatchObject({ CLAUDE_CODE_MAX_CONTEXT_TOKENS: '200000', CLAUDE_CODE_MAX_OUTPUT_TOKENS: '16384' });
    const opencode = JSON5.parse(await read(home, '.config/opencode/opencode.json'));
    expect(Object.values(opencode.provider as Record<string, { models: Record<string, unknown> }>)[0]!.models['qwen9-omega']).toEqual({ name: 'qwen9-omega', limit: { context: 200_000, output: 16_384 } });
    expect(await read(home, '.hermes/config.yaml')).toMatch(/context_length: 200000/);

    // A listed model: the catalog's sourced limits, and a note saying the flags did not apply.
    const listed = await runCli([...args, '--model', 'glm-5', '--context-window', '999999'], { env: cleanEnv(home, { K: PLAN_KEY }) });
    expect(listed.exitCode, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout).findings.find((f: { code: string }) => f.code === 'LIMITS_FROM_CATALOG')).toMatchObject({ severity: 'info', params: { model: 'glm-5', context: 202_752 } });
    const q2 = JSON5.parse(await read(home, '.qwen/settings.json'));
    expect(q2.modelProviders.openai.find((e: { id: string }) => e.id === 'glm-5').generationConfig.contextWindowSize).toBe(202_752);
  });

  it.each(['0', '-5', '12.5', 'lots', '1e6', '999999999999'])('--context-window %s is refused with exit 2 before anything is read', async (value) => {
    const home = await tempHome();
    const r = await runCli(['--plan', 'coding', '--region', 'cn', '--tools', 'qwen-code', '--model', 'x-new', '--context-window', value, '--yes', '--key-env', 'K', '--home', home], { env: cleanEnv(home, { K: PLAN_KEY }) });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--context-window');
    expect(await snapshotTree(home)).toEqual(new Map());
  });

  it('qwen3.8-max on Token Plan (Personal) is set up with its reported limits and a note, not a refusal', async () => {
    const { home, r, doc } = await setup('token-personal', 'qwen3.8-max', 'qwen-code,claude-code,codex');
    expect(r.exitCode, r.stderr).toBe(0);
    expect(doc.findings.filter((f: { code: string }) => f.code.startsWith('MODEL_')).map((f: { code: string; severity: string }) => `${f.code}:${f.severity}`)).toEqual(['MODEL_REPORTED:info']);
    const qwen = JSON5.parse(await read(home, '.qwen/settings.json'));
    expect(qwen.modelProviders.openai.find((e: { id: string }) => e.id === 'qwen3.8-max').generationConfig.contextWindowSize).toBe(1_000_000);
    const claude = JSON.parse(await read(home, '.claude/settings.json'));
    expect(claude.env.CLAUDE_CODE_MAX_CONTEXT_TOKENS).toBe('1000000');
    // The newest Codex reaches it through the Responses API, as the quick start says for qwen3.8.
    expect(parseToml(await read(home, '.codex/config.toml')).model).toBe('qwen3.8-max');
  });

  it('what a source documents as impossible is still refused, before anything is written', async () => {
    const slip = await setup('coding', 'Qwen3.5-Plus', 'qwen-code');
    expect(slip.r.exitCode).toBe(4);
    expect(slip.doc.findings.find((f: { code: string }) => f.code === 'MODEL_ID_CASE').fix).toBe('Use qwen3.5-plus, exactly as written.');
    expect(await snapshotTree(slip.home)).toEqual(new Map());

    const protocol = await setup('token-team', 'deepseek-v3.2', 'claude-code');
    expect(protocol.r.exitCode).toBe(4);
    expect(protocol.doc.findings.map((f: { code: string }) => f.code)).toContain('MODEL_NOT_ON_PROTOCOL');

    const codex = await setup('token-team', 'glm-5', 'codex');
    expect(codex.r.exitCode).toBe(4);
    expect(codex.doc.findings.map((f: { code: string }) => f.code)).toContain('CODEX_MODEL_UNSUPPORTED');
  });

  it('doctor reports an unlisted model as a warning, never an error', async () => {
    const { home } = await setup('coding', 'qwen3.5-plus', 'qwen-code');
    const file = path.join(home, '.qwen/settings.json');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, (await readFile(file, 'utf8')).replaceAll('qwen3.5-plus', 'qwen4-coder-preview'));
    const r = await runCli(['doctor', '--home', home, '--json'], { env: cleanEnv(home) });
    expect(r.exitCode).toBe(0);
    const f = JSON.parse(r.stdout).findings.filter((x: { code: string }) => x.code.startsWith('MODEL_'));
    expect(f.map((x: { code: string; severity: string }) => `${x.code}:${x.severity}`)).toEqual(['MODEL_UNLISTED:warning']);
  });
});
