/**
 * Flags: the parser never fails as a bug (exit 1 or a thrown non-CliError) whatever argv and env
 * hold, never echoes a key-shaped token, and refuses empty, control-character and unsafe values
 * with exit 2. Then the same rules through the built CLI, with real temp homes.
 */
import fc from 'fast-check';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { earlyJson, parseArgs } from '../../src/args.js';
import { baseUrlProblem } from '../../src/core/endpoints.js';
import { CliError } from '../../src/core/errors.js';
import { hasSecretShape, SECRET_PREFIXES } from '../../src/core/keys.js';
import { errorText, failureJson } from '../../src/presenters/failure.js';
import { translator } from '../../src/i18n/index.js';
import { cleanEnv, PLAN_KEY, runCli, snapshotTree, tempHome } from '../helpers/cli.js';

const body = fc.stringMatching(/^[A-Za-z0-9]{12,24}$/).map((s) => `test${s}1`);
const keyToken = fc.tuple(fc.constantFrom(...SECRET_PREFIXES), body).map(([p, b]) => p + b);
const keyArg = fc.oneof(
  keyToken,
  keyToken.map((k) => `--${k}`),
  keyToken.map((k) => `--api-key=${k}`),
  keyToken.map((k) => `--model=${k}`),
  keyToken.map((k) => `-${k}`),
  fc.constant('--key'),
  fc.constant('--api-key'),
);
const FLAGS = ['--plan', '--region', '--tools', '--model', '--thinking', '--base-url', '--key-storage', '--shell-profile', '--key-env', '--home', '--lang', '--timeout', '--json', '--yes', '--dry-run', '--plain', '--key-stdin', '--no-color', '--network', '--fix', '--force', '--help', '-v', '--', '--nope', '-x'];
const COMMANDS = ['setup', 'backups', 'doctor', 'key', 'verify', 'explain', 'clean', 'restore', 'bogus'];
const plainArg = fc.oneof(
  fc.constantFrom(...FLAGS),
  fc.constantFrom(...COMMANDS),
  fc.constantFrom('', ' ', '\t', 'coding', 'cn', 'qwen-code,codex', 'en', 'zh-CN', 'https://gw.example', 'auto', 'inline', '5'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\u001b', '\n', '\r', '\u007f', '\u202e', '[', '2J', '='), maxLength: 6 }),
  fc.tuple(fc.constantFrom(...FLAGS), fc.string({ maxLength: 8 })).map(([f, v]) => `${f}=${v}`),
);

function outputOf(run: () => unknown): { text: string; exitCode: number } {
  try {
    const r = run();
    return { text: JSON.stringify(r), exitCode: 0 };
  } catch (err) {
    expect(err).toBeInstanceOf(CliError);
    const e = err as CliError;
    const out = [JSON.stringify(failureJson(e, translator('en'))), JSON.stringify(failureJson(e, translator('zh-CN')))];
    const { message, lines } = errorText(e, translator('en'));
    out.push(message, ...lines);
    return { text: out.join('\n'), exitCode: e.exitCode };
  }
}

describe('parseArgs under fuzzing', () => {
  it('random argv (empty values, key-shaped tokens, unicode, control characters): only exit 0 or 2, no key echoed', () => {
    let withKeys = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof(plainArg, plainArg, keyArg), { maxLength: 8 }), (argv) => {
        const keys = argv.filter((a) => hasSecretShape(a));
        const { text, exitCode } = outputOf(() => parseArgs(argv, { TP_SETUP_LANG: 'en' }, '0.0.0'));
        expect([0, 2]).toContain(exitCode);
        // The middle of each key (its tail's last 4 may show, as a mask's tail does).
        for (const k of keys) expect(text).not.toContain(k.slice(-12, -4));
        expect(hasSecretShape(text), text).toBe(false);
        // No raw control character reaches a message (ESC could drive the terminal).
        if (exitCode === 2) expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
        if (keys.length > 0) withKeys++;
      }),
      { numRuns: 1500 },
    );
    expect(withKeys).toBeGreaterThan(250);
  });

  it('a line that starts with a command name parses the same when only that command is built with its options', () => {
    // Any TP_SETUP_* variable beyond the three every command has makes the parser build all the
    // commands (src/args.ts, soleCommand); TP_SETUP_DEBUG is read by no option, so it changes nothing else.
    const names = COMMANDS.filter((c) => c !== 'bogus').concat('models');
    let printed = 0;
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.array(plainArg, { maxLength: 6 }), fc.constantFrom('en', 'zh-CN'), (cmd, rest, lang) => {
        const argv = [cmd, ...rest];
        const sole = outputOf(() => parseArgs(argv, { TP_SETUP_LANG: lang }, '0.0.0', 80));
        const all = outputOf(() => parseArgs(argv, { TP_SETUP_LANG: lang, TP_SETUP_DEBUG: '1' }, '0.0.0', 80));
        expect(sole).toEqual(all);
        if (sole.text.includes('"name":"print"')) printed++;
      }),
      { numRuns: 1500 },
    );
    // Help and error texts came through too, not only the successful parses.
    expect(printed).toBeGreaterThan(50);
    for (const argv of [['doctor', '--json', '--fix', '-y'], ['doctor', '--nope'], ['doctor', '--help'], ['models', '--plan', 'coding'], ['verify', '--timeout', '0'], ['restore', 'r1', '--force'], ['setup', '--plna', 'coding']]) {
      expect(outputOf(() => parseArgs(argv, {}, '0.0.0'))).toEqual(outputOf(() => parseArgs(argv, { TP_SETUP_DEBUG: '1' }, '0.0.0')));
    }
  });

  it('env twins holding keys, empty or control values: exit 0 or 2, no key echoed', () => {
    const twins = ['TP_SETUP_PLAN', 'TP_SETUP_MODEL', 'TP_SETUP_TOOLS', 'TP_SETUP_BASE_URL', 'TP_SETUP_HOME', 'TP_SETUP_JSON', 'TP_SETUP_DRY_RUN', 'TP_SETUP_KEY_ENV'];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...twins), fc.oneof(keyToken, plainArg)), fc.array(plainArg, { maxLength: 4 }), (env, argv) => {
        const { text, exitCode } = outputOf(() => parseArgs(argv, env, '0.0.0'));
        expect([0, 2]).toContain(exitCode);
        expect(hasSecretShape(text), text).toBe(false);
      }),
      { numRuns: 800 },
    );
  });

  it('every value flag given empty is exit 2 naming the flag, never "not given"', () => {
    const flags = ['--home', '--plan', '--region', '--tools', '--model', '--thinking', '--base-url', '--key-storage', '--shell-profile', '--key-env', '--lang'];
    for (const flag of flags) {
      for (const form of [[flag, ''], [`${flag}=`], [flag, '   ']]) {
        const { text, exitCode } = outputOf(() => parseArgs(['setup', ...form], {}, '0.0.0'));
        expect(exitCode, `${form.join(' ')}`).toBe(2);
        expect(text).toContain(flag);
      }
    }
    for (const [cmd, flag] of [['doctor', '--tools'], ['explain', '--model'], ['key', '--plan'], ['verify', '--timeout']] as const) {
      expect(outputOf(() => parseArgs([cmd, flag, ''], {}, '0.0.0')).exitCode).toBe(2);
    }
    // TP_SETUP_HOME set but empty is the same mistake as --home "".
    expect(outputOf(() => parseArgs(['doctor'], { TP_SETUP_HOME: '' }, '0.0.0')).exitCode).toBe(2);
  });

  it('paths and names that merely start like a prefix are not keys', () => {
    for (const home of ['/tmp/tp-home-with-a-rather-long-folder-name-for-wrapping-a1b2c3', '/data/hf_cache_models_2024_1234567', './ms-vscode-remote-containers-0001', '/srv/task-1234567890abcdef']) {
      const parsed = parseArgs(['doctor', '--home', home], {}, '0.0.0');
      expect(parsed.name === 'doctor' && parsed.options.home).toBe(home);
    }
  });

  it('boolean env twins read the usual way, and early --json detection agrees with the parse', () => {
    for (const [v, on] of [['1', true], ['true', true], ['yes', true], ['0', false], ['false', false], ['FALSE', false], ['no', false], ['', false]] as const) {
      const parsed = parseArgs(['setup'], { TP_SETUP_DRY_RUN: v, TP_SETUP_JSON: v, TP_SETUP_YES: v, TP_SETUP_PLAIN: v, TP_SETUP_KEY_STDIN: v }, '0.0.0');
      if (parsed.name !== 'setup') throw new Error('setup expected');
      const o = parsed.options;
      expect([o.dryRun, o.json, o.yes, o.plain, o.keyStdin], v).toEqual([on, on, on, on, on]);
      expect(earlyJson(['setup'], { TP_SETUP_JSON: v })).toBe(on);
    }
    expect(earlyJson(['explain', '--', '--json'], {})).toBe(false);
    expect(earlyJson(['doctor', '--json'], { TP_SETUP_JSON: '0' })).toBe(true);
  });
});

