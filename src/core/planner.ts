import { CliError, ExitCode } from './errors.js';
import { adapters, type Answers, type CurrentFile, type GuideStep, type TargetFile, type ToolId } from './adapters/index.js';
import { candidatePaths } from './adapters/types.js';
import type { ToolContext } from './context.js';
import type { Finding } from './findings.js';
import { VerifyFailure } from './formats/failures.js';
import { editorFor } from './formats/index.js';
import { EditError, type Edit, type FormatEditor, type FormatId, type JsonValue, type KeyPath, type ParseError } from './formats/types.js';
import { applyEditsToValue, firstDifference, formatPath, getAt, hasAt } from './formats/value.js';

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
export class RefusedFiles extends CliError {
  constructor(readonly refusals: readonly Refusal[]) {
    const [first, ...rest] = refusals;
    const at = (r: Refusal) => ({ path: r.path, line: r.error.line, column: r.error.column, message: r.error.message });
    super(ExitCode.REFUSED, 'error.refusedParse', first ? at(first) : {}, rest.map((r) => ({ code: 'error.refusedParseMore', params: at(r) })));
    this.name = 'RefusedFiles';
  }
}

/** JSON-ish name of a value's type, as `--json` readers see it in `error.refusedShape` params. */
function typeName(value: JsonValue | undefined): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Thrown when a key tp-setup owns sits under a parent of the wrong type (`"env": "x"` where an
 * object belongs, `model_providers = [1]` where a table belongs, a top-level YAML list): the file
 * parses, but no edit can be made without discarding what the user wrote. Nothing is written.
 */
export class RefusedShape extends CliError {
  constructor(path: string, keyPath: KeyPath, expected: 'object' | 'array', found: string) {
    super(ExitCode.REFUSED, 'error.refusedShape', { path, keyPath: keyPath.length === 0 ? '(root)' : formatKeyPath(keyPath), expected, found });
    this.name = 'RefusedShape';
  }
}

/**
 * The first parent on an edit's path that exists with a type the edit cannot go through: a name
 * needs an object, an index needs an array. Edits are checked in order against the value the
 * earlier ones leave, as they are applied.
 */
export function shapeConflict(start: JsonValue, edits: readonly Edit[]): { keyPath: KeyPath; expected: 'object' | 'array'; found: string } | undefined {
  let value = start;
  for (const edit of edits) {
    let node: JsonValue | undefined = value;
    for (let k = 0; k < edit.path.length; k++) {
      if (node === undefined) break;
      const seg = edit.path[k];
      const expected = typeof seg === 'number' ? 'array' : 'object';
      const found = typeName(node);
      if (found !== expected) {
        // A delete under a missing or foreign parent has nothing to remove.
        if (edit.op === 'delete') break;
        return { keyPath: edit.path.slice(0, k), expected, found };
      }
      node = typeof seg === 'number' ? (node as JsonValue[])[seg] : Object.hasOwn(node as object, seg as string) ? (node as Record<string, JsonValue>)[seg as string] : undefined;
    }
    value = applyEditsToValue(value, [edit]);
  }
  return undefined;
}

declare const resolved: unique symbol;

/** One file a chosen tool reads, or a setup-only extra it writes, for this run. */
export interface ResolvedTarget {
  readonly tool: ToolId;
  readonly target: TargetFile;
}

/**
 * Every file of every chosen tool, each tool's list complete: only `resolveTargets` makes one, so
 * `planChanges` can hand each adapter all the files it declared.
 */
export type ResolvedTargets = readonly ResolvedTarget[] & { readonly [resolved]: true };

/**
 * The files setup touches for these answers, computed once per run: each tool's `targets(ctx)`
 * plus its `setupExtras(ctx, answers)`. The effects layer reads `targetPaths(…)` of the result and
 * hands the same list to `planChanges`.
 */
export function resolveTargets(answers: Answers, ctx: ToolContext): ResolvedTargets {
  const list = answers.tools.flatMap((tool) => {
    const adapter = adapters[tool];
    return [...adapter.targets(ctx), ...(adapter.setupExtras?.(ctx, answers) ?? [])].map((target) => ({ tool, target }));
  });
  return list as readonly ResolvedTarget[] as ResolvedTargets;
}


export { candidatePaths };

/** Every path the effects layer must read for these targets (alternatives included), once each. */
export function targetPaths(targets: readonly ResolvedTarget[]): string[] {
  return [...new Set(targets.flatMap(({ target }) => candidatePaths(target)))];
}

