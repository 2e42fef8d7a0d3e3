import type { CommonOptions } from '../args.js';
import { ExitCode } from '../core/errors.js';
import type { ProviderView } from '../core/adapters/index.js';
import { hasErrors, type Finding } from '../core/findings.js';
import { catalogAgeFindings } from '../core/usecases/models.js';
import { parseToolsFlag } from '../core/usecases/scan.js';
import { scanHome } from '../effects/home-scan.js';
import type { CommandContext, Outcome } from './context.js';
import type { DoctorFix } from './doctor-fix.js';

export interface DoctorOptions extends CommonOptions {
  readonly tools: string | undefined;
  readonly network: boolean;
  readonly fix: boolean;
  readonly yes: boolean;
}

export interface DoctorOutcome extends Outcome {
  readonly findings: readonly Finding[];
  /** With --fix: what was repaired and the run that undoes it, or what could be. */
  readonly fix?: DoctorFix;
  /** What was read: each tool with a Model Studio provider, and the files its settings and key came from. */
  readonly checked?: readonly { readonly tool: string; readonly files: readonly string[] }[];
}

/** Each tool once, with the files behind its views (settings first, then where the key sits). */
function checkedFiles(views: readonly ProviderView[]): DoctorOutcome['checked'] {
  const byTool = new Map<string, Set<string>>();
  for (const v of views) {
    const files = byTool.get(v.tool) ?? new Set<string>();
    files.add(v.file);
    if (v.key.file) files.add(v.key.file);
    byTool.set(v.tool, files);
  }
  return [...byTool].map(([tool, files]) => ({ tool, files: [...files] }));
}

/**
 * Offline checks of every tool's config (and, with --network, DNS and TLS of its hosts). With
 * --fix, the safe repairs: all under --yes, each asked in a terminal, only listed otherwise.
 */
export async function runDoctor(ctx: CommandContext<DoctorOptions>): Promise<DoctorOutcome> {
  const { opts, io, homes } = ctx;
  const tools = parseToolsFlag(opts.tools);
  const first = await scanHome(homes, tools, io, ctx.events);
  let findings = first.findings;
  let fix: DoctorOutcome['fix'];
  if (opts.fix) {
    // The repairs and the writing code load only for --fix: a plain check stays read-only, and fast.
    const { fixFindings } = await import('./doctor-fix.js');
    ({ findings, fix } = await fixFindings(ctx, tools, findings));
  }
  if (opts.network) {
    // DNS and TLS modules load only when asked for.
    const { checkHosts } = await import('../effects/network.js');
    findings = [...findings, ...(await checkHosts(first.views.flatMap((v) => (v.baseUrl ? [v.baseUrl] : [])), io.env, { onTask: ctx.events }))];
  }
  // Old lists make unlisted-model and unknown-host findings less certain: say so once.
  findings = [...findings, ...catalogAgeFindings(io.today())];
  return { exitCode: hasErrors(findings) ? ExitCode.CHECK_FAILED : ExitCode.OK, findings, checked: checkedFiles(first.views), ...(fix ? { fix } : {}) };
}
