import path from 'node:path';
import type { CommonOptions } from '../args.js';
import { familyOfPlan, isPlanId } from '../core/catalog/index.js';
import type { HostFamily, PlanId } from '../core/catalog/types.js';
import { editorFor, patchText } from '../core/formats/index.js';
import type { FormatId } from '../core/formats/types.js';
import { keyFindings, maskKey, normalizeKey } from '../core/keys.js';
import { candidatePaths, formatKeyPath } from '../core/planner.js';
import { findCopies, rotationEdits, storedKeys } from '../core/rotate.js';
import { applyWrites, ChangedOnDisk, RolledBack, type FileWrite } from '../effects/apply.js';
import { readFileState } from '../effects/fs.js';
import { CliError, ExitCode } from '../exit-codes.js';
import { collectFindings } from './doctor.js';
import type { Io } from './io.js';
import { readKeyInput } from './key-input.js';
import { consentFor, legacyProfileFiles, runStoreSteps, storeApplies, storeContext, type StoreOutcome } from './openclaw-store.js';
import type { Reporter } from './report.js';
import type { Prompter } from './prompter.js';

export interface KeyOptions extends CommonOptions {
  readonly keyEnv: string | undefined;
  readonly keyStdin: boolean;
  readonly plan: string | undefined;
  /** Run OpenClaw's own credential commands without asking (headless they are otherwise only listed). */
  readonly yes?: boolean;
}

export interface KeyChange {
  readonly path: string;
  readonly what: 'replace' | 'move' | 'drop-profile';
  readonly keyPaths: readonly string[];
}

export interface KeyOutcome {
  readonly oldKey: string;
  readonly newKey: string;
  readonly changes: readonly KeyChange[];
  readonly runId: string | null;
  /** OpenClaw 2026.8 and later: the commands run (or that would run) on its credential store. */
  readonly openclaw?: StoreOutcome;
}

/** A plan of the family, to judge the new key with the plan rules (the edition does not matter there). */
const PLAN_OF: Record<HostFamily, PlanId> = { coding: 'coding', 'token-plan': 'token-team', payg: 'payg' };

/** Shell profiles where an `export` of the key may live (Codex reads only exported variables). */
const PROFILES = ['.bashrc', '.zshrc', '.profile', '.bash_profile'];

/**
 * After a key reset: find every copy of the old key by value, in every supported tool's files and
 * shell profiles (whoever wrote them), and replace them all in one backed-up run. OpenClaw caches
 * still holding the old key are moved aside, as `clean` does.
 */
