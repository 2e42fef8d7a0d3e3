import type { SetupOptions } from '../args.js';
import { runClean } from '../commands/clean.js';
import { collectFindings, FILE_TOOLS, runDoctorCommand } from '../commands/doctor.js';
import type { Io } from '../commands/io.js';
import { runKey } from '../commands/key.js';
import { renderFinding, type Reporter } from '../commands/report.js';
import { runRestore } from '../commands/restore.js';
import { runSetup } from '../commands/setup.js';
import { runVerify } from '../commands/verify.js';
import { adapters } from '../core/adapters/index.js';
import { displayPath, resolveHomes } from '../effects/paths.js';
import { listRuns, type Manifest } from '../effects/runs.js';
import { CliError, ExitCode } from '../exit-codes.js';
import type { Translate } from '../i18n/index.js';
import { errorText } from '../commands/error-text.js';
import { LeaveSignal, type WizardPrompter } from './bridge.js';
import { detect, menuFor, type MenuChoice } from './detect.js';
import { BackSignal, CancelSignal, type WizardStore } from './store.js';

export interface FlowContext {
  readonly opts: SetupOptions;
  readonly io: Io;
  readonly t: Translate;
  readonly store: WizardStore;
  readonly prompter: WizardPrompter;
  readonly reporter: Reporter;
}

/** Flags that answer an onboarding question: then the user came to set up, not to choose. */
function cameToSetUp(opts: SetupOptions): boolean {
  return Object.values(opts.raw).some((v) => v !== undefined) || opts.keyEnv !== undefined || opts.keyStdin || opts.baseUrl !== undefined;
}

/**
 * The wizard's flow: look at the home, offer the right next step first, then run the same
 * command the headless CLI runs, answering its questions on screens. Returns the exit code.
 */
export async function wizardFlow(ctx: FlowContext): Promise<number> {
  const { opts, store, t } = ctx;
  try {
    if (cameToSetUp(opts)) return await onboard(ctx);
    for (;;) {
      store.busy(t('wizard.detecting'));
      const detection = await detect(opts.home, ctx.io);
      ctx.prompter.caches = detection.caches;
      ctx.prompter.installed = detection.installed;
      ctx.prompter.canLeave = true;
      const choice = await store.ask<MenuChoice>({ kind: 'menu', detection, choices: menuFor(detection) });
      try {
        return await runChoice(ctx, choice);
      } catch (err) {
        // Esc on a flow's first screen: back to the start screen.
        if (err instanceof LeaveSignal || err instanceof BackSignal) continue;
        throw err;
      }
    }
  } catch (err) {
    if (err instanceof CancelSignal) {
      store.print('error', t('error.cancelled'));
      return ExitCode.CANCELLED;
    }
    if (err instanceof CliError) {
      const { message, lines } = errorText(err, t);
      ctx.reporter.failure(err.exitCode, message, lines);
      return err.exitCode;
    }
    throw err;
  } finally {
    store.done();
  }
}

async function runChoice(ctx: FlowContext, choice: MenuChoice): Promise<number> {
  const { opts, io, reporter, prompter, t, store } = ctx;
  const common = { home: opts.home, lang: opts.lang, json: false, color: opts.color };
  switch (choice) {
    case 'onboard':
      return onboard(ctx);
    case 'rekey':
      return finish(ctx, await runKey({ ...common, keyEnv: opts.keyEnv, keyStdin: opts.keyStdin, plan: opts.raw.plan }, io, reporter, prompter));
    case 'clean':
      return finish(
        ctx,
        await runClean({ ...common, yes: false, restart: false }, io, reporter, (q) => prompter.ask(q === 'clean' ? t('prompt.clean') : t('prompt.restart'))),
      );
    case 'fix':
      return finish(
        ctx,
        await runDoctorCommand({ ...common, tools: undefined, network: false, fix: true, yes: false }, io, reporter, (f) =>
          prompter.ask(t('prompt.fix', { what: renderFinding(f, t).message })),
        ),
      );
    case 'restore': {
      const { stateDir, home } = resolveHomes(opts.home, io.env);
      const runs = (await listRuns(stateDir)).filter((r) => r.status === 'complete');
      if (runs.length === 0) {
        store.print('note', t('wizard.runs.none'));
        return ExitCode.OK;
      }
      const runId = await store.ask<string>({ kind: 'runs', runs });
      const run = runs.find((r) => r.runId === runId) as Manifest;
      store.print('text', [t('wizard.runs.preview', { runId }), ...run.files.map((f) => `  ${displayPath(f.path, home)}`)].join('\n'));
      if (!(await prompter.ask(t('wizard.restoreConfirm')))) throw new CliError(ExitCode.CANCELLED, 'error.cancelled');
      store.setApplying(true);
      const code = await runRestore({ ...common, runId, force: false }, io, reporter, prompter);
      store.setApplying(false);
      return finish(ctx, code);
    }
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
  const { opts, io, reporter, prompter, store } = ctx;
  for (;;) {
    try {
      const outcome = await runSetup(opts, io, reporter, prompter);
      if (outcome.exitCode !== ExitCode.OK || !outcome.answers || store.getState().cancelRequested) return finish(ctx, outcome.exitCode);
      await afterSetup(ctx, outcome.answers.tools);
      return finish(ctx, outcome.exitCode);
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

/** After writing: what doctor says now, and the opt-in check through each tool's own command. */
async function afterSetup(ctx: FlowContext, tools: readonly string[]): Promise<void> {
  const { opts, io, reporter, prompter, t, store } = ctx;
  const checked = tools.filter((tool) => (FILE_TOOLS as readonly string[]).includes(tool));
  if (checked.length === 0) return;
  store.busy(t('wizard.checking'));
  reporter.doctorResult((await collectFindings(opts.home, checked.join(','), io)).findings);
  const verifiable = checked.filter((tool) => adapters[tool as keyof typeof adapters].oneShot !== undefined);
  if (verifiable.length === 0) return;
  if (!(await prompter.ask(t('wizard.verifyOffer'), false))) return;
  await runVerify({ home: opts.home, lang: opts.lang, json: false, color: opts.color, tools: verifiable.join(','), yes: true, timeoutSeconds: 120 }, io, reporter, null);
}
