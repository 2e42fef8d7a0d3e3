import { readFileSync } from 'node:fs';
import { parseArgs } from './args.js';
import { canPrompt, processIo, type Io } from './commands/io.js';
import { jsonReporter, renderFinding, textReporter, type Reporter } from './commands/report.js';
import { runClean } from './commands/clean.js';
import { runKey } from './commands/key.js';
import { runExplain } from './commands/explain.js';
import { runVerify } from './commands/verify.js';
import { runDoctorCommand } from './commands/doctor.js';
import { runBackups, runRestore } from './commands/restore.js';
import { runSetup } from './commands/setup.js';
import type { Prompter } from './commands/prompter.js';
import { resolveHomes } from './effects/paths.js';
import { CliError, ExitCode } from './exit-codes.js';
import { detectLang, hasMessage, translator, type Translate } from './i18n/index.js';

export const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const truthy = (v: string | undefined): boolean => v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';

function errorText(err: CliError, t: Translate): { message: string; lines: string[] } {
  const message = hasMessage(err.message) ? t(err.message, err.params) : err.message;
  const lines = err.lines.map((l) => {
    if (l === 'key') return t('error.missingKey');
    const [flag, choices] = l.split('|');
    if (choices === '') return t('error.missingDepends', { flag: flag ?? '' });
    return choices !== undefined ? t('error.missingFlag', { flag: flag ?? '', choices }) : l;
  });
  return { message, lines };
}

/** Loaded only when a person is there to answer: headless runs never import prompt code. */
async function loadPrompter(t: Translate): Promise<Prompter> {
  const { linePrompter } = await import('./prompts/line.js');
  return linePrompter(t);
}

/** argv → exit code. The only place that turns errors into exit codes. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const wantsJson = argv.includes('--json') || truthy(io.env.TP_SETUP_JSON);
  let t = translator(detectLang(undefined, io.env));
  let reporter: Reporter = wantsJson ? jsonReporter(io, t) : textReporter(io, t, () => resolveHomes(undefined, io.env).home);
  try {
    const cmd = parseArgs(argv, io.env, VERSION);
    if (cmd.name === 'print') {
      io.stdout(cmd.text);
      return cmd.exitCode;
    }
    t = translator(cmd.options.lang);
    const home = resolveHomes(cmd.options.home, io.env).home;
    reporter = cmd.options.json ? jsonReporter(io, t) : textReporter(io, t, () => home);
    switch (cmd.name) {
      case 'setup': {
        if (!cmd.options.plain && canPrompt(io, cmd.options)) {
          const { runWizard } = await import('./ui/index.js');
          return await runWizard(cmd.options, io, t);
        }
        const prompter = canPrompt(io, cmd.options) ? await loadPrompter(t) : null;
        return (await runSetup(cmd.options, io, reporter, prompter)).exitCode;
      }
      case 'backups':
        return await runBackups(cmd.options, io, reporter);
      case 'doctor': {
        const prompter = cmd.options.fix && canPrompt(io, cmd.options) ? await loadPrompter(t) : null;
        return await runDoctorCommand(cmd.options, io, reporter, prompter ? (f) => prompter.ask(t('prompt.fix', { what: renderFinding(f, t).message })) : null);
      }
      case 'verify': {
        const prompter = canPrompt(io, cmd.options) ? await loadPrompter(t) : null;
        return await runVerify(cmd.options, io, reporter, prompter ? () => prompter.ask(t('prompt.verify')) : null);
      }
      case 'explain':
        return await runExplain(cmd.options, io, reporter);
      case 'key':
        return await runKey(cmd.options, io, reporter, canPrompt(io, { json: cmd.options.json, yes: false }) ? await loadPrompter(t) : null);
      case 'clean': {
        const prompter = canPrompt(io, cmd.options) ? await loadPrompter(t) : null;
        return await runClean(cmd.options, io, reporter, prompter ? (q) => prompter.ask(q === 'clean' ? t('prompt.clean') : t('prompt.restart')) : null);
      }
      case 'restore':
        return await runRestore(cmd.options, io, reporter, canPrompt(io, { json: cmd.options.json, yes: cmd.options.force }) ? await loadPrompter(t) : null);
    }
  } catch (err) {
    if (err instanceof CliError) {
      const { message, lines } = errorText(err, t);
      reporter.failure(err.exitCode, message, lines);
      return err.exitCode;
    }
    if (err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError')) {
      reporter.failure(ExitCode.CANCELLED, t('error.cancelled'), []);
      return ExitCode.CANCELLED;
    }
    reporter.failure(ExitCode.INTERNAL, t('error.internal', { message: err instanceof Error ? err.message : String(err) }), []);
    if (truthy(io.env.TP_SETUP_DEBUG) && err instanceof Error && err.stack) io.stderr(`${err.stack}\n`);
    return ExitCode.INTERNAL;
  }
}
