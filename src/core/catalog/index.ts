/**
 * Typed lookups over the catalog. Everything else asks these functions rather than reading
 * `data.ts` directly, so the data can change shape without touching callers.
 */

import { catalogEn, type CatalogTextKey } from '../../i18n/catalog-en.js';
import { catalogZhCN } from '../../i18n/catalog-zh-CN.js';
import { catalogData } from './data.js';
import type {
  Catalog,
  Endpoints,
  HostFamily,
  Level,
  Localised,
  Membership,
  ModelSpec,
  PlanId,
  PlanSpec,
  RegionId,
  RegionSpec,
} from './types.js';

export type * from './types.js';

function words(key: CatalogTextKey): Localised {
  return { en: catalogEn[key], 'zh-CN': catalogZhCN[key] };
}

/** The catalog with its words: `data.ts` facts joined with the catalog tables of src/i18n. */
export const catalog: Catalog = {
  ...catalogData,
  regions: catalogData.regions.map(({ id, ...rest }): RegionSpec => ({ id, name: words(`region.${id}.name`), ...rest })),
  plans: catalogData.plans.map(
    ({ id, ...rest }): PlanSpec => ({ id, name: words(`plan.${id}.name`), blurb: words(`plan.${id}.blurb`), ...rest }),
  ),
};

export interface HostClass {
  readonly family: HostFamily;
  readonly region: RegionId;
  readonly level: Level;
}

export interface BaseUrlClass {
  /** Lower-cased host name, or '' when the text is not a URL. */
  readonly host: string;
  readonly family?: HostFamily;
  readonly region?: RegionId;
  /** How the host is known; absent for a host the catalog does not know. */
  readonly level?: Level;
  /** The path as written (no query or fragment); trailing slashes are kept so callers can flag them. */
  readonly path: string;
}

const plansById = new Map<PlanId, PlanSpec>(catalog.plans.map((p) => [p.id, p]));
const modelsById = new Map<string, ModelSpec>(catalog.models.map((m) => [m.id, m]));
const hostsByName = new Map<string, HostClass>(
  catalog.hosts.map((h) => [h.host, { family: h.family, region: h.region, level: h.level ?? 'documented' }]),
);
const regionByCloudLabel = new Map<string, RegionId>(
  catalog.regions.flatMap((r) => (r.cloudRegions ?? []).map((label) => [label, r.id] as const)),
);
const paygPatterns = catalog.paygHostPatterns.map((source) => new RegExp(source));

export const planIds: readonly PlanId[] = catalog.plans.map((p) => p.id);
export const regionIds: readonly RegionId[] = catalog.regions.map((r) => r.id);

export function isPlanId(value: string): value is PlanId {
  return plansById.has(value as PlanId);
}

/** A region's name in the user's language (its id when the catalog has none). */
export function regionName(id: RegionId, lang: keyof Localised): string {
  return catalog.regions.find((r) => r.id === id)?.name[lang] ?? id;
}

/**
 * One plan standing for its family where only the family matters (key rules, Codex's wire API):
 * Token Plan's editions share hosts, key format and models there.
 */
export const PLAN_OF_FAMILY: Readonly<Record<HostFamily, PlanId>> = { coding: 'coding', 'token-plan': 'token-team', payg: 'payg' };

/** The plans whose hosts form this family (Token Plan: both editions). */
export function plansOf(family: HostFamily): PlanId[] {
  return catalog.plans.filter((p) => p.family === family).map((p) => p.id);
}

export function getPlan(id: PlanId): PlanSpec {
  const plan = plansById.get(id);
  if (!plan) throw new Error(`Unknown plan: ${id}`);
  return plan;
}

/** Exact, case-sensitive: the server treats `Qwen3.6-plus` as a different, unknown model. */
export function getModel(id: string): ModelSpec | undefined {
  return modelsById.get(id);
}

export function regionIdsFor(plan: PlanId): readonly RegionId[] {
  return getPlan(plan).regions;
}

export function isRegionOf(plan: PlanId, region: string): region is RegionId {
  return (getPlan(plan).regions as readonly string[]).includes(region);
}

export function familyOfPlan(plan: PlanId): HostFamily {
  return getPlan(plan).family;
}

