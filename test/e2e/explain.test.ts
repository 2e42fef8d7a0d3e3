import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, PLAN_KEY, runCli, tempHome } from '../helpers/cli.js';
import { readmeExplainExamples } from '../helpers/readme-examples.js';

describe('tp-setup explain', () => {
  it('matches a real paste and says which cause applies to this config right now', async () => {
    const home = await tempHome();
    const env = cleanEnv(home, { K: PLAN_KEY });
    expect((await runCli(['--plan', 'coding', '--region', 'cn', '--tools', 'opencode', '--yes', '--key-env', 'K', '--home', home], { env })).exitCode).toBe(0);
    // The user raised the budget by hand past the model's limit.
    const file = path.join(home, '.config/opencode/opencode.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"budgetTokens": 16384', '"budgetTokens": 120000'));
    const paste = 'API Error: 400 {"error":{"message":"<400> InternalError.Algo.InvalidParameter: The thinking_budget parameter must be a positive integer and not greater than 81920."}}';
    const r = await runCli(['explain', paste, '--home', home, '--json'], { env });
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.matched).toBe(true);
    const e08 = doc.entries.find((e: { id: string }) => e.id === 'E08');
    // The same budget also pushes the AI SDK's max_tokens past the model's limit.
    expect(e08.appliesNow).toContain('THINKING_BUDGET_TOO_HIGH');
    expect(e08.limits).toContainEqual({ model: 'qwen3.5-plus', limit: 81920, kind: 'thinking' });
  });

  it('names every cause this home has, and only those: a wrong-kind key and a stale OpenClaw cache', async () => {
    const home = await tempHome();
    // A pay-as-you-go key on international Token Plan (setup warns, and writes it as asked).
    const env = cleanEnv(home, { K: 'sk-test-payg-0000-1111-2222-wxyz' });
    expect((await runCli(['--plan', 'token-personal', '--region', 'intl', '--tools', 'openclaw', '--yes', '--key-env', 'K', '--home', home], { env })).exitCode).toBe(0);
    // OpenClaw's per-agent cache still has the general host and an old key.
    const cache = path.join(home, '.openclaw/agents/main/agent/models.json');
    await mkdir(path.dirname(cache), { recursive: true });
    await writeFile(cache, JSON.stringify({ providers: { bailian: { baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', apiKey: 'sk-old0-0000-1111-2222-3333', api: 'openai-completions', models: [] } } }));
    const explain = async (text: string) => {
      const r = await runCli(['explain', text, '--home', home, '--json'], { env });
      expect(r.exitCode).toBe(0);
      return JSON.parse(r.stdout).entries[0] as { id: string; appliesNow: string[]; causes: { text: string; found: string[] }[]; fixes: string[] };
    };
    const e09 = await explain('401 invalid access token or token expired');
    expect(e09.id).toBe('E09');
    expect(e09.appliesNow.sort()).toEqual(['KEY_WRONG_KIND', 'OPENCLAW_STALE_CACHE']);
    expect(e09.causes.find((c) => c.found.includes('KEY_WRONG_KIND'))!.text).toContain('pay-as-you-go sk- key instead of the Token Plan key');
    expect(e09.fixes.join('\n')).toContain('tp-setup clean');

    const e10 = await explain('Incorrect API key provided');
    expect(e10.id).toBe('E10');
    const found = (words: string) => e10.causes.find((c) => c.text.includes(words))!.found;
    // A general key on the token-plan URL is what this config has; the opposite direction is not,
    // and a script is never something a config shows.
    expect(found('pay-as-you-go sk- key is used with the token-plan URL')).toEqual(['KEY_WRONG_KIND']);
    expect(found('plan key is used with the general base URL')).toEqual([]);
    expect(found('A script calls DashScope')).toEqual([]);
    expect(found('OpenClaw keeps an old')).toEqual(['OPENCLAW_STALE_CACHE']);
    const fixes = e10.fixes.join('\n');
    expect(fixes).toContain('run `tp-setup clean`');
    expect(fixes).not.toMatch(/delete ~\/\.openclaw/);
  });

  it('reads the text from standard input, speaks Chinese with --lang zh-CN, and never prints a pasted key', async () => {
    const home = await tempHome();
    const env = cleanEnv(home, { K: PLAN_KEY });
    await runCli(['--plan', 'token-team', '--region', 'intl', '--tools', 'qwen-code', '--yes', '--key-env', 'K', '--home', home], { env });
    const r = await runCli(['explain', '--home', home, '--lang', 'zh-CN'], { env, input: `错误：401 Incorrect API key provided: ${PLAN_KEY}\n` });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('E10');
    expect(r.stdout).toMatch(/可能的原因/);
    expect(r.stdout + r.stderr).not.toContain(PLAN_KEY);
  });

  it.each(readmeExplainExamples().map((e) => [e.line, e.text, e.output] as const))(
    'prints exactly what README.md:%i shows for %j (a home with no config)',
    async (_line, text, output) => {
      const home = await tempHome();
      const r = await runCli(['explain', text, '--home', home], { env: cleanEnv(home) });
      expect(r.exitCode).toBe(0);
      expect(r.stdout.trimEnd()).toBe(output.trimEnd());
    },
  );

  it('says plainly when it does not know a message, and points to doctor (exit 3)', async () => {
    const home = await tempHome();
    const r = await runCli(['explain', 'the printer is on fire', '--home', home], { env: cleanEnv(home) });
    expect(r.exitCode).toBe(3);
    expect(r.stdout).toContain('tp-setup doctor');
  });
});
