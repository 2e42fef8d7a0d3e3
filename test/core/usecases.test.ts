/**
 * The commands' decisions, tested without disk or processes: what setup, key, clean and
 * doctor --fix decide from texts, and the errors they raise, as data.
 */
import { describe, expect, it } from 'vitest';
import { thrown } from '../helpers/thrown.js';
import type { ProviderView } from '../../src/core/adapters/index.js';
import type { ToolContext } from '../../src/core/context.js';
import { ExitCode } from '../../src/core/errors.js';
import { finding } from '../../src/core/findings.js';
import { cleanWrites, planRepairs, repairFiles } from '../../src/core/usecases/clean.js';
import { pickOldKey, planRotation } from '../../src/core/usecases/key.js';
import { planSetup, resolveSetup, type SetupFlags } from '../../src/core/usecases/setup.js';

const KEY = 'sk-sp-test-0000-1111-2222-abcd';
const OLD = 'sk-sp-test-old0-1111-2222-dead';
const PAYG = 'sk-test-payg-0000-1111-2222-wxyz';
const ctx: ToolContext = { home: '/h', env: {}, platform: 'linux', versions: {} };
const templates = { 'claude-settings.json': '{\n}\n', 'claude-state.json': '{\n}\n' };
const flags = (over: Partial<SetupFlags> = {}): SetupFlags => ({ raw: {}, yes: false, keyEnv: undefined, keyStdin: false, baseUrl: undefined, keyStorage: undefined, shellProfile: undefined, ...over });


describe('setup', () => {
  it('with nobody to ask, every missing answer is a detail of one usage error, the key last', () => {
    const err = thrown(() => resolveSetup(flags({ raw: { plan: 'coding', region: 'cn' } }), false));
    expect(err.exitCode).toBe(ExitCode.USAGE);
    expect(err.code).toBe('error.missing');
    expect(err.details.map((d) => [d.code, d.params?.flag])).toEqual([
      ['error.missingFlag', '--tools'],
      ['error.missingKey', undefined],
    ]);
  });

  it('with someone to ask, what is missing is asked; complete flags need no question', () => {
    expect(resolveSetup(flags({ raw: { plan: 'coding' } }), true)).toEqual({ ask: { plan: 'coding' } });
    const done = resolveSetup(flags({ raw: { plan: 'coding', region: 'cn', tools: 'claude-code' }, yes: true, keyEnv: 'K' }), false);
    expect('answers' in done && done.answers.models).toEqual(['qwen3.5-plus']);
  });

  it('an invalid value is error.invalid naming flag, value and choices', () => {
    const err = thrown(() => resolveSetup(flags({ raw: { plan: 'gold' } }), false));
    expect(err).toMatchObject({ exitCode: ExitCode.USAGE, code: 'error.invalid', params: { flag: '--plan', value: 'gold' } });
  });

  const answers = { plan: 'coding', region: 'cn', tools: ['claude-code'], models: ['qwen3.5-plus'], thinking: true } as const;
  const texts = { '/h/.claude/settings.json': '{\n  // mine\n  "theme": "dark"\n}\n' };

  it('plans the writes, keeps what is not ours, and masks the key in every diff', () => {
    const p = planSetup({ answers, rawKey: `${KEY}\n`, ctx, texts: { ...texts, '/h/.claude/settings.json': '{\n  "theme": "dark"\n}\n' }, templates, dryRun: true, show: (x) => x.replace('/h', '~') });
    expect(p.blocked).toBe(false);
    const settings = p.writes.find((w) => w.path === '/h/.claude/settings.json')!;
    expect(settings.secret).toBe(true);
    expect(JSON.parse(settings.after!)).toMatchObject({ theme: 'dark', env: { ANTHROPIC_AUTH_TOKEN: KEY } });
    expect(p.review.diffs.join('\n')).toContain('~/.claude/settings.json');
    expect(p.review.diffs.join('\n')).not.toContain(KEY);
    expect(p.changes.find((c) => c.path === settings.path)?.diff).toBe(p.review.diffs[p.writes.indexOf(settings)]);
  });

  it('a pay-as-you-go key on Coding Plan blocks the write', () => {
    const p = planSetup({ answers, rawKey: PAYG, ctx, texts: {}, templates, dryRun: false, show: (x) => x });
    expect(p.blocked).toBe(true);
    expect(p.findings.map((f) => f.code)).toContain('KEY_WRONG_KIND');
  });

  it('a file that does not parse refuses the whole plan with its position', () => {
    const err = thrown(() => planSetup({ answers, rawKey: KEY, ctx, texts: { '/h/.claude/settings.json': '{ "env": {,} }' }, templates, dryRun: false, show: (x) => x }));
    expect(err).toMatchObject({ exitCode: ExitCode.REFUSED, code: 'error.refusedParse', params: { path: '/h/.claude/settings.json', line: 1 } });
  });
});

