import { describe, expect, it } from 'vitest';
import { cleanEnv, PLAN_KEY, runCli, snapshotTree, tempHome } from '../helpers/cli.js';

const NEW = 'sk-sp-test-new0-1111-2222-beef';

async function configured(tools: string) {
  const home = await tempHome();
  const r = await runCli(['--plan', 'token-team', '--region', 'cn', '--tools', tools, '--yes', '--key-env', 'K', '--home', home], { env: cleanEnv(home, { K: PLAN_KEY }) });
  expect(r.exitCode, r.stderr).toBe(0);
  return home;
}

describe('tp-setup key says what happened and what to do next', () => {
  it('the key the tools already use: says so plainly, writes nothing, exit 0', async () => {
    const home = await configured('qwen-code,claude-code');
    const before = await snapshotTree(home);
    const r = await runCli(['key', '--key-env', 'K', '--home', home], { env: cleanEnv(home, { K: PLAN_KEY }) });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('sk-sp-…abcd is the key your tools already use: nothing to replace. To put in a new key, reset it in the plan\'s console first.');
    expect(r.stdout).not.toContain('Replacing');
    expect(await snapshotTree(home)).toEqual(before);
    const json = await runCli(['key', '--key-env', 'K', '--home', home, '--json'], { env: cleanEnv(home, { K: PLAN_KEY }) });
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, sameKey: true, changes: [], runId: null });
  });

  it('after a rotation, names what to reopen', async () => {
    const home = await configured('qwen-code,claude-code');
    const r = await runCli(['key', '--key-env', 'K', '--home', home], { env: cleanEnv(home, { K: NEW }) });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('Replacing sk-sp-…abcd with sk-sp-…beef:');
    expect(r.stdout).toContain('Close and reopen Qwen Code, Claude Code: a running session keeps the old key.');
    expect(r.stdout).not.toContain('openclaw gateway restart');
    expect(r.stdout).not.toContain(NEW);
  });
});

describe('--key-stdin', () => {
  it.each([
    ['one trailing LF', `${PLAN_KEY}\n`, false],
    ['one trailing CRLF', `${PLAN_KEY}\r\n`, false],
    ['no line break', PLAN_KEY, false],
    ['a line break inside the key', `${PLAN_KEY.slice(0, 10)}\n${PLAN_KEY.slice(10)}\n`, true],
  ])('%s: damaged only when the key itself is', async (_name, input, damaged) => {
    const home = await tempHome();
    const r = await runCli(['--plan', 'coding', '--region', 'cn', '--tools', 'qwen-code', '--yes', '--key-stdin', '--home', home, '--json'], { env: cleanEnv(home), input });
    const codes = r.stdout ? JSON.parse(r.stdout).findings?.map((f: { code: string }) => f.code) ?? [] : [];
    if (damaged) expect([...codes, r.stderr].join(' ')).toMatch(/KEY_MALFORMED|keyUnsafe|damaged|line/);
    else {
      expect(r.exitCode, r.stderr).toBe(0);
      expect(codes).not.toContain('KEY_MALFORMED');
    }
  });
});

describe('setup endings', () => {
  it('"Next steps" only when something changed', async () => {
    const home = await tempHome();
    const args = ['--plan', 'coding', '--region', 'cn', '--tools', 'qwen-code', '--yes', '--key-env', 'K', '--home', home];
    const first = await runCli(args, { env: cleanEnv(home, { K: PLAN_KEY }) });
    expect(first.stdout).toContain('Next steps:');
    const again = await runCli(args, { env: cleanEnv(home, { K: PLAN_KEY }) });
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain('Everything is already set up this way; nothing was changed.');
    expect(again.stdout).not.toContain('Next steps:');
    expect(again.stdout).not.toContain('the new model is selected');
  });
});
