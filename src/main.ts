import { readFileSync } from 'node:fs';
import { parseArgs } from './args.js';
import { canPrompt, processIo, type Io } from './commands/io.js';
import type { Reporter } from './commands/report.js';
import type { Prompter } from './commands/prompter.js';
import { resolveHomes } from './effects/paths.js';
import { CliError, ExitCode } from './exit-codes.js';
import { detectLang, translator, type Translate } from './i18n/index.js';
import { errorText } from './commands/error-text.js';

/*
 * Every command module is imported when its command runs, not up front: `--help` and `--version`
 * load only the argument parser and the messages, and each command loads only what it uses (in the
 * bundle, each becomes its own chunk). The wizard (Ink, React) and the line prompts load only when
 * a person is there to answer.
 */

export const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const truthy = (v: string | undefined): boolean => v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';

/** The reporter the options ask for (text or JSON). */
async function makeReporter(json: boolean, io: Io, t: Translate, home: () => string): Promise<Reporter> {
  const { jsonReporter, textReporter } = await import('./commands/report.js');
  return json ? jsonReporter(io, t) : textReporter(io, t, home);
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
  let reporter: Reporter | null = null;
  let json = wantsJson;
  let home = (): string => resolveHomes(undefined, io.env).home;
  try {
    const cmd = parseArgs(argv, io.env, VERSION);
    if (cmd.name === 'print') {
      io.stdout(cmd.text);
      return cmd.exitCode;
    }
    t = translator(cmd.options.lang);
    const homeDir = resolveHomes(cmd.options.home, io.env).home;
    json = cmd.options.json;
    home = () => homeDir;
    const report = async (): Promise<Reporter> => (reporter ??= await makeReporter(json, io, t, home));
    switch (cmd.name) {
      case 'setup': {
        if (!cmd.options.plain && canPrompt(io, cmd.options)) {
          const { runWizard } = await import('./ui/index.js');
          return await runWizard(cmd.options, io, t);
        }
        const prompter = canPrompt(io, cmd.options) ? await loadPrompter(t) : null;
        const { runSetup } = await import('./commands/setup.js');
        return (await runSetup(cmd.options, io, await report(), prompter)).exitCode;
      }
      case 'backups': {
        const { runBackups } = await import('./commands/restore.js');
        return await runBackups(cmd.options, io, await report());
      }
      case 'doctor': {
        const [{ runDoctorCommand }, { renderFinding }] = await Promise.all([import('./commands/doctor.js'), import('./commands/report.js')]);
        const prompter = cmd.options.fix && canPrompt(io, cmd.options) ? await loadPrompter(t) : null;
        return await runDoctorCommand(cmd.options, io, await report(), prompter ? (f) => prompter.ask(t('prompt.fix', { what: renderFinding(f, t).message })) : null);
      }
      case 'verify': {
        const { runVerify } = await import('./commands/verify.js');
        const prompter = canPrompt(io, cmd.options) ? await loadPrompter(t) : null;
        return await runVerify(cmd.options, io, await report(), prompter ? () => prompter.ask(t('prompt.verify')) : null);
      }
      case 'explain': {
        const { runExplain } = await import('./commands/explain.js');
        return await runExplain(cmd.options, io, await report());
      }
      case 'key': {
        const { runKey } = await import('./commands/key.js');
        return await runKey(cmd.options, io, await report(), canPrompt(io, { json: cmd.options.json, yes: false }) ? await loadPrompter(t) : null);
      }
      case 'clean': {
        const { runClean } = await import('./commands/clean.js');
        const prompter = canPrompt(io, cmd.options) ? await loadPrompter(t) : null;
        return await runClean(cmd.options, io, await report(), prompter ? (q) => prompter.ask(q === 'clean' ? t('prompt.clean') : t('prompt.restart')) : null);
      }
      case 'restore': {
        const { runRestore } = await import('./commands/restore.js');
        return await runRestore(cmd.options, io, await report(), canPrompt(io, { json: cmd.options.json, yes: cmd.options.force }) ? await loadPrompter(t) : null);
      }
    }
  } catch (err) {
    reporter ??= await makeReporter(json, io, t, home);
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
