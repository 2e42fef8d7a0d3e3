/**
 * OpenClaw 2026.8 and later keep model credentials in their own SQLite store (docs/tools/openclaw.md#caches).
 * tp-setup never edits that store itself: it runs OpenClaw's own commands, after a byte backup.
 * This module decides which commands, and how a backed-up store file may be put back; the
 * effects layer runs them.
 */

import { compareCalVer, parseCalVer, type CalVer } from './version.js';
import { finding, type Finding } from '../../findings.js';

/** First release whose credentials live in SQLite; a leftover auth-profiles.json then blocks commands. */
export const AUTH_STORE_SINCE: CalVer = [2026, 8, 0];

/** Credentials are OpenClaw's SQLite store's business on this release; unknown (not installed) → no. */
export function usesAuthStore(versionText: string | null | undefined): boolean {
  const v = parseCalVer(versionText);
  return v !== null && compareCalVer(v, AUTH_STORE_SINCE) >= 0;
}

export interface StoredProfile {
  readonly id: string;
  readonly provider: string;
  readonly type: string;
}

/**
 * One OpenClaw command. `migrate` and `logout` and `paste` change OpenClaw's state (backed up
 * first, asked for); `list` only reads it.
 */
export type StoreStep =
  | { readonly kind: 'migrate'; readonly files: readonly string[] }
  /** `agent`: a configured agent other than the default one (each agent has a store of its own). */
  | { readonly kind: 'list'; readonly agent?: string }
  | { readonly kind: 'logout'; readonly profile: string; readonly reason: 'overrides-config' | 'discovery'; readonly agent?: string }
  /** The new key goes in on stdin, never on the command line. */
  | { readonly kind: 'paste'; readonly profile: string; readonly provider: string; readonly agent?: string };

/** The command line of a step, after `openclaw`. Never holds a key. */
export function stepArgs(step: StoreStep): string[] {
  const agent = step.kind !== 'migrate' && step.agent ? ['--agent', step.agent] : [];
  switch (step.kind) {
    case 'migrate':
      return ['doctor', '--fix', '--non-interactive', '--yes'];
    case 'list':
      return ['models', 'auth', 'list', ...agent, '--json'];
    case 'logout':
      return ['models', 'auth', 'logout', step.profile, ...agent, '--yes'];
    case 'paste':
      return ['models', 'auth', 'paste-api-key', '--provider', step.provider, '--profile-id', step.profile, ...agent];
  }
}

/**
 * Agents OpenClaw's commands accept besides the default one: those openclaw.json configures
 * (`agents.entries`, or the older `agents.list`). An agent folder nobody configured is refused
 * by OpenClaw ("Unknown agent id").
 */
export function configuredAgents(config: unknown): string[] {
  const agents = typeof config === 'object' && config !== null ? (config as { agents?: unknown }).agents : undefined;
  if (typeof agents !== 'object' || agents === null) return [];
  const { entries, list } = agents as { entries?: unknown; list?: unknown };
  const ids = new Set<string>();
  if (typeof entries === 'object' && entries !== null && !Array.isArray(entries)) for (const id of Object.keys(entries)) ids.add(id);
  if (Array.isArray(list)) for (const a of list) if (typeof a === 'object' && a !== null && typeof (a as { id?: unknown }).id === 'string') ids.add((a as { id: string }).id);
  const defaults = [...ids].filter((id) => {
    const e = typeof entries === 'object' && entries !== null ? (entries as Record<string, unknown>)[id] : undefined;
    return typeof e === 'object' && e !== null && (e as { default?: unknown }).default === true;
  });
  // The default agent is listed without --agent.
  const skip = defaults.length > 0 ? defaults : ['main'];
  return [...ids].filter((id) => !skip.includes(id)).sort();
}

export function changesState(step: StoreStep): boolean {
  return step.kind !== 'list';
}

/** `openclaw models auth list --json` → its profiles; null when the output is not that document. */
export function parseProfileList(stdout: string): { profiles: StoredProfile[]; authStatePath: string | null; agent: string | null } | null {
  const start = stdout.indexOf('{');
  if (start < 0) return null;
  let doc: unknown;
  try {
    doc = JSON.parse(stdout.slice(start));
  } catch {
    return null;
  }
  if (typeof doc !== 'object' || doc === null || !Array.isArray((doc as { profiles?: unknown }).profiles)) return null;
  const d = doc as { profiles: unknown[]; authStatePath?: unknown; agentId?: unknown };
  const profiles = d.profiles.flatMap((p) => {
    if (typeof p !== 'object' || p === null) return [];
    const { id, provider, type } = p as Record<string, unknown>;
    return typeof id === 'string' ? [{ id, provider: typeof provider === 'string' ? provider : id.split(':')[0]!, type: typeof type === 'string' ? type : '' }] : [];
  });
  return { profiles, authStatePath: typeof d.authStatePath === 'string' ? d.authStatePath : null, agent: typeof d.agentId === 'string' ? d.agentId : null };
}

export interface StoreContext {
  /** openclaw.json, for messages. */
  readonly configFile: string;
  /** Model Studio providers openclaw.json declares with their own apiKey (plain, `${VAR}` or SecretRef). */
  readonly keyedProviders: readonly string[];
  /** Model Studio providers openclaw.json declares at all. */
  readonly providers: readonly string[];
  /** Where OpenClaw says the profiles live (shown to the user). */
  readonly storePath?: string;
  /** The agent whose store was listed. */
  readonly agent?: string;
}

