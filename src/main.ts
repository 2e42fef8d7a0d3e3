import { earlyJson, earlyLang, envFlag, parseArgs, type ParsedCommand } from './args.js';
import { helpWidthFor } from './help-format.js';
import type { CommandContext, Outcome, RunEvent } from './commands/context.js';
import { canPrompt, processIo, type Io } from './commands/io.js';
import type { Prompter } from './commands/prompter.js';
import type { SetupOutcome } from './commands/setup.js';
import { ExitCode, toCliError } from './core/errors.js';
import { displayPath } from './core/paths.js';
import { VERSION } from './effects/package-version.js';
import { checkHomeOption } from './effects/home-dir.js';
import { resolveHomes, type Homes } from './effects/paths.js';
import { loadMessages, translator, type Translate } from './i18n/index.js';
import { eventText } from './presenters/events.js';
import type { Presenter, View } from './presenters/view.js';

/*
 * The one place that chooses between the wizard, line prompts and headless flags, and that turns
 * errors into exit codes. Every command module is imported when its command runs, not up front:
 * `--help` and `--version` load only the argument parser and the messages, and each command loads
 * only what it uses (in the bundle, each becomes its own chunk). The wizard (Ink, React) and the
 * line prompts load only when a person is there to answer.
 */

export { VERSION };
// For the build, which stores every help text (src/help-table.ts).
export { helpTable } from './help-table.js';

export type Runnable = Exclude<ParsedCommand, { name: 'print' }>;
type Loaded = { readonly run: (ctx: CommandContext<never>) => Promise<Outcome>; readonly presenter: Presenter<never> };

// Literal paths, so the bundler gives each command its own lazily loaded chunk. Each is one
// module with the use-case and its presenter (src/entries/): one import per command, so the
// bundle splits into fewer files, and each file a start loads costs time of its own.
type Entry<O, R extends Outcome> = { readonly run: (ctx: CommandContext<O>) => Promise<R>; readonly presenter: Presenter<R> };
// The use-case's outcome and the presenter's must agree; main itself deals in Loaded.
const load = <O, R extends Outcome>(m: Promise<Entry<O, R>>): Promise<Loaded> => m as unknown as Promise<Loaded>;
const COMMANDS: Readonly<Record<Runnable['name'], () => Promise<Loaded>>> = {
  setup: () => load(import('./entries/setup.js')),
  backups: () => load(import('./entries/backups.js')),
  restore: () => load(import('./entries/restore.js')),
  doctor: () => load(import('./entries/doctor.js')),
  verify: () => load(import('./entries/verify.js')),
  explain: () => load(import('./entries/explain.js')),
  key: () => load(import('./entries/key.js')),
  models: () => load(import('./entries/models.js')),
  clean: () => load(import('./entries/clean.js')),
};

/** Whether this command asks a person anything here: only in a terminal, and per command only when it may. */
function asks(cmd: Runnable, io: Io): boolean {
  const o = cmd.options;
  switch (cmd.name) {
    case 'backups':
    case 'explain':
    case 'models':
      return false;
    case 'doctor':
      return cmd.options.fix && canPrompt(io, cmd.options);
    // key's --yes is consent to OpenClaw's commands, not to the new key: that is still asked.
    case 'key':
      return canPrompt(io, { json: o.json, yes: false });
    default:
      return canPrompt(io, { json: o.json, yes: cmd.options.yes, plain: cmd.name === 'setup' && cmd.options.plain });
  }
}

/** Commands that may write: each runs holding the home's lock (src/effects/lock.ts). */
function writes(cmd: Runnable): boolean {
  switch (cmd.name) {
    case 'setup':
      return !cmd.options.dryRun;
    case 'doctor':
      return cmd.options.fix;
    case 'key':
    case 'clean':
    case 'restore':
      return true;
    default:
      return false;
  }
}

/** Loaded only when a person is there to answer: headless runs never import prompt code. */
async function loadPrompter(view: View, io: Io, cmd: Runnable, homes: Homes): Promise<Prompter> {
  const { linePrompter } = await import('./prompts/line.js');
  // setup asks the key among its questions (after the tools), as the wizard does, unless a flag gives it.
  const askKey = cmd.name === 'setup' && cmd.options.keyEnv === undefined && !cmd.options.keyStdin;
  return linePrompter(view, io, { homes, askKey });
}

/**
 * The wizard's first frame when the entry script already drew it (src/ui/early.tsx): an Ink
 * instance, typed here only as far as main needs it, so this module never imports Ink.
 */
export interface EarlySplash {
  clear(): void;
  unmount(): void;
}

/**
 * argv → exit code. A report that could not be written to standard output (a full disk, an I/O
 * error) fails the run, exit 1, whatever the command found: a script must not take a cut-off
 * report for a whole one.
 */
export async function main(argv: readonly string[], io: Io = processIo(), splash?: EarlySplash): Promise<number> {
  return (await mainIfCarried(argv, io, splash, () => true)) as number;
}

