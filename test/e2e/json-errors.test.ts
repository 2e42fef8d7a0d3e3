/**
 * `--json` failures are one document with a stable `error.code` and its `params` (like finding
 * codes), detail lines as data, and the words in the user's language beside them.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, PLAN_KEY, runCli, tempHome } from '../helpers/cli.js';

interface Failure {
  readonly schemaVersion: number;
  readonly ok: false;
  readonly exitCode: number;
  readonly error: {
    readonly code: string;
    readonly params: Record<string, string | number>;
    readonly message: string;
    readonly details: readonly { code: string; params: Record<string, string | number>; message: string }[];
  };
}

const failure = (stdout: string): Failure => JSON.parse(stdout) as Failure;

describe('--json failures carry error.code and error.params', () => {
  it('missing answers: one detail per missing flag, as data, and the key last', async () => {
    const home = await tempHome();
    const r = await runCli(['setup', '--plan', 'coding', '--json', '--home', home], { env: cleanEnv(home) });
    expect(r.exitCode).toBe(2);
    const doc = failure(r.stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, ok: false, exitCode: 2, error: { code: 'error.missing', params: {} } });
    const details = doc.error.details;
    expect(details.map((d) => d.code)).toEqual(['error.missingFlag', 'error.missingFlag', 'error.missingDepends', 'error.missingKey']);
    expect(details[2]!.params).toEqual({ flag: '--model' });
    expect(details[0]!.params).toEqual({ flag: '--region', choices: 'cn, intl' });
    expect(details[1]!.params.flag).toBe('--tools');
    expect(details[0]!.message).toContain('--region');
  });

  it('the words follow --lang; the code and params do not', async () => {
    const home = await tempHome();
    const en = failure((await runCli(['setup', '--plan', 'nope', '--yes', '--json', '--home', home], { env: cleanEnv(home) })).stdout);
    const zh = failure((await runCli(['setup', '--plan', 'nope', '--yes', '--json', '--lang', 'zh-CN', '--home', home], { env: cleanEnv(home) })).stdout);
    expect(en.error.code).toBe('error.invalid');
    expect(zh.error.code).toBe(en.error.code);
    expect(zh.error.params).toEqual(en.error.params);
    expect(en.error.params).toMatchObject({ flag: '--plan', value: 'nope' });
    expect(zh.error.message).not.toBe(en.error.message);
  });

  it('a file that does not parse: exit 4, code error.refusedParse with path, line and column', async () => {
    const home = await tempHome();
    const file = path.join(home, '.claude/settings.json');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '{\n  "env": {,}\n}\n');
    const r = await runCli(['--plan', 'coding', '--region', 'intl', '--tools', 'claude-code', '--yes', '--key-env', 'K', '--json', '--home', home], {
      env: cleanEnv(home, { K: PLAN_KEY }),
    });
    expect(r.exitCode).toBe(4);
    const doc = failure(r.stdout);
    expect(doc.error.code).toBe('error.refusedParse');
    expect(doc.error.params).toMatchObject({ path: file, line: 2 });
    expect(typeof doc.error.params.column).toBe('number');
    expect(r.stdout).not.toContain(PLAN_KEY);
  });

  it("commander's own complaints have their own code, with the parts as parameters", async () => {
    const home = await tempHome();
    const r = await runCli(['doctor', '--no-such-flag', '--json', '--home', home], { env: cleanEnv(home) });
    expect(r.exitCode).toBe(2);
    const doc = failure(r.stdout);
    expect(doc.error).toMatchObject({ code: 'error.unknownOption', params: { option: '--no-such-flag' }, message: "error: unknown option '--no-such-flag'" });
    const zh = failure((await runCli(['doctor', '--no-such-flag', '--json', '--lang', 'zh-CN', '--home', home], { env: cleanEnv(home) })).stdout);
    expect(zh.error).toMatchObject({ code: 'error.unknownOption', params: { option: '--no-such-flag' }, message: '错误：未知选项 --no-such-flag' });
  });

  it('a run id that does not exist: error.noRun naming it', async () => {
    const home = await tempHome();
    const r = await runCli(['restore', '20990101-000000-abcd', '--json', '--home', home], { env: cleanEnv(home) });
    expect(r.exitCode).toBe(2);
    expect(failure(r.stdout).error).toMatchObject({ code: 'error.noRun', params: { runId: '20990101-000000-abcd' } });
  });
});
