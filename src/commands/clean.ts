import type { CommonOptions } from '../args.js';
import type { CleanAction } from '../core/adapters/openclaw/clean-plan.js';
import { ExitCode } from '../core/errors.js';
import { cleanActions, cleanWrites } from '../core/usecases/clean.js';
import { applyWrites } from '../effects/apply.js';
import { readTexts } from '../effects/fs.js';
import { scanHome } from '../effects/home-scan.js';
import { restartGateway } from '../effects/openclaw-cli.js';
import type { CommandContext, Outcome } from './context.js';
import { consentFor, legacyProfileFiles, runStoreSteps, storeApplies, storeContext, type StoreOutcome } from './openclaw-credentials.js';

export interface CleanOptions extends CommonOptions {
  readonly yes: boolean;
  readonly restart: boolean;
}

export interface CleanOutcome extends Outcome {
  readonly actions: readonly CleanAction[];
  readonly runId: string | null;
  readonly applied: boolean;
  readonly restart: { readonly ran: boolean; readonly exitCode?: number; readonly installed: boolean; /** A failed restart's last lines. */ readonly output?: string };
  /** OpenClaw 2026.8 and later: the commands run (or that would run) on its credential store. */
  readonly openclaw?: StoreOutcome;
}

/**
 * Guided cleanup of OpenClaw's per-agent caches. Headless without --yes it only reports; with
 * --yes it moves each stale file into a backup run (restore brings them back). Restarting the
 * gateway is a separate consent (--restart, or the question in a terminal).
 */
export async function runClean(ctx: CommandContext<CleanOptions>): Promise<CleanOutcome> {
  const { opts, io, homes, prompter } = ctx;
  const scan = await scanHome(homes, ['openclaw'], io, ctx.events);
  const store = storeApplies(scan.ctx, scan.texts);
  const actions = cleanActions(scan.findings, store);
  const installed = scan.ctx.versions.openclaw !== null && scan.ctx.versions.openclaw !== undefined;
  let runId: string | null = null;
  let applied = false;
  const go = actions.length > 0 && (opts.yes || (prompter !== null && (await prompter.confirmClean(actions))));
  if (go) {
    const texts = await readTexts(actions.map((a) => a.file));
    runId = (await applyWrites(cleanWrites(actions, texts), { stateDir: homes.stateDir, command: 'clean', onProgress: ctx.events })).runId;
    applied = true;
  }
  let openclaw: StoreOutcome | undefined;
  if (store) {
    const r = await runStoreSteps({
      mode: 'clean', ctx: scan.ctx, io, events: ctx.events, consent: consentFor(opts.yes, prompter, 'clean'),
      legacy: legacyProfileFiles(scan.ctx, scan.subdirs), store: storeContext(scan.ctx, scan.views), runId, stateDir: homes.stateDir,
    });
    openclaw = r.outcome;
    runId = r.runId;
  }
  const changed = applied || Boolean(openclaw?.commands.some((c) => c.status === 'ran' && c.step.kind !== 'list'));
  let restart: CleanOutcome['restart'] = { ran: false, installed };
  if (changed && installed && (opts.restart || (prompter !== null && !opts.yes && (await prompter.confirmRestart())))) {
    const r = await restartGateway(io.env, ctx.events);
    restart = { ran: true, exitCode: r.exitCode, installed, ...(r.output ? { output: r.output } : {}) };
  }
  // A restart asked for and failed leaves the old settings running: that is a failed run.
  const failed = Boolean(openclaw?.failed) || (restart.ran && restart.exitCode !== 0);
  return { exitCode: failed ? ExitCode.CHECK_FAILED : ExitCode.OK, actions, runId, applied, restart, ...(openclaw ? { openclaw } : {}) };
}

/** The stored profiles this clean removed with OpenClaw's own logout. */
export function loggedOutProfiles(o: CleanOutcome | undefined): string[] {
  return (o?.openclaw?.commands ?? []).flatMap((c) => (c.status === 'ran' && c.step.kind === 'logout' ? [c.step.profile] : []));
}
