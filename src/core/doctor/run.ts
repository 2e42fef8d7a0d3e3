import { adapters, type CurrentFile, type PerSubdirFiles, type ProviderView, type TargetFile, type ToolId } from '../adapters/index.js';
import type { PlanId, RegionId } from '../catalog/types.js';
import { joinPath, type ToolContext } from '../context.js';
import { finding, type Finding } from '../findings.js';
import { readerFor } from '../formats/readers.js';
import { splitBom } from '../formats/text.js';
import type { JsonValue } from '../formats/types.js';
import { candidatePaths } from '../adapters/types.js';
import { checkView } from './checks.js';
import { envConflictFinding } from './credentials.js';

export interface DoctorRead {
  readonly tool: ToolId;
  readonly targets: readonly TargetFile[];
  readonly subdirs: readonly PerSubdirFiles[];
}

/** What the effects layer must read for these tools: the files each one reads (never setup's extras). */
export function doctorReads(tools: readonly ToolId[], ctx: ToolContext): DoctorRead[] {
  return tools.map((tool) => ({
    tool,
    targets: adapters[tool].targets(ctx),
    subdirs: adapters[tool].inspectSubdirs?.(ctx) ?? [],
  }));
}

export interface DoctorInput {
  readonly ctx: ToolContext;
  readonly tools: readonly ToolId[];
  /** Text per path (null = missing), for every candidate path of every target. */
  readonly texts: Readonly<Record<string, string | null>>;
  readonly modes: Readonly<Record<string, number | null>>;
  /** Hard links per existing file (absent: 1). */
  readonly links?: Readonly<Record<string, number>>;
  /** The folder that really holds each existing file, with its mode. */
  readonly folders?: Readonly<Record<string, { readonly dir: string; readonly mode: number }>>;
  /** Subdir id → subfolder → relative path → text. */
  readonly subdirs: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, string | null>>>>>>;
  /** Installed version per tool (null = not found); tools absent here were not probed. */
  readonly installed: Readonly<Record<string, string | null>>;
  /** tp-setup's own record of the plan and region it configured per tool. */
  readonly recorded: Readonly<Record<string, { readonly plan: PlanId; readonly region: RegionId; readonly files?: readonly string[] }>>;
}

/**
 * Most JSONC and JSON5 files hold plain JSON, whatever their tool allows. Text that is valid JSON
 * means the same in all three dialects, so the native parser reads it (and large files, such as
 * an OpenClaw config with thousands of models, in a fraction of the time); anything else goes
 * through the dialect's own parser.
 */
