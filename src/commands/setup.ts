import type { SetupOptions } from '../args.js';
import type { Answers } from '../core/adapters/index.js';
import { refusedStep, unreachable, type RevisitStep } from '../core/adapters/reach.js';
import type { ToolContext } from '../core/context.js';
import { CliError, ExitCode } from '../core/errors.js';
import { finding, type Finding } from '../core/findings.js';
import { displayPath } from '../core/paths.js';
import { resolveTargets, targetPaths, type Guide, type NextStep } from '../core/planner.js';
import { catalogAgeFindings } from '../core/usecases/models.js';
import { checkSetupFlags, offersShellProfile, openclawLeftovers, planSetup, withoutLoggedOut, resolveSetup, withWriteOptions, type ChangeRow } from '../core/usecases/setup.js';
import { applyWrites } from '../effects/apply.js';
import { readTexts } from '../effects/fs.js';
import { scanHome } from '../effects/home-scan.js';
import { probeVersions, VERSION_SENSITIVE } from '../effects/probes.js';
import { recordConfigured } from '../effects/state.js';
import { loadTemplates } from '../effects/templates.js';
import { loggedOutProfiles, runClean, type CleanOutcome } from './clean.js';
import { withOpts, type CommandContext, type Outcome } from './context.js';
import { dumbTerminalOnly } from './io.js';
import { readKeyInput } from './key-input.js';

export interface SetupOutcome extends Outcome {
  readonly ok: boolean;
  readonly dryRun: boolean;
  readonly runId: string | null;
  readonly answers: Answers;
  readonly changes: readonly ChangeRow[];
  readonly findings: readonly Finding[];
  readonly nextSteps: readonly NextStep[];
  readonly guides: readonly Guide[];
  /** An error finding stopped the write. */
  readonly blocked: boolean;
  /** The cleanup setup offered right after writing, in a terminal. */
  readonly cleaned?: CleanOutcome;
}

/** The question a refused setup goes back to, every other answer kept; undefined when nothing refused. */
export function revisitStep(outcome: SetupOutcome): RevisitStep | undefined {
  return outcome.blocked ? refusedStep(outcome.findings.filter((f) => f.severity === 'error').map((f) => f.code)) : undefined;
}

/**
 * Onboarding: answers (flags, env twins, questions) → every chosen tool's files, planned and
 * verified in the core, reviewed in a terminal, then written as one backed-up run.
 */
export async function runSetup(ctx: CommandContext<SetupOptions>): Promise<SetupOutcome> {
  const { opts, io, homes, prompter } = ctx;
  checkSetupFlags(opts);
  const resolved = resolveSetup(opts, prompter !== null, prompter === null && dumbTerminalOnly(io, opts));
  const chosen = 'answers' in resolved ? resolved.answers : await prompter!.answers(resolved.ask);
  const versions = await probeVersions(chosen.tools.filter((t) => VERSION_SENSITIVE.includes(t)), io.env, { onTask: ctx.events });
  // No question for a write that will be refused: a Codex that cannot reach this plan gets no profile line.
  const codexRefused = unreachable('codex', chosen.plan, chosen.region, chosen.models[0] ?? '', versions.codex) !== null;
  const shellProfile = opts.shellProfile ?? (prompter && !codexRefused && offersShellProfile(opts, chosen) && (await prompter.shellProfile()) ? 'auto' : undefined);
  const answers = withWriteOptions(chosen, opts, shellProfile);
  const rawKey = await readKeyInput(opts, io, prompter ? () => prompter.key({ plan: answers.plan, region: answers.region, env: io.env, purpose: 'setup' }) : null);

  const toolCtx: ToolContext = { home: homes.home, env: io.env, platform: io.platform, versions, now: new Date().toISOString() };
  const targets = resolveTargets(answers, toolCtx);
  const texts = await readTexts(targetPaths(targets));
  const planned = planSetup({ answers, rawKey, ctx: toolCtx, targets, texts, templates: await loadTemplates(), dryRun: opts.dryRun, show: (p) => displayPath(p, homes.home) });
  const { plan, review } = planned;
  const findings = [...planned.findings, ...catalogAgeFindings(io.today())];
  const base = { answers, findings, dryRun: opts.dryRun, runId: null, guides: plan.guides };

  if (planned.blocked) return { ...base, exitCode: ExitCode.REFUSED, ok: false, changes: planned.changes, nextSteps: [], guides: [], blocked: true };
  if (opts.dryRun) return { ...base, exitCode: ExitCode.OK, ok: true, changes: planned.changes, nextSteps: plan.nextSteps, blocked: false };

  if (prompter && planned.writes.length > 0 && !(await prompter.reviewSetup(review))) throw new CliError(ExitCode.CANCELLED, 'error.cancelled');
  const result = await applyWrites(planned.writes, { stateDir: homes.stateDir, command: 'setup', answers, onProgress: ctx.events });
  const runId = result.runId;
  const changes = review.changes.map((c) => ({ ...c, backup: result.backups[c.path] ?? null }));
  // The run is written and backed up: failing to note it in tp-setup's own state is only a warning.
  if (runId) {
    await recordConfigured(homes.stateDir, answers, runId, plan.files.map((f) => f.path)).catch((err: NodeJS.ErrnoException) =>
      findings.push(finding('STATE_NOT_RECORDED', 'warning', { params: { dir: homes.stateDir, reason: err.code ?? err.message } })),
    );
  }

  // New openclaw.json, old per-agent caches or a stored profile: either may still win over what
  // was just written (docs/tools/openclaw.md). In a terminal, `clean` itself shows what it found
  // and asks; headless, the findings point to `tp-setup clean --yes`.
  const nextSteps = [...plan.nextSteps];
  let cleaned: CleanOutcome | undefined;
  if (answers.tools.includes('openclaw') && runId) {
    const leftovers = async (): Promise<Finding[]> => openclawLeftovers((await scanHome(homes, ['openclaw'], io, ctx.events)).findings);
    const found = await leftovers();
    if (found.length > 0 && prompter) {
      cleaned = await runClean(withOpts(ctx, { ...opts, yes: false, restart: false }));
      findings.push(...withoutLoggedOut(await leftovers(), loggedOutProfiles(cleaned)));
    } else if (found.length > 0) {
      findings.push(...found);
      nextSteps.push({ tool: 'openclaw', code: 'next.clean' });
    }
  }
  return { ...base, exitCode: ExitCode.OK, ok: true, runId, changes, findings, nextSteps, blocked: false, ...(cleaned ? { cleaned } : {}) };
}
