/**
 * `tp-setup --help`, `help <command>` and `--version` from text computed at build time
 * (src/help-table.ts): the answer without loading the argument parser or the messages. Anything
 * the table does not hold exactly, or any TP_SETUP_* setting the parser would check first, goes
 * the usual way through src/main.ts.
 */
import { isTerminal, writeText } from './effects/stdio.js';
import { earlyLang } from './i18n/lang.js';
import { HELP_WIDTH, helpWidthFor, LINE_SEPARATOR, type HelpTable } from './help-format.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Settings the parser validates before it prints help: with any of them set, it decides. */
function parserDecides(env: Env): boolean {
  return Object.keys(env).some((name) => name.startsWith('TP_SETUP_') && (name !== 'TP_SETUP_LANG' || !/^[\w.@-]{0,40}$/.test(env[name] ?? '')));
}

/** The precomputed text for this command line, or undefined when the parser must answer. */
export function precomputedHelp(table: HelpTable, argv: readonly string[], env: Env, stdoutIsTTY: boolean, columns: number | undefined): string | undefined {
  // The table is wrapped to 80 columns; a narrower terminal gets help wrapped to its own width.
  if (helpWidthFor(stdoutIsTTY, columns) !== HELP_WIDTH) return undefined;
  if (parserDecides(env)) return undefined;
  const index = table.lines[earlyLang(argv, env)][argv.join(LINE_SEPARATOR)];
  return index === undefined ? undefined : table.texts[index];
}

/** The `printHelp(argv)` of dist/help.js, which the build makes with the table inside. */
export function printer(table: HelpTable): (argv: readonly string[]) => boolean {
  return (argv) => {
    const tty = isTerminal(1);
    const text = precomputedHelp(table, argv, process.env, tty, tty ? process.stdout.columns : undefined);
    if (text === undefined) return false;
    writeText(1, text);
    return true;
  };
}