describe('key', () => {
  const view = (key: string, baseUrl: string): ProviderView =>
    ({ tool: 'claude-code', file: '/h/.claude/settings.json', keyPath: 'env', protocol: 'anthropic', baseUrl, key: { source: 'inline', value: key }, models: [] }) as ProviderView;

  it('no stored key, or several without --plan, is a usage error; several list masked keys as data', () => {
    expect(thrown(() => pickOldKey([], undefined)).code).toBe('error.noOldKey');
    const many = thrown(() => pickOldKey([view(OLD, 'https://coding.dashscope.aliyuncs.com/apps/anthropic'), view(PAYG, 'https://dashscope.aliyuncs.com/apps/anthropic')], undefined));
    expect(many.code).toBe('error.manyOldKeys');
    expect(many.details.map((d) => d.code)).toEqual(['error.oldKeyRow', 'error.oldKeyRow']);
    expect(JSON.stringify(many.details)).not.toContain(OLD);
    expect(pickOldKey([view(OLD, 'https://coding.dashscope.aliyuncs.com/apps/anthropic'), view(PAYG, 'https://dashscope.aliyuncs.com/apps/anthropic')], 'coding').value).toBe(OLD);
  });

  it('replaces every copy by value and moves an OpenClaw cache that holds the old key', () => {
    const files = [
      { path: '/h/.qwen/.env', format: 'dotenv' as const, text: `# mine\nBAILIAN_CODING_PLAN_API_KEY=${OLD}\nOTHER=1\n` },
      { path: '/h/.claude/settings.json', format: 'json' as const, text: `{\n  "env": { "ANTHROPIC_AUTH_TOKEN": "${OLD}" }\n}\n` },
      { path: '/h/.bashrc', format: 'shell' as const, text: 'alias ll="ls -l"\n' },
    ];
    const reads = [{ tool: 'openclaw' as const, targets: [], subdirs: [{ id: 'agents', dir: '/h/.openclaw/agents', files: ['agent/models.json'] }] }];
    const subdirs = { '/h/.openclaw/agents': { main: { 'agent/models.json': `{"providers":{"bailian":{"apiKey":"${OLD}"}}}` } } };
    const { writes, changes } = planRotation({ oldKey: OLD, newKey: KEY, files, reads, subdirs, store: false });
    expect(changes.map((c) => [c.path, c.what])).toEqual([
      ['/h/.qwen/.env', 'replace'],
      ['/h/.claude/settings.json', 'replace'],
      ['/h/.openclaw/agents/main/agent/models.json', 'move'],
    ]);
    expect(writes[0]!.after).toBe(`# mine\nBAILIAN_CODING_PLAN_API_KEY=${KEY}\nOTHER=1\n`);
    expect(writes[2]!.after).toBeNull();
    expect(writes.every((w) => w.secret)).toBe(true);
  });
});

describe('clean and doctor --fix', () => {
  it('repairs merge per file, a missing file starts empty, modes are chmods, caches are moved', () => {
    const chosen = [
      finding('A', 'error', { repair: { file: '/h/.claude.json', format: 'json', edits: [{ op: 'set', path: ['hasCompletedOnboarding'], value: true }] } }),
      finding('B', 'error', { repair: { file: '/h/.claude.json', format: 'json', edits: [{ op: 'set', path: ['x'], value: 1 }] } }),
      finding('C', 'warning', { repair: { file: '/h/.qwen/.env', mode: 0o600 } }),
      finding('OPENCLAW_STALE_CACHE', 'warning', { file: '/h/.openclaw/agents/main/agent/models.json' }),
    ];
    expect(repairFiles(chosen).map((f) => f.file)).toEqual(['/h/.claude.json', '/h/.openclaw/agents/main/agent/models.json']);
    const { writes, chmods } = planRepairs(chosen, { '/h/.claude.json': null, '/h/.openclaw/agents/main/agent/models.json': '{}' });
    expect(chmods).toEqual([{ file: '/h/.qwen/.env', mode: 0o600 }]);
    expect(JSON.parse(writes[0]!.after!)).toEqual({ hasCompletedOnboarding: true, x: 1 });
    expect(writes[0]!.before).toBeNull();
    expect(writes[1]).toMatchObject({ path: '/h/.openclaw/agents/main/agent/models.json', after: null, before: '{}' });
  });

  it('an auth-profiles edit drops only the stale profiles', () => {
    const text = '{\n  "profiles": {\n    "alibaba-cloud:default": { "key": "x" },\n    "ollama:default": { "key": "local" }\n  }\n}\n';
    const [w] = cleanWrites([{ kind: 'edit', file: '/a/auth-profiles.json', edits: [{ op: 'delete', path: ['profiles', 'alibaba-cloud:default'] }], findings: [] }], { '/a/auth-profiles.json': text });
    expect(JSON.parse(w!.after!)).toEqual({ profiles: { 'ollama:default': { key: 'local' } } });
  });
});
