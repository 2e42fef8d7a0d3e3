/**
 * Standard output as a pipe: headless runs write it with fs.writeSync (src/effects/stdio.ts), so
 * they load neither the stream classes nor fs/promises; a pipe left non-blocking still gets all
 * of the text in order, and a reader that goes away ends nothing but the output.
 */
import { execa } from 'execa';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, cleanEnv, PLAN_KEY, runCli, tempHome } from '../helpers/cli.js';

/** Node's own list of the built-in modules a process loaded, written when it exits. */
const RECORD_BUILTINS = `process.on('exit', () => require('fs').writeFileSync(process.env.TP_TEST_BUILTINS, process.moduleLoadList.join('\\n')));\n`;

async function builtinsOf(args: readonly string[], env: Record<string, string>): Promise<{ exitCode: number; stdout: string; loaded: string[] }> {
  const dir = await tempHome('tp-builtins-');
  await writeFile(path.join(dir, 'record.cjs'), RECORD_BUILTINS);
  const log = path.join(dir, 'builtins.txt');
  // stdout is a pipe (execa's default), stdin /dev/null as in a CI job.
  const r = await execa(process.execPath, ['--require', path.join(dir, 'record.cjs'), CLI, ...args], { env: { ...env, TP_TEST_BUILTINS: log }, extendEnv: false, reject: false, stdin: 'ignore' });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), loaded: (await readFile(log, 'utf8')).split('\n') };
}

/**
 * What a stream on a pipe would have loaded, and what `import … from 'node:fs'` would have, less
 * what Node itself loads for any ES module program (Node 20's loader reads sources with
 * fs/promises): the names tp-setup alone would be to blame for.
 */
async function avoidable(): Promise<string[]> {
  const dir = await tempHome('tp-builtins-');
  await writeFile(path.join(dir, 'record.cjs'), RECORD_BUILTINS);
  await writeFile(path.join(dir, 'main.mjs'), "await import('./other.mjs');\n");
  await writeFile(path.join(dir, 'other.mjs'), 'export {};\n');
  const log = path.join(dir, 'builtins.txt');
  await execa(process.execPath, ['--require', path.join(dir, 'record.cjs'), path.join(dir, 'main.mjs')], { env: { TP_TEST_BUILTINS: log }, extendEnv: false, stdin: 'ignore' });
  const bare = new Set((await readFile(log, 'utf8')).split('\n'));
  const names = ['NativeModule net', 'NativeModule stream', 'NativeModule tty', 'NativeModule internal/fs/promises', 'NativeModule internal/readline/interface'];
  return names.filter((n) => !bare.has(n));
}

