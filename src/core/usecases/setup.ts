/**
 * setup's decisions, pure: which answers are still missing, what every file becomes, which
 * findings block the write, and what to offer afterwards. The command reads the files and the
 * tools' versions, asks, and writes; nothing here touches disk or a process.
 */
import type { Answers, KeyStorage } from '../adapters/index.js';
import { CLEANABLE } from '../adapters/openclaw/clean-plan.js';
import { maskedDiff } from '../diff.js';
import { baseUrlProblem } from '../endpoints.js';
import { CliError, ExitCode, type ErrorDetail } from '../errors.js';
import { hasErrors, type Finding } from '../findings.js';
import { keyFindings, normalizeKey, UNSAFE_KEY_PROBLEMS } from '../keys.js';
import { planChanges, type ChangePlan, type Guide, type NextStep, type PlanInput } from '../planner.js';
import { checkModels, isComplete, resolveAnswers, type PartialAnswers, type RawAnswers } from '../questions.js';
import type { FileWrite } from '../writes.js';

export interface SetupFlags {
  readonly raw: RawAnswers;
  readonly yes: boolean;
  readonly keyEnv: string | undefined;
  readonly keyStdin: boolean;
  readonly baseUrl: string | undefined;
  readonly keyStorage: string | undefined;
  readonly shellProfile: string | undefined;
  readonly contextWindow?: string | undefined;
  readonly maxOutput?: string | undefined;
}

export interface ChangeRow {
  readonly tool: string;
  readonly path: string;
  readonly action: 'create' | 'update' | 'unchanged';
  readonly backup: string | null;
  readonly diff?: string | undefined;
}

/** What the review shows before anything is written. */
export interface SetupReview {
  readonly answers: Answers;
  readonly changes: readonly ChangeRow[];
  /** One masked diff per file that changes. */
  readonly diffs: readonly string[];
  readonly findings: readonly Finding[];
}

/** Flags whose values are checked before any question: usage errors, exit 2. */
export function checkSetupFlags(flags: SetupFlags): void {
  // The value is not echoed: it may hold credentials or characters a terminal would act on.
  const urlProblem = flags.baseUrl === undefined ? undefined : baseUrlProblem(flags.baseUrl);
  if (urlProblem) throw new CliError(ExitCode.USAGE, `error.baseUrl.${urlProblem}`, { flag: '--base-url' });
  for (const [flag, value] of [['--key-storage', flags.keyStorage], ['--shell-profile', flags.shellProfile], ['--key-env', flags.keyEnv]] as const) {
    if (value !== undefined && value.trim() === '') throw new CliError(ExitCode.USAGE, 'error.emptyValue', { flag });
  }
  for (const [flag, value] of [['--context-window', flags.contextWindow], ['--max-output', flags.maxOutput]] as const) {
    if (value !== undefined && tokenCount(value) === undefined) throw new CliError(ExitCode.USAGE, 'error.invalid', { flag, value, choices: 'a whole number of tokens, 1 to 100000000' });
  }
  if (flags.keyStorage !== undefined && flags.keyStorage !== 'env' && flags.keyStorage !== 'inline') {
    throw new CliError(ExitCode.USAGE, 'error.invalid', { flag: '--key-storage', value: flags.keyStorage, choices: 'env, inline' });
  }
}

/**
 * Flags and env twins → complete answers, or what is left to ask. Without anyone to ask, every
 * missing answer is one detail line of a usage error (the key included: it never comes from argv).
 * `hintPlain`: a person is there but TERM=dumb kept the wizard away; the last line names
 * `--plain` (line prompts work there) and `--yes`.
 */
export function resolveSetup(flags: SetupFlags, canAsk: boolean, hintPlain = false): { readonly answers: Answers } | { readonly ask: PartialAnswers } {
  const { partial, missing, invalid } = resolveAnswers(flags.raw, flags.yes || !canAsk);
  const bad = invalid[0];
  if (bad) throw new CliError(ExitCode.USAGE, 'error.invalid', { flag: bad.flag, value: bad.value ?? '', choices: bad.choices.join(', ') });
  const keyGiven = flags.keyEnv !== undefined || flags.keyStdin;
  if (isComplete(partial) && (canAsk || keyGiven)) return { answers: partial };
  if (!canAsk) {
    const details: ErrorDetail[] = missing.map((m): ErrorDetail =>
      m.choices.length === 0 ? { code: 'error.missingDepends', params: { flag: m.flag } } : { code: 'error.missingFlag', params: { flag: m.flag, choices: m.choices.join(', ') } },
    );
    if (!keyGiven) details.push({ code: 'error.missingKey' });
    if (hintPlain) details.push({ code: 'error.hintPlain' });
    throw new CliError(ExitCode.USAGE, 'error.missing', {}, details);
  }
  return isComplete(partial) ? { answers: partial } : { ask: partial };
}

