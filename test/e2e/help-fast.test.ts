/**
 * `--help`, `help <command>` and `--version` print text the build computed with the parser
 * (src/help-table.ts, src/help.ts). What must hold: the text is the parser's own, byte for byte,
 * in both languages; printing it loads nothing but cli.cjs and help.js; anything the table does not
 * hold, a narrow terminal, or a TP_SETUP_* setting the parser checks first, goes to the parser.
 */
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/args.js';
import { VERSION } from '../../src/effects/package-version.js';
import { helpTable } from '../../src/help-table.js';
import { precomputedHelp } from '../../src/help.js';
import { LINE_SEPARATOR } from '../../src/help-format.js';
import { cleanEnv, PLAN_KEY, runCli, tempHome } from '../helpers/cli.js';
import { runRecordingLoads } from '../helpers/loaded-modules.js';
import { PtyRun } from '../helpers/pty.js';

const parserText = (argv: readonly string[], env: Record<string, string>, width?: number): string => {
  const parsed = parseArgs(argv, env, VERSION, width);
  if (parsed.name !== 'print') throw new Error(`${argv.join(' ')} is not a help line`);
  return parsed.text;
};

describe('precomputed help', () => {
  it('the table holds every help form of the program and each command, in both languages, and only the parser’s texts', async () => {
    const table = await helpTable(VERSION);
    for (const lang of ['en', 'zh-CN'] as const) {
      const lines = Object.keys(table.lines[lang]);
      for (const line of ['--help', '-h', 'help', '--version', `doctor${LINE_SEPARATOR}--help`, `help${LINE_SEPARATOR}restore`, `--lang=${lang}${LINE_SEPARATOR}setup${LINE_SEPARATOR}-h`]) {
        expect(lines, `${lang}: ${line}`).toContain(line);
      }
      for (const [line, index] of Object.entries(table.lines[lang])) {
        const argv = line.split(LINE_SEPARATOR);
        expect(table.texts[index], `${lang}: ${argv.join(' ')}`).toBe(parserText(argv, { TP_SETUP_LANG: lang }));
      }
    }
    // The --lang a command line gives wins over the environment's.
    const env = { TP_SETUP_LANG: 'en' };
    expect(precomputedHelp(table, ['--help', '--lang', 'zh-CN'], env, false, undefined)).toMatch(/^用法：/);
    // Not in the table: the parser answers (it refuses `--lang` before `help`, for one).
    expect(precomputedHelp(table, ['--lang', 'zh-CN', 'help', 'doctor'], env, false, undefined)).toBeUndefined();
    expect(precomputedHelp(table, ['--help', '--json'], env, false, undefined)).toBeUndefined();
    // A TP_SETUP_* setting the parser validates first, and a narrow terminal, go to the parser too.
    expect(precomputedHelp(table, ['--help'], { ...env, TP_SETUP_HOME: '/x' }, false, undefined)).toBeUndefined();
    expect(precomputedHelp(table, ['--help'], env, true, 60)).toBeUndefined();
    expect(precomputedHelp(table, ['--help'], env, true, 200)).toBe(parserText(['--help'], env));
  });

  it('the built CLI prints the parser’s text for each form, command and language, exit 0', async () => {
    const home = await tempHome();
    const lines = [['--help'], ['-h'], ['help'], ['--version'], ['doctor', '--help'], ['help', 'setup'], ['restore', '-h', '--lang', 'zh-CN'], ['--lang=zh-CN', 'explain', '--help']];
    for (const lang of ['en', 'zh-CN']) {
      for (const argv of lines) {
        const env = cleanEnv(home, { TP_SETUP_LANG: lang });
        const r = await runCli(argv, { env });
        expect(r.exitCode, argv.join(' ')).toBe(0);
        expect(r.stdout, `${lang}: ${argv.join(' ')}`).toBe(parserText(argv, env).replace(/\n$/, ''));
        expect(r.stderr).toBe('');
      }
    }
  });

  it('--help and --version load only cli.cjs and help.js; a line the table does not hold loads the parser and still answers', async () => {
    const home = await tempHome();
    for (const argv of [['--help'], ['--version'], ['models', '--help', '--lang', 'zh-CN']]) {
      const r = await runRecordingLoads(argv, cleanEnv(home));
      expect(r.exitCode).toBe(0);
      expect(r.files, argv.join(' ')).toEqual(['cli.cjs', 'help.js']);
    }
    const other = await runRecordingLoads(['--help', '--json'], cleanEnv(home));
    expect(other.exitCode).toBe(0);
    expect(other.files).toContain('main.js');
    expect(other.stdout).toBe(parserText(['--help', '--json'], cleanEnv(home)).replace(/\n$/, ''));
  });

  it('a setting the parser refuses is refused under --help too: a key in TP_SETUP_HOME', async () => {
    const home = await tempHome();
    const r = await runCli(['--help'], { env: cleanEnv(home, { TP_SETUP_HOME: PLAN_KEY }) });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(`${r.stdout}${r.stderr}`).not.toContain(PLAN_KEY);
  });

  it('in a terminal: 80 columns wide on a wide one (the table’s text), wrapped to fit a narrow one', async () => {
    const home = await tempHome();
    const env = { ...cleanEnv(home), TERM: 'xterm' };
    const wide = new PtyRun(['doctor', '--help'], env, 160);
    expect(await wide.exited).toBe(0);
    expect(wide.output.replace(/\r\n/g, '\n')).toBe(parserText(['doctor', '--help'], env));
    const narrow = new PtyRun(['doctor', '--help'], env, 70);
    expect(await narrow.exited).toBe(0);
    const text = narrow.output.replace(/\r\n/g, '\n');
    expect(text).toBe(parserText(['doctor', '--help'], env, 70));
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(70);
  });
});
