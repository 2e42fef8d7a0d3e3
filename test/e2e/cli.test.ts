import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { parse as parseJsonc } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { envFlag, parseArgs, type ParsedCommand } from '../../src/args.js';
import { planChoices, QUESTIONS, resolveAnswers, type QuestionId } from '../../src/core/questions.js';
import { translator } from '../../src/i18n/index.js';
import { CLI, cleanEnv, PLAN_KEY, ROOT, runCli, tempHome } from '../helpers/cli.js';
import { KEYS, PtyRun } from '../helpers/pty.js';

describe('the tp-setup binary', () => {
  it('refuses to run on a Node older than 20.17, with a message that says what to do', async () => {
    const dir = await tempHome('tp-node-');
    const preload = path.join(dir, 'old-node.cjs');
    // The guard reads process.versions.node; this makes a current Node report an old version.
    await writeFile(preload, "Object.defineProperty(process.versions, 'node', { value: '20.16.1' });\n");
    const r = await execa(process.execPath, ['--require', preload, CLI, '--help'], { reject: false });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('needs Node.js 20.17 or newer; this is 20.16.1');
  });

  it('prints help listing every command and setup flag, and the version from package.json', async () => {
    const home = await tempHome();
    const help = await runCli(['setup', '--help'], { env: cleanEnv(home) });
    expect(help.exitCode).toBe(0);
    for (const flag of ['--plan', '--region', '--tools', '--model', '--thinking', '--key-env', '--key-stdin', '--yes', '--dry-run', '--json', '--home', '--lang']) {
      expect(help.stdout).toContain(flag);
    }
    const top = await runCli(['--help'], { env: cleanEnv(home) });
    for (const cmd of ['setup', 'backups', 'restore']) expect(top.stdout).toContain(cmd);
    const version = await runCli(['--version'], { env: cleanEnv(home) });
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
    expect(version.stdout.trim()).toBe(pkg.version);
  });

  it('takes every answer from its TP_SETUP_* environment twin', async () => {
    const home = await tempHome();
    const r = await runCli([], {
      env: cleanEnv(home, {
        TP_SETUP_PLAN: 'token-team',
        TP_SETUP_REGION: 'intl',
        TP_SETUP_TOOLS: 'qwen-code',
        TP_SETUP_MODEL: 'glm-5',
        TP_SETUP_THINKING: 'off',
        TP_SETUP_KEY_ENV: 'K',
        TP_SETUP_HOME: home,
        TP_SETUP_JSON: '1',
        K: PLAN_KEY,
      }),
    });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).answers).toEqual({ plan: 'token-team', region: 'intl', tools: ['qwen-code'], models: ['glm-5'], thinking: false });
    const qs = parseJsonc(await readFile(path.join(home, '.qwen/settings.json'), 'utf8'));
    expect(qs.modelProviders.openai[0].generationConfig.extra_body.enable_thinking).toBe(false);
  });

  it('a flag beats its environment twin', async () => {
    const home = await tempHome();
    const r = await runCli(['--plan', 'coding', '--region', 'cn', '--tools', 'qwen-code', '--key-env', 'K', '--yes', '--json', '--home', home], {
      env: cleanEnv(home, { TP_SETUP_PLAN: 'payg', K: PLAN_KEY }),
    });
    expect(JSON.parse(r.stdout).answers.plan).toBe('coding');
  });

  it('speaks Chinese with --lang zh-CN, and JSON codes stay the same', async () => {
    const home = await tempHome();
    const r = await runCli(['setup', '--home', home, '--lang', 'zh-CN'], { env: cleanEnv(home) });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('缺少以下回答');
    const j = await runCli(['--plan', 'coding', '--region', 'cn', '--tools', 'qwen-code', '--model', 'Qwen3.5-Plus', '--yes', '--key-env', 'K', '--home', home, '--json', '--lang', 'zh-CN'], {
      env: cleanEnv(home, { K: PLAN_KEY }),
    });
    const f = JSON.parse(j.stdout).findings.find((x: { code: string }) => x.code === 'MODEL_ID_CASE');
    expect(f.message).toContain('模型 ID Qwen3.5-Plus 不准确');
    expect(f.params).toEqual({ model: 'Qwen3.5-Plus', suggestion: 'qwen3.5-plus' });
  });

  it('--plain asks the same questions as line prompts and writes both chosen tools', async () => {
    const home = await tempHome();
    // No tool on PATH: nothing is ticked for being installed (test/e2e/plain-pty.test.ts covers that).
    const run = new PtyRun(['--plain', '--home', home], { ...cleanEnv(home), PATH: '/usr/bin:/bin', TERM: 'xterm' });
    await run.waitFor('Which plan did you buy?');
    run.write(KEYS.down + KEYS.enter); // Coding Plan (after Token Plan, as in the wizard)
    await run.waitFor('Where did you buy it?');
    run.write(KEYS.down + KEYS.enter); // International
    await run.waitFor('Which tools should use it?');
    run.write(KEYS.down + KEYS.space + KEYS.down + KEYS.space + KEYS.enter); // Qwen Code, Claude Code
    await run.waitFor('API key (input hidden)');
    run.write('sk-wrong-kind-0000-1111\r');
    await run.waitFor('which Coding Plan does not accept');
    // Clear the rejected input, then type the right key.
    run.write('\u0015'.repeat(1) + '\b'.repeat(30) + PLAN_KEY + KEYS.enter);
    await run.waitFor('Default model');
    run.write(KEYS.enter); // recommended
    await run.waitFor('Turn thinking on');
    run.write(KEYS.enter);
    await run.waitFor('Write these changes?');
    expect(run.output).not.toContain(PLAN_KEY);
    run.write(KEYS.enter);
    await run.waitFor('Check each tool now');
    run.write(KEYS.enter); // no
    expect(await run.exited).toBe(0);
    const qs = parseJsonc(await readFile(path.join(home, '.qwen/settings.json'), 'utf8'));
    expect(qs.modelProviders.openai[0].baseUrl).toBe('https://coding-intl.dashscope.aliyuncs.com/v1');
    expect(await readFile(path.join(home, '.qwen/.env'), 'utf8')).toBe(`BAILIAN_CODING_PLAN_API_KEY=${PLAN_KEY}\n`);
    const claude = JSON.parse(await readFile(path.join(home, '.claude/settings.json'), 'utf8'));
    expect(claude.env.ANTHROPIC_BASE_URL).toBe('https://coding-intl.dashscope.aliyuncs.com/apps/anthropic');
  });

  it('Ctrl+C at a question exits 130 and leaves the home untouched', async () => {
    const home = await tempHome();
    const run = new PtyRun(['--plain', '--home', home], { ...cleanEnv(home), TERM: 'xterm' });
    await run.waitFor('Which plan did you buy?');
    run.write(KEYS.ctrlC);
    expect(await run.exited).toBe(130);
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(home)).toEqual([]);
  });
});

