import path from 'node:path';
import { openclawPaths } from '../core/adapters/openclaw/index.js';
import type { ProviderView } from '../core/adapters/index.js';
import type { ToolContext } from '../core/context.js';
import type { Finding } from '../core/findings.js';
import { maskKey } from '../core/keys.js';
import { readerFor } from '../core/formats/readers.js';
import {
  changesState,
  cleanSteps,
  configuredAgents,
  keySteps,
  parseProfileList,
  stepArgs,
  storeFindings,
  usesAuthStore,
  type StoreContext,
  type StoreStep,
  type StoredProfile,
} from '../core/adapters/openclaw/store.js';
import { listDir, readFileState, removeFile } from '../effects/fs.js';
import { openclawEnv, runOpenclaw } from '../effects/openclaw-cli.js';
import { loadManifest, openRun, saveManifest, type OpenRun } from '../effects/runs.js';
import { openclawStateFiles, snapshotAfter, snapshotBefore } from '../effects/snapshots.js';
import type { RunEvent } from './context.js';
import type { Io } from './io.js';
import type { Prompter } from './prompter.js';

/**
 * From OpenClaw 2026.8 the credentials live in OpenClaw's own SQLite store. `clean` and `key`
 * then work through OpenClaw's commands: each is announced with what it does, asked for in a
 * terminal (headless: only with --yes, otherwise listed), and preceded by a byte backup of every
 * file it may change, in the same run as the file changes, so `restore` undoes it.
 */

export type CommandStatus = 'ran' | 'failed' | 'planned' | 'declined' | 'blocked';

export interface StoreCommand {
  readonly step: StoreStep;
  /** `openclaw …`, never with a key. */
  readonly argv: readonly string[];
  readonly status: CommandStatus;
  readonly exitCode?: number;
  readonly seconds?: number;
  /** The last lines of a failed command's output, keys masked. */
  readonly output?: string;
}

export interface StoreOutcome {
  readonly commands: StoreCommand[];
  readonly findings: Finding[];
  readonly failed: boolean;
}

/** The OpenClaw store applies: a release from 2026.8 on is installed and openclaw.json exists. */
export function storeApplies(ctx: ToolContext, texts: Readonly<Record<string, string | null>>): boolean {
  return usesAuthStore(ctx.versions.openclaw) && Boolean(texts[openclawPaths(ctx).config]);
}

/** Leftover per-agent auth-profiles.json files (OpenClaw refuses to work until it migrates them). */
export function legacyProfileFiles(ctx: ToolContext, subdirs: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, string | null>>>>>>): string[] {
  const agentsDir = path.join(openclawPaths(ctx).stateDir, 'agents');
  const agents = subdirs[agentsDir] ?? {};
  return Object.entries(agents)
    .filter(([, files]) => typeof files['agent/auth-profiles.json'] === 'string')
    .map(([agent]) => path.join(agentsDir, agent, 'agent', 'auth-profiles.json'))
    .sort();
}

export function storeContext(ctx: ToolContext, views: readonly ProviderView[]): StoreContext {
  const mine = views.filter((v) => v.tool === 'openclaw');
  const id = (v: ProviderView): string => v.keyPath.replace(/^models\.providers\./, '');
  return {
    configFile: openclawPaths(ctx).config,
    providers: mine.map(id),
    keyedProviders: mine.filter((v) => v.key.source !== 'none').map(id),
  };
}

export type Consent = (step: StoreStep) => Promise<'run' | 'planned' | 'declined'>;

/** yes → run; a terminal → ask, each command its own question; otherwise only list what would run. */
export function consentFor(yes: boolean, prompter: Prompter | null, mode: 'clean' | 'key'): Consent {
  return async (step) => {
    if (yes) return 'run';
    if (prompter) return (await prompter.confirmStoreStep(step, mode)) ? 'run' : 'declined';
    return 'planned';
  };
}

function tail(text: string, secrets: readonly string[], lines = 8): string {
  let out = text.trim().split('\n').slice(-lines).join('\n');
  for (const s of secrets) if (s) out = out.split(s).join(maskKey(s));
  return out;
}

export interface StoreRunOptions {
  readonly mode: 'clean' | 'key';
  readonly ctx: ToolContext;
  readonly io: Io;
  readonly events: (event: RunEvent) => void;
  readonly consent: Consent;
  readonly legacy: readonly string[];
  readonly store: StoreContext;
  /** The run the command's file changes went into, if any: the backups join it. */
  readonly runId: string | null;
  readonly stateDir: string;
  /** key: the new key for `paste-api-key` (stdin), and keys to mask in any output. */
  readonly newKey?: string;
  readonly secrets?: readonly string[];
}

/**
 * Run the OpenClaw side: migrate a leftover auth-profiles.json, list the stored profiles, then
 * log out (or, for `key`, re-store) the ones that matter. Returns the run id the backups went to.
 */