/**
 * As main, for a build that carries some commands only (dist/headless.cjs, src/headless.ts):
 * once the line is parsed, a command `carries` says no to gets undefined back, before anything
 * is printed or touched, and the caller runs the line with main.js.
 */
export async function mainIfCarried(argv: readonly string[], io: Io, splash: EarlySplash | undefined, carries: (cmd: Runnable) => boolean): Promise<number | undefined> {
  const code = await runLine(argv, io, splash, carries);
  if (code === undefined) return undefined;
  const failure = io.outputFailure?.();
  if (failure === undefined) return code;
  io.stderr(`${translator(earlyLang(argv, io.env))('error.outputFailed', { reason: failure })}\n`);
  return ExitCode.INTERNAL;
}

async function runLine(argv: readonly string[], io: Io, splash: EarlySplash | undefined, carries: (cmd: Runnable) => boolean): Promise<number | undefined> {
  const firstLang = earlyLang(argv, io.env);
  await loadMessages(firstLang);
  let t: Translate = translator(firstLang);
  let json = earlyJson(argv, io.env);
  // A splash the wizard does not take over is cleared before anything else is printed.
  let pending = splash;
  const dropSplash = (): void => {
    pending?.clear();
    pending?.unmount();
    pending = undefined;
  };
  try {
    const cmd = parseArgs(argv, io.env, VERSION, helpWidthFor(io.stdoutIsTTY, io.stdoutColumns));
    if (cmd.name === 'print') {
      dropSplash();
      io.stdout(cmd.text);
      return cmd.exitCode;
    }
    if (!carries(cmd)) return undefined;
    await loadMessages(cmd.options.lang);
    t = translator(cmd.options.lang);
    json = cmd.options.json;
    checkHomeOption(cmd.options.home);
    const homes = resolveHomes(cmd.options.home, io.env);
    if (cmd.name === 'setup' && !cmd.options.plain && canPrompt(io, cmd.options)) {
      const { runWizard } = await import('./ui/index.js');
      const early = pending;
      pending = undefined;
      return await runWizard(cmd.options, io, t, early as Parameters<typeof runWizard>[3]);
    }
    dropSplash();
    const view: View = { t, show: (p) => displayPath(p, homes.home), stateDir: homes.stateDir };
    const [loaded, prompter] = await Promise.all([COMMANDS[cmd.name](), asks(cmd, io) ? loadPrompter(view, io, cmd, homes) : null]);
    const events = (e: RunEvent): void => {
      if (json) return;
      const { stream, text } = eventText(e, view);
      io[stream](`${text}\n`);
    };
    // Writers hold the home's lock: from the start when nobody is asked, else from the "yes" to
    // the review (setup, clean, doctor --fix), so a question left open blocks no other run.
    const locks = writes(cmd) ? await import('./effects/lock.js') : null;
    const lazy = locks && prompter && (cmd.name === 'setup' || cmd.name === 'clean' || cmd.name === 'doctor') ? locks.lockOnConsent(prompter, homes.stateDir, cmd.name) : null;
    const lock = locks && !lazy ? await locks.acquireLock(homes.stateDir, cmd.name) : null;
    const ctx: CommandContext<never> = { opts: cmd.options as never, io, homes, lang: t.lang, prompter: lazy?.target ?? prompter, events };
    let outcome: Outcome;
    try {
      outcome = await loaded.run(ctx);
      // A refusal about an answer given on a line: say why, then ask that question again with every
      // other answer kept, as the wizard does (src/ui/flow.ts).
      if (cmd.name === 'setup' && prompter?.resumeAt && !json) {
        const { revisitStep } = await import('./commands/setup.js');
        for (let step = revisitStep(outcome as SetupOutcome); step && prompter.resumeAt(step); step = revisitStep(outcome as SetupOutcome)) {
          for (const b of loaded.presenter.text(outcome as never, view)) io.stdout(b.text);
          outcome = await loaded.run(ctx);
        }
      }
    } finally {
      await lock?.release();
      await lazy?.release();
    }
    if (json) io.stdout(`${JSON.stringify(loaded.presenter.json(outcome as never, t), null, 2)}\n`);
    else for (const b of loaded.presenter.text(outcome as never, view)) io.stdout(b.text);
    // The line prompts end as the wizard does: doctor's verdict, then the verify offer.
    if (cmd.name === 'setup' && prompter && !json) return await (await import('./prompts/line.js')).afterSetup(ctx, outcome as SetupOutcome, view);
    return outcome.exitCode;
  } catch (thrown) {
    dropSplash();
    const err = toCliError(thrown);
    const { errorText, failureJson } = await import('./presenters/failure.js');
    if (json) io.stdout(`${JSON.stringify(failureJson(err, t), null, 2)}\n`);
    else {
      const { message, lines } = errorText(err, t);
      io.stderr(`${[message, ...lines].join('\n')}\n`);
    }
    if (err.exitCode === ExitCode.INTERNAL && envFlag(io.env.TP_SETUP_DEBUG) && thrown instanceof Error && thrown.stack) io.stderr(`${thrown.stack}\n`);
    return err.exitCode;
  }
}
