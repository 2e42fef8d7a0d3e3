import type { SetupOptions } from '../args.js';
import { doctorAfterSetup, verifyAfterSetup } from '../commands/after-setup.js';
import { runClean } from '../commands/clean.js';
import type { CommandContext, Outcome, RunEvent } from '../commands/context.js';
import { runDoctor } from '../commands/doctor.js';
import type { Io } from '../commands/io.js';
import { runKey } from '../commands/key.js';
import { runBackups, runRestore } from '../commands/restore.js';
import { revisitStep, runSetup, type SetupOutcome } from '../commands/setup.js';
import { CliError, ExitCode, toCliError } from '../core/errors.js';
import { FILE_TOOLS } from '../core/usecases/scan.js';
import { lockOnConsent, withLock } from '../effects/lock.js';
import type { Homes } from '../effects/paths.js';
import { cleanPresenter } from '../presenters/clean.js';
import { doctorPresenter } from '../presenters/doctor.js';
import { eventText, taskLabel, taskResult } from '../presenters/events.js';
import { errorText } from '../presenters/failure.js';
import { keyPresenter } from '../presenters/key.js';
import { restorePresenter } from '../presenters/restore.js';
import { setupPresenter } from '../presenters/setup.js';
import { verifyPresenter } from '../presenters/verify.js';
import type { Presenter, View } from '../presenters/view.js';
import { LeaveSignal, type WizardPrompter } from './bridge.js';
import { detect, menuFor, type MenuChoice } from './detect.js';
import { BackSignal, CancelSignal, type WizardStore } from './store.js';

export interface FlowContext {
  readonly opts: SetupOptions;
  readonly io: Io;
  readonly homes: Homes;
  readonly view: View;
  readonly store: WizardStore;
  readonly prompter: WizardPrompter;
}

/** Flags that answer an onboarding question: then the user came to set up, not to choose. */
function cameToSetUp(opts: SetupOptions): boolean {
  return Object.values(opts.raw).some((v) => v !== undefined) || opts.keyEnv !== undefined || opts.keyStdin || opts.baseUrl !== undefined;
}

/** The command context the wizard runs every command in: its prompter, events as transcript blocks. */
function commandContext<O>(ctx: FlowContext, opts: O): CommandContext<O> {
  const events = (e: RunEvent): void => {
    if (e.type === 'task-start') return ctx.store.startTask(e.task.id, taskLabel(e.task.what, ctx.view.t));
    if (e.type === 'task-end') return ctx.store.endTask(e.task.id, taskResult(e, ctx.view.t));
    const { text } = eventText(e, ctx.view);
    ctx.store.print(e.type === 'store-step' || e.type === 'verify-start' ? 'text' : 'progress', text);
  };
  return { opts, io: ctx.io, homes: ctx.homes, lang: ctx.view.t.lang, prompter: ctx.prompter, events };
}

/**
 * A writing command run under the home's lock (src/effects/lock.ts), taken at the person's "yes"
 * to its review (not while a question waits), released when the command ends. Another run that
 * wants the home meanwhile waits a few seconds, then refuses naming this one.
 */
async function locked<T>(ctx: FlowContext, command: string, run: (c: FlowContext) => Promise<T>): Promise<T> {
  const lazy = lockOnConsent(ctx.prompter, ctx.homes.stateDir, command);
  try {
    return await run({ ...ctx, prompter: lazy.target });
  } finally {
    await lazy.release();
  }
}

/** A command's outcome in the transcript, as the text presenter words it. */
function show<O extends Outcome>(ctx: FlowContext, presenter: Presenter<O>, outcome: O): O {
  for (const b of presenter.text(outcome, ctx.view)) ctx.store.print(b.kind, b.text);
  return outcome;
}

/**
 * The wizard's flow: look at the home, offer the right next step first, then run the same
 * command the headless CLI runs, answering its questions on screens. Returns the exit code.
 */
export async function wizardFlow(ctx: FlowContext): Promise<number> {
  const { opts, store, view } = ctx;
  try {
    for (;;) {
      // Flags that answer a question skip the start screen, not the look at the home: installed
      // tools are still ticked, and the questions left start from the current config.
      const direct = cameToSetUp(opts);
      store.busy(view.t('wizard.detecting'));
      const detection = await detect(ctx.homes, ctx.io);
      ctx.prompter.useSetting({ caches: detection.caches, installed: detection.installed, canLeave: !direct, current: detection.current });
      if (direct) return await onboard(ctx);
      const choice = await store.ask<MenuChoice>({ kind: 'menu', detection, choices: menuFor(detection) });
      if (choice === 'doctor') {
        // Reading findings changes nothing: show them, then the start screen again.
        const common = { home: ctx.opts.home, lang: ctx.opts.lang, json: false, color: ctx.opts.color };
        show(ctx, doctorPresenter, await runDoctor(commandContext(ctx, { ...common, tools: undefined, network: false, fix: false, yes: false })));
        continue;
      }
      try {
        return await runChoice(ctx, choice);
      } catch (err) {
        // Esc on a flow's first screen: back to the start screen.
        if (err instanceof LeaveSignal || err instanceof BackSignal) continue;
        throw err;
      }
    }
  } catch (thrown) {
    if (thrown instanceof CancelSignal) {
      store.print('error', view.t('error.cancelled'));
      return ExitCode.CANCELLED;
    }
    const err = toCliError(thrown);
    if (err.exitCode === ExitCode.INTERNAL) throw thrown;
    const { message, lines } = errorText(err, view.t);
    store.print('error', [message, ...lines].join('\n'));
    return err.exitCode;
  } finally {
    store.done();
  }
}