describe('baseUrlProblem checks the exact string', () => {
  it('accepts plain https and loopback http, refuses what the URL parser would silently change', () => {
    for (const ok of ['https://gw.example', 'https://gw.example/bailian', 'https://gw.example:8443/a/b/', 'http://127.0.0.1:8080/x', 'http://127.5.6.7', 'http://localhost:3000', 'http://[::1]:9000/p']) {
      expect(baseUrlProblem(ok), ok).toBeUndefined();
    }
    const bad: Array<[string, string]> = [
      ['', 'empty'],
      ['https://gw.example/a\nb', 'characters'],
      ['https://gw.exa\tmple', 'characters'],
      [' https://gw.example', 'characters'],
      ['https://gw.example/\u0000', 'characters'],
      ['https://gw.example\\evil', 'characters'],
      ['https://gw.exämple', 'characters'],
      ['https://user:pass@gw.example', 'credentials'],
      ['https://user@gw.example', 'credentials'],
      ['https://gw.example/?a=1', 'query'],
      ['https://gw.example/#x', 'query'],
      ['http://gw.example', 'insecure'],
      ['http://127.0.0.1.evil.example', 'insecure'],
      ['http://localhost.evil.example', 'insecure'],
      ['ftp://gw.example', 'scheme'],
      ['HTTPS://gw.example', 'scheme'],
      ['gw.example', 'scheme'],
      ['https://GW.example', 'canonical'],
      ['https://gw.example:443/x', 'canonical'],
      ['https://gw.example/a/../b', 'canonical'],
      ['http://127.1', 'canonical'],
      ['https://', 'parse'],
    ];
    for (const [value, problem] of bad) expect(baseUrlProblem(value), JSON.stringify(value)).toBe(problem);
    // Fuzz: whatever is accepted is what `new URL` prints, so the written string is the checked one.
    fc.assert(
      fc.property(fc.oneof(fc.webUrl(), fc.string(), fc.webUrl().map((u) => u.replace('.', '\n.'))), (value) => {
        if (baseUrlProblem(value) === undefined) {
          expect(new URL(value).href.replace(/\/+$/, '')).toBe(value.replace(/\/+$/, ''));
          expect(value).not.toMatch(/\s/);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('flags through the built CLI', () => {
  const setup = (home: string, ...extra: string[]): string[] => ['setup', '--plan', 'coding', '--region', 'cn', '--tools', 'qwen-code', '--yes', '--key-env', 'K', '--home', home, ...extra];

  it('--home "", a file, a missing folder: exit 2 with a message, nothing written anywhere', async () => {
    const outer = await tempHome();
    const file = path.join(outer, 'file');
    await writeFile(file, 'x');
    const cases: string[][] = [
      ['setup', '--plan', 'coding', '--region', 'cn', '--tools', 'qwen-code', '--yes', '--key-env', 'K', '--home', ''],
      ['doctor', '--home='],
      ['setup', '--plan', 'coding', '--region', 'cn', '--tools', 'qwen-code', '--yes', '--key-env', 'K', '--home', file],
      ['backups', '--home', path.join(outer, 'missing')],
    ];
    for (const argv of cases) {
      // HOME points at the outer folder: the "real home" that must stay untouched.
      const r = await runCli(argv, { env: cleanEnv(outer, { K: PLAN_KEY }) });
      expect(r.exitCode, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/--home/);
      const j = await runCli([...argv, '--json'], { env: cleanEnv(outer, { K: PLAN_KEY }) });
      expect(j.exitCode).toBe(2);
      expect(JSON.parse(j.stdout).error.code).toMatch(/^error\.(emptyValue|homeNotDir|homeMissing)$/);
    }
    const r = await runCli(['backups'], { env: cleanEnv(outer, { TP_SETUP_HOME: '' }) });
    expect(r.exitCode).toBe(2);
    expect([...(await snapshotTree(outer)).keys()]).toEqual(['file']);
  });

  it('empty --key-storage, --shell-profile, --base-url, --tools, --model, --key-env: exit 2', async () => {
    const home = await tempHome();
    for (const flag of ['--key-storage', '--shell-profile', '--base-url', '--tools', '--model', '--key-env']) {
      const r = await runCli([...setup(home), flag, '', '--json'], { env: cleanEnv(home, { K: PLAN_KEY }) });
      expect(r.exitCode, flag).toBe(2);
      expect(JSON.parse(r.stdout).error.params.flag).toBe(flag);
    }
    expect((await snapshotTree(home)).size).toBe(0);
  });

  it('--base-url: unsafe values exit 2 without echoing them; an accepted one is written exactly', async () => {
    const home = await tempHome();
    for (const url of ['https://gw.example/a\nb', 'https://u:secret-pass-123@gw.example', 'http://gw.example', 'https://gw.example/\t', 'https://gw.example?x=1']) {
      const r = await runCli([...setup(home), '--base-url', url], { env: cleanEnv(home, { K: PLAN_KEY }) });
      expect(r.exitCode, url).toBe(2);
      expect(r.stderr).not.toContain('secret-pass');
    }
    expect((await snapshotTree(home)).size).toBe(0);
    const ok = 'http://127.0.0.1:18080/bailian';
    const r = await runCli([...setup(home), '--base-url', ok], { env: cleanEnv(home, { K: PLAN_KEY }) });
    expect(r.exitCode, r.stderr).toBe(0);
    const settings = JSON.parse(await readFile(path.join(home, '.qwen/settings.json'), 'utf8'));
    expect(settings.modelProviders.openai[0].baseUrl).toBe(`${ok}/v1`);
  });

  it('TP_SETUP_DRY_RUN=false writes, TP_SETUP_JSON=0 prints text, on success and on failure', async () => {
    const home = await tempHome();
    const env = cleanEnv(home, { K: PLAN_KEY, TP_SETUP_DRY_RUN: 'false', TP_SETUP_JSON: '0' });
    const r = await runCli(setup(home), { env });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout.trimStart().startsWith('{')).toBe(false);
    expect((await snapshotTree(home)).has('.qwen/settings.json')).toBe(true);
    const failed = await runCli(['setup', '--bogus'], { env });
    expect(failed.exitCode).toBe(2);
    expect(failed.stdout).toBe('');
    const jsonFailed = await runCli(['setup', '--bogus'], { env: { ...env, TP_SETUP_JSON: '1' } });
    expect(JSON.parse(jsonFailed.stdout).exitCode).toBe(2);
  });

  it('no key-shaped argv reaches stdout or stderr, in text or --json, in any form', async () => {
    const home = await tempHome();
    const key = 'sk-sp-test-0000-1111-2222-abcd';
    const forms = [[`--${key}`], [`--api-key=${key}`], ['--key', key], [key], [`--model=${key}`], [`--nope=${key}`], ['--token', 'ghp_test0000111122223333444455556666'], ['--tools', `qwen-code,${key}`]];
    for (const form of forms) {
      for (const json of [[], ['--json']]) {
        const r = await runCli(['setup', '--home', home, ...form, ...json], { env: cleanEnv(home) });
        expect(r.exitCode, form.join(' ')).toBe(2);
        for (const out of [r.stdout, r.stderr]) {
          expect(out).not.toContain('0000-1111');
          expect(hasSecretShape(out)).toBe(false);
        }
      }
    }
    // A key in an env twin is refused naming the variable only.
    const r = await runCli(setup(home), { env: cleanEnv(home, { K: PLAN_KEY, TP_SETUP_MODEL: key }) });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('TP_SETUP_MODEL');
    expect(r.stderr).not.toContain('0000-1111');
    // An unknown option with an escape sequence is shown escaped, not sent to the terminal.
    const esc = await runCli(['setup', '--x\u001b[2J'], { env: cleanEnv(home) });
    expect(esc.exitCode).toBe(2);
    expect(esc.stderr).not.toContain('\u001b');
    await mkdir(home, { recursive: true });
  });
});