export async function runStoreSteps(o: StoreRunOptions): Promise<{ outcome: StoreOutcome; runId: string | null }> {
  const paths = openclawPaths(o.ctx);
  const env = openclawEnv(o.io.env, paths);
  const secrets = [...(o.secrets ?? []), ...(o.newKey ? [o.newKey] : [])];
  const commands: StoreCommand[] = [];
  const findings: Finding[] = [];
  let run: OpenRun | null = null;
  let snapshotted = false;
  let failed = false;

  const ensureBackup = async (): Promise<void> => {
    if (snapshotted) return;
    if (!run) {
      run = o.runId ? { runId: o.runId, ...(await loadManifest(o.stateDir, o.runId)) } : await openRun(o.stateDir, o.mode);
    }
    await snapshotBefore(run, await openclawStateFiles(paths.config, paths.stateDir), 'openclaw');
    snapshotted = true;
  };

  /** One step: announce, consent (for a change), back up, run. Returns whether it ran fine. */
  const step = async (s: StoreStep): Promise<{ ok: boolean; stdout: string }> => {
    const argv = ['openclaw', ...stepArgs(s)];
    o.events({ type: 'store-step', step: s, argv });
    const consent = changesState(s) ? await o.consent(s) : 'run';
    if (consent !== 'run') {
      commands.push({ step: s, argv, status: consent });
      return { ok: false, stdout: '' };
    }
    if (changesState(s)) await ensureBackup();
    const r = await runOpenclaw(stepArgs(s), { env, ...(s.kind === 'paste' && o.newKey ? { input: `${o.newKey}\n` } : {}), timeoutMs: 180_000, onTask: o.events });
    const ok = r.exitCode === 0;
    commands.push({ step: s, argv, status: ok ? 'ran' : 'failed', exitCode: r.exitCode, seconds: Math.round(r.seconds * 10) / 10, ...(ok ? {} : { output: tail(`${r.stdout}\n${r.stderr}`, secrets) }) });
    if (!ok) failed = true;
    return { ok, stdout: r.stdout };
  };

  const finish = async (): Promise<{ outcome: StoreOutcome; runId: string | null }> => {
    const current = run as OpenRun | null;
    if (current && snapshotted) {
      await snapshotAfter(current, await openclawStateFiles(paths.config, paths.stateDir), 'openclaw');
      current.manifest.commands = [...(current.manifest.commands ?? []), ...commands.filter((c) => c.exitCode !== undefined).map((c) => ({ argv: c.argv, exitCode: c.exitCode! }))];
      current.manifest.status = current.manifest.status === 'rolled-back' ? 'rolled-back' : 'complete';
      await saveManifest(current.dir, current.manifest);
    }
    return { outcome: { commands, findings, failed }, runId: current?.runId ?? o.runId };
  };

  if (o.legacy.length > 0) {
    const copiesBefore = await migratedCopies(o.legacy);
    const migrated = await step({ kind: 'migrate', files: o.legacy });
    // OpenClaw keeps the migrated file as `auth-profiles.json.migrated-…`, old key and all, in
    // plain text. Its bytes are already in the run's backup, which restore puts back: drop the copy.
    if (migrated.ok) for (const copy of await migratedCopies(o.legacy)) if (!copiesBefore.includes(copy)) await removeFile(copy);
    if (!migrated.ok) {
      // OpenClaw refuses every credential command until the migration ran.
      const list: StoreStep = { kind: 'list' };
      commands.push({ step: list, argv: ['openclaw', ...stepArgs(list)], status: 'blocked' });
      return finish();
    }
  }
  // The default agent, then every other agent openclaw.json configures (the migration may add some).
  const config = await readFileState(paths.config);
  const parsedConfig = config.text ? readerFor('json5')(config.text) : null;
  const agents: (string | undefined)[] = [undefined, ...configuredAgents(parsedConfig?.ok ? parsedConfig.value : null)];
  for (const agent of agents) {
    const listed = await step({ kind: 'list', ...(agent ? { agent } : {}) });
    if (!listed.ok) break;
    const parsed = parseProfileList(listed.stdout);
    if (!parsed) {
      failed = true;
      break;
    }
    const storeCtx: StoreContext = { ...o.store, ...(parsed.authStatePath ? { storePath: expandHome(parsed.authStatePath, env) } : {}), ...(parsed.agent ? { agent: parsed.agent } : {}) };
    findings.push(...storeFindings(parsed.profiles, storeCtx));
    const next = o.mode === 'clean' ? cleanSteps(parsed.profiles, storeCtx, agent) : keySteps(parsed.profiles, storeCtx, agent);
    for (const s of next) {
      await step(s);
      if (failed) break;
    }
    if (failed) break;
  }
  return finish();
}

/** The `…migrated-*` copies OpenClaw's migration leaves beside each legacy file. */
async function migratedCopies(legacy: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const file of legacy) {
    const names = await listDir(path.dirname(file));
    out.push(...names.filter((n) => n.startsWith(`${path.basename(file)}.migrated-`)).map((n) => path.join(path.dirname(file), n)));
  }
  return out;
}

function expandHome(p: string, env: Record<string, string>): string {
  const home = env.OPENCLAW_HOME || env.HOME;
  return p.startsWith('~/') && home ? path.join(home, p.slice(2)) : p;
}

export type { StoredProfile };
