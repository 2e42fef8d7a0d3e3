/** `doctor --fix`: the safe repairs, all under --yes, each asked in a terminal; then a second look. */
import { canRepair } from '../core/adapters/openclaw/clean-plan.js';
import type { Finding } from '../core/findings.js';
import { planRepairs, repairFiles } from '../core/usecases/clean.js';
import type { ToolId } from '../core/adapters/index.js';
import { applyWrites } from '../effects/apply.js';
import { readTexts, setMode } from '../effects/fs.js';
import { scanHome } from '../effects/home-scan.js';
import type { CommandContext } from './context.js';

/** What --fix did: the repairs applied and the run that undoes them, and what could be repaired. */
export interface DoctorFix {
  readonly applied: readonly Finding[];
  readonly runId: string | null;
  readonly fixable: readonly Finding[];
}

export async function fixFindings(
  ctx: CommandContext<{ readonly yes: boolean }>,
  tools: readonly ToolId[],
  found: Finding[],
): Promise<{ findings: Finding[]; fix: DoctorFix }> {
  const { opts, io, homes, prompter } = ctx;
  let findings = found;
  let fix: DoctorFix;
  const fixable = findings.filter(canRepair);
  const chosen: Finding[] = [];
  if (opts.yes) chosen.push(...fixable);
  else if (prompter) for (const f of fixable) if (await prompter.confirmFix(f)) chosen.push(f);
  if (chosen.length > 0) {
    const texts = await readTexts(repairFiles(chosen).map((r) => r.file));
    const { writes, chmods } = planRepairs(chosen, texts);
    const { runId } = await applyWrites(writes, { stateDir: homes.stateDir, command: 'doctor-fix', onProgress: ctx.events });
    for (const c of chmods) await setMode(c.file, c.mode);
    fix = { applied: chosen, runId, fixable };
    findings = (await scanHome(homes, tools, io, ctx.events)).findings;
  } else fix = { applied: [], runId: null, fixable };
  return { findings, fix };
}
