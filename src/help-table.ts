/**
 * Every `--help`, `help` and `--version` command line the precomputed help answers (src/help.ts),
 * with the text the argument parser prints for it. The build (scripts/build.mjs) calls this once
 * and stores the result next to the bundle, so printing help loads neither commander nor the
 * message catalogs. Lines the table does not hold go through the parser as before.
 */
import { buildProgram, parseArgs } from './args.js';
import { LINE_SEPARATOR, type HelpTable } from './help-format.js';
import { loadMessages } from './i18n/index.js';
import { earlyLang, LANGS, type Lang } from './i18n/lang.js';

/** The command lines asked about: each help form, for the program and each command, with --lang anywhere. */
function commandLines(): string[][] {
  const commands = buildProgram('0').commands.map((c) => c.name());
  const forms: string[][] = [['--help'], ['-h'], ['help'], ['--version'], ['-v']];
  for (const name of commands) forms.push([name, '--help'], [name, '-h'], ['help', name]);
  const lines: string[][] = [];
  for (const form of forms) {
    lines.push(form);
    for (const lang of LANGS) {
      for (const flag of [['--lang', lang], [`--lang=${lang}`]]) lines.push([...flag, ...form], [...form, ...flag]);
    }
  }
  return lines;
}

export async function helpTable(version: string): Promise<HelpTable> {
  for (const lang of LANGS) await loadMessages(lang);
  const texts: string[] = [];
  const lines: Record<Lang, Record<string, number>> = { en: {}, 'zh-CN': {} };
  for (const argv of commandLines()) {
    for (const envLang of LANGS) {
      const env = { TP_SETUP_LANG: envLang };
      let parsed;
      try {
        parsed = parseArgs(argv, env, version);
      } catch {
        continue; // an error is printed by the parser at run time
      }
      if (parsed.name !== 'print' || parsed.exitCode !== 0) continue;
      let index = texts.indexOf(parsed.text);
      if (index === -1) index = texts.push(parsed.text) - 1;
      lines[earlyLang(argv, env)][argv.join(LINE_SEPARATOR)] = index;
    }
  }
  return { texts, lines };
}