/**
 * What the stored profiles mean: a Model Studio profile beside a config key wins over that key
 * (docs/tools/openclaw.md#caches: the profile's key is sent even after openclaw.json gets a new one), and an
 * `alibaba-cloud:*` profile makes OpenClaw fail its model discovery.
 */
export function storeFindings(profiles: readonly StoredProfile[], ctx: StoreContext): Finding[] {
  const out: Finding[] = [];
  for (const p of profiles) {
    const file = ctx.storePath ?? ctx.configFile;
    if (ctx.keyedProviders.includes(p.provider)) {
      out.push(finding('OPENCLAW_STORED_PROFILE', 'warning', { tool: 'openclaw', file, keyPath: p.id, params: { profile: p.id, provider: p.provider } }));
    } else if (p.id.startsWith('alibaba-cloud:')) {
      out.push(finding('OPENCLAW_DISCOVERY_PROFILE', 'info', { tool: 'openclaw', file, keyPath: p.id, params: { agent: ctx.agent ?? 'main', profile: p.id } }));
    }
  }
  return out;
}

/** `clean`: log out every stored profile that overrides the config key, and the discovery leftovers. */
export function cleanSteps(profiles: readonly StoredProfile[], ctx: StoreContext, agent?: string): StoreStep[] {
  const at = agent ? { agent } : {};
  return profiles.flatMap((p): StoreStep[] => {
    if (ctx.keyedProviders.includes(p.provider)) return [{ kind: 'logout', profile: p.id, reason: 'overrides-config', ...at }];
    if (p.id.startsWith('alibaba-cloud:')) return [{ kind: 'logout', profile: p.id, reason: 'discovery', ...at }];
    return [];
  });
}

/**
 * `key`, after the files got the new key. A stored profile of a provider whose openclaw.json entry
 * has its own apiKey is logged out rather than given the new key: the config (and OpenClaw's .env,
 * which `key` just updated) then holds the only copy, as tp-setup sets OpenClaw up, and
 * `paste-api-key` would also rewrite openclaw.json as strict JSON and add auth metadata there. A
 * profile of a provider without a config key is where that provider's key lives: it gets the new
 * key in place (same profile id, key on stdin), or OpenClaw would be left with no key at all.
 */
export function keySteps(profiles: readonly StoredProfile[], ctx: StoreContext, agent?: string): StoreStep[] {
  const at = agent ? { agent } : {};
  return profiles.flatMap((p): StoreStep[] => {
    if (ctx.keyedProviders.includes(p.provider)) return [{ kind: 'logout', profile: p.id, reason: 'overrides-config', ...at }];
    if (ctx.providers.includes(p.provider) && p.type === 'api_key') return [{ kind: 'paste', profile: p.id, provider: p.provider, ...at }];
    return [];
  });
}

// ---------------------------------------------------------------------------------------------
// Putting a byte snapshot back
// ---------------------------------------------------------------------------------------------

/** How one file of a snapshot unit looked: its sha256, or null when absent. */
export interface SnapshotMember {
  readonly path: string;
  /** `db` / `file` decide; an empty `-wal` equals none; `-shm` is an index SQLite rebuilds and never decides. */
  readonly role: 'file' | 'db' | 'wal' | 'shm';
  readonly shaBefore: string | null;
  readonly shaAfter: string | null;
  readonly shaNow: string | null;
}

export type SnapshotRestore =
  | { readonly kind: 'restore' }
  | { readonly kind: 'skip'; readonly reason: 'unchanged' }
  /** Unchanged itself, but another file of the same store changed since: the store goes back whole or not at all. */
  | { readonly kind: 'held'; readonly by: readonly string[] }
  /** Changed since the run: left alone unless forced. */
  | { readonly kind: 'refuse'; readonly changed: readonly string[] };

/** sha256 of zero bytes: an empty write-ahead log holds nothing. */
export const EMPTY_SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function same(role: SnapshotMember['role'], a: string | null, b: string | null): boolean {
  if (role === 'shm') return true;
  if (role === 'wal') return (a ?? EMPTY_SHA) === (b ?? EMPTY_SHA);
  return a === b;
}

/**
 * A unit (a file, or a SQLite database with its `-wal`/`-shm`) is put back only as a whole, and
 * only when every deciding file is byte-identical to what the run left; otherwise the user (or
 * OpenClaw) changed it since and it is refused, unless forced.
 */
export function planSnapshotRestore(members: readonly SnapshotMember[], force: boolean): SnapshotRestore {
  if (members.every((m) => same(m.role, m.shaNow, m.shaBefore))) return { kind: 'skip', reason: 'unchanged' };
  const changed = members.filter((m) => !same(m.role, m.shaNow, m.shaAfter)).map((m) => m.path);
  if (changed.length > 0 && !force) return { kind: 'refuse', changed };
  return { kind: 'restore' };
}

/**
 * All units of one run together: OpenClaw's files depend on each other (a logout can move the
 * store from the shared database into the agent's own), so when one unit is refused the others
 * are held back too, and nothing of the store is half put back.
 */
export function planSnapshotUnits(units: readonly (readonly SnapshotMember[])[], force: boolean): SnapshotRestore[] {
  const plans = units.map((u) => planSnapshotRestore(u, force));
  const refused = plans.flatMap((p) => (p.kind === 'refuse' ? p.changed : []));
  if (refused.length === 0) return plans;
  return plans.map((p) => (p.kind === 'restore' ? { kind: 'held', by: refused } : p));
}