/** One valid value per step of the list: a new step fails to compile here until it has one. */
const SAMPLE: Record<QuestionId, string> = { plan: 'token-team', region: 'intl', tools: 'qwen-code', model: 'glm-5', thinking: 'off' };

const parsed = (argv: readonly string[], env: Record<string, string> = {}): ParsedCommand => parseArgs(argv, env, '0.0.0-test');
type Run = Exclude<ParsedCommand, { name: 'print' }>;
type OptionsOf = { [R in Run as R['name']]: R['options'] };
function optionsOf<N extends keyof OptionsOf>(name: N, argv: readonly string[], env: Record<string, string> = {}): OptionsOf[N] {
  const cmd = parsed(argv, env) as Run;
  if (cmd.name !== name) throw new Error(`parsed as ${cmd.name}`);
  return cmd.options as OptionsOf[N];
}

describe('setup flags come from the step list', () => {
  it('setup --help lists every step with its value, help text and env twin, in the list’s order', async () => {
    const home = await tempHome();
    const help = await runCli(['setup', '--help'], { env: cleanEnv(home) });
    expect(help.exitCode).toBe(0);
    // Commander wraps long lines; compare with the line breaks folded.
    const text = help.stdout.replace(/\s+/g, ' ');
    const t = translator('en');
    const at = QUESTIONS.map((q) => text.indexOf(`${q.flag} ${q.placeholder} ${t(q.description, { choices: planChoices(' | ') })} (env: ${q.env})`));
    for (const [i, q] of QUESTIONS.entries()) expect(at[i], q.flag).toBeGreaterThan(-1);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('every step resolves from its flag and from its env twin, and the flag wins', () => {
    const other: Record<QuestionId, string> = { plan: 'payg', region: 'cn', tools: 'codex', model: 'qwen3.6-plus', thinking: 'on' };
    for (const q of QUESTIONS) {
      expect(optionsOf('setup', ['setup', q.flag, SAMPLE[q.id]]).raw[q.id], q.flag).toBe(SAMPLE[q.id]);
      expect(optionsOf('setup', [`${q.flag}=${SAMPLE[q.id]}`]).raw[q.id], q.flag).toBe(SAMPLE[q.id]);
      expect(optionsOf('setup', [], { [q.env]: SAMPLE[q.id] }).raw[q.id], q.env).toBe(SAMPLE[q.id]);
      expect(optionsOf('setup', [q.flag, SAMPLE[q.id]], { [q.env]: other[q.id] }).raw[q.id], q.flag).toBe(SAMPLE[q.id]);
    }
    const fromEnv = optionsOf('setup', [], Object.fromEntries(QUESTIONS.map((q) => [q.env, SAMPLE[q.id]])));
    const fromFlags = optionsOf('setup', QUESTIONS.flatMap((q) => [q.flag, SAMPLE[q.id]]));
    expect(fromEnv.raw).toEqual(SAMPLE);
    expect(fromFlags.raw).toEqual(SAMPLE);
    expect(resolveAnswers(fromEnv.raw, false)).toEqual({
      partial: { plan: 'token-team', region: 'intl', tools: ['qwen-code'], models: ['glm-5'], thinking: false },
      missing: [],
      invalid: [],
    });
  });

  it.each([
    ['flags', QUESTIONS.flatMap((q) => [q.flag, SAMPLE[q.id]]), {}],
    ['env twins', [], Object.fromEntries(QUESTIONS.map((q) => [q.env, SAMPLE[q.id]]))],
  ] as const)('the binary takes every step from its %s', async (_how, args, twins) => {
    const home = await tempHome();
    const r = await runCli([...args, '--key-env', 'K', '--json', '--home', home], { env: cleanEnv(home, { ...twins, K: PLAN_KEY }) });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).answers).toEqual(resolveAnswers(SAMPLE, false).partial);
  });
});

