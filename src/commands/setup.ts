import type { SetupOptions } from '../args.js';
import type { Answers, KeyStorage } from '../core/adapters/index.js';
import { catalog, getPlan, isRegionOf, regionIdsFor } from '../core/catalog/index.js';
import type { ToolContext } from '../core/context.js';
import { maskedDiff } from '../core/diff.js';
import { isValidBaseUrl } from '../core/endpoints.js';
import { hasErrors, type Finding } from '../core/findings.js';
import { keyFindings, normalizeKey } from '../core/keys.js';
import { candidatePaths, planChanges, RefusedFiles, targetsFor, type ChangePlan } from '../core/planner.js';
import { checkModels, isComplete, resolveAnswers } from '../core/questions.js';
import { applyWrites, ChangedOnDisk, RolledBack } from '../effects/apply.js';
import { readFileState } from '../effects/fs.js';
import { displayPath, resolveHomes } from '../effects/paths.js';
import { probeVersions, VERSION_SENSITIVE } from '../effects/probes.js';
import { recordConfigured } from '../effects/state.js';
import { loadTemplates } from '../effects/templates.js';
import { CliError, ExitCode } from '../exit-codes.js';
import type { Io } from './io.js';
import type { Prompter } from './prompter.js';
import { readKeyInput } from './key-input.js';
import type { Reporter } from './report.js';
import { CLEANABLE } from '../core/clean-plan.js';
import { runClean } from './clean.js';
import { collectFindings } from './doctor.js';


/** Flag problems are usage errors (exit 2), reported before anything is read or written. */
async function resolveAll(opts: SetupOptions, prompter: Prompter | null): Promise<Answers> {
  const { partial, missing, invalid } = resolveAnswers(opts.raw, opts.yes || prompter === null);
  const bad = invalid[0];
  if (bad) throw new CliError(ExitCode.USAGE, 'error.invalid', { flag: bad.flag, value: bad.value ?? '', choices: bad.choices.join(', ') });
  if (partial.plan && partial.region && !isRegionOf(partial.plan, partial.region)) {
    throw new CliError(ExitCode.USAGE, 'error.regionPlan', { region: partial.region, plan: partial.plan, choices: regionIdsFor(partial.plan).join(', ') });
  }
  if (isComplete(partial) && (prompter !== null || opts.keyEnv || opts.keyStdin)) return partial;
  if (prompter === null) {
    const lines = missing.map((m) => `${m.flag}|${m.choices.join(', ')}`);
    if (!opts.keyEnv && !opts.keyStdin) lines.push('key');
    throw new CliError(ExitCode.USAGE, 'error.missing', {}, lines);
  }
  return isComplete(partial) ? partial : prompter.complete(partial);
}

export interface SetupOutcome {
  readonly exitCode: number;
  /** What was set up, for a caller that goes on (the wizard's doctor and verify steps). */
  readonly answers?: Answers;
}

