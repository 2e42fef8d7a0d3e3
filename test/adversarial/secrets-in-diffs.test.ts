/**
 * Secrets in diffs: after a key change, no output of setup (--dry-run text, the --json document,
 * the review the wizard shows) may hold a secret in clear, on any diff line (context, removed,
 * added), in any format tp-setup edits. The secrets are generated: the previous key, other
 * vendors' tokens sitting beside it, and values under secret-looking names.
 */
import fc from 'fast-check';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskedDiff } from '../../src/core/diff.js';
import { hasSecretShape, redactSecretShapes, SECRET_PREFIXES } from '../../src/core/keys.js';
import type { ToolContext } from '../../src/core/context.js';
import { planSetup } from '../../src/core/usecases/setup.js';
import { cleanEnv, runCli, tempHome } from '../helpers/cli.js';

const NEW_KEY = 'sk-sp-test-0000-1111-2222-abcd';
const PAYG_NEW = 'sk-test-payg-0000-1111-2222-wxyz';

/** A fake token: prefix + body with a digit, 20+ characters, never a real key. */
const body = fc.stringMatching(/^[A-Za-z0-9]{16,28}$/).map((s) => `test${s}0`);
const prefixed = fc.tuple(fc.constantFrom(...SECRET_PREFIXES), body).map(([p, b]) => p + b);
/** A secret with no known prefix, recognisable only by the name it sits under. */
const bare = body.map((b) => `zq${b}`);

/** Every clear-text secret that a test planted must be absent; its middle is enough to tell. */
function expectNoneOf(secrets: readonly string[], ...outputs: string[]): void {
  for (const out of outputs) {
    for (const s of secrets) {
      expect(out, s).not.toContain(s);
      expect(out, s).not.toContain(s.slice(4, -4));
    }
    expect(hasSecretShape(out), out).toBe(false);
  }
}

