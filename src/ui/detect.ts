import type { Io } from '../commands/io.js';
import { canRepair, planClean, CLEANABLE, type CleanAction } from '../core/adapters/openclaw/clean-plan.js';
import { classifyBaseUrl } from '../core/catalog/index.js';
import type { HostFamily, RegionId } from '../core/catalog/types.js';
import type { ToolId } from '../core/adapters/index.js';
import { storedKeys, type StoredKey } from '../core/rotate.js';
import { getPlan } from '../core/catalog/index.js';
import type { ProviderView } from '../core/adapters/index.js';
import type { PlanGroup, Values } from './questions-reducer.js';
import { FILE_TOOLS } from '../core/usecases/scan.js';
import { scanHome } from '../effects/home-scan.js';
import type { Homes } from '../effects/paths.js';
import { listRuns } from '../effects/runs.js';
import { readState, type StateRecord } from '../effects/state.js';

/** What the start screen knows about this home before offering anything. */
export interface Detection {
  /** Installed release of each tool with config files, or null when absent. */
  readonly installed: Readonly<Partial<Record<ToolId, string | null>>>;
  /** Tools that already point at Model Studio, with the plan family and region their host says. */
  readonly configured: readonly { readonly tool: ToolId; readonly family: HostFamily | undefined; readonly region: RegionId | undefined }[];
  readonly errors: number;
  readonly warnings: number;
  /** Doctor findings with a safe repair (caches excluded: cleanup is its own flow). */
  readonly fixable: number;
  readonly caches: readonly CleanAction[];
  /** Distinct keys the tools use now: a key reset replaces one of them. */
  readonly keys: number;
  /** tp-setup wrote this home before. */
  readonly configuredBefore: boolean;
  readonly runs: number;
  /** What the current configs say, as the onboarding questions' defaults. */
  readonly current?: Values;
}

/** The most common value, or undefined: the defaults follow what most tools use. */
function mostCommon<T>(values: readonly (T | undefined)[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

const GROUP: Readonly<Record<HostFamily, PlanGroup>> = { coding: 'coding', 'token-plan': 'token', payg: 'payg' };

/**
 * The onboarding defaults from what is configured: tp-setup's own record of plan and region
 * first (it knows the edition), else the hosts the tools use; the configured tools; the model most
 * of them use; the one key they share, offered masked.
 */
export function currentValues(state: StateRecord, configured: Detection['configured'], views: readonly ProviderView[], keys: readonly StoredKey[]): Values {
  const recorded = Object.values(state.tools);
  const plan = mostCommon(recorded.map((r) => r.plan));
  const family = plan ? getPlan(plan).family : mostCommon(configured.map((c) => c.family));
  const region = mostCommon(recorded.map((r) => r.region)) ?? mostCommon(configured.map((c) => c.region));
  const tools = configured.map((c) => c.tool);
  const model = mostCommon(recorded.map((r) => r.models[0])) ?? mostCommon(views.map((v) => v.models[0]?.id));
  const key = keys.length === 1 ? keys[0]!.value : undefined;
  return {
    ...(family ? { family: GROUP[family] } : {}),
    ...(plan === 'token-personal' || plan === 'token-team' ? { edition: plan === 'token-personal' ? 'personal' : 'team' } : {}),
    ...(region ? { region } : {}),
    ...(tools.length > 0 ? { tools } : {}),
    ...(model ? { model } : {}),
    ...(key ? { key: { source: 'configured', value: key } } : {}),
  } as Values;
}

export type MenuChoice = 'onboard' | 'rekey' | 'clean' | 'fix' | 'doctor' | 'restore' | 'quit';

/** The offers, the most useful first: a stale cache or a repairable error beats a fresh setup. */
export function menuFor(d: Detection): MenuChoice[] {
  const first: MenuChoice[] = [];
  if (d.caches.length > 0) first.push('clean');
  if (d.fixable > 0 && d.errors > 0) first.push('fix');
  // Errors nothing can repair are still worth reading before anything else.
  if (d.errors > 0 && !first.includes('fix')) first.push('doctor');
  if (d.configuredBefore && d.keys > 0) first.push('rekey');
  const rest: MenuChoice[] = ['onboard'];
  if (d.keys > 0 && !first.includes('rekey')) rest.push('rekey');
  if (d.fixable > 0 && !first.includes('fix')) rest.push('fix');
  // The start screen only counts the findings; this opens them.
  if (d.errors + d.warnings > 0 && !first.includes('doctor')) rest.push('doctor');
  if (d.runs > 0) rest.push('restore');
  return [...first, ...rest, 'quit'];
}

/** Read the home the way doctor does; the tools' `--version` probes run in parallel inside. */
export async function detect(homes: Homes, io: Io): Promise<Detection> {
  const { stateDir } = homes;
  const [found, state, runs] = await Promise.all([scanHome(homes, FILE_TOOLS, io), readState(stateDir), listRuns(stateDir).catch(() => [])]);
  const seen = new Map<ToolId, Detection['configured'][number]>();
  for (const v of found.views) {
    const c = classifyBaseUrl(v.baseUrl ?? '');
    if (!c.family || seen.has(v.tool)) continue;
    seen.set(v.tool, { tool: v.tool, family: c.family, region: c.region });
  }
  const count = (severity: string): number => found.findings.filter((f) => f.severity === severity).length;
  return {
    installed: found.ctx.versions as Detection['installed'],
    configured: [...seen.values()],
    errors: count('error'),
    warnings: count('warning'),
    fixable: found.findings.filter((f) => canRepair(f) && !(CLEANABLE as readonly string[]).includes(f.code)).length,
    caches: planClean(found.findings),
    keys: storedKeys(found.views).length,
    configuredBefore: Object.keys(state.tools).length > 0,
    runs: runs.filter((r) => r.status === 'complete').length,
    current: currentValues(state, [...seen.values()], found.views, storedKeys(found.views)),
  };
}
