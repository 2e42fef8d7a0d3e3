import type { Io } from '../commands/io.js';
import { canRepair, planClean, CLEANABLE, type CleanAction } from '../core/adapters/openclaw/clean-plan.js';
import { classifyBaseUrl } from '../core/catalog/index.js';
import type { HostFamily, RegionId } from '../core/catalog/types.js';
import type { ToolId } from '../core/adapters/index.js';
import { storedKeys } from '../core/rotate.js';
import { FILE_TOOLS } from '../core/usecases/scan.js';
import { scanHome } from '../effects/home-scan.js';
import type { Homes } from '../effects/paths.js';
import { listRuns } from '../effects/runs.js';
import { readState } from '../effects/state.js';

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
}

export type MenuChoice = 'onboard' | 'rekey' | 'clean' | 'fix' | 'restore' | 'quit';

/** The offers, the most useful first: a stale cache or a repairable error beats a fresh setup. */
export function menuFor(d: Detection): MenuChoice[] {
  const first: MenuChoice[] = [];
  if (d.caches.length > 0) first.push('clean');
  if (d.fixable > 0 && d.errors > 0) first.push('fix');
  if (d.configuredBefore && d.keys > 0) first.push('rekey');
  const rest: MenuChoice[] = ['onboard'];
  if (d.keys > 0 && !first.includes('rekey')) rest.push('rekey');
  if (d.fixable > 0 && !first.includes('fix')) rest.push('fix');
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
  };
}