function parseAsPlainJson(format: TargetFile['format'], text: string): JsonValue | undefined {
  if (format !== 'json' && format !== 'jsonc' && format !== 'json5') return undefined;
  try {
    const value = JSON.parse(splitBom(text).body) as JsonValue;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Strict JSON that a comment or trailing comma breaks is still read, as JSONC, to find the rest. */
function parseLeniently(target: TargetFile, text: string, tool: ToolId, out: Finding[]): CurrentFile | null {
  const plain = parseAsPlainJson(target.format, text);
  if (plain !== undefined) return { target, text, value: plain };
  const parsed = readerFor(target.format)(text);
  if (parsed.ok) return { target, text, value: parsed.value };
  const loose = target.format === 'json' ? readerFor('jsonc')(text) : parsed;
  const at = { tool, file: target.path, params: { line: parsed.error.line, column: parsed.error.column, message: parsed.error.message } };
  if (loose.ok && tool === 'claude-code') {
    out.push(finding('CLAUDE_SETTINGS_COMMENTS', 'error', at));
    return { target, text, value: loose.value };
  }
  out.push(finding('FILE_UNPARSEABLE', 'error', at));
  return null;
}

/** The provider views of every tool plus every finding; `key` uses the views to find the old key. */
export function examineAll(input: DoctorInput): { findings: Finding[]; views: ProviderView[] } {
  const out: Finding[] = [];
  const allViews: ProviderView[] = [];
  for (const { tool, targets, subdirs } of doctorReads(input.tools, input.ctx)) {
    const adapter = adapters[tool];
    const files: Record<string, CurrentFile> = {};
    for (const declared of targets) {
      const path = candidatePaths(declared).find((p) => (input.texts[p] ?? null) !== null);
      if (!path) continue;
      const target = { ...declared, path };
      const current = parseLeniently(target, input.texts[path]!, tool, out);
      // Temp file + rename gives the file a new inode: its other hard links keep the old bytes.
      const links = input.links?.[path] ?? 1;
      if (links > 1) out.push(finding('FILE_HARD_LINKS', 'warning', { tool, file: path, params: { links } }));
      if (current) files[target.id] = current;
    }
    const sub = Object.fromEntries(subdirs.map((s) => [s.id, input.subdirs[joinPath(s.dir)] ?? {}]));
    const exam = adapter.examine?.({ ctx: input.ctx, files, subdirs: sub });
    if (!exam) continue;
    out.push(...exam.findings);
    allViews.push(...exam.views);
    const recorded = input.recorded[tool];
    for (const view of exam.views) {
      out.push(...checkView(view, recorded ? { recorded: { plan: recorded.plan, region: recorded.region } } : {}));
      const conflict = envConflictFinding(view, recorded, shellProfileOf(tool, recorded?.files, input.ctx));
      if (conflict) out.push(conflict);
      // A file that holds a key in clear must be readable by its owner only.
      const holder = view.key.source === 'inline' ? view.file : view.key.source === 'env-file' || view.key.source === 'store' ? view.key.file : undefined;
      const mode = holder ? input.modes[holder] : undefined;
      if (holder && typeof mode === 'number' && (mode & 0o077) !== 0) {
        out.push(finding('FILE_PERMISSIONS', 'warning', { tool, file: holder, params: { mode: `0${(mode & 0o777).toString(8)}` }, repair: { file: holder, mode: (mode & 0o700) | 0o600 } }));
      }
      // Its folder too, reported only: tp-setup never changes an existing folder's mode. The home
      // folder itself is left out (0755 is many systems' default; the file's own mode guards it).
      const folder = holder ? input.folders?.[holder] : undefined;
      if (holder && folder && (folder.mode & 0o044) !== 0 && !sameDir(folder.dir, input.ctx.home)) {
        out.push(finding('DIR_PERMISSIONS', 'warning', { tool, file: holder, params: { mode: `0${(folder.mode & 0o777).toString(8)}`, dir: folder.dir } }));
      }
    }
    const hasConfig = Object.keys(files).length > 0;
    if (input.installed[tool] === null && hasConfig) out.push(finding('TOOL_NOT_INSTALLED', 'info', { tool }));
  }
  return { findings: dedupe(out), views: allViews };
}

/**
 * The shell profile tp-setup exported this tool's key in, when it did: a file of the tool's
 * recorded run that no tool reads as its config (the record lists every file of the run), outside
 * every config folder. Only tools with setup extras (Codex) have one.
 */
function shellProfileOf(tool: ToolId, files: readonly string[] | undefined, ctx: ToolContext): string | undefined {
  if (!adapters[tool].setupExtras || !files) return undefined;
  const all = Object.values(adapters).flatMap((a) => a.targets(ctx));
  const own = new Set(all.flatMap((t) => candidatePaths(t)));
  const dirs = new Set(all.map((t) => t.path.replace(/[\\/][^\\/]*$/, '')).filter((d) => !sameDir(d, ctx.home)));
  const inside = (f: string): boolean => [...dirs].some((d) => f.startsWith(`${d}/`) || f.startsWith(`${d}\\`));
  return files.find((f) => !own.has(f) && !inside(f));
}

function sameDir(a: string, b: string): boolean {
  const trim = (p: string) => p.replace(/[\\/]+$/, '');
  return trim(a) === trim(b);
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.code}|${f.tool ?? ''}|${f.file ?? ''}|${f.keyPath ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
