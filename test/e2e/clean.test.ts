import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, PLAN_KEY, runCli, snapshotTree, tempHome } from '../helpers/cli.js';

const OLD_KEY = 'sk-sp-test-old-0000-9999-dead';

/** A home whose OpenClaw was re-pointed by setup, with caches left from before in two agents. */
async function staleHome(): Promise<{ home: string; env: Record<string, string> }> {
  const home = await tempHome();
  const env = cleanEnv(home, { K: PLAN_KEY });
  const setup = await runCli(['--plan', 'coding', '--region', 'intl', '--tools', 'openclaw', '--yes', '--key-env', 'K', '--home', home], { env });
  expect(setup.exitCode, setup.stderr).toBe(0);
  const agents = path.join(home, '.openclaw/agents');
  for (const agent of ['main', 'work']) await mkdir(path.join(agents, agent, 'agent'), { recursive: true });
  // The cache still routes to the old pay-as-you-go URL with the old key (docs/plans.md#errors, E10/E30).
  await writeFile(
    path.join(agents, 'work/agent/models.json'),
    JSON.stringify({ providers: { bailian: { baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', apiKey: OLD_KEY, api: 'openai-completions', models: [] } } }, null, 2),
  );
  await writeFile(path.join(agents, 'main/agent/auth.json'), JSON.stringify({ 'qwen-portal': { type: 'oauth', access: 'x', refresh: 'y' } }));
  await writeFile(
    path.join(agents, 'main/agent/auth-profiles.json'),
    JSON.stringify({ version: 1, profiles: { 'alibaba-cloud:default': { type: 'api_key', provider: 'alibaba-cloud', key: OLD_KEY }, 'ollama:default': { type: 'api_key', provider: 'ollama', key: 'local' } } }, null, 2),
  );
  return { home, env };
}

describe('tp-setup clean', () => {
  it('setup checks the caches right after writing openclaw.json and points to clean (headless)', async () => {
    const home = await tempHome();
    await mkdir(path.join(home, '.openclaw/agents/main/agent'), { recursive: true });
    await writeFile(path.join(home, '.openclaw/openclaw.json'), '{ models: { providers: { bailian: { baseUrl: "https://dashscope.aliyuncs.com/compatible-mode/v1", apiKey: "${BAILIAN_API_KEY}", api: "openai-completions", models: [] } } } }\n');
    await writeFile(path.join(home, '.openclaw/agents/main/agent/models.json'), JSON.stringify({ providers: { bailian: { baseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1' } } }));
    const r = await runCli(['--plan', 'coding', '--region', 'cn', '--tools', 'openclaw', '--yes', '--key-env', 'K', '--home', home, '--json'], { env: cleanEnv(home, { K: PLAN_KEY }) });
    expect(r.exitCode, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.findings.map((f: { code: string }) => f.code)).toContain('OPENCLAW_STALE_CACHE');
    expect(doc.nextSteps.map((s: { code: string }) => s.code)).toContain('next.clean');
    // Headless setup reports; it never moves a cache by itself.
    expect(await readFile(path.join(home, '.openclaw/agents/main/agent/models.json'), 'utf8')).toContain('dashscope.aliyuncs.com');
  });

  it('without --yes only reports, naming every agent\'s stale file and why', async () => {
    const { home, env } = await staleHome();
    const before = await snapshotTree(home);
    const r = await runCli(['clean', '--home', home, '--json'], { env });
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.applied).toBe(false);
    const byFile = Object.fromEntries(doc.items.map((i: { file: string; action: string; findings: { code: string }[] }) => [path.relative(home, i.file), [i.action, i.findings.map((f) => f.code)]]));
    expect(byFile).toEqual({
      '.openclaw/agents/work/agent/models.json': ['move', ['OPENCLAW_STALE_CACHE']],
      '.openclaw/agents/main/agent/auth.json': ['move', ['OPENCLAW_OAUTH_LEFTOVER']],
      '.openclaw/agents/main/agent/auth-profiles.json': ['edit', ['OPENCLAW_DISCOVERY_PROFILE']],
    });
    expect(await snapshotTree(home)).toEqual(before);
    expect(r.stdout).not.toContain(OLD_KEY);
  });

  it('a failed gateway restart shows what OpenClaw said and fails the run; progress says moved aside, as the plan did', async () => {
    const { home, env } = await staleHome();
    const bin = path.join(home, 'bin');
    await mkdir(bin);
    // A file-era OpenClaw (no credential store commands) whose gateway service is not installed.
    await writeFile(path.join(bin, 'openclaw'), '#!/bin/sh\nif [ "$1" = "--version" ]; then echo 2026.3.2; exit 0; fi\nif [ "$1 $2" = "gateway restart" ]; then echo "Gateway service not loaded." >&2; echo "Start with: openclaw gateway install" >&2; exit 1; fi\nexit 0\n');
    await chmod(path.join(bin, 'openclaw'), 0o755);
    const run = { env: { ...env, PATH: `${bin}:/usr/bin:/bin` } };
    const r = await runCli(['clean', '--yes', '--restart', '--home', home], run);
    expect(r.exitCode).toBe(3);
    expect(r.stdout).toContain('`openclaw gateway restart` failed (exit 1); run it yourself.');
    expect(r.stdout).toContain('    Gateway service not loaded.\n    Start with: openclaw gateway install');
    expect(r.stderr).toContain('moved aside ~/.openclaw/agents/work/agent/models.json (its copy is in the run folder)');
    expect(r.stderr).not.toMatch(/\bremoved\b/);
  });

  it('--yes moves caches into a backup run, keeps other profiles, leaves doctor clean, and restore brings all back', async () => {
    const { home, env } = await staleHome();
    const before = await snapshotTree(home);
    const r = await runCli(['clean', '--yes', '--home', home, '--json'], { env });
    expect(r.exitCode, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.applied).toBe(true);
    expect(doc.restart).toEqual({ ran: false, installed: false });
    const agents = path.join(home, '.openclaw/agents');
    await expect(readFile(path.join(agents, 'work/agent/models.json'))).rejects.toThrow();
    await expect(readFile(path.join(agents, 'main/agent/auth.json'))).rejects.toThrow();
    expect(JSON.parse(await readFile(path.join(agents, 'main/agent/auth-profiles.json'), 'utf8')).profiles).toEqual({ 'ollama:default': { type: 'api_key', provider: 'ollama', key: 'local' } });

    const doctor = await runCli(['doctor', '--tools', 'openclaw', '--home', home, '--json'], { env });
    const codes = JSON.parse(doctor.stdout).findings.map((f: { code: string }) => f.code);
    for (const c of ['OPENCLAW_STALE_CACHE', 'OPENCLAW_OAUTH_LEFTOVER', 'OPENCLAW_DISCOVERY_PROFILE']) expect(codes).not.toContain(c);

    const restore = await runCli(['restore', doc.runId, '--home', home], { env });
    expect(restore.exitCode, restore.stderr).toBe(0);
    const after = await snapshotTree(home);
    for (const [rel, v] of before) if (!rel.startsWith('.local/state/')) expect(after.get(rel)?.text, rel).toBe(v.text);
  });
});