describe('restore --yes', () => {
  it('parses like every other command’s --yes, env twin included, and stays apart from --force', () => {
    expect(optionsOf('restore', ['restore', '--yes'])).toMatchObject({ yes: true, force: false, runId: undefined });
    expect(optionsOf('restore', ['restore', 'run-1', '-y'])).toMatchObject({ yes: true, force: false, runId: 'run-1' });
    expect(optionsOf('restore', ['restore', '--force'])).toMatchObject({ yes: false, force: true });
    expect(optionsOf('restore', ['restore', '--force', '--yes'])).toMatchObject({ yes: true, force: true });
    expect(optionsOf('restore', ['restore'], { TP_SETUP_YES: '1' })).toMatchObject({ yes: true, force: false });
    expect(optionsOf('restore', ['restore'], { TP_SETUP_YES: 'no' })).toMatchObject({ yes: false });
  });

  it('the binary accepts it and lists it in restore --help', async () => {
    const home = await tempHome();
    const help = await runCli(['restore', '--help'], { env: cleanEnv(home) });
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('-y, --yes');
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('(env: TP_SETUP_YES)');
    const plain = await runCli(['restore', '--home', home], { env: cleanEnv(home) });
    const yes = await runCli(['restore', '--yes', '--home', home], { env: cleanEnv(home) });
    expect(yes.stderr).not.toContain('unknown option');
    expect({ exitCode: yes.exitCode, stdout: yes.stdout, stderr: yes.stderr }).toEqual({ exitCode: plain.exitCode, stdout: plain.stdout, stderr: plain.stderr });
  });
});