/** Throws on a pair the plan does not serve: callers must validate user input with `isRegionOf` first. */
export function endpointsFor(plan: PlanId, region: RegionId): Endpoints {
  const found = catalog.endpoints.find((e) => e.plan === plan && e.region === region);
  if (!found) throw new Error(`Plan ${plan} has no endpoints in region ${region}`);
  return found;
}

/** The plan's models in wizard order; empty for a region the plan does not serve. */
export function modelsFor(plan: PlanId, region: RegionId): ModelSpec[] {
  const ids = getPlan(plan).models[region] ?? [];
  return ids.map((id) => {
    const model = modelsById.get(id);
    if (!model) throw new Error(`Catalog lists unknown model ${id} for ${plan}/${region}`);
    return model;
  });
}

/** Throws on a pair the plan does not serve, like `endpointsFor`. */
export function recommendedModel(plan: PlanId, region: RegionId): string {
  const id = getPlan(plan).recommended[region];
  if (id === undefined) throw new Error(`Plan ${plan} has no recommended model in region ${region}`);
  return id;
}

/**
 * How the catalog knows that the plan serves this id in this region: listed by an official
 * source, only reported, or not listed at all. Exact and case-sensitive, like the server.
 */
export function modelMembership(plan: PlanId, region: RegionId, modelId: string): Membership {
  const spec = getPlan(plan);
  if (spec.models[region]?.includes(modelId)) return 'documented';
  if (spec.reportedModels?.[region]?.includes(modelId)) return 'reported';
  return 'unlisted';
}

/** The models to offer for a plan and region: the recommended one, the other documented ones, then the reported ones. */
export function modelChoices(plan: PlanId, region: RegionId): { readonly id: string; readonly level: Level }[] {
  const spec = getPlan(plan);
  const recommended = spec.recommended[region];
  const documented = [...(spec.models[region] ?? [])].sort((a, b) => Number(b === recommended) - Number(a === recommended));
  const reported = (spec.reportedModels?.[region] ?? []).filter((id) => !documented.includes(id));
  return [...documented.map((id) => ({ id, level: 'documented' as const })), ...reported.map((id) => ({ id, level: 'reported' as const }))];
}

/** A catalog model whose id differs from this one only in case or surrounding spaces (a typing slip). */
export function caseSlip(modelId: string): string | undefined {
  const exact = catalog.models.find((m) => m.id.toLowerCase() === modelId.trim().toLowerCase());
  return exact && exact.id !== modelId ? exact.id : undefined;
}

/** After this many days without a check against its sources, tp-setup says its catalog may be old. */
export const STALE_AFTER_DAYS = 90;

/** The catalog's age on `today` (YYYY-MM-DD) in whole days, when it is past `STALE_AFTER_DAYS`; otherwise null. */
export function catalogStaleness(today: string): { readonly date: string; readonly days: number } | null {
  const days = Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${catalog.date}T00:00:00Z`)) / 86_400_000);
  return Number.isFinite(days) && days > STALE_AFTER_DAYS ? { date: catalog.date, days } : null;
}

export function classifyHost(hostname: string): HostClass | undefined {
  // DNS names are case-insensitive and may carry the root dot; neither changes the host.
  const host = hostname.trim().toLowerCase().replace(/\.$/, '');
  const exact = hostsByName.get(host);
  if (exact) return exact;
  for (const pattern of paygPatterns) {
    const label = pattern.exec(host)?.groups?.['region'];
    if (label === undefined) continue;
    const region = regionByCloudLabel.get(label);
    if (region) return { family: 'payg', region, level: 'documented' };
  }
  return undefined;
}

export function classifyBaseUrl(url: string): BaseUrlClass {
  const text = url.trim();
  // Users often paste a bare host; read it as https so the host can still be checked.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    return { host: '', path: '' };
  }
  const host = parsed.hostname.toLowerCase();
  const path = parsed.pathname === '/' && !/^[a-z][a-z0-9+.-]*:\/\/[^/]+\//i.test(withScheme) ? '' : parsed.pathname;
  const hostClass = classifyHost(host);
  return hostClass ? { host, family: hostClass.family, region: hostClass.region, level: hostClass.level, path } : { host, path };
}
