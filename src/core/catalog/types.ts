/**
 * Shapes of the plan catalog. The values live in `data.ts`, each fact with its sources, and their
 * words (plan and region names) in src/i18n/catalog-en.ts and src/i18n/catalog-zh-CN.ts; code never
 * branches on a plan or model name where a catalog field can say it instead.
 */

export type PlanId = 'coding' | 'token-personal' | 'token-team' | 'payg';
export type RegionId = 'cn' | 'intl' | 'us' | 'hk';
/** Which family of hosts a URL belongs to; decides which key kinds are valid there. */
export type HostFamily = 'coding' | 'token-plan' | 'payg';
export type Protocol = 'openai' | 'anthropic';

/**
 * How well a fact is known. `documented`: an official Alibaba Cloud / Qwen Cloud page or one of
 * the vendor FAQs says so. `reported`: only third parties do (models.dev, the lists tools ship,
 * issue threads). Only documented impossibilities refuse; everything else is a warning at most.
 */
export type Level = 'documented' | 'reported';

/** Whether a plan serves a model, as far as the catalog knows: `unlisted` when no source says. */
export type Membership = Level | 'unlisted';

/**
 * A source reference: a seed file name, an official URL, `github:owner/repo …` [3P], a docs/ page,
 * or `[inference] …`; src/core/catalog/sources.ts names each one once.
 */
export type Source = string;

export interface Localised {
  readonly en: string;
  readonly 'zh-CN': string;
}

export interface Endpoints {
  readonly plan: PlanId;
  readonly region: RegionId;
  /** OpenAI-compatible base, e.g. `https://coding.dashscope.aliyuncs.com/v1`. */
  readonly openai: string;
  /** Anthropic base as Claude Code wants it: `…/apps/anthropic`, no `/v1`. */
  readonly anthropic: string;
  /** Anthropic base for AI-SDK clients (OpenCode, Kilo): `…/apps/anthropic/v1`. */
  readonly anthropicAiSdk: string;
  readonly sources: readonly Source[];
}

export interface ModelSpec {
  readonly id: string;
  readonly contextWindow: number;
  readonly maxOutput: number;
  /**
   * Largest accepted thinking budget (`thinking_budget` / `budgetTokens`), or null when the model
   * has no thinking or no documented bound.
   */
  readonly maxThinkingBudget: number | null;
  /** `none`: no thinking mode; `optional`: can be toggled; `always`: thinking-only. */
  readonly thinking: 'none' | 'optional' | 'always';
  /** Whether the model thinks when the client sends no thinking setting. */
  readonly thinkingDefaultOn: boolean;
  /** Served on the Anthropic-compatible endpoint. */
  readonly anthropic: boolean;
  readonly imageInput: boolean;
  /**
   * Set when the vendor retired the id: since when, which id replaced it, and how that is known.
   * A retired id is offered nowhere and reported by doctor with its replacement.
   */
  readonly retired?: { readonly since: string; readonly replacedBy?: string; readonly level: Level; readonly sources: readonly Source[] };
  /** Whether an official page names the model at all (its limits may still come from third parties). */
  readonly level: Level;
  /** The day these values were last checked against their sources (YYYY-MM-DD). */
  readonly checked: string;
  readonly sources: readonly Source[];
  /** Where sources disagree: which value was chosen and why. */
  readonly decisions?: readonly string[];
}

export interface PlanSpec {
  readonly id: PlanId;
  readonly name: Localised;
  /** One line shown when choosing a plan. */
  readonly blurb: Localised;
  readonly family: HostFamily;
  readonly regions: readonly RegionId[];
  /** Model ids official sources list for the plan, per region, in the order the wizard offers them. */
  readonly models: Partial<Record<RegionId, readonly string[]>>;
  /**
   * Model ids only third parties report for the plan, per region: offered after the documented
   * ones, marked as reported, and accepted with a note.
   */
  readonly reportedModels?: Partial<Record<RegionId, readonly string[]>>;
  /** The default model per region (first choice in the wizard, default under `--yes`). */
  readonly recommended: Partial<Record<RegionId, string>>;
  /**
   * True for the subscriptions, which serve a fixed model list: an id no source lists there is
   * written with a warning. Pay-as-you-go serves far more models than any list, so an unlisted id
   * there is normal and gets no warning.
   */
  readonly modelListClosed: boolean;
  /** The day the plan's lists were last checked against their sources (YYYY-MM-DD). */
  readonly checked: string;
  readonly sources: readonly Source[];
  readonly decisions?: readonly string[];
}

export interface RegionSpec {
  readonly id: RegionId;
  readonly name: Localised;
  /**
   * Alibaba Cloud region labels (as they appear in host names) that count as this region, so a
   * workspace domain such as `<id>.ap-southeast-1.maas.aliyuncs.com` can be placed.
   */
  readonly cloudRegions?: readonly string[];
}

export interface HostSpec {
  readonly host: string;
  readonly family: HostFamily;
  readonly region: RegionId;
  /** Absent: documented. A reported host is accepted, with a warning that no official page names it. */
  readonly level?: Level;
  readonly sources?: readonly Source[];
}

export interface Catalog {
  /**
   * The catalog's "as of" date: the day its facts were last checked against their sources
   * (YYYY-MM-DD). Past `STALE_AFTER_DAYS` tp-setup says its lists may be old.
   */
  readonly date: string;
  readonly plans: readonly PlanSpec[];
  readonly regions: readonly RegionSpec[];
  readonly endpoints: readonly Endpoints[];
  readonly models: readonly ModelSpec[];
  /** Every known exact host, with family and region. */
  readonly hosts: readonly HostSpec[];
  /**
   * Host patterns (regular-expression source strings) that are pay-as-you-go workspace domains.
   * A named group `region` captures the cloud region label, looked up in `RegionSpec.cloudRegions`.
   */
  readonly paygHostPatterns: readonly string[];
  /** Choices that concern the catalog as a whole (hosts, regions) rather than one plan or model. */
  readonly decisions?: readonly string[];
}

/** A plan as `data.ts` holds it: name and blurb are `plan.<id>.name` / `plan.<id>.blurb` in the catalog tables. */
export type PlanData = Omit<PlanSpec, 'name' | 'blurb'>;

/** A region as `data.ts` holds it: its name is `region.<id>.name` in the catalog tables. */
export type RegionData = Omit<RegionSpec, 'name'>;

export interface CatalogData extends Omit<Catalog, 'plans' | 'regions'> {
  readonly plans: readonly PlanData[];
  readonly regions: readonly RegionData[];
}