describe('env twins of switches', () => {
  const OFF = ['false', 'FALSE', 'False', '0', '', 'no', 'NO', 'No'];
  const ON = ['1', 'true', 'TRUE', 'yes', 'on', 'anything'];

  it('envFlag: unset, false, 0, empty and no (any case) are off; anything else is on', () => {
    expect(envFlag(undefined)).toBe(false);
    for (const v of OFF) expect(envFlag(v), JSON.stringify(v)).toBe(false);
    for (const v of ON) expect(envFlag(v), JSON.stringify(v)).toBe(true);
  });

  const SWITCHES = [
    ['setup', 'TP_SETUP_YES', 'yes'],
    ['setup', 'TP_SETUP_DRY_RUN', 'dryRun'],
    ['setup', 'TP_SETUP_PLAIN', 'plain'],
    ['setup', 'TP_SETUP_KEY_STDIN', 'keyStdin'],
    ['setup', 'TP_SETUP_JSON', 'json'],
    ['doctor', 'TP_SETUP_YES', 'yes'],
    ['key', 'TP_SETUP_YES', 'yes'],
    ['key', 'TP_SETUP_KEY_STDIN', 'keyStdin'],
    ['verify', 'TP_SETUP_YES', 'yes'],
    ['clean', 'TP_SETUP_YES', 'yes'],
    ['restore', 'TP_SETUP_YES', 'yes'],
    ['backups', 'TP_SETUP_JSON', 'json'],
  ] as const;

  it.each(SWITCHES)('%s reads %s as a switch', (command, name, option) => {
    const read = (env: Record<string, string>): unknown => (optionsOf(command, [command], env) as unknown as Record<string, unknown>)[option];
    expect(read({})).toBe(false);
    for (const v of OFF) expect(read({ [name]: v }), `${name}=${JSON.stringify(v)}`).toBe(false);
    for (const v of ON) expect(read({ [name]: v }), `${name}=${JSON.stringify(v)}`).toBe(true);
  });

  it('the flag on the command line wins over an off env twin', () => {
    expect(optionsOf('setup', ['--yes', '--dry-run'], { TP_SETUP_YES: '0', TP_SETUP_DRY_RUN: 'no' })).toMatchObject({ yes: true, dryRun: true });
  });

  it('the binary writes with TP_SETUP_DRY_RUN=0 and only shows the diff with TP_SETUP_DRY_RUN=1', async () => {
    const run = async (value: string): Promise<boolean> => {
      const home = await tempHome();
      const r = await runCli(['--plan', 'coding', '--region', 'cn', '--tools', 'qwen-code', '--yes', '--key-env', 'K', '--home', home], {
        env: cleanEnv(home, { K: PLAN_KEY, TP_SETUP_DRY_RUN: value }),
      });
      expect(r.exitCode, r.stderr).toBe(0);
      return readFile(path.join(home, '.qwen/settings.json'), 'utf8').then(
        () => true,
        () => false,
      );
    };
    expect(await run('0')).toBe(true);
    expect(await run('no')).toBe(true);
    expect(await run('1')).toBe(false);
  });
});

describe('next steps follow what changed', () => {
  it('a tool whose files this run left alone gets no "start it, the new model is selected" step', async () => {
    const home = await tempHome();
    const env = cleanEnv(home, { K: PLAN_KEY });
    const args = ['--plan', 'coding', '--region', 'cn', '--tools', 'qwen-code,claude-code', '--yes', '--key-env', 'K', '--home', home];
    const first = await runCli(args, { env });
    expect(first.stdout).toContain('Qwen Code: start `qwen`; the new model is selected.');
    // Only Claude Code's state file is gone: the second run writes that file alone.
    await rm(path.join(home, '.claude.json'));
    const second = await runCli(args, { env });
    expect(second.exitCode, second.stderr).toBe(0);
    expect(second.stdout).toContain('Claude Code: start `claude`');
    expect(second.stdout).not.toContain('Qwen Code: start');
    // Nothing at all changed: no next steps.
    const third = await runCli(args, { env });
    expect(third.stdout).not.toContain('Next steps');
  });
});