export interface PlanInput {
  readonly answers: Answers;
  readonly key: string;
  readonly ctx: ToolContext;
  /** From `resolveTargets(answers, ctx)`, the list the texts were read for; resolved here when absent. */
  readonly targets?: ResolvedTargets;
  /** Current text per absolute path; null or absent = the file does not exist. */
  readonly texts: Readonly<Record<string, string | null>>;
  /** Starting text per template name, for files that do not exist yet. */
  readonly templates: Readonly<Record<string, string>>;
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

/** The text a file starts from: its current text, or its template when it does not exist. */
function startText(target: TargetFile, text: string | null, templates: PlanInput['templates']): string {
  return text ?? templates[target.template] ?? '';
}

/** The one parse of each file: what the adapter plans from, and what the edits apply to. */
function load(target: TargetFile, input: PlanInput, refusals: Refusal[]): CurrentFile | null {
  const text = input.texts[target.path] ?? null;
  const parsed = editorFor(target.format).parse(startText(target, text, input.templates));
  if (!parsed.ok) {
    refusals.push({ path: target.path, format: target.format, error: parsed.error });
    return null;
  }
  return { target, text, value: parsed.value };
}

/**
 * `patchText` for text already parsed into `value`: apply the edits, then re-parse the result and
 * check it holds exactly the intended value (that re-parse is the verification; nothing is
 * parsed twice otherwise).
 */
function applyVerified(editor: FormatEditor, text: string, value: JsonValue, edits: readonly Edit[]): string {
  const output = editor.apply(text, edits);
  const reparsed = editor.parse(output);
  if (!reparsed.ok) {
    const { message, line, column } = reparsed.error;
    throw new VerifyFailure(`the edited ${editor.format} text no longer parses: ${message} (line ${line}, column ${column})`, editor.format);
  }
  const difference = firstDifference(applyEditsToValue(value, edits), reparsed.value);
  if (difference !== undefined) {
    throw new VerifyFailure(`the edited ${editor.format} text does not hold the intended value at ${formatPath(difference)}`, editor.format);
  }
  return output;
}

/** applyVerified, with an editor's refusal of a value (EditError) as the user's refusal, exit 4. */
function applyRefusing(path: string, editor: FormatEditor, text: string, value: JsonValue, edits: readonly Edit[]): string {
  try {
    return applyVerified(editor, text, value, edits);
  } catch (err) {
    if (err instanceof EditError) throw new CliError(ExitCode.REFUSED, 'error.refusedValue', { path, keyPath: formatKeyPath(err.path), reason: err.message });
    throw err;
  }
}

interface ToolPlan {
  readonly files: PlannedFile[];
  readonly findings: readonly Finding[];
  readonly nextSteps: NextStep[];
  readonly guide?: Guide;
}

/** One tool's files, all loaded (else null, with the refusals recorded), planned and verified. */
function planTool(tool: ToolId, declared: readonly TargetFile[], input: PlanInput, refusals: Refusal[]): ToolPlan | null {
  const loaded: Record<string, CurrentFile> = {};
  let ok = true;
  for (const target of declared.map((t) => chooseTarget(t, input.texts))) {
    const current = load(target, input, refusals);
    if (current) loaded[target.id] = current;
    else ok = false;
  }
  if (!ok) return null;

  // Complete: every file the adapter declared for this run is in `loaded`.
  const out = adapters[tool].plan({ answers: input.answers, key: input.key, ctx: input.ctx, files: loaded });
  const files = Object.values(loaded).map((current): PlannedFile => {
    const { target } = current;
    const edits = out.edits[target.id] ?? [];
    const start = startText(target, current.text, input.templates);
    const conflict = shapeConflict(current.value, edits);
    if (conflict) throw new RefusedShape(target.path, conflict.keyPath, conflict.expected, conflict.found);
    const after = edits.length === 0 ? start : applyRefusing(target.path, editorFor(target.format), start, current.value, edits);
    const action = current.text === null ? (edits.length === 0 ? 'unchanged' : 'create') : after === current.text ? 'unchanged' : 'update';
    return {
      tool,
      fileId: target.id,
      path: target.path,
      format: target.format,
      secret: target.secret || (out.secretFiles ?? []).includes(target.id),
      action,
      before: current.text,
      after,
      edits: action === 'unchanged' ? [] : recordEdits(current.value, edits),
    };
  });
  return {
    // A file that does not exist and stays so (Crush's state file before Crush wrote one) is no row.
    files: files.filter((f) => !(f.before === null && f.action === 'unchanged')),
    findings: out.findings,
    nextSteps: out.nextSteps.map((s) => ({ tool, ...s })),
    ...(out.guide ? { guide: { tool, steps: out.guide } } : {}),
  };
}

/**
 * answers + current texts → the exact new text of every file, verified by re-parsing. Refuses
 * (throws RefusedFiles) if any file it would touch does not parse. Plans exactly `input.targets`
 * when given (the list the texts were read for), else resolves them from the answers.
 */
export function planChanges(input: PlanInput): ChangePlan {
  const targets = input.targets ?? resolveTargets(input.answers, input.ctx);
  const refusals: Refusal[] = [];
  const files: PlannedFile[] = [];
  const findings: Finding[] = [];
  const nextSteps: NextStep[] = [];
  const guides: Guide[] = [];

  for (const tool of input.answers.tools) {
    const planned = planTool(tool, targets.filter((t) => t.tool === tool).map((t) => t.target), input, refusals);
    if (!planned) continue;
    files.push(...planned.files);
    findings.push(...planned.findings);
    nextSteps.push(...planned.nextSteps);
    if (planned.guide) guides.push(planned.guide);
  }

  if (refusals.length > 0) throw new RefusedFiles(refusals);
  return { files, findings, nextSteps, guides };
}

/** The path as people read it in messages: `env.ANTHROPIC_MODEL`, `models[0]`. */
export function formatKeyPath(path: KeyPath): string {
  return path.reduce<string>((acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
}
