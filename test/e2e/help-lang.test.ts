import { describe, expect, it } from 'vitest';
import { QUESTIONS } from '../../src/core/questions.js';
import { cleanEnv, runCli, tempHome } from '../helpers/cli.js';

/** Folds commander's wrapping: a break between two Chinese characters is no space in the text. */
const fold = (text: string): string => text.replace(/\s*\n\s*/g, (gap, at: number, all: string) => (/[\u4e00-\u9fff（）：；，]/.test(all[at - 1] ?? '') || /[\u4e00-\u9fff（）：；，]/.test(all[at + gap.length] ?? '') ? '' : ' '));

describe('--help and commander’s complaints follow the language', () => {
  it('--lang zh-CN, TP_SETUP_LANG and a Chinese locale all give Chinese help', async () => {
    const home = await tempHome();
    const runs = [
      await runCli(['--help', '--lang', 'zh-CN'], { env: cleanEnv(home) }),
      await runCli(['--lang=zh-CN', '--help'], { env: cleanEnv(home) }),
      await runCli(['--help'], { env: cleanEnv(home, { TP_SETUP_LANG: 'zh-CN' }) }),
      await runCli(['--help'], { env: { ...cleanEnv(home), TP_SETUP_LANG: '', LANG: 'zh_CN.UTF-8' } }),
    ];
    for (const r of runs) {
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toMatch(/^用法：tp-setup \[options\] \[command\]\n/);
      expect(r.stdout).toContain('\n选项：\n');
      expect(r.stdout).toContain('\n命令：\n');
      expect(r.stdout).toContain('显示命令的帮助');
      expect(r.stdout).not.toMatch(/Usage:|Options:|Commands:|display help/);
    }
    // English stays commander's own wording.
    const en = await runCli(['--help'], { env: cleanEnv(home) });
    expect(en.stdout).toMatch(/^Usage: tp-setup \[options\] \[command\]\n/);
    expect(en.stdout).toContain('\n  help [command]               display help for command');
  });

  it('every command’s help is Chinese, with its option notes in Chinese and no line wider than 80 columns', async () => {
    const home = await tempHome();
    const width = (line: string): number => line.length + (line.match(/[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7A3\uF900-\uFAFF\uFF00-\uFF60\uFFE0-\uFFE6]/g)?.length ?? 0);
    for (const cmd of ['setup', 'backups', 'doctor', 'key', 'verify', 'explain', 'models', 'clean', 'restore']) {
      const r = await runCli([cmd, '--help', '--lang', 'zh-CN'], { env: cleanEnv(home) });
      expect(r.exitCode, cmd).toBe(0);
      expect(r.stdout, cmd).toMatch(new RegExp(`^用法：tp-setup ${cmd} `));
      expect(fold(r.stdout), cmd).toContain('消息的语言（可选：en, zh-CN；环境变量：TP_SETUP_LANG）');
      expect(r.stdout, cmd).not.toMatch(/\(env:|\(choices:|\(default:|Options:|Arguments:/);
      for (const line of r.stdout.split('\n')) expect(width(line), `${cmd}: ${line}`).toBeLessThanOrEqual(80);
    }
    const explain = await runCli(['explain', '--help', '--lang', 'zh-CN'], { env: cleanEnv(home) });
    expect(explain.stdout).toContain('\n参数：\n');
    const verify = await runCli(['verify', '--help', '--lang', 'zh-CN'], { env: cleanEnv(home) });
    expect(fold(verify.stdout)).toContain('每个工具的超时（默认：120）');
  });

  it('setup --help in Chinese lists every step in the list’s order, each with its env twin', async () => {
    const home = await tempHome();
    const text = fold((await runCli(['setup', '--help', '--lang', 'zh-CN'], { env: cleanEnv(home) })).stdout);
    const at = QUESTIONS.map((q) => text.indexOf(`${q.flag} ${q.placeholder}`));
    for (const [i, q] of QUESTIONS.entries()) {
      expect(at[i], q.flag).toBeGreaterThan(-1);
      // Each step's line, up to the next step's flag, names its env twin.
      expect(text.slice(at[i], at[i + 1]), q.flag).toContain(`环境变量：${q.env}）`);
    }
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain('在模型支持时开启思考（默认：on）');
  });

  it('unknown option, unknown command, a missing or invalid value: in Chinese under --lang zh-CN, commander’s words in English', async () => {
    const home = await tempHome();
    const cases: Array<[string[], string, string]> = [
      [['--bogus'], "error: unknown option '--bogus'", '错误：未知选项 --bogus'],
      [['--ye'], "error: unknown option '--ye'\n(Did you mean --yes?)", '错误：未知选项 --ye\n（你是不是想输入 --yes？）'],
      [['doctr'], "error: unknown command 'doctr'\n(Did you mean doctor?)", '错误：未知命令 doctr\n（你是不是想输入 doctor？）'],
      [['frobnicate'], "error: unknown command 'frobnicate'", '错误：未知命令 frobnicate'],
      [['doctor', 'extra'], "error: too many arguments for 'doctor'. Expected 0 arguments but got 1.", '错误：doctor 不接受参数，但收到了 1 个。'],
      [['restore', 'a', 'b'], "error: too many arguments for 'restore'. Expected 1 argument but got 2.", '错误：restore 最多接受 1 个参数，但收到了 2 个。'],
      [['verify', '--timeout'], "error: option '--timeout <seconds>' argument missing", '错误：选项 --timeout <seconds> 缺少值'],
      [['models', '--lang', 'fr'], "error: option '--lang <lang>' argument 'fr' is invalid. Allowed choices are en, zh-CN.", ''],
    ];
    for (const [args, english, chinese] of cases) {
      const en = await runCli(args, { env: cleanEnv(home) });
      expect(en.exitCode, args.join(' ')).toBe(2);
      expect(en.stderr, args.join(' ')).toBe(english);
      if (!chinese) continue;
      const zh = await runCli(args, { env: cleanEnv(home, { TP_SETUP_LANG: 'zh-CN' }) });
      expect(zh.exitCode, args.join(' ')).toBe(2);
      expect(zh.stderr, args.join(' ')).toBe(chinese);
    }
    // An invalid --lang falls back to TP_SETUP_LANG for the complaint itself.
    const bad = await runCli(['models', '--lang', 'fr'], { env: cleanEnv(home, { TP_SETUP_LANG: 'zh-CN' }) });
    expect(bad.stderr).toBe('错误：选项 --lang <lang> 的值 fr 无效。可选：en, zh-CN。');
    // --lang given on the command line decides even when the complaint comes before it.
    const flag = await runCli(['--bogus', '--lang', 'zh-CN'], { env: cleanEnv(home) });
    expect(flag.stderr).toBe('错误：未知选项 --bogus');
  });
});
