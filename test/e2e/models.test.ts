import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog, STALE_AFTER_DAYS } from '../../src/core/catalog/index.js';
import { cleanEnv, PLAN_KEY, ROOT, runCli, tempHome } from '../helpers/cli.js';

const FAKE_TODAY = path.join(ROOT, 'test/helpers/fake-today.mjs');
const later = (days: number): string => new Date(Date.parse(`${catalog.date}T12:00:00Z`) + days * 86_400_000).toISOString();

describe('tp-setup models', () => {
  it('prints the dated table with levels, tools and numbered sources', async () => {
    const home = await tempHome();
    const r = await runCli(['models', '--plan', 'token', '--edition', 'personal', '--region', 'intl'], { env: cleanEnv(home) });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.stdout;
    expect(out.split('\n')[0]).toBe(`Model Studio catalog as of ${catalog.date}: the day its facts were last checked against their sources.`);
    expect(out).toContain('Token Plan (Personal) · International (Singapore)');
    expect(out).not.toContain('Token Plan (Team)');
    expect(out).toContain('Also in use (reported, not on an official page): token-plan.maas.qwencloudapi.com');
    const row = (id: string) => out.split('\n').find((l) => l.trimStart().startsWith(`${id} `)) ?? '';
    expect(row('qwen3.7-plus')).toMatch(/qwen3\.7-plus ★\s+1M\s+64K\s+optional ≤256K\s+openai\+anthropic\s+all\s+documented\s+[\d,]+$/);
    expect(row('qwen3.8-max')).toMatch(/1M\s+128K\s+always ≤99K\s+openai\+anthropic\s+all\s+reported/);
    expect(row('deepseek-v4-pro')).toContain('all but codex');
    expect(row('qwen3.8-max-preview')).toBe('');
    // Every number a row cites is in the source list.
    const cited = new Set(out.split('\n').flatMap((l) => (/\s(\d+(?:,\d+)*)$/.exec(l)?.[1] ?? '').split(',').filter(Boolean)));
    for (const n of cited) expect(out).toContain(`  [${n}] `);
  });

  it('lines up its columns in Chinese too', async () => {
    const home = await tempHome();
    const r = await runCli(['models', '--plan', 'coding', '--region', 'cn', '--lang', 'zh-CN'], { env: cleanEnv(home) });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(`百炼模型目录，截至 ${catalog.date}`);
    const lines = r.stdout.split('\n');
    const header = lines.find((l) => l.includes('模型') && l.includes('上下文'))!;
    const first = lines[lines.indexOf(header) + 1]!;
    // 上下文 is six columns wide: the context value starts where its header does.
    const displayCol = (s: string, upTo: number) => [...s.slice(0, upTo)].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
    expect(displayCol(header, header.indexOf('上下文'))).toBe(displayCol(first, first.indexOf('1M')));
    expect(first).toContain('有文档');
  });

  it('--json holds every field per model, with the edition of Token Plan groups', async () => {
    const home = await tempHome();
    const r = await runCli(['models', '--json', '--plan', 'token-team', '--region', 'cn'], { env: cleanEnv(home) });
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, ok: true, catalogDate: catalog.date, stale: null });
    expect(doc.groups).toHaveLength(1);
    expect(doc.groups[0]).toMatchObject({ plan: 'token-team', edition: 'team', region: 'cn', otherHosts: [{ host: 'token-plan.maas.qianwenaiapi.com', level: 'reported' }] });
    const kimi = doc.groups[0].models.find((m: { id: string }) => m.id === 'kimi-k2.7-code');
    expect(kimi).toMatchObject({ level: 'reported', contextWindow: 262_144, maxOutput: 262_144, thinking: 'always', protocols: ['openai', 'anthropic'], recommended: false });
    expect(kimi.sources.length).toBeGreaterThan(0);
    expect(kimi.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const v32 = doc.groups[0].models.find((m: { id: string }) => m.id === 'deepseek-v3.2');
    expect(v32.protocols).toEqual(['openai']);
    expect(v32.tools).not.toContain('claude-code');
  });

  it.each([
    [['--plan', 'gold'], '--plan'],
    [['--edition', 'family'], '--edition'],
    [['--plan', 'coding', '--region', 'hk'], '--region'],
    [['--plan', 'coding', '--edition', 'team'], 'only to Token Plan'],
    [['--plan', ''], '--plan'],
  ])('refuses %j with exit 2', async (args, text) => {
    const home = await tempHome();
    const r = await runCli(['models', ...args], { env: cleanEnv(home) });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(text);
    expect(r.stdout).toBe('');
  });

  it('says the catalog may be old once it is past the limit: models, doctor and setup', async () => {
    const home = await tempHome();
    const env = cleanEnv(home, { NODE_OPTIONS: `--import=${FAKE_TODAY}`, TP_TEST_NOW: later(STALE_AFTER_DAYS + 10), K: PLAN_KEY });
    const models = await runCli(['models', '--plan', 'coding'], { env });
    expect(models.stdout.split('\n')[1]).toBe(`This catalog is ${STALE_AFTER_DAYS + 10} days old and may be out of date: run npx tp-setup@latest for the newest.`);
    const json = JSON.parse((await runCli(['models', '--json'], { env })).stdout);
    expect(json.stale).toEqual({ date: catalog.date, days: STALE_AFTER_DAYS + 10 });
    const setup = await runCli(['--plan', 'coding', '--region', 'cn', '--tools', 'qwen-code', '--yes', '--key-env', 'K', '--home', home, '--json'], { env });
    expect(setup.exitCode).toBe(0);
    const old = JSON.parse(setup.stdout).findings.filter((f: { code: string }) => f.code === 'CATALOG_OLD');
    expect(old).toHaveLength(1);
    expect(old[0].fix).toBe('Run the newest release: npx tp-setup@latest');
    const doctor = await runCli(['doctor', '--home', home], { env });
    expect(doctor.exitCode).toBe(0);
    expect(doctor.stdout.match(/model and host lists are as of/g)).toHaveLength(1);
    // Within the limit: not a word.
    const fresh = { ...env, TP_TEST_NOW: later(STALE_AFTER_DAYS - 1) };
    expect((await runCli(['doctor', '--home', home], { env: fresh })).stdout).not.toContain('as of');
    expect((await runCli(['models'], { env: fresh })).stdout).not.toContain('days old');
  });
});