export async function runKey(opts: KeyOptions, io: Io, reporter: Reporter, prompter: Prompter | null): Promise<number> {
  if (opts.plan !== undefined && !isPlanId(opts.plan)) {
    throw new CliError(ExitCode.USAGE, 'error.invalid', { flag: '--plan', value: opts.plan, choices: 'coding, token-personal, token-team, payg' });
  }
  const found = await collectFindings(opts.home, undefined, io);
  const wanted = opts.plan ? familyOfPlan(opts.plan as PlanId) : undefined;
  const stored = storedKeys(found.views).filter((k) => !wanted || k.families.includes(wanted));
  if (stored.length === 0) throw new CliError(ExitCode.USAGE, 'error.noOldKey');
  if (stored.length > 1) {
    throw new CliError(ExitCode.USAGE, 'error.manyOldKeys', {}, stored.map((k) => `${maskKey(k.value)} (${k.families.join(', ')}: ${k.tools.join(', ')})`));
  }
  const old = stored[0]!;
  const family = old.families[0] ?? 'coding';
  const rawNew = await readKeyInput(opts, io, prompter ? () => prompter.key(PLAN_OF[family], 'cn', {}) : null);
  const newKey = normalizeKey(rawNew).value;
  const blocking = keyFindings(rawNew, PLAN_OF[family], 'intl').filter((f) => f.severity === 'error');
  if (blocking.length > 0) {
    reporter.doctorResult(blocking);
    return ExitCode.REFUSED;
  }

  const files: { path: string; format: FormatId; text: string }[] = [];
  for (const r of found.reads) {
    for (const t of r.targets) {
      for (const p of candidatePaths(t)) {
        const text = found.texts[p];
        if (text) files.push({ path: p, format: t.format, text });
      }
    }
  }
  for (const name of PROFILES) {
    const p = path.join(found.ctx.home, name);
    const s = await readFileState(p);
    if (s.text !== null && !s.binary) files.push({ path: p, format: 'shell', text: s.text });
  }

  const writes: FileWrite[] = [];
  const changes: KeyChange[] = [];
  for (const copy of findCopies(files, old.value)) {
    const before = files.find((f) => f.path === copy.path)!.text;
    writes.push({ tool: 'key', path: copy.path, format: copy.format, secret: true, before, after: patchText(editorFor(copy.format), before, rotationEdits(copy, newKey)).text, edits: [] });
    changes.push({ path: copy.path, what: 'replace', keyPaths: copy.keyPaths.map(formatKeyPath) });
  }
  // From OpenClaw 2026.8 its stored keys are OpenClaw's to change, through its own commands.
  const store = storeApplies(found.ctx, found.texts);
  // OpenClaw's per-agent caches with the old key: a stored profile beats the config (openclaw.md §3).
  for (const r of found.reads) {
    for (const sd of r.subdirs) {
      for (const [agent, agentFiles] of Object.entries(found.subdirs[sd.dir] ?? {})) {
        for (const [rel, text] of Object.entries(agentFiles)) {
          if (!text || !text.includes(old.value)) continue;
          // A leftover auth-profiles.json is migrated by OpenClaw itself below.
          if (store && rel.endsWith('auth-profiles.json')) continue;
          const file = path.join(sd.dir, agent, rel);
          const parsed = editorFor('json').parse(text);
          const profiles = parsed.ok && rel.endsWith('auth-profiles.json') ? (parsed.value as { profiles?: Record<string, { key?: string }> }).profiles : undefined;
          if (profiles) {
            const drop = Object.entries(profiles).filter(([, p]) => p?.key === old.value).map(([name]) => name);
            const after = patchText(editorFor('json'), text, drop.map((name) => ({ op: 'delete' as const, path: ['profiles', name] }))).text;
            writes.push({ tool: 'key', path: file, format: 'json', secret: true, before: text, after, edits: [] });
            changes.push({ path: file, what: 'drop-profile', keyPaths: drop.map((n) => `profiles.${n}`) });
          } else {
            writes.push({ tool: 'key', path: file, format: 'json', secret: true, before: text, after: null, edits: [] });
            changes.push({ path: file, what: 'move', keyPaths: [] });
          }
        }
      }
    }
  }

  const outcome: { -readonly [K in keyof KeyOutcome]: KeyOutcome[K] } = { oldKey: old.value, newKey, changes, runId: null };
  if (prompter && changes.length > 0) {
    reporter.keyPreview(outcome);
    if (!(await prompter.confirm())) throw new CliError(ExitCode.CANCELLED, 'error.cancelled');
  }
  try {
    outcome.runId = (await applyWrites(writes, { stateDir: found.stateDir, command: 'key', onProgress: (e) => reporter.progress(e) })).runId;
  } catch (err) {
    if (err instanceof ChangedOnDisk) throw new CliError(ExitCode.REFUSED, 'error.changedOnDisk', { path: err.paths.join(', ') });
    if (err instanceof RolledBack) throw new CliError(ExitCode.ROLLED_BACK, 'error.rolledBack', { path: err.failedPath, reason: err.reason });
    throw err;
  }
  if (store) {
    const consent = consentFor(opts.yes === true, prompter && !opts.yes ? () => prompter.ask(reporter.text('prompt.store')) : null);
    const r = await runStoreSteps({
      mode: 'key', ctx: found.ctx, io, reporter, consent, legacy: legacyProfileFiles(found.ctx, found.subdirs), store: storeContext(found.ctx, found.views),
      runId: outcome.runId, stateDir: found.stateDir, newKey, secrets: [old.value],
    });
    outcome.openclaw = r.outcome;
    outcome.runId = r.runId;
  }
  reporter.keyResult(outcome);
  return outcome.openclaw?.failed ? ExitCode.CHECK_FAILED : ExitCode.OK;
}