async function openclawHome(staleAgents = 0): Promise<{ home: string; env: Record<string, string> }> {
  const home = await tempHome();
  const env = cleanEnv(home, { K: PLAN_KEY });
  const r = await runCli(['--plan', 'token-personal', '--region', 'intl', '--tools', 'openclaw,codex,hermes', '--key-env', 'K', '--yes', '--home', home], { env });
  expect(r.exitCode).toBe(0);
  // Stale OpenClaw agent caches: one finding each, so the report can be made as long as needed.
  for (let i = 0; i < staleAgents; i++) {
    const agent = path.join(home, '.openclaw', 'agents', `agent-${String(i).padStart(4, '0')}`, 'agent');
    await mkdir(agent, { recursive: true });
    const cache = { providers: { bailian: { baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', apiKey: 'sk-test-old-0000-1111-2222-wxyz', api: 'openai-completions', models: [] } } };
    await writeFile(path.join(agent, 'models.json'), JSON.stringify(cache), { mode: 0o600 });
  }
  return { home, env: cleanEnv(home) };
}

describe('standard output as a pipe', () => {
  it('doctor --json and --help load neither the stream classes nor fs/promises', async () => {
    const { home, env } = await openclawHome();
    const doctor = await builtinsOf(['doctor', '--json', '--home', home], env);
    expect([0, 3]).toContain(doctor.exitCode);
    expect(JSON.parse(doctor.stdout).checked.map((c: { tool: string }) => c.tool).sort()).toEqual(['codex', 'hermes', 'openclaw']);
    const names = await avoidable();
    // Streams are never Node's own doing; on Node 22 and later neither is fs/promises.
    expect(names).toEqual(expect.arrayContaining(['NativeModule net', 'NativeModule stream', 'NativeModule tty']));
    if (Number(process.versions.node.split('.')[0]) >= 22) expect(names).toContain('NativeModule internal/fs/promises');
    for (const name of names) expect(doctor.loaded).not.toContain(name);
    const help = await builtinsOf(['--help'], env);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('Usage: tp-setup');
    for (const name of names) expect(help.loaded).not.toContain(name);
    // The record is real: a run that needs a stream (its stdout is /dev/null, a character
    // device, so node:tty is asked) shows it.
    const dir = await tempHome('tp-builtins-');
    await writeFile(path.join(dir, 'record.cjs'), RECORD_BUILTINS);
    const log = path.join(dir, 'builtins.txt');
    await execa('bash', ['-c', `"${process.execPath}" --require "${path.join(dir, 'record.cjs')}" "${CLI}" doctor --json --home "${home}" >/dev/null`], { env: { ...env, TP_TEST_BUILTINS: log }, extendEnv: false, reject: false });
    expect((await readFile(log, 'utf8')).split('\n')).toContain('NativeModule tty');
  });

  it('a pipe left non-blocking by someone else still gets the whole report, in order, while its reader waits', async () => {
    const { home, env } = await openclawHome(900);
    const expected = await runCli(['doctor', '--json', '--home', home], { env });
    // More than a pipe or socket buffer holds (about 200 KB here), so the writer must wait.
    expect(expected.stdout.length).toBeGreaterThan(450_000);
    // Creating process.stdout for a pipe makes the descriptor non-blocking (libuv), as another
    // program in the pipeline may have left it: writeSync then meets EAGAIN once the pipe is full.
    const dir = await tempHome('tp-nonblock-');
    await writeFile(path.join(dir, 'nonblock.cjs'), 'process.stdout;\n');
    const child = spawn(process.execPath, ['--require', path.join(dir, 'nonblock.cjs'), CLI, 'doctor', '--json', '--home', home], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    const errs: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stdout.pause();
    child.stderr.on('data', (c: Buffer) => errs.push(c));
    const closed = new Promise<number | null>((r) => child.on('close', r));
    await new Promise((r) => setTimeout(r, 500));
    expect(chunks).toHaveLength(0);
    child.stdout.resume();
    const code = await closed;
    expect(Buffer.concat(errs).toString('utf8')).toBe('');
    expect(code).toBe(expected.exitCode);
    const got = Buffer.concat(chunks).toString('utf8');
    expect(got).toBe(`${expected.stdout}\n`);
    expect(JSON.parse(got).findings.filter((f: { code: string }) => f.code === 'OPENCLAW_STALE_CACHE')).toHaveLength(900);
  });

  it('standard output closed before the run (>&-, which Node reopens on /dev/null): the run goes on to its real exit code', async () => {
    const { home, env } = await openclawHome(3);
    const expected = await runCli(['doctor', '--json', '--home', home], { env });
    const r = await execa('bash', ['-c', `"${process.execPath}" "${CLI}" doctor --json --home "${home}" >&-`], { env, extendEnv: false, reject: false });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(expected.exitCode);
    expect(expected.exitCode).toBe(3);
  });

  // /dev/full: every write fails with ENOSPC, as on a full disk (Linux).
  it.runIf(existsSync('/dev/full'))('a report that cannot be written (a full disk) fails the run with exit 1 and says why, with no stack trace', async () => {
    const { home, env } = await openclawHome(3);
    for (const [args, lang, text] of [
      [['doctor', '--json'], 'en', 'could not write its output to standard output (ENOSPC)'],
      [['doctor'], 'en', 'could not write its output to standard output (ENOSPC)'],
      [['doctor'], 'zh-CN', '无法把输出写到标准输出（ENOSPC）'],
    ] as const) {
      const r = await execa('bash', ['-c', `"${process.execPath}" "${CLI}" ${args.join(' ')} --home "${home}" >/dev/full`], { env: { ...env, TP_SETUP_LANG: lang }, extendEnv: false, reject: false });
      expect(r.exitCode, `${args.join(' ')} ${lang}`).toBe(1);
      expect(r.stderr).toContain(text);
      expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    }
  });

  it('a reader that goes away after the first line ends the output only: --json too, with the real exit code and nothing on stderr', async () => {
    const { home, env } = await openclawHome(400);
    const r = await execa('bash', ['-c', `"${process.execPath}" "${CLI}" doctor --json --home "${home}" | head -c 100 >/dev/null; exit \${PIPESTATUS[0]}`], { env, extendEnv: false, reject: false });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(3);
  });
});
