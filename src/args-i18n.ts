import { Help, type Command, type CommanderError, type Option } from 'commander';
import { CliError, ExitCode, type ErrorDetail } from './core/errors.js';
import type { MessageKey, Translate } from './i18n/index.js';

/*
 * commander in the user's language: the help's headings and the notes it adds to an option
 * ("(env: …)"), and its own complaints (unknown option, missing value…) as message keys. The
 * supported hooks are `configureHelp` and the `Help` methods it may override (styleTitle,
 * optionDescription, displayWidth, boxWrap; node_modules/commander/Readme.md "More configuration",
 * https://github.com/tj/commander.js#more-configuration). English keeps
 * commander's own words, so its output does not change.
 */

export { earlyLang } from './i18n/lang.js';

const TITLES: Readonly<Record<string, MessageKey>> = {
  'Usage:': 'help.title.usage',
  'Arguments:': 'help.title.arguments',
  'Options:': 'help.title.options',
  'Global Options:': 'help.title.globalOptions',
  'Commands:': 'help.title.commands',
};

/** East Asian wide and full-width characters (Han, kana, Hangul, full-width forms) take two columns. */
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;
const WIDE_ALL = new RegExp(WIDE.source, 'g');

/** Columns a help line takes in a terminal (no colour codes reach the help here). */
export function columns(text: string): number {
  return text.length + (text.match(WIDE_ALL)?.length ?? 0);
}

/*
 * Chinese has no spaces to wrap at: a line may break before any wide character, except before
 * closing punctuation (，。）：；、？！) and after an opening bracket, so those stay with their word.
 * Written as \u escapes: esbuild keeps a regular expression's characters as they are, and one
 * character beyond ASCII in a bundle file makes Node decode all of it as UTF-8 (test/e2e/bundle.test.ts).
 */
const CHUNK = /\s*(?:\uFF08?[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6][\uFF0C\u3002\uFF09\uFF1A\uFF1B\u3001\uFF1F\uFF01]*|[^\s\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]+[\uFF0C\u3002\uFF09\uFF1A\uFF1B\u3001\uFF1F\uFF01]*)/g;

function wrapWide(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const out: string[] = [];
      let current = '';
      for (const chunk of line.match(CHUNK) ?? []) {
        if (current !== '' && columns(current + chunk) > width) {
          out.push(current);
          current = chunk.trimStart();
        } else current += chunk;
      }
      out.push(current);
      return out.join('\n');
    })
    .join('\n');
}

/** The help's wording in the user's language; set on the program before its subcommands, which inherit it. */
export function localizeHelp(program: Command, t: Translate): void {
  if (t.lang === 'en') return;
  program.configureHelp({
    styleTitle: (title: string) => {
      const key = TITLES[title];
      return key ? t(key) : title;
    },
    formatHelp(cmd: Command, helper: Help): string {
      // "用法：tp-setup …": a full-width colon carries its own space.
      return Help.prototype.formatHelp.call(this, cmd, helper).replace(/^(\S+\uFF1A) /, '$1');
    },
    optionDescription: (option: Option) => {
      const items: string[] = [];
      if (option.argChoices) items.push(t('help.extra.choices', { choices: option.argChoices.join(', ') }));
      if (option.defaultValue !== undefined && (option.required || option.optional)) items.push(t('help.extra.default', { value: String(option.defaultValueDescription ?? option.defaultValue) }));
      if (option.envVar !== undefined) items.push(t('help.extra.env', { name: option.envVar }));
      return items.length === 0 ? option.description : `${option.description}${t('help.extra', { items: items.join('；') })}`;
    },
    displayWidth: (text: string) => columns(text),
    boxWrap: (text: string, width: number) => wrapWide(text, width),
  });
}

/** Edit distance, for "did you mean" under an unknown command. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

function suggestion(list: readonly string[]): ErrorDetail[] {
  if (list.length === 0) return [];
  return list.length === 1 ? [{ code: 'error.didYouMean', params: { suggestion: list[0]! } }] : [{ code: 'error.didYouMeanOneOf', params: { suggestions: list.join(', ') } }];
}

/** commander's "(Did you mean --yes?)" / "(Did you mean one of a, b?)" line → the names it offers. */
function offered(message: string): string[] {
  const m = /\n\(Did you mean (?:one of )?(.+)\?\)$/.exec(message);
  return m ? m[1]!.split(', ') : [];
}

/**
 * A commander complaint → a CliError with its own message key and the parts as parameters, so its
 * words follow --lang. `tp-setup frob` reaches the default command (setup) as an operand: that is
 * reported as an unknown command. Anything not recognised stays `error.usage` with commander's text.
 */
export function commanderFailure(err: CommanderError, program: Command, echo: (text: string) => string): CliError {
  const usage = (code: string, params: Record<string, string | number>, details: readonly ErrorDetail[] = []): CliError =>
    new CliError(
      ExitCode.USAGE,
      code,
      Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? echo(v) : v])),
      details.map((d) => ({ ...d, params: Object.fromEntries(Object.entries(d.params ?? {}).map(([k, v]) => [k, typeof v === 'string' ? echo(v) : v])) })),
    );
  const message = err.message;
  let m: RegExpExecArray | null;
  switch (err.code) {
    case 'commander.unknownOption':
      if ((m = /^error: unknown option '(.*?)'(?:\n|$)/s.exec(message))) return usage('error.unknownOption', { option: m[1]! }, suggestion(offered(message)));
      break;
    case 'commander.unknownCommand':
      if ((m = /^error: unknown command '(.*?)'(?:\n|$)/s.exec(message))) return usage('error.unknownCommand', { command: m[1]! }, suggestion(offered(message)));
      break;
    case 'commander.missingArgument':
      if ((m = /^error: missing required argument '(.*)'$/s.exec(message))) return usage('error.missingArgument', { argument: m[1]! });
      break;
    case 'commander.optionMissingArgument':
      if ((m = /^error: option '(.*)' argument missing$/s.exec(message))) return usage('error.optionMissingArgument', { option: m[1]! });
      break;
    case 'commander.invalidArgument':
      if ((m = /^error: option '([^']*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/s.exec(message))) return usage('error.invalidChoice', { option: m[1]!, value: m[2]!, choices: m[3]! });
      break;
    case 'commander.excessArguments': {
      if (!(m = /^error: too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\.$/s.exec(message))) break;
      const [, command, expected, received] = m;
      // The word commander took as setup's operand, when setup was not named on the command line.
      const operand = program.args[0] === 'setup' ? undefined : program.commands.find((c) => c.name() === 'setup')?.args[0];
      const names = program.commands.map((c) => c.name());
      if (command === 'setup' && operand !== undefined) {
        const close = [...names, 'help'].filter((n) => distance(operand, n) <= Math.min(2, Math.floor(n.length / 2)));
        return usage('error.unknownCommand', { command: operand }, suggestion(close));
      }
      if (expected === '0') return usage('error.excessArguments.none', { command: command!, received: Number(received) });
      if (expected === '1') return usage('error.excessArguments.one', { command: command!, received: Number(received) });
      break;
    }
  }
  return new CliError(ExitCode.USAGE, 'error.usage', { message: echo(message) });
}
