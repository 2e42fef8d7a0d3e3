import path from 'node:path';
import type { CommonOptions } from '../args.js';
import { CliError, ExitCode } from '../core/errors.js';
import type { Finding } from '../core/findings.js';
import { SHELL_PROFILES } from '../core/formats/shell-profile.js';
import { keyFindings, normalizeKey } from '../core/keys.js';
import { FILE_TOOLS } from '../core/usecases/scan.js';
import { PLAN_OF_FAMILY } from '../core/catalog/index.js';
import { configFiles, pickOldKey, planRotation, type KeyChange } from '../core/usecases/key.js';
import { applyWrites } from '../effects/apply.js';
import { readFileState } from '../effects/fs.js';
import { scanHome } from '../effects/home-scan.js';
import type { CommandContext, Outcome } from './context.js';
import { readKeyInput } from './key-input.js';
import { consentFor, legacyProfileFiles, runStoreSteps, storeApplies, storeContext, type StoreOutcome } from './openclaw-credentials.js';

export interface KeyOptions extends CommonOptions {
  readonly keyEnv: string | undefined;
  readonly keyStdin: boolean;
  readonly plan: string | undefined;
  /** Run OpenClaw's own credential commands without asking (headless they are otherwise only listed). */
  readonly yes?: boolean;
}

export interface KeyOutcome extends Outcome {
  readonly oldKey: string;
  readonly newKey: string;
  readonly changes: readonly KeyChange[];
  readonly runId: string | null;
  /** The tools whose key changed: to restart or reopen. */
  readonly tools?: readonly string[];
  /** The "new" key is the one the tools already use: nothing to do. */
  readonly sameKey?: boolean;
  /** The new key cannot work with the plan: nothing was changed. */
  readonly refused?: readonly Finding[];
  /** OpenClaw 2026.8 and later: the commands run (or that would run) on its credential store. */
  readonly openclaw?: StoreOutcome;
}

/**
 * After a key reset: find every copy of the old key by value, in every supported tool's files and
 * shell profiles (whoever wrote them), and replace them all in one backed-up run. OpenClaw caches
 * still holding the old key are moved aside, as `clean` does.
 */
export async function runKey(ctx: CommandContext<KeyOptions>): Promise<KeyOutcome> {
  const { opts, io, homes, prompter } = ctx;
  const scan = await scanHome(homes, FILE_TOOLS, io, ctx.events);
  const old = pickOldKey(scan.views, opts.plan);
  const plan = PLAN_OF_FAMILY[old.families[0] ?? 'coding'];
  const rawNew = await readKeyInput(opts, io, prompter ? () => prompter.key({ plan, region: 'cn', env: {}, purpose: 'rotate' }) : null);
  const newKey = normalizeKey(rawNew).value;
  const blocking = keyFindings(rawNew, plan, 'intl').filter((f) => f.severity === 'error');
  if (blocking.length > 0) return { exitCode: ExitCode.REFUSED, oldKey: old.value, newKey, changes: [], runId: null, refused: blocking };
  // The key the tools already use: there is nothing to replace, and the person should hear so.
  if (newKey === normalizeKey(old.value).value) return { exitCode: ExitCode.OK, oldKey: old.value, newKey, changes: [], runId: null, sameKey: true };

  const files = configFiles(scan.reads, scan.texts);
  for (const name of SHELL_PROFILES) {
    const p = path.join(homes.home, name);
    const s = await readFileState(p);
    if (s.text !== null && !s.binary) files.push({ path: p, format: 'shell', text: s.text });
  }
  // From OpenClaw 2026.8 its stored keys are OpenClaw's to change, through its own commands.
  const store = storeApplies(scan.ctx, scan.texts);
  const { writes, changes } = planRotation({ oldKey: old.value, newKey, files, reads: scan.reads, subdirs: scan.subdirs, store });
  if (prompter && changes.length > 0 && !(await prompter.reviewRotation({ oldKey: old.value, newKey, changes }))) {
    throw new CliError(ExitCode.CANCELLED, 'error.cancelled');
  }
  let runId = (await applyWrites(writes, { stateDir: homes.stateDir, command: 'key', onProgress: ctx.events })).runId;
  let openclaw: StoreOutcome | undefined;
  if (store) {
    const r = await runStoreSteps({
      mode: 'key', ctx: scan.ctx, io, events: ctx.events, consent: consentFor(opts.yes === true, opts.yes ? null : prompter, 'key'),
      legacy: legacyProfileFiles(scan.ctx, scan.subdirs), store: storeContext(scan.ctx, scan.views), runId, stateDir: homes.stateDir, newKey, secrets: [old.value],
    });
    openclaw = r.outcome;
    runId = r.runId;
  }
  // The tools whose files changed: each reads its key when it starts.
  const changed = new Set(changes.map((c) => c.path));
  const tools = scan.reads.filter((r) => r.targets.some((t) => changed.has(t.path)) || (r.tool === 'openclaw' && store)).map((r) => r.tool);
  return { exitCode: openclaw?.failed ? ExitCode.CHECK_FAILED : ExitCode.OK, oldKey: old.value, newKey, changes, runId, tools, ...(openclaw ? { openclaw } : {}) };
}
