import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { cleanEnv, PLAN_KEY, ROOT, runCli, snapshotTree, tempHome } from '../helpers/cli.js';
import { KEYS, PtyRun } from '../helpers/pty.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'golden');
const ALL = 'openclaw,qwen-code,claude-code';

async function messyHome(): Promise<string> {
  const home = await tempHome();
  for (const tool of ['openclaw', 'qwen-code', 'claude-code']) await cp(path.join(FIXTURES, tool, 'input'), home, { recursive: true });
  return home;
}

const userFiles = async (home: string) => {
  const tree = await snapshotTree(home);
  return new Map([...tree].filter(([k]) => !k.startsWith('.local/state/')));
};

describe('backups and restore', () => {
  it('restore after setup gives back every file byte for byte, and removes files the run created', async () => {
    const home = await messyHome();
    const env = cleanEnv(home, { K: PLAN_KEY });
    const before = await userFiles(home);
    const setup = await runCli(['--plan', 'token-personal', '--region', 'intl', '--tools', ALL, '--yes', '--key-env', 'K', '--home', home, '--json'], { env });
    expect(setup.exitCode, setup.stderr).toBe(0);
    const { runId } = JSON.parse(setup.stdout);
    expect(await userFiles(home)).not.toEqual(before);

    const list = await runCli(['backups', '--home', home, '--json'], { env });
    expect(JSON.parse(list.stdout).runs.map((r: { runId: string }) => r.runId)).toEqual([runId]);

    const restore = await runCli(['restore', runId, '--home', home, '--json'], { env });
    expect(restore.exitCode, restore.stderr).toBe(0);
    const after = await userFiles(home);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [rel, v] of before) expect(after.get(rel)?.text, rel).toBe(v.text);

    // The restore was itself a run: undoing it brings the setup back.
    const undo = await runCli(['restore', '--home', home, '--json'], { env });
    expect(undo.exitCode, undo.stderr).toBe(0);
    const qs = parseJsonc(await readFile(path.join(home, '.qwen/settings.json'), 'utf8'));
    expect(qs.model.name).toBe('qwen3.7-plus');
  });

  it('keeps edits the user made since, elsewhere in the file', async () => {
    const home = await messyHome();
    const env = cleanEnv(home, { K: PLAN_KEY });
    const original = await readFile(path.join(home, '.claude/settings.json'), 'utf8');
    const setup = await runCli(['--plan', 'coding', '--region', 'cn', '--tools', 'claude-code', '--yes', '--key-env', 'K', '--home', home, '--json'], { env });
    const { runId } = JSON.parse(setup.stdout);
    const file = path.join(home, '.claude/settings.json');
    const edited = (await readFile(file, 'utf8')).replace('"includeCoAuthoredBy": false', '"includeCoAuthoredBy": true');
    await writeFile(file, edited);

    const restore = await runCli(['restore', runId, '--home', home], { env });
    expect(restore.exitCode, restore.stderr).toBe(0);
    const now = await readFile(file, 'utf8');
    // Exactly the original, except for the user's own later edit.
    expect(now).toBe(original.replace('"includeCoAuthoredBy": false', '"includeCoAuthoredBy": true'));
  });

  it('a key the user changed again since is kept (with a warning) unless --force', async () => {
    const home = await messyHome();
    const env = cleanEnv(home, { K: PLAN_KEY });
    const setup = await runCli(['--plan', 'coding', '--region', 'cn', '--tools', 'claude-code', '--yes', '--key-env', 'K', '--home', home, '--json'], { env });
    const { runId } = JSON.parse(setup.stdout);
    const file = path.join(home, '.claude/settings.json');
    const mine = JSON.parse(await readFile(file, 'utf8'));
    mine.env.ANTHROPIC_MODEL = 'glm-5';
    await writeFile(file, JSON.stringify(mine, null, 4));

    const kept = await runCli(['restore', runId, '--home', home], { env });
    expect(kept.exitCode).toBe(0);
    expect(kept.stdout).toContain('env.ANTHROPIC_MODEL');
    let now = JSON.parse(await readFile(file, 'utf8'));
    expect(now.env.ANTHROPIC_MODEL).toBe('glm-5');
    expect(now.env.ANTHROPIC_BASE_URL).toBeUndefined();
    expect(now.env.ANTHROPIC_API_KEY).toBe('sk-ant-test-not-real');

    // Restoring the same run again with --force also puts back the user's changed key.
    await writeFile(file, JSON.stringify(mine, null, 4));
    const forced = await runCli(['restore', runId, '--force', '--home', home], { env });
    expect(forced.exitCode).toBe(0);
    now = JSON.parse(await readFile(file, 'utf8'));
    expect(now.env.ANTHROPIC_MODEL).toBe('claude-sonnet-4-5');
  });

  it('in a terminal, asks about each key the user changed since', async () => {
    const home = await messyHome();
    const env = cleanEnv(home, { K: PLAN_KEY });
    const setup = await runCli(['--plan', 'coding', '--region', 'cn', '--tools', 'claude-code', '--yes', '--key-env', 'K', '--home', home, '--json'], { env });
    const { runId } = JSON.parse(setup.stdout);
    const file = path.join(home, '.claude/settings.json');
    const mine = JSON.parse(await readFile(file, 'utf8'));
    mine.env.ANTHROPIC_MODEL = 'glm-5';
    await writeFile(file, JSON.stringify(mine, null, 4));

    const run = new PtyRun(['restore', runId, '--home', home], { ...env, TERM: 'xterm' });
    await run.waitFor('you changed env.ANTHROPIC_MODEL since that run');
    run.write('y');
    run.write(KEYS.enter);
    expect(await run.exited).toBe(0);
    expect(JSON.parse(await readFile(file, 'utf8')).env.ANTHROPIC_MODEL).toBe('claude-sonnet-4-5');
  });

  it('says so when there is nothing to restore', async () => {
    const home = await tempHome();
    const r = await runCli(['restore', '--home', home], { env: cleanEnv(home) });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('No backup runs');
  });
  it('setup, key, then restoring the setup with --with-later leaves no mixed Claude Code config', async () => {
    const home = await tempHome('restore-order-');
    const file = path.join(home, '.claude', 'settings.json');
    const original = '{\n  "env": {\n    "ANTHROPIC_API_KEY": "sk-ant-test-0000-1111-2222-old0"\n  }\n}\n';
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, original);
    const env = cleanEnv(home, { K: PLAN_KEY });
    const setup = JSON.parse((await runCli(['--plan', 'coding', '--region', 'cn', '--tools', 'claude-code', '--yes', '--key-env', 'K', '--home', home, '--json'], { env })).stdout);
    expect((await runCli(['key', '--key-stdin', '--home', home], { env, input: 'sk-sp-test-0000-1111-2222-0001' })).exitCode).toBe(0);
    const alone = await runCli(['restore', setup.runId, '--yes', '--home', home], { env });
    expect(alone.exitCode).toBe(4);
    expect(alone.stderr).toContain('--with-later');
    const both = await runCli(['restore', setup.runId, '--with-later', '--home', home], { env });
    expect(both.exitCode, both.stderr).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(original);
  });
});
