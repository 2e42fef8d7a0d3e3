import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, PLAN_KEY, runCli, tempHome } from '../helpers/cli.js';
import { KEYS, PtyRun } from '../helpers/pty.js';

/** A `qwen` that knows its version but fails its one-shot without a word, as a crashed tool does. */
async function silentQwen(home: string): Promise<string> {
  const bin = path.join(home, 'bin');
  await mkdir(bin);
  await writeFile(path.join(bin, 'qwen'), '#!/bin/sh\nif [ "$1" = "--version" ]; then echo 0.15.0; exit 0; fi\nexit 1\n');
  await chmod(path.join(bin, 'qwen'), 0o755);
  return `${bin}:/usr/bin:/bin`;
}

describe('a verify that fails without output', () => {
  it('headless: says the tool printed nothing, names the command to run by hand, exits 3', async () => {
    const home = await tempHome();
    const env = cleanEnv(home, { K: PLAN_KEY });
    expect((await runCli(['--plan', 'coding', '--region', 'cn', '--tools', 'qwen-code', '--yes', '--key-env', 'K', '--home', home], { env })).exitCode).toBe(0);
    const PATH = await silentQwen(home);
    const r = await runCli(['verify', '--yes', '--home', home], { env: { ...env, PATH } });
    expect(r.exitCode).toBe(3);
    expect(r.stdout).toContain('Qwen Code: failed (exit 1)');
    expect(r.stdout).toContain('It printed nothing, so there is no error to show. Run it yourself to see more: qwen ');
    // No empty line stands in for the missing output.
    expect(r.stdout).not.toMatch(/failed \(exit 1\)\n\s*\n/);
    const zh = await runCli(['verify', '--yes', '--home', home, '--lang', 'zh-CN'], { env: { ...env, PATH } });
    expect(zh.stdout).toContain('它没有任何输出');
  });

  it("the wizard: the failed check is the run's exit code", async () => {
    const home = await tempHome();
    const PATH = await silentQwen(home);
    const env = { ...cleanEnv(home), PATH, TERM: 'xterm-256color' };
    const run = new PtyRun(['--home', home, '--plan', 'coding', '--region', 'cn', '--tools', 'qwen-code', '--model', 'qwen3.5-plus', '--thinking', 'on'], env);
    await run.waitFor('API key (input hidden)');
    run.write(PLAN_KEY + KEYS.enter);
    await run.waitFor('Write these changes?');
    run.write('y');
    await run.waitFor('Check each tool now');
    await new Promise((r) => setTimeout(r, 60));
    run.write('y');
    expect(await run.exited).toBe(3);
    expect(run.output).toContain('It printed nothing');
    expect(run.output).not.toContain(PLAN_KEY);
  });

  it('--plain: the same ending and the same exit code', async () => {
    const home = await tempHome();
    const PATH = await silentQwen(home);
    const env = { ...cleanEnv(home), PATH, TERM: 'xterm-256color' };
    const run = new PtyRun(['--plain', '--home', home, '--plan', 'coding', '--region', 'cn', '--tools', 'qwen-code', '--model', 'qwen3.5-plus', '--thinking', 'on'], env);
    await run.waitFor('API key (input hidden)');
    run.write(PLAN_KEY + KEYS.enter);
    await run.waitFor('Write these changes?');
    run.write('y' + KEYS.enter);
    await run.waitFor('Check each tool now');
    await new Promise((r) => setTimeout(r, 60));
    run.write('y' + KEYS.enter);
    expect(await run.exited).toBe(3);
    expect(run.output).toContain('It printed nothing');
    expect(run.output).not.toContain(PLAN_KEY);
  });
});
