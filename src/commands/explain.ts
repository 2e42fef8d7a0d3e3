import type { CommonOptions } from '../args.js';
import { getModel, isPlanId } from '../core/catalog/index.js';
import type { PlanId } from '../core/catalog/types.js';
import { explainText, type ExplainEntry } from '../core/explain/match.js';
import { redactSecrets } from '../core/keys.js';
import { resolveHomes } from '../effects/paths.js';
import { readState } from '../effects/state.js';
import { CliError, ExitCode } from '../exit-codes.js';
import { collectFindings } from './doctor.js';
import type { Io } from './io.js';
import type { Reporter } from './report.js';

export interface ExplainOptions extends CommonOptions {
  readonly text: string | undefined;
  readonly plan: string | undefined;
  readonly model: string | undefined;
}

export interface ExplainReport {
  readonly matched: boolean;
  readonly entries: readonly (ExplainEntry & { readonly appliesNow: readonly string[] })[];
  /** Where the pasted text came from, for messages; never the text itself. */
  readonly checkedConfig: boolean;
}

/**
 * A pasted error → plain causes and fixes. When this home has tool configs, the doctor's offline
 * checks say which of the causes apply right now, and the config's plan and models make the
 * numbers concrete (the model's real thinking or output limit).
 */
export async function runExplain(opts: ExplainOptions, io: Io, reporter: Reporter): Promise<number> {
  const raw = opts.text ?? (io.stdinIsTTY ? '' : await io.readStdin());
  if (raw.trim() === '') throw new CliError(ExitCode.USAGE, 'error.explainEmpty');
  if (opts.plan !== undefined && !isPlanId(opts.plan)) {
    throw new CliError(ExitCode.USAGE, 'error.invalid', { flag: '--plan', value: opts.plan, choices: 'coding, token-personal, token-team, payg' });
  }
  const found = await collectFindings(opts.home, undefined, io);
  const state = await readState(resolveHomes(opts.home, io.env).stateDir);
  const recordedPlan = Object.values(state.tools)[0]?.plan;
  const models = opts.model ? [opts.model] : [...new Set(found.views.flatMap((v) => v.models.map((m) => m.id)))].filter((id) => getModel(id));
  const plan = (opts.plan as PlanId | undefined) ?? recordedPlan;
  // A key pasted along with the error stays out of everything this command keeps or prints.
  const secrets = found.views.flatMap((v) => (v.key.value ? [v.key.value] : []));
  const result = explainText(redactSecrets(raw, secrets), { ...(plan ? { plan } : {}), ...(models.length ? { models } : {}) });
  const codes = new Set(found.findings.map((f) => f.code));
  reporter.explainResult({
    matched: result.matched,
    checkedConfig: found.views.length > 0,
    entries: result.entries.map((e) => ({ ...e, appliesNow: [...new Set(e.causes.flatMap((c) => c.checks).filter((c) => codes.has(c)))] })),
  });
  return result.matched ? ExitCode.OK : ExitCode.CHECK_FAILED;
}
