import type { PlanId, RegionId } from '../catalog/types.js';
import type { ToolContext } from '../context.js';
import type { Finding } from '../findings.js';
import type { Edit, FormatId, JsonValue } from '../formats/types.js';

export const TOOL_IDS = ['openclaw', 'qwen-code', 'claude-code'] as const;
export type ToolId = (typeof TOOL_IDS)[number];

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
}

export interface TargetFile {
  /** Adapter-local name of the file, e.g. `settings`. */
  readonly id: string;
  readonly path: string;
  readonly format: FormatId;
  /** The file will hold the key: written with mode 0600. */
  readonly secret: boolean;
  /** Name of the file under `templates/` used as the starting text when the file is missing. */
  readonly template: string;
}

export interface CurrentFile {
  readonly target: TargetFile;
  /** null when the file does not exist yet. */
  readonly text: string | null;
  /** Parsed content; `{}` for a missing file. */
  readonly value: JsonValue;
}

export interface AdapterInput {
  readonly answers: Answers;
  /** The cleaned key. */
  readonly key: string;
  readonly ctx: ToolContext;
  readonly files: Readonly<Record<string, CurrentFile>>;
}

export interface AdapterOutput {
  /** Edits per target-file id; a file with no edits is left alone. */
  readonly edits: Readonly<Record<string, readonly Edit[]>>;
  readonly findings: readonly Finding[];
  /** Follow-up commands or steps for the user, as message codes with parameters. */
  readonly nextSteps: readonly { readonly code: string; readonly params?: Record<string, string> }[];
}

export interface ToolAdapter {
  readonly id: ToolId;
  readonly label: string;
  /** Files this tool reads, resolved the way the tool itself resolves them. */
  targets(ctx: ToolContext): readonly TargetFile[];
  plan(input: AdapterInput): AdapterOutput;
}

export function isToolId(value: string): value is ToolId {
  return (TOOL_IDS as readonly string[]).includes(value);
}
