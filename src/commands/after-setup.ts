import type { CommonOptions } from '../args.js';
import { adapters, type ToolId } from '../core/adapters/index.js';
import { FILE_TOOLS } from '../core/usecases/scan.js';
import { withoutLoggedOut } from '../core/usecases/setup.js';
import { VERIFY_TIMEOUT_SECONDS } from '../core/usecases/verify.js';
import { loggedOutProfiles } from './clean.js';
import type { CommandContext } from './context.js';
import { runDoctor, type DoctorOutcome } from './doctor.js';
import type { SetupOutcome } from './setup.js';
import { runVerify, type VerifyOutcome } from './verify.js';

/**
 * The ending the wizard and --plain share after a write: doctor on the tools just set up, without
 * what setup already said (each finding once) or advice a step of this run already followed, and
 * the tools whose own one-shot command can check the result. Null when no tool has files to read.
 */
export async function doctorAfterSetup(ctx: CommandContext<CommonOptions>, outcome: SetupOutcome): Promise<{ readonly doctor: DoctorOutcome; readonly verifiable: readonly ToolId[] } | null> {
  const checked = outcome.answers.tools.filter((tool) => (FILE_TOOLS as readonly string[]).includes(tool));
  if (checked.length === 0) return null;
  const { home, lang, color } = ctx.opts;
  const doctor = await runDoctor({ ...ctx, opts: { home, lang, json: false, color, tools: checked.join(','), network: false, fix: false, yes: false } });
  const said = new Set(outcome.findings.map((f) => f.code));
  const findings = withoutLoggedOut(doctor.findings, loggedOutProfiles(outcome.cleaned)).filter((f) => !said.has(f.code));
  return { doctor: { ...doctor, findings }, verifiable: checked.filter((tool) => adapters[tool].oneShot !== undefined) };
}

/** The opt-in check after setup, already agreed to: its outcome's exit code is the run's. */
export function verifyAfterSetup(ctx: CommandContext<CommonOptions>, tools: readonly ToolId[]): Promise<VerifyOutcome> {
  const { home, lang, color } = ctx.opts;
  return runVerify({ ...ctx, opts: { home, lang, json: false, color, tools: tools.join(','), yes: true, timeoutSeconds: VERIFY_TIMEOUT_SECONDS } });
}
