/**
 * `tp-setup models`: what the catalog knows, per plan, edition and region — each model with its
 * limits, protocols, the tools that can use it, how it is known (documented / reported) and from
 * where. Pure: the command passes today's date for the "as of" line.
 */
import { toolsFor } from '../adapters/reach.js';
import type { ToolId } from '../adapters/types.js';
import { catalog, catalogStaleness, endpointsFor, getModel, getPlan, isPlanId, modelChoices, planIds } from '../catalog/index.js';
import type { Level, ModelSpec, PlanId, Protocol, RegionId, Source } from '../catalog/types.js';
import { CliError, ExitCode } from '../errors.js';
import { finding, type Finding } from '../findings.js';

export interface ModelsFilter {
  readonly plan: string | undefined;
  readonly region: string | undefined;
  readonly edition: string | undefined;
}

export interface ModelRow {
  readonly id: string;
  /** How the catalog knows that this plan serves the model here. */
  readonly level: Level;
  readonly recommended: boolean;
  readonly contextWindow: number;
  readonly maxOutput: number;
  readonly thinking: ModelSpec['thinking'];
  readonly thinkingDefaultOn: boolean;
  readonly maxThinkingBudget: number | null;
  readonly imageInput: boolean;
  readonly protocols: readonly Protocol[];
  readonly tools: readonly ToolId[];
  readonly checked: string;
  readonly sources: readonly Source[];
  readonly decisions: readonly string[];
}

export interface ModelGroup {
  readonly plan: PlanId;
  readonly region: RegionId;
  readonly endpoints: { readonly openai: string; readonly anthropic: string };
  /** Other hosts of the same plan family and region, with how each is known. */
  readonly otherHosts: readonly { readonly host: string; readonly level: Level }[];
  readonly models: readonly ModelRow[];
}

export interface ModelsTable {
  readonly date: string;
  readonly stale: { readonly date: string; readonly days: number } | null;
  readonly groups: readonly ModelGroup[];
}

const EDITIONS = ['personal', 'team'] as const;

/** The plans a filter names: `--plan token` means both editions, `--edition` picks one. */
function plansFor(filter: ModelsFilter): PlanId[] {
  const { plan, edition } = filter;
  if (edition !== undefined && !(EDITIONS as readonly string[]).includes(edition)) {
    throw new CliError(ExitCode.USAGE, 'error.invalid', { flag: '--edition', value: edition, choices: EDITIONS.join(', ') });
  }
  if (plan !== undefined && plan !== 'token' && !isPlanId(plan)) {
    throw new CliError(ExitCode.USAGE, 'error.invalid', { flag: '--plan', value: plan, choices: ['token', ...planIds].join(', ') });
  }
  const named: PlanId[] = plan === undefined ? [...planIds] : plan === 'token' ? ['token-personal', 'token-team'] : [plan];
  if (edition === undefined) return named;
  const picked = named.filter((p) => p === `token-${edition}`);
  // An edition only exists for Token Plan: `--plan coding --edition team` names nothing.
  if (picked.length === 0) throw new CliError(ExitCode.USAGE, 'error.editionNeedsToken', { edition });
  return picked;
}

function row(plan: PlanId, region: RegionId, id: string, level: Level): ModelRow {
  const m = getModel(id);
  if (!m) throw new Error(`Catalog lists unknown model ${id} for ${plan}/${region}`);
  return {
    id,
    level,
    recommended: getPlan(plan).recommended[region] === id,
    contextWindow: m.contextWindow,
    maxOutput: m.maxOutput,
    thinking: m.thinking,
    thinkingDefaultOn: m.thinkingDefaultOn,
    maxThinkingBudget: m.maxThinkingBudget,
    imageInput: m.imageInput,
    protocols: m.anthropic ? ['openai', 'anthropic'] : ['openai'],
    tools: toolsFor(plan, region, id),
    checked: m.checked,
    sources: m.sources,
    decisions: m.decisions ?? [],
  };
}

/** The catalog, filtered; a region the chosen plans do not serve is a usage error, naming the ones they do. */
export function modelsTable(filter: ModelsFilter, today: string): ModelsTable {
  const plans = plansFor(filter);
  const served = [...new Set(plans.flatMap((p) => getPlan(p).regions))];
  if (filter.region !== undefined && !(served as string[]).includes(filter.region)) {
    throw new CliError(ExitCode.USAGE, 'error.invalid', { flag: '--region', value: filter.region, choices: served.join(', ') });
  }
  const groups = plans.flatMap((plan) =>
    getPlan(plan)
      .regions.filter((r) => filter.region === undefined || r === filter.region)
      .map((region): ModelGroup => {
        const endpoints = endpointsFor(plan, region);
        const main = [endpoints.openai, endpoints.anthropic].map((u) => new URL(u).hostname);
        const family = getPlan(plan).family;
        return {
          plan,
          region,
          endpoints: { openai: endpoints.openai, anthropic: endpoints.anthropic },
          otherHosts: catalog.hosts
            .filter((h) => h.family === family && h.region === region && !main.includes(h.host))
            .map((h) => ({ host: h.host, level: h.level ?? 'documented' })),
          models: modelChoices(plan, region).map((c) => row(plan, region, c.id, c.level)),
        };
      }),
  );
  return { date: catalog.date, stale: catalogStaleness(today), groups };
}

/** The one line every command that relies on the lists adds when they may be old. */
export function catalogAgeFindings(today: string): Finding[] {
  const stale = catalogStaleness(today);
  return stale ? [finding('CATALOG_OLD', 'info', { params: { date: stale.date, days: stale.days } })] : [];
}
