/**
 * Class 13: temp file + rename gives a config a new inode, so its other hard links keep the old
 * bytes. tp-setup does not pretend otherwise: doctor warns (FILE_HARD_LINKS) before a write, and
 * the split is what the README documents. Symlinks, by contrast, are written through.
 */
import { link, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileState } from '../../src/effects/fs.js';
import { cleanEnv, PLAN_KEY, runCli, tempHome } from '../helpers/cli.js';

const SETUP = ['--plan', 'token-team', '--region', 'intl', '--yes', '--key-env', 'K'];
interface Doc { findings: { code: string; file?: string; params?: Record<string, number> }[] }

describe('hard-linked configs', () => {
  it.each([
    ['qwen-code', '.qwen/settings.json', '{}\n'],
    ['claude-code', '.claude/settings.json', '{}\n'],
    ['codex', '.codex/config.toml', 'model = "x"\n'],
    ['hermes', '.hermes/config.yaml', 'model: {}\n'],
  ])('%s %s with 2 and 3 links: doctor warns with the count; setup splits the link as documented', async (tool, rel, text) => {
    for (const extra of [1, 2]) {
      const home = await tempHome('tp-hl-');
      const env = cleanEnv(home, { K: PLAN_KEY });
      const p = path.join(home, rel);
      await mkdir(path.dirname(p), { recursive: true });
      await writeFile(p, text);
      const others = Array.from({ length: extra }, (_, i) => path.join(home, `copy-${i}`));
      for (const o of others) await link(p, o);
      expect((await readFileState(p)).links).toBe(extra + 1);
      const doc = JSON.parse((await runCli(['doctor', '--tools', tool, '--json'], { env })).stdout) as Doc;
      const hit = doc.findings.find((f) => f.code === 'FILE_HARD_LINKS' && f.file === p);
      expect(hit, JSON.stringify(doc.findings)).toBeDefined();
      expect(hit!.params?.links).toBe(extra + 1);
      const r = await runCli([...SETUP, '--tools', tool], { env });
      expect(r.exitCode, r.stderr).toBe(0);
      // The documented split: the config is a new file; the other names keep the old bytes.
      expect((await stat(p)).nlink).toBe(1);
      for (const o of others) expect(await readFile(o, 'utf8')).toBe(text);
      expect(await readFile(p, 'utf8')).not.toBe(text);
      const after = JSON.parse((await runCli(['doctor', '--tools', tool, '--json'], { env })).stdout) as Doc;
      expect(after.findings.filter((f) => f.code === 'FILE_HARD_LINKS' && f.file === p)).toEqual([]);
    }
  }, 40_000);

  it('a config with one link gives no FILE_HARD_LINKS', async () => {
    const home = await tempHome('tp-hl-one-');
    await mkdir(path.join(home, '.qwen'));
    await writeFile(path.join(home, '.qwen', 'settings.json'), '{}\n');
    const doc = await runCli(['doctor', '--tools', 'qwen-code', '--json'], { env: cleanEnv(home) });
    expect(doc.stdout).not.toContain('FILE_HARD_LINKS');
  });
});
