import { promises as fsp } from 'node:fs';
import { execa } from 'execa';
import type { CommonOptions } from '../args.js';
import { planClean, type CleanAction } from '../core/clean-plan.js';
import { jsonEditor, patchText } from '../core/formats/index.js';
import { applyWrites, ChangedOnDisk, RolledBack, type FileWrite } from '../effects/apply.js';
import { CliError, ExitCode } from '../exit-codes.js';
import { collectFindings } from './doctor.js';
import type { Io } from './io.js';
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
  const { findings, ctx, stateDir } = await collectFindings(opts.home, 'openclaw', io);
  const actions = planClean(findings);
  const installed = ctx.versions.openclaw !== null && ctx.versions.openclaw !== undefined;
  const outcome = { actions, runId: null as string | null, applied: false, restart: { ran: false, installed } as CleanOutcome['restart'] };
  let go = opts.yes && actions.length > 0;
  if (!go && actions.length > 0 && confirm !== null) {
    reporter.cleanPreview(actions);
    go = await confirm('clean');
  }
  if (!go) {
    reporter.cleanResult(outcome);
    return ExitCode.OK;
  }
  try {
    const writes = await Promise.all(actions.map(toWrite));
    outcome.runId = (await applyWrites(writes, { stateDir, command: 'clean', onProgress: (e) => reporter.progress(e) })).runId;
    outcome.applied = true;
  } catch (err) {
    if (err instanceof ChangedOnDisk) throw new CliError(ExitCode.REFUSED, 'error.changedOnDisk', { path: err.paths.join(', ') });
    if (err instanceof RolledBack) throw new CliError(ExitCode.ROLLED_BACK, 'error.rolledBack', { path: err.failedPath, reason: err.reason });
    throw err;
  }
  if (installed && (opts.restart || (confirm !== null && !opts.yes && (await confirm('restart'))))) {
    const r = await execa('openclaw', ['gateway', 'restart'], { env: io.env, reject: false, timeout: 60_000, stdin: 'ignore' });
    outcome.restart = { ran: true, exitCode: r.exitCode ?? -1, installed };
  }
  reporter.cleanResult(outcome);
  return ExitCode.OK;
}