describe('redactSecretShapes (every format, generated secrets)', () => {
  const lines = (name: string, v: string): string[] => [
    `"${name}": "${v}",`,
    `  ${name}: '${v}',`,
    `${name} = "${v}"`,
    `${name} = '${v}'`,
    `${name}: ${v}`,
    `- ${name}: "${v}"`,
    `${name}=${v}`,
    `${name}="${v}"`,
    `export ${name}='${v}'`,
    `export ${name}=${v} # note`,
    `  "${name}"  :  "${v}"  }`,
  ];
  const names = ['ANTHROPIC_API_KEY', 'GITHUB_TOKEN', 'AWS_SECRET', 'apiKey', 'api_key', 'password', 'experimental_bearer_token', 'x-api-key', 'key', 'clientSecret'];

  it('masks prefixed tokens anywhere, and any value under a secret name, in JSON, TOML, YAML, .env and shell', () => {
    let cases = 0;
    fc.assert(
      fc.property(prefixed, bare, fc.constantFrom(...names), (token, plain, name) => {
        for (const v of [token, plain]) {
          for (const line of lines(name, v)) {
            const out = redactSecretShapes(line);
            expect(out, line).not.toContain(v);
            expect(out, line).not.toContain(v.slice(3, -4));
            cases++;
          }
        }
        // A prefixed token under an ordinary name, in prose, or in a URL query.
        for (const line of [`"note": "rotate ${token} soon"`, `see https://x.example/?t=${token}`, `# old: ${token}`]) {
          expect(redactSecretShapes(line)).not.toContain(token);
          cases++;
        }
      }),
      { numRuns: 150 },
    );
    expect(cases).toBeGreaterThan(3000);
  });

  it('leaves references, variable names, numbers of ordinary settings and masks alone', () => {
    const keep = [
      '"apiKey": "{env:DASHSCOPE_API_KEY}"',
      '"apiKey": "${BAILIAN_API_KEY}"',
      'env_key = "DASHSCOPE_API_KEY"',
      '"envKey": "BAILIAN_CODING_PLAN_API_KEY"',
      '"MAX_THINKING_TOKENS": "16384"',
      'max_tokens = 4096',
      '"ANTHROPIC_AUTH_TOKEN": "sk-sp-…abcd"',
      '"task-1234567890abcdef": 1',
      'model: qwen3.5-plus',
      '"hasCompletedOnboarding": true',
    ];
    for (const line of keep) expect(redactSecretShapes(line)).toBe(line);
  });

  it('maskedDiff masks context, removed and added lines alike', () => {
    fc.assert(
      fc.property(prefixed, prefixed, bare, (oldKey, other, plain) => {
        const before = `{\n  "env": {\n    "A_TOKEN": "${oldKey}",\n    "GITHUB_TOKEN": "${other}",\n    "DB_PASSWORD": "${plain}"\n  }\n}\n`;
        const after = `{\n  "env": {\n    "A_TOKEN": "${NEW_KEY}",\n    "GITHUB_TOKEN": "${other}"\n  }\n}\n`;
        const diff = maskedDiff('~/x.json', before, after, [NEW_KEY]);
        expectNoneOf([oldKey, other, plain, NEW_KEY], diff);
        expect(diff).toMatch(/^-.*A_TOKEN/m);
        expect(diff).toMatch(/^\+.*A_TOKEN/m);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the review (what the wizard and the line prompts show before writing)', () => {
  const ctx: ToolContext = { home: '/h', env: {}, platform: 'linux', versions: {} };
  const templates = { 'claude-settings.json': '{\n}\n', 'claude-state.json': '{\n}\n' };
  const answers = { plan: 'coding', region: 'cn', tools: ['claude-code'], models: ['qwen3.5-plus'], thinking: true, keyStorage: 'inline' } as const;

  it('review.diffs of a key change hold no secret, for generated old keys and neighbours', () => {
    fc.assert(
      fc.property(fc.oneof(prefixed, bare), prefixed, bare, (old, other, named) => {
        const settings = JSON.stringify({ env: { ANTHROPIC_AUTH_TOKEN: old, GITHUB_TOKEN: other, ANTHROPIC_API_KEY: 'sk-ant-test-0000-1111-2222-3333', MY_SECRET: named } }, null, 2);
        const p = planSetup({ answers, rawKey: NEW_KEY, ctx, texts: { '/h/.claude/settings.json': settings }, templates, dryRun: false, show: (x) => x });
        const review = p.review.diffs.join('\n');
        expect(review).toMatch(/^-.*ANTHROPIC_AUTH_TOKEN/m);
        expectNoneOf([old, other, named, NEW_KEY, 'sk-ant-test-0000-1111-2222-3333'], review);
      }),
      { numRuns: 150 },
    );
  });
});

interface Planted {
  readonly rel: string;
  readonly text: (old: string, other: string, named: string) => string;
}

/** One existing file per format, each holding the previous key, a foreign token and a named secret. */
const PLANTED: Readonly<Record<string, Planted>> = {
  'claude-code': {
    rel: '.claude/settings.json',
    text: (old, other, named) => JSON.stringify({ env: { ANTHROPIC_AUTH_TOKEN: old, GITHUB_TOKEN: other, ANTHROPIC_API_KEY: 'sk-ant-test-0000-1111-2222-3333', DB_PASSWORD: named } }, null, 2),
  },
  'qwen-code': { rel: '.qwen/.env', text: (old, other, named) => `BAILIAN_CODING_PLAN_API_KEY=${old}\nGITHUB_TOKEN="${other}"\nexport SERVICE_SECRET='${named}'\n` },
  hermes: { rel: '.hermes/config.yaml', text: (old, other, named) => `model:\n  provider: custom\n  api_key: ${old}\n  # backup token ${other}\nsecrets:\n  password: "${named}"\n` },
  openclaw: {
    rel: '.openclaw/openclaw.json',
    text: (old, other, named) => `{\n  // gh: ${other}\n  models: { providers: { bailian: { apiKey: "${old}", api: "openai-completions", models: [] } } },\n  tools: { webSearch: { apiKey: '${named}' } },\n}\n`,
  },
  opencode: {
    rel: '.config/opencode/opencode.json',
    text: (old, other, named) => JSON.stringify({ provider: { 'bailian-coding-plan': { options: { apiKey: old } }, gh: { options: { apiKey: other, token: named } } } }, null, 2),
  },
};

describe('setup after a key change shows no secret in any output (real CLI, temp homes)', () => {
  it('every format: --dry-run text, --json diff and the review text', async () => {
    const samples = fc.sample(fc.tuple(prefixed, prefixed, bare), { numRuns: 3, seed: 7 });
    let runs = 0;
    for (const [tool, planted] of Object.entries(PLANTED)) {
      const [oldBody, other, named] = samples[runs % samples.length]!;
      // The previous key: a plan key of another run, or one of any shape (masked because it is replaced).
      const old = runs % 2 === 0 ? `sk-sp-test-${oldBody.slice(0, 12)}-9999` : `zz${oldBody}`;
      const home = await tempHome();
      const file = path.join(home, planted.rel);
      await mkdir(path.dirname(file), { recursive: true });
      const original = planted.text(old, other, named);
      await writeFile(file, original);
      const env = cleanEnv(home, { K: NEW_KEY });
      const base = ['setup', '--plan', 'coding', '--region', 'cn', '--tools', tool, '--yes', '--key-env', 'K', '--home', home, '--key-storage', 'inline'];
      const text = await runCli([...base, '--dry-run'], { env });
      const json = await runCli([...base, '--dry-run', '--json'], { env });
      for (const r of [text, json]) expect(r.exitCode, `${tool}: ${r.stderr}${r.stdout}`).toBe(0);
      const doc = JSON.parse(json.stdout) as { changes: Array<{ diff?: string }> };
      const diffs = doc.changes.map((c) => c.diff ?? '').join('\n');
      expect(diffs, tool).toContain('sk-sp-…abcd');
      expectNoneOf([old, other, named, NEW_KEY, 'sk-ant-test-0000-1111-2222-3333'], text.stdout, text.stderr, json.stdout, json.stderr, diffs);
      // Nothing was written by a dry run.
      expect(await readFile(file, 'utf8')).toBe(original);
      runs++;
    }
    expect(runs).toBe(Object.keys(PLANTED).length);
  });

  it('codex: the export line of the old key in a shell profile', async () => {
    const home = await tempHome();
    const old = 'sk-test-oldpayg-0000-1111-2222-9999';
    await writeFile(path.join(home, '.bashrc'), `export DASHSCOPE_API_KEY='${old}'\nexport GITHUB_TOKEN=ghp_test000011112222333344445555666677\n`);
    const env = cleanEnv(home, { K: PAYG_NEW, SHELL: '/bin/bash' });
    const r = await runCli(['setup', '--plan', 'payg', '--region', 'cn', '--tools', 'codex', '--yes', '--key-env', 'K', '--home', home, '--shell-profile', 'auto', '--dry-run', '--json'], { env });
    expect(r.exitCode, r.stderr).toBe(0);
    expectNoneOf([old, PAYG_NEW, 'ghp_test000011112222333344445555666677'], r.stdout, r.stderr);
  });
});
