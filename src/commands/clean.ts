import { promises as fsp } from 'node:fs';
import { execa } from 'execa';
import type { CommonOptions } from '../args.js';
import { planClean, type CleanAction } from '../core/clean-plan.js';
import { jsonEditor, patchText } from '../core/formats/index.js';
import { applyWrites, ChangedOnDisk, RolledBack, type FileWrite } from '../effects/apply.js';
import { CliError, ExitCode } from '../exit-codes.js';
import { collectFindings } from './doctor.js';
import type { Io } from './io.js';
import { consentFor, legacyProfileFiles, runStoreSteps, storeApplies, storeContext, type StoreOutcome } from './openclaw-store.js';
import type { Reporter } from './report.js';

export interface CleanOptions extends CommonOptions {
  readonly yes: boolean;
  readonly restart: boolean;
}

export interface CleanOutcome {
  readonly actions: readonly CleanAction[];
  readonly runId: string | null;
  readonly applied: boolean;
  readonly restart: { readonly ran: boolean; readonly exitCode?: number; readonly installed: boolean };
  /** OpenClaw 2026.8 and later: the commands run (or that would run) on its credential store. */
  readonly openclaw?: StoreOutcome;
}

async function toWrite(action: CleanAction): Promise<FileWrite> {
  const before = await fsp.readFile(action.file, 'utf8');
  if (action.kind === 'move') return { tool: 'openclaw', path: action.file, format: 'json', secret: true, before, after: null, edits: [] };
  return { tool: 'openclaw', path: action.file, format: 'json', secret: true, before, after: patchText(jsonEditor, before, action.edits).text, edits: [] };
}

/**
 * Guided cleanup of OpenClaw's per-agent caches. Headless without --yes it only reports; with
 * --yes it moves each stale file into a backup run (restore brings them back). Restarting the
 * gateway is a separate consent (--restart, or the question in a terminal).
 */
export async function runClean(opts: CleanOptions, io: Io, reporter: Reporter, confirm: ((question: 'clean' | 'restart') => Promise<boolean>) | null): Promise<number> {
  const { findings, ctx, stateDir, texts, subdirs, views } = await collectFindings(opts.home, 'openclaw', io);
  const store = storeApplies(ctx, texts);
  // From 2026.8 a leftover auth-profiles.json is OpenClaw's to migrate, not a file to edit.
  const actions = planClean(findings).filter((a) => !(store && a.file.endsWith('auth-profiles.json')));
  const legacy = store ? legacyProfileFiles(ctx, subdirs) : [];
  const installed = ctx.versions.openclaw !== null && ctx.versions.openclaw !== undefined;
  const outcome: { -readonly [K in keyof CleanOutcome]: CleanOutcome[K] } = { actions, runId: null, applied: false, restart: { ran: false, installed } };
  let go = opts.yes && actions.length > 0;
  if (!go && actions.length > 0 && confirm !== null) {
    reporter.cleanPreview(actions);
    go = await confirm('clean');
  }
  if (go) {
    try {
      const writes = await Promise.all(actions.map(toWrite));
      outcome.runId = (await applyWrites(writes, { stateDir, command: 'clean', onProgress: (e) => reporter.progress(e) })).runId;
      outcome.applied = true;
    } catch (err) {
      if (err instanceof ChangedOnDisk) throw new CliError(ExitCode.REFUSED, 'error.changedOnDisk', { path: err.paths.join(', ') });
      if (err instanceof RolledBack) throw new CliError(ExitCode.ROLLED_BACK, 'error.rolledBack', { path: err.failedPath, reason: err.reason });
      throw err;
    }
  }
  if (store) {
    // Each OpenClaw command that changes its store is a question of its own in a terminal.
    const consent = consentFor(opts.yes, confirm ? () => confirm('clean') : null);
    const r = await runStoreSteps({ mode: 'clean', ctx, io, reporter, consent, legacy, store: storeContext(ctx, views), runId: outcome.runId, stateDir });
    outcome.openclaw = r.outcome;
    outcome.runId = r.runId;
  }
  const changed = outcome.applied || Boolean(outcome.openclaw?.commands.some((c) => c.status === 'ran' && c.step.kind !== 'list'));
  if (changed && installed && (opts.restart || (confirm !== null && !opts.yes && (await confirm('restart'))))) {
    const r = await execa('openclaw', ['gateway', 'restart'], { env: io.env, reject: false, timeout: 60_000, stdin: 'ignore' });
    outcome.restart = { ran: true, exitCode: r.exitCode ?? -1, installed };
  }
  reporter.cleanResult(outcome);
  return outcome.openclaw?.failed ? ExitCode.CHECK_FAILED : ExitCode.OK;
}
