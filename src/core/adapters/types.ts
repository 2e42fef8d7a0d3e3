import type { PlanId, RegionId } from '../catalog/types.js';
import type { ToolContext } from '../context.js';
import type { Finding } from '../findings.js';
import type { Edit, FormatId, JsonValue, KeyPath } from '../formats/types.js';

export const TOOL_IDS = ['openclaw', 'qwen-code', 'claude-code', 'opencode', 'codex', 'kilo', 'hermes', 'crush', 'droid', 'cline', 'cursor', 'cline-vscode', 'kilo-vscode', 'roo-code', 'qoder', 'qoder-cn', 'trae'] as const;
export type ToolId = (typeof TOOL_IDS)[number];

/** Where the key goes: a reference plus the tool's own secret store (default), or into the config itself. */
export type KeyStorage = 'env' | 'inline';

/** What the user chose; the key travels separately so it can never end up in answers output. */
export interface Answers {
  readonly plan: PlanId;
  readonly region: RegionId;
  readonly tools: readonly ToolId[];
  /** Chosen model ids; the first is the one the tool uses by default. */
  readonly models: readonly string[];
  readonly thinking: boolean;
  /** Another origin (gateway, proxy, test server) in front of the plan's paths. */
  readonly baseUrl?: string;
  /** Default 'env'. */
  readonly keyStorage?: KeyStorage;
  /** Shell profile to add an `export` line to, for tools that only read exported variables. */
  readonly shellProfile?: string;
  /** Limits the user gave for a model the catalog does not know (see limitsFor). */
  readonly limits?: { readonly context?: number; readonly output?: number };
}

/** One file a tool reads, resolved the way the tool itself resolves it. `Id` names it inside its adapter. */
export interface TargetFile<Id extends string = string> {
  /** Adapter-local name of the file, e.g. `settings`. */
  readonly id: Id;
  readonly path: string;
  readonly format: FormatId;
  /** The file will hold the key: written with mode 0600. */
  readonly secret: boolean;
  /** Name of the file under `templates/` used as the starting text when the file is missing. */
  readonly template: string;
  /** Other names the tool also reads here; the first that exists is edited instead of `path`. */
  readonly alternatives?: readonly string[];
}

/** The file and its alternatives, in the order the tool looks for them. */
export function candidatePaths(target: TargetFile): string[] {
  return [target.path, ...(target.alternatives ?? [])];
}

/** One copy-ready step of a guide for a tool whose settings live in its app. */
export interface GuideStep {
  readonly code: string;
  readonly params?: Readonly<Record<string, string>>;
}

export interface CurrentFile<Id extends string = string> {
  readonly target: TargetFile<Id>;
  /** null when the file does not exist yet. */
  readonly text: string | null;
  /** Parsed content; `{}` for a missing file. */
  readonly value: JsonValue;
}

/**
 * What `plan` gets: every file `targets` declared, loaded (a missing one from its template), and
 * each setup extra that `setupExtras` declared for these answers.
 */
export type PlanFiles<Id extends string, Extra extends string = never> = Readonly<Record<Id, CurrentFile<Id>>> &
  Readonly<Partial<Record<Extra, CurrentFile<Extra>>>>;

export interface AdapterInput<Id extends string = string, Extra extends string = never> {
  readonly answers: Answers;
  /** The cleaned key. */
  readonly key: string;
  readonly ctx: ToolContext;
  readonly files: PlanFiles<Id, Extra>;
}

export interface AdapterOutput<Id extends string = string> {
  /** Edits per target-file id; a file with no edits is left alone. */
  readonly edits: Readonly<Partial<Record<Id, readonly Edit[]>>>;
  readonly findings: readonly Finding[];
  /** Follow-up commands or steps for the user, as message codes with parameters. */
  readonly nextSteps: readonly { readonly code: string; readonly params?: Record<string, string> }[];
  /** Target ids that hold the key in this plan (beyond those always marked secret). */
  readonly secretFiles?: readonly Id[];
  /** For app-only tools: the steps to follow in the app. */
  readonly guide?: readonly GuideStep[];
}

/** The tool's own headless one-shot, which `verify` runs with a tiny prompt. */
export interface OneShot {
  /** The arguments after the adapter's `bin`. */
  args(prompt: string): readonly string[];
}

/**
 * One supported tool. `Id` names the files the tool reads (`targets`), the same for setup, doctor
 * and key; `Extra` names files only setup writes (`setupExtras`, such as Codex's shell profile).
 */
