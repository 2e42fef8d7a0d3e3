import type { CommonOptions } from '../args.js';
import { TOOL_IDS, isToolId, adapters, type ProviderView, type ToolId } from '../core/adapters/index.js';
import type { ToolContext } from '../core/context.js';
import { doctorReads, examineAll, type DoctorRead } from '../core/doctor/run.js';
import { hasErrors, type Finding } from '../core/findings.js';
import { readDoctorFiles, type DoctorFiles } from '../effects/doctor-read.js';
import { isFixable } from '../core/clean-plan.js';
import { applyRepairs } from './doctor-fix.js';
import { resolveHomes } from '../effects/paths.js';
import { probeVersions } from '../effects/probes.js';
import { readState } from '../effects/state.js';
import { CliError, ExitCode } from '../exit-codes.js';
import type { Io } from './io.js';
import type { Reporter } from './report.js';

export interface DoctorOptions extends CommonOptions {
  readonly tools: string | undefined;
  readonly network: boolean;
  readonly fix: boolean;
  readonly yes: boolean;
}

/** Tools that keep files tp-setup can read (the app-only guides have none). */
export const FILE_TOOLS: readonly ToolId[] = TOOL_IDS.filter((t) => adapters[t].examine !== undefined);

/** Read everything the doctor looks at and evaluate it; shared by doctor, clean and key. */
export async function collectFindings(
  home: string | undefined,
  toolsFlag: string | undefined,
  io: Io,
): Promise<{ findings: Finding[]; views: ProviderView[]; ctx: ToolContext; texts: Record<string, string | null>; subdirs: DoctorFiles['subdirs']; stateDir: string; reads: DoctorRead[] }> {
  const homes = resolveHomes(home, io.env);
  const tools = toolsFlag ? toolsFlag.split(',').map((t) => t.trim()).filter(Boolean) : [...FILE_TOOLS];
  const bad = tools.find((t) => !isToolId(t) || !FILE_TOOLS.includes(t));
  if (bad) throw new CliError(ExitCode.USAGE, 'error.invalid', { flag: '--tools', value: bad, choices: FILE_TOOLS.join(', ') });
  const chosen = tools as ToolId[];
  const versions = await probeVersions(chosen, io.env);
  const ctx: ToolContext = { home: homes.home, env: io.env, platform: io.platform, versions };
  const reads = doctorReads(chosen, ctx);
  const files = await readDoctorFiles(reads);
  const state = await readState(homes.stateDir);
  const recorded = Object.fromEntries(Object.entries(state.tools).map(([t, r]) => [t, { plan: r.plan, region: r.region }]));
  const { findings, views } = examineAll({ ctx, tools: chosen, ...files, installed: versions, recorded });
  return { findings, views, ctx, texts: files.texts, subdirs: files.subdirs, stateDir: homes.stateDir, reads };
}

export async function runDoctorCommand(opts: DoctorOptions, io: Io, reporter: Reporter, ask: ((f: Finding) => Promise<boolean>) | null): Promise<number> {
  const first = await collectFindings(opts.home, opts.tools, io);
  let { findings } = first;
  if (opts.fix) {
    const fixable = findings.filter(isFixable);
    // Headless without --yes the fixes are only listed; in a terminal each one is a question.
    const chosen: Finding[] = [];
    if (opts.yes) chosen.push(...fixable);
    else if (ask) for (const f of fixable) if (await ask(f)) chosen.push(f);
    if (chosen.length > 0) {
      const { runId } = await applyRepairs(chosen, first.stateDir, (e) => reporter.progress(e));
      reporter.fixResult(chosen, runId);
      findings = (await collectFindings(opts.home, opts.tools, io)).findings;
    } else reporter.fixResult([], null, fixable);
  }
  if (opts.network) {
    // DNS and TLS modules load only when asked for.
    const { checkHosts } = await import('../effects/network.js');
    findings.push(...(await checkHosts(first.views.flatMap((v) => (v.baseUrl ? [v.baseUrl] : [])), io.env)));
  }
  reporter.doctorResult(findings);
  return hasErrors(findings) ? ExitCode.CHECK_FAILED : ExitCode.OK;
}