async function runChoice(ctx: FlowContext, choice: MenuChoice): Promise<number> {
  const { opts, store, view } = ctx;
  const { t } = view;
  const common = { home: opts.home, lang: opts.lang, json: false, color: opts.color };
  switch (choice) {
    case 'onboard':
      return onboard(ctx);
    case 'rekey':
      return finish(ctx, show(ctx, keyPresenter, await locked(ctx, 'key', (c) => runKey(commandContext(c, { ...common, keyEnv: opts.keyEnv, keyStdin: opts.keyStdin, plan: opts.raw.plan })))).exitCode);
    case 'clean':
      return finish(ctx, show(ctx, cleanPresenter, await locked(ctx, 'clean', (c) => runClean(commandContext(c, { ...common, yes: false, restart: false })))).exitCode);
    case 'fix':
      return finish(ctx, show(ctx, doctorPresenter, await locked(ctx, 'doctor', (c) => runDoctor(commandContext(c, { ...common, tools: undefined, network: false, fix: true, yes: false })))).exitCode);
    case 'restore': {
      const runs = (await runBackups(commandContext(ctx, common))).runs.filter((r) => r.status === 'complete');
      if (runs.length === 0) {
        store.print('note', t('wizard.runs.none'));
        return ExitCode.OK;
      }
      const runId = await store.ask<string>({ kind: 'runs', runs });
      const run = runs.find((r) => r.runId === runId)!;
      store.print('text', [t('wizard.runs.preview', { runId }), ...run.files.map((f) => `  ${view.show(f.path)}`)].join('\n'));
      if (!(await store.ask<boolean>({ kind: 'confirm', message: t('wizard.restoreConfirm'), defaultYes: true }))) throw new CliError(ExitCode.CANCELLED, 'error.cancelled');
      store.setApplying(true);
      const outcome = await withLock(ctx.homes.stateDir, 'restore', () => runRestore(commandContext(ctx, { ...common, runId, force: false, yes: false, withLater: false })));
      store.setApplying(false);
      return finish(ctx, show(ctx, restorePresenter, outcome).exitCode);
    }
    case 'doctor':
      // Answered by wizardFlow, which goes back to the start screen after it.
      return ExitCode.OK;
    case 'quit':
      store.print('note', t('wizard.bye'));
      return ExitCode.OK;
  }
}

/** A Ctrl+C during apply let the run finish; the exit code still says the user stopped it. */
function finish(ctx: FlowContext, code: number): number {
  ctx.store.setApplying(false);
  return ctx.store.getState().cancelRequested ? ExitCode.CANCELLED : code;
}

async function onboard(ctx: FlowContext): Promise<number> {
  const { store, prompter } = ctx;
  for (;;) {
    try {
      const outcome = await (ctx.opts.dryRun ? runSetup(commandContext(ctx, ctx.opts)) : locked(ctx, 'setup', (c) => runSetup(commandContext(c, ctx.opts))));
      store.setApplying(false);
      show(ctx, setupPresenter, outcome);
      // A refusal about an answer given on a screen: back to that screen, every answer kept.
      const step = revisitStep(outcome);
      if (step && prompter.resumeAt(step)) continue;
      if (outcome.exitCode !== ExitCode.OK || outcome.dryRun || store.getState().cancelRequested) return finish(ctx, outcome.exitCode);
      return finish(ctx, await afterSetup(ctx, outcome));
    } catch (err) {
      // Esc on the review: nothing was written; ask again from the last question.
      if (err instanceof BackSignal) {
        prompter.resumeAtLast();
        continue;
      }
      throw err;
    }
  }
}

/**
 * After a write: doctor on the tools just set up, then the opt-in check with each tool's own
 * command. A failed check is the run's exit code (3), as `verify` alone would return.
 */
async function afterSetup(ctx: FlowContext, outcome: SetupOutcome): Promise<number> {
  const { opts, store, view } = ctx;
  if (!outcome.answers.tools.some((tool) => (FILE_TOOLS as readonly string[]).includes(tool))) return ExitCode.OK;
  store.busy(view.t('wizard.checking'));
  const common = { home: opts.home, lang: opts.lang, json: false, color: opts.color };
  const after = await doctorAfterSetup(commandContext(ctx, common), outcome);
  if (!after) return ExitCode.OK;
  show(ctx, doctorPresenter, after.doctor);
  if (after.verifiable.length === 0) return ExitCode.OK;
  if (!(await store.ask<boolean>({ kind: 'confirm', message: view.t('wizard.verifyOffer'), defaultYes: false }))) return ExitCode.OK;
  return show(ctx, verifyPresenter, await verifyAfterSetup(commandContext(ctx, common), after.verifiable)).exitCode;
}
