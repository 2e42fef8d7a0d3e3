/**
 * Class 10: folders tp-setup creates on the way to a file that holds a key are 0700 from the
 * start (also when a file without a key in the same folder is written first); an existing folder
 * others can list that holds a key file is reported by doctor (DIR_PERMISSIONS), never changed.
 */
import { chmod, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileWrite } from '../../src/core/writes.js';
import { applyWrites } from '../../src/effects/apply.js';
import { cleanEnv, PLAN_KEY, runCli, tempHome } from '../helpers/cli.js';

const mode = async (p: string) => (await stat(p)).mode & 0o777;
let saved = 0;
beforeAll(() => {
  saved = process.umask(0o022);
});
afterAll(() => {
  process.umask(saved);
});

const SETUP = ['--plan', 'token-team', '--region', 'intl', '--yes', '--key-env', 'K'];

describe('new folders that hold a key', () => {
  it('umask 022: ~/.qwen and ~/.hermes are 0700, their .env 0600; a folder without a key keeps 0755', async () => {
    const home = await tempHome('tp-modes-');
    const r = await runCli([...SETUP, '--tools', 'qwen-code,hermes,claude-code'], { env: cleanEnv(home, { K: PLAN_KEY }) });
    expect(r.exitCode, r.stderr).toBe(0);
    for (const dir of ['.qwen', '.hermes']) {
      expect(await mode(path.join(home, dir)), dir).toBe(0o700);
      expect(await mode(path.join(home, dir, '.env')), dir).toBe(0o600);
    }
    expect(await mode(path.join(home, '.local', 'state', 'tp-setup'))).toBe(0o700);
  });

  it('generated runs: every folder created on the way to a key file is 0700, the others 0755, whatever the order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ dir: fc.constantFrom('a', 'a/b', 'a/b/c', 'd', 'd/e'), name: fc.constantFrom('x.json', 'y.env', 'z.toml'), secret: fc.boolean() }), { minLength: 1, maxLength: 6 }),
        async (specs) => {
          const home = await tempHome('tp-modes-gen-');
          const seen = new Map<string, FileWrite>();
          for (const s of specs) {
            const p = path.join(home, 'h', s.dir, s.name);
            const prev = seen.get(p);
            seen.set(p, { tool: 't', path: p, format: 'json', secret: s.secret || (prev?.secret ?? false), before: null, after: `v=${s.secret ? PLAN_KEY : 1}\n`, edits: [] });
          }
          const writes = [...seen.values()];
          await applyWrites(writes, { stateDir: path.join(home, 'state'), command: 'test' });
          const privateDirs = new Set<string>();
          for (const f of writes.filter((x) => x.secret)) {
            for (let d = path.dirname(f.path); d !== home; d = path.dirname(d)) privateDirs.add(d);
          }
          for (const f of writes) {
            for (let d = path.dirname(f.path); d !== home; d = path.dirname(d)) {
              expect(await mode(d), d).toBe(privateDirs.has(d) ? 0o700 : 0o755);
            }
            if (f.secret) expect(await mode(f.path)).toBe(0o600);
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 40_000);
});

describe('existing folders others can list', () => {
  it.each([0o755, 0o750, 0o705, 0o777])('a key folder with mode %o: doctor warns DIR_PERMISSIONS (en and zh-CN); setup and doctor --fix never change it', async (dirMode) => {
    const home = await tempHome('tp-modes-doc-');
    const env = cleanEnv(home, { K: PLAN_KEY });
    const qwen = path.join(home, '.qwen');
    await mkdir(qwen);
    await chmod(qwen, dirMode);
    expect((await runCli([...SETUP, '--tools', 'qwen-code'], { env })).exitCode).toBe(0);
    expect(await mode(qwen)).toBe(dirMode);
    const doc = await runCli(['doctor', '--tools', 'qwen-code', '--json'], { env });
    const findings = (JSON.parse(doc.stdout) as { findings: { code: string; file?: string; params?: Record<string, string> }[] }).findings;
    const hit = findings.find((f) => f.code === 'DIR_PERMISSIONS');
    expect(hit, doc.stdout).toBeDefined();
    expect(hit!.params?.mode).toBe(`0${dirMode.toString(8)}`);
    expect(hit!.file).toBe(path.join(qwen, '.env'));
    const zh = await runCli(['doctor', '--tools', 'qwen-code'], { env: { ...env, TP_SETUP_LANG: 'zh-CN' } });
    expect(zh.stdout).toContain('保存该密钥文件的文件夹');
    await runCli(['doctor', '--fix', '--yes', '--tools', 'qwen-code'], { env });
    expect(await mode(qwen)).toBe(dirMode);
  });

  it('a 0700 or 0711 key folder gives no DIR_PERMISSIONS', async () => {
    for (const dirMode of [0o700, 0o711]) {
      const home = await tempHome('tp-modes-ok-');
      const env = cleanEnv(home, { K: PLAN_KEY });
      await mkdir(path.join(home, '.qwen'));
      await chmod(path.join(home, '.qwen'), dirMode);
      await chmod(home, 0o755);
      expect((await runCli([...SETUP, '--tools', 'qwen-code,claude-code'], { env })).exitCode).toBe(0);
      const doc = await runCli(['doctor', '--tools', 'qwen-code,claude-code', '--json'], { env });
      expect(doc.stdout).not.toContain('DIR_PERMISSIONS');
    }
  });
});
