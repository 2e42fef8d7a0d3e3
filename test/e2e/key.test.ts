import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, runCli, snapshotTree, tempHome } from '../helpers/cli.js';

const OLD = 'sk-sp-test-old-key-1111-aaaa';
const NEW = 'sk-sp-test-new-key-2222-bbbb';
const TOOLS = 'openclaw,qwen-code,claude-code,opencode,codex,kilo,hermes,crush,droid,cline';

const userFiles = async (home: string) => new Map([...(await snapshotTree(home))].filter(([k]) => !k.startsWith('.local/state/')));

describe('tp-setup key', () => {
  it('replaces every copy of the old key in one run (configs, .env files, stores, shell profile, caches), and restore undoes it', async () => {
    const home = await tempHome();
    await writeFile(path.join(home, '.bashrc'), '# bashrc\n');
    const setup = await runCli(['--plan', 'token-team', '--region', 'intl', '--tools', TOOLS, '--shell-profile', 'auto', '--yes', '--key-env', 'K', '--home', home], {
      env: cleanEnv(home, { K: OLD, SHELL: '/bin/bash' }),
    });
    expect(setup.exitCode, setup.stderr).toBe(0);
    // A copy tp-setup did not write: a hand-made provider, and an OpenClaw agent cache.
    const extra = path.join(home, '.config/opencode/opencode.json');
    const oc = JSON.parse(await readFile(extra, 'utf8'));
    oc.provider.mine = { npm: '@ai-sdk/openai-compatible', options: { baseURL: 'https://token-plan.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1', apiKey: OLD }, models: {} };
    await writeFile(extra, JSON.stringify(oc, null, 2));
    await mkdir(path.join(home, '.openclaw/agents/work/agent'), { recursive: true });
    await writeFile(path.join(home, '.openclaw/agents/work/agent/models.json'), JSON.stringify({ providers: { bailian: { apiKey: OLD } } }));
    const before = await userFiles(home);
    const holders = [...before].filter(([, v]) => v.text.includes(OLD)).map(([k]) => k);
    expect(holders.length).toBeGreaterThanOrEqual(9);

    const r = await runCli(['key', '--key-env', 'NEW', '--home', home, '--json'], { env: cleanEnv(home, { NEW, BAILIAN_TOKEN_PLAN_API_KEY: OLD }) });
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toContain(OLD);
    expect(r.stdout + r.stderr).not.toContain(NEW);
    const doc = JSON.parse(r.stdout);
    expect(doc.oldKey).toBe('sk-sp-…aaaa');
    expect(doc.changes.map((c: { path: string }) => path.relative(home, c.path)).sort()).toEqual(holders.sort());

    const after = await userFiles(home);
    for (const [rel, v] of after) expect(v.text.includes(OLD), rel).toBe(false);
    expect(after.get('.bashrc')?.text).toBe(`# bashrc\nexport BAILIAN_TOKEN_PLAN_API_KEY='${NEW}'\n`);
    expect(after.has('.openclaw/agents/work/agent/models.json')).toBe(false);
    expect(after.get('.claude/settings.json')?.mode).toBe(0o600);

    const restore = await runCli(['restore', doc.runId, '--home', home], { env: cleanEnv(home) });
    expect(restore.exitCode, restore.stderr).toBe(0);
    const back = await userFiles(home);
    for (const [rel, v] of before) expect(back.get(rel)?.text, rel).toBe(v.text);
  });

  it('Droid and Crush: every entry holding the old key gets the new one (two Droid models, one Crush provider); restore puts the old one back', async () => {
    const home = await tempHome();
    const setup = await runCli(['--plan', 'coding', '--region', 'intl', '--tools', 'crush,droid', '--model', 'qwen3.5-plus,glm-5', '--yes', '--key-env', 'K', '--home', home], { env: cleanEnv(home, { K: OLD }) });
    expect(setup.exitCode, setup.stderr).toBe(0);
    const droidFile = path.join(home, '.factory/settings.json');
    const crushFile = path.join(home, '.config/crush/crush.json');
    const before = await userFiles(home);
    expect(JSON.parse(await readFile(droidFile, 'utf8')).customModels.map((m: { apiKey: string }) => m.apiKey)).toEqual([OLD, OLD]);
    const r = await runCli(['key', '--key-env', 'NEW', '--home', home, '--json'], { env: cleanEnv(home, { NEW }) });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(JSON.parse(await readFile(droidFile, 'utf8')).customModels.map((m: { apiKey: string }) => m.apiKey)).toEqual([NEW, NEW]);
    expect(JSON.parse(await readFile(crushFile, 'utf8')).providers['bailian-coding-plan'].api_key).toBe(NEW);
    const restore = await runCli(['restore', JSON.parse(r.stdout).runId, '--home', home], { env: cleanEnv(home) });
    expect(restore.exitCode, restore.stderr).toBe(0);
    const back = await userFiles(home);
    for (const [rel, v] of before) expect(back.get(rel)?.text, rel).toBe(v.text);
  });

  it('refuses a new key of the wrong kind and says which keys it found when there are several', async () => {
    const home = await tempHome();
    await runCli(['--plan', 'coding', '--region', 'cn', '--tools', 'qwen-code', '--yes', '--key-env', 'K', '--home', home], { env: cleanEnv(home, { K: OLD }) });
    const wrong = await runCli(['key', '--key-env', 'NEW', '--home', home], { env: cleanEnv(home, { NEW: 'sk-test-payg-0000-1111-zzzz' }) });
    expect(wrong.exitCode).toBe(4);
    await runCli(['--plan', 'token-team', '--region', 'cn', '--tools', 'hermes', '--yes', '--key-env', 'K', '--home', home], { env: cleanEnv(home, { K: 'sk-sp-test-team-3333-cccc' }) });
    const many = await runCli(['key', '--key-env', 'NEW', '--home', home], { env: cleanEnv(home, { NEW }) });
    expect(many.exitCode).toBe(2);
    expect(many.stderr).toContain('sk-sp-…aaaa');
    expect(many.stderr).toContain('sk-sp-…cccc');
    const chosen = await runCli(['key', '--plan', 'coding', '--key-env', 'NEW', '--home', home, '--json'], { env: cleanEnv(home, { NEW }) });
    expect(chosen.exitCode, chosen.stderr).toBe(0);
    expect(await readFile(path.join(home, '.qwen/.env'), 'utf8')).toBe(`BAILIAN_CODING_PLAN_API_KEY=${NEW}\n`);
    expect(await readFile(path.join(home, '.hermes/.env'), 'utf8')).toContain('sk-sp-test-team-3333-cccc');
  });
});
