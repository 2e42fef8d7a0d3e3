/**
 * Exit 1 is for bugs only. A config whose owned parent has the wrong type, for every adapter, is
 * a refusal (exit 4, error.refusedShape naming file, key path, expected and found type) and
 * every file stays byte for byte; a key that would break the line it is written on is refused as
 * input (exit 2). Real temp homes, the built CLI.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shapeConflict } from '../../src/core/planner.js';
import { cleanEnv, PAYG_KEY, PLAN_KEY, runCli, snapshotTree, tempHome } from '../helpers/cli.js';

interface ShapeCase {
  readonly tool: string;
  readonly plan: 'coding' | 'payg';
  readonly rel: string;
  readonly text: string;
  readonly keyPath: string;
  readonly expected: 'object' | 'array';
  readonly found: string;
}

const c = (tool: string, rel: string, text: string, keyPath: string, expected: 'object' | 'array', found: string, plan: 'coding' | 'payg' = 'coding'): ShapeCase => ({ tool, plan, rel, text, keyPath, expected, found });

const CASES: readonly ShapeCase[] = [
  c('claude-code', '.claude/settings.json', '{"env": "x"}\n', 'env', 'object', 'string'),
  c('claude-code', '.claude/settings.json', '{"env": [1, 2]}\n', 'env', 'object', 'array'),
  c('claude-code', '.claude/settings.json', '[1, 2]\n', '(root)', 'object', 'array'),
  c('claude-code', '.claude.json', '"onboarded"\n', '(root)', 'object', 'string'),
  c('codex', '.codex/config.toml', 'model_providers = [1, 2]\n', 'model_providers', 'object', 'array', 'payg'),
  c('codex', '.codex/config.toml', 'model_providers = "x"\n', 'model_providers', 'object', 'string', 'payg'),
  c('codex', '.codex/config.toml', '[model_providers]\nbailian = 3\n', 'model_providers.bailian', 'object', 'number', 'payg'),
  c('hermes', '.hermes/config.yaml', '- a\n- b\n', '(root)', 'object', 'array'),
  c('hermes', '.hermes/config.yaml', 'model: qwen\n', 'model', 'object', 'string'),
  c('hermes', '.hermes/config.yaml', 'model: [1]\n', 'model', 'object', 'array'),
  c('hermes', '.hermes/config.yaml', '"just text"\n', '(root)', 'object', 'string'),
  c('openclaw', '.openclaw/openclaw.json', '{ models: { providers: 3 } }\n', 'models.providers', 'object', 'number'),
  c('openclaw', '.openclaw/openclaw.json', '{ models: true }\n', 'models', 'object', 'boolean'),
  c('openclaw', '.openclaw/openclaw.json', '{ models: { providers: { bailian: "x" } } }\n', 'models.providers.bailian', 'object', 'string'),
  c('openclaw', '.openclaw/openclaw.json', '{ agents: { defaults: "x" } }\n', 'agents.defaults', 'object', 'string'),
  c('openclaw', '.openclaw/openclaw.json', '{ agents: { defaults: { models: [1] } } }\n', 'agents.defaults.models', 'object', 'array'),
  c('openclaw', '.openclaw/openclaw.json', '{ agents: { defaults: { model: 3 } } }\n', 'agents.defaults.model', 'object', 'number'),
  c('openclaw', '.openclaw/openclaw.json', '[]\n', '(root)', 'object', 'array'),
  c('opencode', '.config/opencode/opencode.json', '{"provider": [1]}\n', 'provider', 'object', 'array'),
  c('opencode', '.config/opencode/opencode.json', '{"provider": null}\n', 'provider', 'object', 'null'),
  c('opencode', '.config/opencode/opencode.json', '[1]\n', '(root)', 'object', 'array'),
  c('opencode', '.local/share/opencode/auth.json', '[1]\n', '(root)', 'object', 'array'),
  c('kilo', '.config/kilo/kilo.json', '{"provider": 3}\n', 'provider', 'object', 'number'),
  c('qwen-code', '.qwen/settings.json', '{"modelProviders": {"openai": {}}}\n', 'modelProviders.openai', 'array', 'object'),
  c('qwen-code', '.qwen/settings.json', '{"modelProviders": [1]}\n', 'modelProviders', 'object', 'array'),
  c('qwen-code', '.qwen/settings.json', '{"security": "x"}\n', 'security', 'object', 'string'),
  c('qwen-code', '.qwen/settings.json', '{"model": "x"}\n', 'model', 'object', 'string'),
  c('qwen-code', '.qwen/settings.json', '[]\n', '(root)', 'object', 'array'),
];

async function planted(rel: string, text: string): Promise<string> {
  const home = await tempHome();
  const file = path.join(home, rel);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  return home;
}

function args(tool: string, plan: string, home: string, ...extra: string[]): string[] {
  return ['setup', '--plan', plan, '--region', 'cn', '--tools', tool, '--yes', '--home', home, ...(extra.includes('--key-stdin') ? [] : ['--key-env', 'K']), ...extra];
}

describe('wrong-typed owned parents: exit 4, file byte-identical (every adapter)', () => {
  it.each(['openclaw', 'qwen-code', 'claude-code', 'opencode', 'codex', 'kilo', 'hermes'])('%s has at least one case', (tool) => {
    expect(CASES.some((x) => x.tool === tool)).toBe(true);
  });

  it.concurrent.each(CASES.map((x, i) => [i, x] as const))('case %i: %o', async (i, x) => {
    const home = await planted(x.rel, x.text);
    const before = await snapshotTree(home);
    const env = cleanEnv(home, { K: x.plan === 'payg' ? PAYG_KEY : PLAN_KEY });
    const json = await runCli([...args(x.tool, x.plan, home), '--json'], { env });
    const label = `${x.tool} ${x.rel} ${x.text.trim()}`;
    expect(json.exitCode, `${label}: ${json.stdout}${json.stderr}`).toBe(4);
    const { error } = JSON.parse(json.stdout);
    expect(error.code, label).toBe('error.refusedShape');
    expect(error.params, label).toEqual({ path: path.join(home, x.rel), keyPath: x.keyPath, expected: x.expected, found: x.found });
    // The text in the user's language, for every third case (the words come from one table).
    if (i % 3 === 0) {
      const zh = await runCli([...args(x.tool, x.plan, home), '--lang', 'zh-CN'], { env });
      expect(zh.exitCode, label).toBe(4);
      expect(zh.stderr).toContain('已拒绝');
      expect(zh.stderr).toContain(x.keyPath);
      expect(zh.stderr).not.toMatch(/Internal error|内部错误/);
    }
    expect(await snapshotTree(home), label).toEqual(before);
  });

  it('shapeConflict walks edits in order: a parent set earlier in the run is not a conflict', () => {
    expect(shapeConflict({ env: 'x' }, [{ op: 'set', path: ['env'], value: {} }, { op: 'set', path: ['env', 'A'], value: '1' }])).toBeUndefined();
    expect(shapeConflict({ env: 'x' }, [{ op: 'set', path: ['env', 'A'], value: '1' }])).toEqual({ keyPath: ['env'], expected: 'object', found: 'string' });
    expect(shapeConflict({ a: { b: 1 } }, [{ op: 'insert', path: ['a', 'b', 0], value: 1 }])).toEqual({ keyPath: ['a', 'b'], expected: 'array', found: 'number' });
    expect(shapeConflict({ a: 'x' }, [{ op: 'delete', path: ['a', 'b'] }])).toBeUndefined();
    expect(shapeConflict({}, [{ op: 'set', path: ['a', 'b', 'c'], value: 1 }])).toBeUndefined();
  });
});

describe('keys that would break their line: exit 2, nothing written', () => {
  const UNSAFE = [
    "sk-sp-test-00'00-1111-2222-abcd",
    'sk-sp-test-00"00-1111-2222-abcd',
    'sk-sp-test-0000\u0000-1111-2222-abcd',
    'sk-sp-test-0000\u001b[31m-1111-abcd',
    'sk-sp-test-0000\u007f-1111-2222-abcd',
    'sk-sp-test-00$(id)-1111-2222-abcd',
    'sk-sp-test-00`id`-1111-2222-abcd',
    'sk-sp-test-00\\n00-1111-2222-abcd',
    'sk-sp-test-0000\u202e-1111-2222-abcd',
  ];
  const TARGETS: Array<[string, string, string[]]> = [
    ['codex', 'payg', ['--shell-profile', 'auto']],
    ['hermes', 'coding', []],
    ['qwen-code', 'coding', []],
    ['openclaw', 'coding', []],
  ];

  it(`${UNSAFE.length} keys, each through two of ${TARGETS.length} tools (shell profile and .env writers)`, async () => {
    const runs = UNSAFE.flatMap((key, i) => [TARGETS[i % TARGETS.length]!, TARGETS[(i + 1) % TARGETS.length]!].map((t) => [key, t] as const));
    let cases = 0;
    for (let n = 0; n < runs.length; n += 3) {
      await Promise.all(
        runs.slice(n, n + 3).map(async ([key, [tool, plan, extra]]) => {
          // A home of its own per run: concurrent runs in one home would wait on each other's lock.
          const home = await tempHome();
          const given = plan === 'payg' ? key.replace('sk-sp-test-', 'sk-test-') : key;
          const r = await runCli(args(tool, plan, home, ...extra, '--key-stdin', '--json'), { env: cleanEnv(home, { SHELL: '/bin/bash' }), input: `${given}\n` });
          expect(r.exitCode, `${tool} ${JSON.stringify(key)}: ${r.stdout}`).toBe(2);
          const { error } = JSON.parse(r.stdout);
          expect(error.code).toBe('error.keyUnsafe');
          expect(r.stdout).not.toContain('0000-1111');
          expect((await snapshotTree(home)).size, 'nothing written').toBe(0);
          cases++;
        }),
      );
    }
    expect(cases).toBe(UNSAFE.length * 2);
  }, 60_000);

  it('the shell profile editor itself refuses a quote or control character (exit 4 naming the file, not exit 1)', async () => {
    const { shellProfileEditor } = await import('../../src/core/formats/shell-profile.js');
    for (const v of ["a'b", 'a\nb', 'a\u0000b', 'a\u001bb', 'a\u2028b']) {
      expect(() => shellProfileEditor.apply('', [{ op: 'set', path: ['X'], value: v }])).toThrow(/quote, line break or control character/);
    }
    expect(shellProfileEditor.apply('', [{ op: 'set', path: ['X'], value: 'sk-test-0000' }])).toBe("export X='sk-test-0000'\n");
  });
});
