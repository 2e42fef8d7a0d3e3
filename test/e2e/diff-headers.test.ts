import { describe, expect, it } from 'vitest';
import { cleanEnv, PLAN_KEY, runCli, tempHome } from '../helpers/cli.js';

describe('setup --dry-run diffs', () => {
  it.each(['en', 'zh-CN'])('%s: each file starts at its ---/+++ headers, with no Index: line or ===== rule; the action column fits the words', async (lang) => {
    const home = await tempHome();
    const r = await runCli(['setup', '--plan', 'coding', '--region', 'cn', '--tools', 'qwen-code,claude-code', '--yes', '--key-env', 'K', '--dry-run', '--home', home, '--lang', lang], {
      env: cleanEnv(home, { K: PLAN_KEY }),
    });
    expect(r.exitCode, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => /^Index: |^=+$/.test(l))).toEqual([]);
    const minus = lines.flatMap((l, i) => (l.startsWith('--- ') ? [i] : []));
    expect(minus.length).toBeGreaterThanOrEqual(2);
    for (const i of minus) {
      expect(lines[i + 1]).toMatch(/^\+\+\+ /);
      expect(lines[i + 2]).toMatch(/^@@ /);
    }
    expect(r.stdout).not.toContain(PLAN_KEY);
    // "  create    ~/…" in English (the widest word is "unchanged"); "  新建   ~/…" in Chinese.
    const rows = lines.filter((l) => /^ {2}\S+ +~\//.test(l));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const gap = lang === 'en' ? /^ {2}(create|update|unchanged) {1,4}~\// : /^ {2}(新建|更新|未改动) {1,3}~\//;
    for (const row of rows) expect(row).toMatch(gap);
  });
});
