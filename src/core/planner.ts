import { adapters, type Answers, type CurrentFile, type GuideStep, type TargetFile, type ToolId } from './adapters/index.js';
import type { ToolContext } from './context.js';
import type { Finding } from './findings.js';
import { editorFor } from './formats/index.js';
import { ParseFailure, patchText } from './formats/patch.js';
import type { Edit, FormatId, JsonValue, KeyPath, ParseError } from './formats/types.js';
import { applyEditsToValue, getAt, hasAt } from './formats/value.js';

/** An edit as it was applied, with what stood at its path just before (for restore). */
export type RecordedEdit = Edit & {
  readonly previousExisted: boolean;
  readonly previous?: JsonValue;
  /**
   * When the edit had to create missing parents: the length of the shortest path it created
   * (`["env"]` → 1), so undoing it removes those parents too, not just the leaf.
   */
  readonly createdFrom?: number;
};

export interface PlannedFile {
  readonly tool: ToolId;
  readonly fileId: string;
  readonly path: string;
  readonly format: FormatId;
  readonly secret: boolean;
  readonly action: 'create' | 'update' | 'unchanged';
  /** null when the file does not exist. */
  readonly before: string | null;
  readonly after: string;
  readonly edits: readonly RecordedEdit[];
}

export interface NextStep {
  readonly tool: ToolId;
  readonly code: string;
  readonly params?: Record<string, string>;
}

export interface Guide {
  readonly tool: ToolId;
  readonly steps: readonly GuideStep[];
}

export interface ChangePlan {
  readonly files: readonly PlannedFile[];
  readonly findings: readonly Finding[];
  readonly nextSteps: readonly NextStep[];
  readonly guides: readonly Guide[];
}

export interface Refusal {
  readonly path: string;
  readonly format: FormatId;
  readonly error: ParseError;
}

/** Thrown when one or more target files cannot be parsed; nothing may be written then. */
export class RefusedFiles extends Error {
  constructor(readonly refusals: readonly Refusal[]) {
    super(refusals.map((r) => `${r.path}:${r.error.line}:${r.error.column}: ${r.error.message}`).join('\n'));
    this.name = 'RefusedFiles';
  }
}

export interface PlanInput {
  readonly answers: Answers;
  readonly key: string;
  readonly ctx: ToolContext;
  /** Current text per absolute path; null or absent = the file does not exist. */
  readonly texts: Readonly<Record<string, string | null>>;
  /** Starting text per template name, for files that do not exist yet. */
  readonly templates: Readonly<Record<string, string>>;
}

/** Every path each chosen tool may read (alternatives included), for the effects layer to load. */
export function targetsFor(answers: Answers, ctx: ToolContext): { tool: ToolId; target: TargetFile }[] {
  return answers.tools.flatMap((tool) => adapters[tool].targets(ctx, answers).map((target) => ({ tool, target })));
}

export function candidatePaths(target: TargetFile): string[] {
  return [target.path, ...(target.alternatives ?? [])];
}

/** The file the tool actually reads: the first existing candidate, else the default name. */
function chooseTarget(target: TargetFile, texts: PlanInput['texts']): TargetFile {
  const existing = (target.alternatives ?? []).find((p) => (texts[p] ?? null) !== null);
  return (texts[target.path] ?? null) === null && existing ? { ...target, path: existing } : target;
}

export function recordEdits(start: JsonValue, edits: readonly Edit[]): RecordedEdit[] {
  let value = start;
  return edits.map((edit) => {
    const previousExisted = hasAt(value, edit.path) && edit.op !== 'insert';
    // An insert creates its array only when the array itself is missing.
    const container = edit.op === 'insert' ? edit.path.slice(0, -1) : edit.path;
    let createdFrom: number | undefined;
    for (let k = 1; k < container.length; k++) {
      if (!hasAt(value, container.slice(0, k))) {
        createdFrom = k;
        break;
      }
    }
    if (edit.op === 'insert' && createdFrom === undefined && !hasAt(value, container)) createdFrom = container.length;
    const recorded: RecordedEdit = previousExisted
      ? { ...edit, previousExisted, previous: getAt(value, edit.path) as JsonValue }
      : { ...edit, previousExisted, ...(createdFrom !== undefined && edit.op !== 'delete' ? { createdFrom } : {}) };
    value = applyEditsToValue(value, [edit]);
    return recorded;
  });
}

function load(target: TargetFile, input: PlanInput, refusals: Refusal[]): CurrentFile | null {
  const text = input.texts[target.path] ?? null;
  const source = text ?? input.templates[target.template] ?? '';
  const parsed = editorFor(target.format).parse(source);
  if (!parsed.ok) {
    refusals.push({ path: target.path, format: target.format, error: parsed.error });
    return null;
  }
  return { target, text, value: parsed.value };
}

/**
 * answers + current texts → the exact new text of every file, verified by re-parsing. Refuses
 * (throws RefusedFiles) if any file it would touch does not parse.
 */
export function planChanges(input: PlanInput): ChangePlan {
  const refusals: Refusal[] = [];
  const files: PlannedFile[] = [];
  const findings: Finding[] = [];
  const nextSteps: NextStep[] = [];
  const guides: Guide[] = [];

  for (const tool of input.answers.tools) {
    const adapter = adapters[tool];
    const loaded: Record<string, CurrentFile> = {};
    let ok = true;
    for (const declared of adapter.targets(input.ctx, input.answers)) {
      const target = chooseTarget(declared, input.texts);
      const current = load(target, input, refusals);
      if (current) loaded[target.id] = current;
      else ok = false;
    }
    if (!ok) continue;

    const out = adapter.plan({ answers: input.answers, key: input.key, ctx: input.ctx, files: loaded });
    findings.push(...out.findings);
    nextSteps.push(...out.nextSteps.map((s) => ({ tool, ...s })));
    if (out.guide) guides.push({ tool, steps: out.guide });

    for (const current of Object.values(loaded)) {
      const { target } = current;
      const edits = out.edits[target.id] ?? [];
      const start = current.text ?? input.templates[target.template] ?? '';
      let after: string;
      try {
        after = edits.length === 0 ? start : patchText(editorFor(target.format), start, edits).text;
      } catch (err) {
        if (err instanceof ParseFailure) {
          refusals.push({ path: target.path, format: target.format, error: err.error });
          continue;
        }
        throw err;
      }
      const action = current.text === null ? (edits.length === 0 ? 'unchanged' : 'create') : after === current.text ? 'unchanged' : 'update';
      files.push({
        tool,
        fileId: target.id,
        path: target.path,
        format: target.format,
        secret: target.secret || (out.secretFiles ?? []).includes(target.id),
        action,
        before: current.text,
        after,
        edits: action === 'unchanged' ? [] : recordEdits(current.value, edits),
      });
    }
  }

  if (refusals.length > 0) throw new RefusedFiles(refusals);
  return { files, findings, nextSteps, guides };
}

/** The path as people read it in messages: `env.ANTHROPIC_MODEL`, `models[0]`. */
export function formatKeyPath(path: KeyPath): string {
  return path.reduce<string>((acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
}