export interface ToolAdapter<Id extends string = string, Extra extends string = never> {
  readonly id: ToolId;
  readonly label: string;
  /** The command the tool installs on PATH; absent for tools that live inside an app. */
  readonly bin?: string;
  /** What makes `bin` print its version (`openclaw --version`). */
  readonly versionArgs?: readonly string[];
  /** What tp-setup writes depends on the installed release: setup asks for the version before planning. */
  readonly versionSensitive?: boolean;
  /** Files this tool reads, resolved the way the tool itself resolves them. Depends on the context only. */
  targets(ctx: ToolContext): readonly TargetFile<Id>[];
  /** Files only setup writes, for these answers (never read by the doctor). */
  setupExtras?(ctx: ToolContext, answers: Answers): readonly TargetFile<Extra>[];
  plan(input: AdapterInput<Id, Extra>): AdapterOutput<Id | Extra>;
  /** Files the doctor also reads (caches, state), beyond the targets. */
  inspectSubdirs?(ctx: ToolContext): readonly PerSubdirFiles[];
  /** Read the tool's current configuration, whoever wrote it. */
  examine?(input: ExamineInput<Id>): Examination;
  readonly oneShot?: OneShot;
}

/** Any adapter, whatever its file ids: what the registry holds and the planner and doctor call. */
export type AnyToolAdapter = ToolAdapter<string, string>;

/**
 * An adapter's command-line facts from one declaration, so the binary is written once:
 * `...toolCommand({ bin: 'claude', oneShot: (p) => ['-p', p] })`.
 */
export function toolCommand(spec: {
  readonly bin: string;
  /** Default `--version`, which every supported tool answers. */
  readonly versionArgs?: readonly string[];
  readonly versionSensitive?: boolean;
  readonly oneShot?: (prompt: string) => readonly string[];
}): Pick<ToolAdapter, 'bin' | 'versionArgs' | 'versionSensitive' | 'oneShot'> {
  return {
    bin: spec.bin,
    versionArgs: spec.versionArgs ?? ['--version'],
    versionSensitive: spec.versionSensitive ?? false,
    ...(spec.oneShot ? { oneShot: { args: spec.oneShot } } : {}),
  };
}

export function isToolId(value: string): value is ToolId {
  return (TOOL_IDS as readonly string[]).includes(value);
}

/** Files under every subfolder of `dir` (OpenClaw keeps caches per agent: `agents/<id>/agent/…`). */
export interface PerSubdirFiles {
  readonly id: string;
  readonly dir: string;
  /** Paths relative to each subfolder. */
  readonly files: readonly string[];
}

/** What a tool's config makes it send: the facts the doctor checks, whoever wrote the config. */
export interface ProviderView {
  readonly tool: ToolId;
  /** The file and key path the settings come from, for messages and fixes. */
  readonly file: string;
  readonly keyPath: string;
  /** `anthropic`: Claude Code style base (`…/apps/anthropic`); `anthropic-sdk`: AI-SDK style (`…/apps/anthropic/v1`). */
  readonly protocol: 'openai' | 'anthropic' | 'anthropic-sdk';
  readonly baseUrl: string | undefined;
  /** Format of `file`, and where the base URL sits in it: what `doctor --fix` edits. */
  readonly format?: FormatId;
  readonly baseUrlPath?: KeyPath;
  /** The tool reads these settings as strings (Claude Code's `env`). */
  readonly stringValues?: boolean;
  readonly key: {
    /** Where the value was found; `unset` = the config names a variable that nothing sets. */
    readonly source: 'inline' | 'env-file' | 'environment' | 'store' | 'unset' | 'none';
    readonly variable?: string;
    readonly value?: string;
    /** The file holding the value, when it is a file. */
    readonly file?: string;
    /** A file copy the exported value beats (a different key there is silently ignored). */
    readonly shadowed?: string;
    /**
     * The variable is both exported and set in the tool's own `.env` with another value: which of
     * the two the tool uses, the file, and the value it ignores (`value` is the one it uses).
     */
    readonly conflict?: { readonly winner: 'environment' | 'file'; readonly file: string; readonly ignored: string };
    /** Where inside `file` the key sits, when it sits in a file. */
    readonly keyPath?: string;
    readonly path?: KeyPath;
    readonly format?: FormatId;
  };
  readonly models: readonly {
    readonly id: string;
    readonly keyPath: string;
    readonly maxTokens?: number;
    readonly context?: number;
    readonly thinkingBudget?: number;
    /** The config turns thinking on for this model. */
    readonly thinking?: boolean;
    /** Where each setting sits in `file`, for repairs; `thinking` lists what to remove. */
    readonly paths?: { readonly maxTokens?: KeyPath; readonly context?: KeyPath; readonly budget?: KeyPath; readonly thinking?: readonly KeyPath[] };
  }[];
}

export interface ExamineInput<Id extends string = string> {
  readonly ctx: ToolContext;
  /** Parsed target files by id; absent when missing or unparseable (the doctor reads what is there). */
  readonly files: Readonly<Partial<Record<Id, CurrentFile<Id>>>>;
  /** Per-subfolder files: id → subfolder name → relative path → text (null = missing). */
  readonly subdirs: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, string | null>>>>>>;
}

export interface Examination {
  readonly views: readonly ProviderView[];
  readonly findings: readonly Finding[];
}