/** `131072` or `131_072` → 131072; anything else (0, negative, fractions, words, absurd sizes) → undefined. */
function tokenCount(value: string): number | undefined {
  const text = value.trim().replaceAll('_', '');
  if (!/^\d{1,9}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= 100_000_000 ? n : undefined;
}

/** The limits the user gave, for models the catalog does not know, as the answers' field (or nothing). */
function limitsEntry(flags: SetupFlags): { limits?: NonNullable<Answers['limits']> } {
  const context = flags.contextWindow === undefined ? undefined : tokenCount(flags.contextWindow);
  const output = flags.maxOutput === undefined ? undefined : tokenCount(flags.maxOutput);
  if (context === undefined && output === undefined) return {};
  return { limits: { ...(context !== undefined ? { context } : {}), ...(output !== undefined ? { output } : {}) } };
}

/** Codex reads its key from an exported variable: in a terminal, the profile line is offered. */
export function offersShellProfile(flags: SetupFlags, answers: Answers): boolean {
  return !flags.shellProfile && flags.keyStorage !== 'inline' && answers.tools.includes('codex');
}

/** The answers with the flags that only setup's writers read. */
export function withWriteOptions(answers: Answers, flags: SetupFlags, shellProfile: string | undefined): Answers {
  return {
    ...answers,
    ...(flags.baseUrl ? { baseUrl: flags.baseUrl } : {}),
    ...(flags.keyStorage ? { keyStorage: flags.keyStorage as KeyStorage } : {}),
    ...(shellProfile ? { shellProfile } : {}),
    ...limitsEntry(flags),
  };
}

/** What the planner takes, with the key as it arrived (cleaned here) and how to show paths. */
export interface SetupPlanInput extends Omit<PlanInput, 'key'> {
  /** The key as it arrived (prompt, stdin, variable). */
  readonly rawKey: string;
  readonly dryRun: boolean;
  /** A path as people read it (`~/…`), for diff headers. */
  readonly show: (path: string) => string;
}

export interface SetupPlan {
  readonly plan: ChangePlan;
  readonly findings: readonly Finding[];
  readonly review: SetupReview;
  /** Each file with its action; with its masked diff on a dry run. */
  readonly changes: readonly ChangeRow[];
  readonly writes: readonly FileWrite[];
  /** An error finding: nothing may be written. */
  readonly blocked: boolean;
}

/** Everything setup will write, verified, with the findings that decide whether it may. */
export function planSetup(input: SetupPlanInput): SetupPlan {
  const { answers } = input;
  const normalized = normalizeKey(input.rawKey);
  const key = normalized.value;
  // A quote, NUL, ESC or other control character would end or break the line it is written on
  // (a shell profile, a .env file): refused as input before any file is planned.
  const unsafe = normalized.problems.find((p) => UNSAFE_KEY_PROBLEMS.includes(p));
  if (unsafe) throw new CliError(ExitCode.USAGE, 'error.keyUnsafe', { problem: unsafe });
  const plan = planChanges({ ...input, key });
  // The values the key replaces are keys too, whatever their shape: masked in every diff line.
  const replaced = plan.files.flatMap((f) =>
    f.edits.flatMap((e) => (e.op === 'set' && e.previousExisted && typeof e.previous === 'string' && typeof e.value === 'string' && key !== '' && e.value.includes(key) ? [e.previous] : [])),
  );
  const secrets = [key, input.rawKey, ...replaced].filter((s) => s.length > 0);
  const findings = [...keyFindings(input.rawKey, answers.plan, answers.region).map((f) => ({ ...f, keyPath: f.keyPath ?? 'key' })), ...checkModels(answers), ...plan.findings];
  const pending = plan.files.filter((f) => f.action !== 'unchanged');
  const diffOf = (f: (typeof pending)[number]): string => maskedDiff(input.show(f.path), f.before, f.after, secrets);
  const changes: ChangeRow[] = plan.files.map((f) => ({
    tool: f.tool,
    path: f.path,
    action: f.action,
    backup: null,
    ...(input.dryRun && f.action !== 'unchanged' ? { diff: diffOf(f) } : {}),
  }));
  return {
    plan,
    findings,
    review: { answers, changes: changes.map(({ diff: _diff, ...c }) => c), diffs: pending.map(diffOf), findings },
    changes,
    writes: pending.map((f) => ({ tool: f.tool, path: f.path, format: f.format, secret: f.secret, before: f.before, after: f.after, edits: f.edits })),
    blocked: hasErrors(findings),
  };
}

/**
 * After writing openclaw.json: stale per-agent caches or a stored profile may still win over it.
 * These are the findings that say so; setup offers `clean` for them.
 */
export function openclawLeftovers(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => (CLEANABLE as readonly string[]).includes(f.code) || f.code === 'OPENCLAW_STORED_PROFILE');
}

/**
 * A stored-profile hint comes from openclaw.json's `auth.profiles` metadata, which OpenClaw may
 * keep after its logout removed the key: once this run logged a profile out, the hint to run
 * `clean` for it is advice already followed.
 */
export function withoutLoggedOut(findings: readonly Finding[], loggedOut: readonly string[]): Finding[] {
  return findings.filter((f) => !(f.code === 'OPENCLAW_STORED_PROFILE' && loggedOut.includes(String(f.params?.profile))));
}

export type { Guide, NextStep };
