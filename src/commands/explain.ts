import type { CommonOptions } from '../args.js';
import { getModel, isPlanId } from '../core/catalog/index.js';
import type { PlanId } from '../core/catalog/types.js';
import { CliError, ExitCode } from '../core/errors.js';
import { explainText, type ExplainEntry } from '../core/explain/match.js';
import { redactAll } from '../core/keys.js';
import { planChoices } from '../core/questions.js';
import { FILE_TOOLS } from '../core/usecases/scan.js';
import { scanHome } from '../effects/home-scan.js';
import { readState } from '../effects/state.js';
import type { CommandContext, Outcome } from './context.js';

export interface ExplainOptions extends CommonOptions {
  readonly text: string | undefined;
  readonly plan: string | undefined;
  readonly model: string | undefined;
}

export interface ExplainOutcome extends Outcome {
  readonly matched: boolean;
  readonly entries: readonly (Omit<ExplainEntry, 'causes'> & {
    readonly appliesNow: readonly string[];
    /** Per cause, the finding codes in this home that confirm it. */
    readonly causes: readonly (ExplainEntry['causes'][number] & { readonly found: readonly string[] })[];
  })[];
  /** Whether this home had tool configs to check; never the pasted text itself. */
  readonly checkedConfig: boolean;
}

/**
 * A pasted error → plain causes and fixes. When this home has tool configs, the doctor's offline
 * checks say which of the causes apply right now, and the config's plan and models make the
 * numbers concrete (the model's real thinking or output limit).
 */
export async function runExplain(ctx: CommandContext<ExplainOptions>): Promise<ExplainOutcome> {
  const { opts, io, homes } = ctx;
  const raw = opts.text ?? (io.stdinIsTTY ? '' : await io.readStdin());
  if (raw.trim() === '') throw new CliError(ExitCode.USAGE, 'error.explainEmpty');
  if (opts.plan !== undefined && !isPlanId(opts.plan)) throw new CliError(ExitCode.USAGE, 'error.invalid', { flag: '--plan', value: opts.plan, choices: planChoices() });
  const [scan, state] = await Promise.all([scanHome(homes, FILE_TOOLS, io, ctx.events), readState(homes.stateDir)]);
  const recordedPlan = Object.values(state.tools)[0]?.plan;
  const models = opts.model ? [opts.model] : [...new Set(scan.views.flatMap((v) => v.models.map((m) => m.id)))].filter((id) => getModel(id));
  const plan = (opts.plan as PlanId | undefined) ?? recordedPlan;
  // A key pasted along with the error stays out of everything this command keeps or prints.
  const secrets = scan.views.flatMap((v) => (v.key.value ? [v.key.value] : []));
  const result = explainText(redactAll(raw, secrets), { ...(plan ? { plan } : {}), ...(models.length ? { models } : {}) });
  // A cause is confirmed by a finding of its code; a wrong-kind key only by a key of its kind.
  const confirms = (cause: ExplainEntry['causes'][number], code: string): boolean =>
    scan.findings.some((f) => f.code === code && (code !== 'KEY_WRONG_KIND' || !cause.keyKinds || cause.keyKinds.includes(String(f.params?.kind))));
  const entries = result.entries.map((e) => {
    const causes = e.causes.map((c) => ({ ...c, found: c.checks.filter((code) => confirms(c, code)) }));
    return { ...e, causes, appliesNow: [...new Set(causes.flatMap((c) => c.found))] };
  });
  return {
    exitCode: result.matched ? ExitCode.OK : ExitCode.CHECK_FAILED,
    matched: result.matched,
    checkedConfig: scan.views.length > 0,
    entries,
  };
}
