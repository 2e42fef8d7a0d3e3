import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, PLAN_KEY, ROOT, runCli, snapshotTree, tempHome } from '../helpers/cli.js';

/**
 * Each fixture is a messy real-world home (comments, odd indentation, CRLF, other providers,
 * unknown keys). `expected/` is the exact result of setup; a change to any byte of it must be a
 * deliberate, reviewed change to the fixture.
 */
const CASES = [
  { tool: 'openclaw', args: ['--plan', 'coding', '--region', 'intl', '--model', 'qwen3.5-plus,glm-5'] },
  { tool: 'qwen-code', args: ['--plan', 'coding', '--region', 'intl', '--model', 'qwen3.5-plus'] },
  { tool: 'claude-code', args: ['--plan', 'token-team', '--region', 'cn', '--model', 'qwen3.6-plus'] },
  { tool: 'opencode', args: ['--plan', 'coding', '--region', 'cn', '--model', 'qwen3.5-plus'] },
  { tool: 'kilo', args: ['--plan', 'coding', '--region', 'intl', '--model', 'qwen3.5-plus'] },
  { tool: 'codex', args: ['--plan', 'token-team', '--region', 'intl', '--model', 'qwen3.6-plus'] },
  { tool: 'hermes', args: ['--plan', 'token-personal', '--region', 'cn', '--model', 'qwen3.7-plus'] },
  { tool: 'crush', args: ['--plan', 'coding', '--region', 'cn', '--model', 'qwen3.5-plus,glm-5'] },
  { tool: 'droid', args: ['--plan', 'token-team', '--region', 'intl', '--model', 'qwen3.6-plus'] },
] as const;

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'golden');

describe('golden fixtures: messy configs → setup → exact expected files', () => {
  it.each(CASES)('$tool', async ({ tool, args }) => {
    const home = await tempHome();
    await cp(path.join(FIXTURES, tool, 'input'), home, { recursive: true });
    const before = await snapshotTree(home);
    const r = await runCli(['setup', ...args, '--tools', tool, '--yes', '--key-env', 'K', '--home', home], { env: cleanEnv(home, { K: PLAN_KEY }) });
    expect(r.exitCode, r.stderr).toBe(0);

    const after = await snapshotTree(home);
    const expectedDir = path.join(FIXTURES, tool, 'expected');
    const expected = await snapshotTree(expectedDir);
    const written = [...after.keys()].filter((k) => !k.startsWith('.local/state/'));
    expect(written.sort()).toEqual([...expected.keys()].sort());
    for (const [rel, { text }] of expected) {
      expect(after.get(rel)?.text, rel).toBe(text);
    }
    // Backups hold the exact original bytes.
    const manifestRun = [...after.keys()].find((k) => k.endsWith('manifest.json'))!;
    const manifest = JSON.parse(await readFile(path.join(home, manifestRun), 'utf8'));
    for (const f of manifest.files) {
      const rel = path.relative(home, f.path);
      if (f.backup) expect(await readFile(path.join(home, path.dirname(manifestRun), f.backup), 'utf8')).toBe(before.get(rel)?.text);
    }
  });
});
