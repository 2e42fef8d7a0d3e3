import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, PLAN_KEY, runCli, snapshotTree, tempHome } from '../helpers/cli.js';

const FIXABLE = [
  'URL_WRONG_PATH',
  'TWO_CREDENTIALS',
  'CLAUDE_ONBOARDING_MISSING',
  'THINKING_BUDGET_TOO_HIGH',
  'MAX_TOKENS_TOO_HIGH',
  'THINKING_UNSUPPORTED',
  'KEY_MALFORMED',
  'FILE_PERMISSIONS',
  'OPENCLAW_PRIMARY_PREFIX',
  'OPENCLAW_NO_ALLOWLIST',
  'OPENCLAW_AUTH_PROFILE_KEY',
  'OPENCLAW_STALE_CACHE',
];

/** One home, many tools, each broken the way users break them by hand. */
async function brokenHome(): Promise<string> {
  const home = await tempHome();
  const w = async (rel: string, text: string, mode = 0o600) => {
    await mkdir(path.dirname(path.join(home, rel)), { recursive: true });
    await writeFile(path.join(home, rel), text);
    await chmod(path.join(home, rel), mode);
  };
  await w('.claude/settings.json', JSON.stringify({ env: { ANTHROPIC_BASE_URL: 'https://coding.dashscope.aliyuncs.com/apps/anthropic/v1', ANTHROPIC_AUTH_TOKEN: PLAN_KEY, ANTHROPIC_API_KEY: PLAN_KEY, ANTHROPIC_MODEL: 'qwen3.5-plus', CLAUDE_CODE_MAX_OUTPUT_TOKENS: '32000' } }, null, 2));
  await w(
    '.config/opencode/opencode.jsonc',
    `{
  // mine
  "provider": {
    "bailian-coding-plan": {
      "npm": "@ai-sdk/anthropic",
      "options": { "baseURL": "https://coding.dashscope.aliyuncs.com/apps/anthropic/v1" },
      "models": {
        "glm-5": { "limit": { "context": 202752, "output": 16384 }, "options": { "thinking": { "type": "enabled", "budgetTokens": 40000 } } }
      }
    }
  },
  "model": "bailian-coding-plan/glm-5"
}
`,
  );
  await w('.local/share/opencode/auth.json', JSON.stringify({ 'bailian-coding-plan': { type: 'api', key: PLAN_KEY } }));
  await w(
    '.qwen/settings.json',
    JSON.stringify({ modelProviders: { openai: [{ id: 'qwen3-coder-plus', name: 'coder', baseUrl: 'https://coding.dashscope.aliyuncs.com/v1', envKey: 'BAILIAN_CODING_PLAN_API_KEY', generationConfig: { extra_body: { enable_thinking: true } } }] }, model: { name: 'qwen3-coder-plus' } }, null, 2),
  );
  await w('.qwen/.env', `BAILIAN_CODING_PLAN_API_KEY="${PLAN_KEY} "\n`, 0o644);
  await w(
    '.openclaw/openclaw.json',
    `{
  // hand edited
  models: { providers: { bailian: { baseUrl: "https://coding.dashscope.aliyuncs.com/v1", apiKey: "\${BAILIAN_API_KEY}", api: "openai-completions",
    models: [{ id: "qwen3.5-plus", name: "qwen3.5-plus", reasoning: true, compat: { thinkingFormat: "qwen" } }] } } },
  agents: { defaults: { model: { primary: "qwen3.5-plus" } } },
  auth: { profiles: { "bailian:default": { provider: "bailian", mode: "api_key", apiKey: "sk-sp-test-in-profile-0000" } } },
}
`,
  );
  await w('.openclaw/.env', `BAILIAN_API_KEY=${PLAN_KEY}\n`);
  await w('.openclaw/agents/ops/agent/models.json', JSON.stringify({ providers: { bailian: { baseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1' } } }));
  return home;
}

const codes = (stdout: string) => JSON.parse(stdout).findings.map((f: { code: string }) => f.code) as string[];

describe('doctor --fix', () => {
  it('in a terminal asks before each repair', async () => {
    const home = await tempHome();
    const env = cleanEnv(home, { K: PLAN_KEY });
    expect((await runCli(['--plan', 'coding', '--region', 'cn', '--tools', 'claude-code', '--yes', '--key-env', 'K', '--home', home], { env })).exitCode).toBe(0);
    const { rm } = await import('node:fs/promises');
    await rm(path.join(home, '.claude.json'));
    const { PtyRun, KEYS } = await import('../helpers/pty.js');
    const run = new PtyRun(['doctor', '--fix', '--home', home], { ...env, TERM: 'xterm' });
    await run.waitFor('Repair:');
    expect(run.output).toContain('hasCompletedOnboarding');
    run.write(KEYS.enter);
    expect(await run.exited).toBe(0);
    expect(JSON.parse(await readFile(path.join(home, '.claude.json'), 'utf8'))).toEqual({ hasCompletedOnboarding: true });
  });

  it('headless without --yes lists the safe repairs and changes nothing', async () => {
    const home = await brokenHome();
    const before = await snapshotTree(home);
    const r = await runCli(['doctor', '--fix', '--home', home], { env: cleanEnv(home) });
    expect(r.exitCode).toBe(3);
    expect(r.stdout).toContain('can be repaired safely');
    expect(await snapshotTree(home)).toEqual(before);
  });

  it('--yes repairs every fixable finding in one run; restore gives the original bytes back', async () => {
    const home = await brokenHome();
    const env = cleanEnv(home);
    const found = codes((await runCli(['doctor', '--home', home, '--json'], { env })).stdout);
    for (const c of FIXABLE) expect(found, c).toContain(c);
    const before = await snapshotTree(home);

    const r = await runCli(['doctor', '--fix', '--yes', '--home', home, '--json'], { env });
    const doc = JSON.parse(r.stdout);
    for (const c of FIXABLE) expect(doc.fixed, c).toContain(c);
    const left = codes(r.stdout);
    for (const c of FIXABLE) expect(left, `${c} is still reported after --fix`).not.toContain(c);
    expect(r.stdout + r.stderr).not.toContain(PLAN_KEY);
    expect(JSON.parse(await readFile(path.join(home, '.claude/settings.json'), 'utf8')).env).toMatchObject({
      ANTHROPIC_BASE_URL: 'https://coding.dashscope.aliyuncs.com/apps/anthropic',
      CLAUDE_CODE_MAX_OUTPUT_TOKENS: '32000',
    });
    // The owned line keeps its own quote style; only the stray space inside goes.
    expect(await readFile(path.join(home, '.qwen/.env'), 'utf8')).toBe(`BAILIAN_CODING_PLAN_API_KEY="${PLAN_KEY}"\n`);
    expect(await readFile(path.join(home, '.config/opencode/opencode.jsonc'), 'utf8')).toContain('// mine');

    const restore = await runCli(['restore', doc.fixRunId, '--home', home], { env });
    expect(restore.exitCode, restore.stderr).toBe(0);
    const after = await snapshotTree(home);
    for (const [rel, v] of before) if (!rel.startsWith('.local/state/')) expect(after.get(rel)?.text, rel).toBe(v.text);
  });
});
