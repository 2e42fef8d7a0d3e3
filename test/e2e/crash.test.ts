import { cp } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, PLAN_KEY, ROOT, runCli, snapshotTree, spawnCli, tempHome } from '../helpers/cli.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'golden');
// Every format tp-setup writes: JSON5, JSONC, strict JSON, .env, TOML (Codex) and YAML (Hermes).
const TOOLS = ['openclaw', 'qwen-code', 'claude-code', 'codex', 'hermes'];
const ARGS = ['--plan', 'token-team', '--region', 'intl', '--tools', TOOLS.join(','), '--yes', '--key-env', 'K'];
const ROUNDS = 24;

async function seeded(): Promise<string> {
  const home = await tempHome('tp-crash-');
  for (const tool of TOOLS) await cp(path.join(FIXTURES, tool, 'input'), home, { recursive: true });
  return home;
}

const userFiles = async (home: string) =>
  new Map([...(await snapshotTree(home))].filter(([k]) => !k.startsWith('.local/state/') && !/\.tp-setup-\d+-[0-9a-f]{8}\.tmp$/.test(k)).map(([k, v]) => [k, v.text]));

describe('crash safety', () => {
  it(`SIGKILL at random points of apply leaves every file fully old or fully new (${ROUNDS} rounds)`, async () => {
    // What a complete run produces from this start, to compare each killed run with.
    const reference = await seeded();
    const original = await userFiles(reference);
    const done = await runCli([...ARGS, '--home', reference], { env: cleanEnv(reference, { K: PLAN_KEY }) });
    expect(done.exitCode, done.stderr).toBe(0);
    const complete = await userFiles(reference);

    let killedMidway = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const home = await seeded();
      const child = spawnCli([...ARGS, '--home', home], { env: cleanEnv(home, { K: PLAN_KEY }) });
      // Progress lines name each backup and write as it happens: kill right after the n-th one,
      // or at a random time when n is past the end.
      const target = Math.floor(Math.random() * 20);
      let seen = 0;
      child.stderr?.on('data', (chunk: Buffer) => {
        seen += (String(chunk).match(/^\s+(backed up|wrote) /gm) ?? []).length;
        if (seen >= target) child.kill('SIGKILL');
      });
      if (target >= 17) setTimeout(() => child.kill('SIGKILL'), Math.random() * 400);
      await child;
      const now = await userFiles(home);
      let changed = 0;
      for (const [rel, text] of now) {
        const old = original.get(rel);
        const fresh = complete.get(rel);
        expect(text === old || text === fresh, `${rel} is neither the old nor the new content (round ${round})`).toBe(true);
        if (text !== old) changed++;
      }
      for (const rel of original.keys()) expect(now.has(rel), `${rel} vanished`).toBe(true);
      if (changed > 0 && changed < complete.size) killedMidway++;
    }
    // The test only proves something if some kills landed between two writes.
    expect(killedMidway).toBeGreaterThan(0);
  }, 180_000);
});