export async function runSetup(opts: SetupOptions, io: Io, reporter: Reporter, prompter: Prompter | null): Promise<SetupOutcome> {
  const homes = resolveHomes(opts.home, io.env);
  if (opts.baseUrl !== undefined && !isValidBaseUrl(opts.baseUrl)) {
    throw new CliError(ExitCode.USAGE, 'error.invalid', { flag: '--base-url', value: opts.baseUrl, choices: 'https://host[:port][/prefix]' });
  }
  if (opts.keyStorage !== undefined && opts.keyStorage !== 'env' && opts.keyStorage !== 'inline') {
    throw new CliError(ExitCode.USAGE, 'error.invalid', { flag: '--key-storage', value: opts.keyStorage, choices: 'env, inline' });
  }
  const chosen = await resolveAll(opts, prompter);
  // Codex reads its key only from an exported variable: in a terminal, offer the profile line.
  const offerProfile = prompter && !opts.shellProfile && opts.keyStorage !== 'inline' && chosen.tools.includes('codex');
  const shellProfile = opts.shellProfile ?? (offerProfile && (await prompter.ask(reporter.text('prompt.shellProfile'))) ? 'auto' : undefined);
  const answers: Answers = {
    ...chosen,
    ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}),
    ...(opts.keyStorage ? { keyStorage: opts.keyStorage as KeyStorage } : {}),
    ...(shellProfile ? { shellProfile } : {}),
  };

  const rawKey = await readKeyInput(opts, io, prompter ? () => prompter.key(answers.plan, answers.region, io.env) : null);
  const { value: key } = normalizeKey(rawKey);
  const secrets = [key, rawKey].filter((s) => s.length > 0);

  const answerFindings: Finding[] = [
    ...keyFindings(rawKey, answers.plan, answers.region).map((f) => ({ ...f, keyPath: f.keyPath ?? 'key' })),
    ...checkModels(answers),
  ];

  const versions = await probeVersions(answers.tools.filter((t) => VERSION_SENSITIVE.includes(t)), io.env);
  const ctx: ToolContext = { home: homes.home, env: io.env, platform: io.platform, versions };
  const texts: Record<string, string | null> = {};
  for (const { target } of targetsFor(answers, ctx)) {
    for (const p of candidatePaths(target)) {
      const state = await readFileState(p);
      if (state.binary) throw new CliError(ExitCode.REFUSED, 'error.refusedParse', { path: p, line: 1, column: 1, message: 'not UTF-8 text' });
      texts[p] = state.text;
    }
  }

  let plan: ChangePlan;
  try {
    plan = planChanges({ answers, key, ctx, texts, templates: await loadTemplates() });
  } catch (err) {
    if (err instanceof RefusedFiles) {
      const r = err.refusals[0]!;
      throw new CliError(
        ExitCode.REFUSED,
        'error.refusedParse',
        { path: r.path, line: r.error.line, column: r.error.column, message: r.error.message },
        err.refusals.slice(1).map((x) => `${x.path}:${x.error.line}:${x.error.column}: ${x.error.message}`),
      );
    }
    throw err;
  }

  const findings = [...answerFindings, ...plan.findings];
  // For people: names in their language (the JSON output carries ids, not this header).
  const regionName = catalog.regions.find((r) => r.id === answers.region)?.name[opts.lang] ?? answers.region;
  const header = { plan: getPlan(answers.plan).name[opts.lang], region: regionName, model: answers.models.join(', ') };
  const changes = plan.files.map((f) => ({
    tool: f.tool,
    path: f.path,
    action: f.action,
    backup: null as string | null,
    ...(opts.dryRun && f.action !== 'unchanged' ? { diff: maskedDiff(displayPath(f.path, homes.home), f.before, f.after, secrets) } : {}),
  }));

  if (hasErrors(findings)) {
    reporter.setupResult({ ok: false, dryRun: opts.dryRun, runId: null, answers, header, changes, findings, nextSteps: [], guides: [], blocked: true, home: homes.home });
    return { exitCode: ExitCode.REFUSED };
  }
  if (opts.dryRun) {
    reporter.setupResult({ ok: true, dryRun: true, runId: null, answers, header, changes, findings, nextSteps: plan.nextSteps, guides: plan.guides, blocked: false, home: homes.home });
    return { exitCode: ExitCode.OK };
  }

  const pending = plan.files.filter((f) => f.action !== 'unchanged');
  if (prompter && pending.length > 0) {
    reporter.preview(header, changes.map((c) => ({ ...c, diff: undefined })), plan.files.filter((f) => f.action !== 'unchanged').map((f) => maskedDiff(displayPath(f.path, homes.home), f.before, f.after, secrets)));
    if (!(await prompter.confirm())) throw new CliError(ExitCode.CANCELLED, 'error.cancelled');
  }

  let runId: string | null = null;
  try {
    const result = await applyWrites(
      plan.files
        .filter((f) => f.action !== 'unchanged')
        .map((f) => ({ tool: f.tool, path: f.path, format: f.format, secret: f.secret, before: f.before, after: f.after, edits: f.edits })),
      { stateDir: homes.stateDir, command: 'setup', answers, onProgress: (e) => reporter.progress(e) },
    );
    runId = result.runId;
    for (const c of changes) c.backup = result.backups[c.path] ?? null;
    if (runId) await recordConfigured(homes.stateDir, answers, runId, plan.files.map((f) => f.path));
  } catch (err) {
    if (err instanceof ChangedOnDisk) throw new CliError(ExitCode.REFUSED, 'error.changedOnDisk', { path: err.paths.join(', ') });
    if (err instanceof RolledBack) throw new CliError(ExitCode.ROLLED_BACK, 'error.rolledBack', { path: err.failedPath, reason: err.reason });
    throw err;
  }

  // New openclaw.json, old per-agent caches or a stored profile: either may still win over what was
  // just written (openclaw.md §3). In a terminal, offer the cleanup right away: `clean` itself shows
  // what it found, asks, and on OpenClaw 2026.8+ asks before each of OpenClaw's own commands.
  // Headless, report them and point to `tp-setup clean --yes`.
  const nextSteps = [...plan.nextSteps];
  if (answers.tools.includes('openclaw') && runId) {
    const leftovers = async (): Promise<Finding[]> =>
      (await collectFindings(opts.home, 'openclaw', io)).findings.filter((f) => (CLEANABLE as readonly string[]).includes(f.code) || f.code === 'OPENCLAW_STORED_PROFILE');
    const found = await leftovers();
    if (found.length > 0 && prompter) {
      await runClean({ ...opts, yes: false, restart: false }, io, reporter, (q) => prompter.ask(reporter.text(q === 'clean' ? 'prompt.clean' : 'prompt.restart')));
      findings.push(...(await leftovers()));
    } else if (found.length > 0) {
      findings.push(...found);
      nextSteps.push({ tool: 'openclaw', code: 'next.clean' });
    }
  }

  reporter.setupResult({ ok: true, dryRun: false, runId, answers, header, changes, findings, nextSteps, guides: plan.guides, blocked: false, home: homes.home, stateDir: homes.stateDir });
  return { exitCode: ExitCode.OK, answers };
}
