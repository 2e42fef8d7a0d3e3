/**
 * clean's and doctor --fix's decisions, pure: which cache files to move aside or edit, and what
 * each repaired file becomes. The commands read the current texts and write the result as one run.
 */
import { planClean, type CleanAction } from '../adapters/openclaw/clean-plan.js';
import type { Finding } from '../findings.js';
import { patchFile } from '../patch-file.js';
import type { Edit, FormatId } from '../formats/types.js';
import type { FileWrite } from '../writes.js';

/** The cache actions for these findings; from OpenClaw 2026.8 a leftover auth-profiles.json is OpenClaw's to migrate. */
export function cleanActions(findings: readonly Finding[], store: boolean): CleanAction[] {
  return planClean(findings).filter((a) => !(store && a.file.endsWith('auth-profiles.json')));
}

/** Each action as a write: a moved file is removed (its bytes stay in the run's backup). */
export function cleanWrites(actions: readonly CleanAction[], texts: Readonly<Record<string, string | null>>): FileWrite[] {
  return actions.map((a) => {
    const before = texts[a.file] ?? '';
    const after = a.kind === 'move' ? null : patchFile(a.file, 'json', before, a.edits);
    return { tool: 'openclaw', path: a.file, format: 'json', secret: true, before, after, edits: [] };
  });
}

/** The files a set of repairs touches, each with its format: what the command must read first. */
export function repairFiles(chosen: readonly Finding[]): { readonly file: string; readonly format: FormatId }[] {
  const seen = new Map<string, FormatId>();
  for (const f of chosen) if (f.repair && 'edits' in f.repair) seen.set(f.repair.file, f.repair.format);
  for (const a of planClean(chosen)) seen.set(a.file, 'json');
  return [...seen].map(([file, format]) => ({ file, format }));
}

/**
 * The chosen findings' repairs in one run: edits through the same writer as setup (restore undoes
 * them), caches moved aside as `clean` does, modes only ever tightened. Nothing here needs a
 * value only the user knows, so no key is ever invented.
 */
export function planRepairs(chosen: readonly Finding[], texts: Readonly<Record<string, string | null>>): { writes: FileWrite[]; chmods: { file: string; mode: number }[] } {
  const byFile = new Map<string, { format: FormatId; edits: Edit[] }>();
  const chmods: { file: string; mode: number }[] = [];
  for (const f of chosen) {
    const r = f.repair;
    if (!r) continue;
    if ('mode' in r) chmods.push({ file: r.file, mode: r.mode });
    else byFile.set(r.file, { format: r.format, edits: [...(byFile.get(r.file)?.edits ?? []), ...r.edits] });
  }
  const writes: FileWrite[] = [];
  for (const [file, { format, edits }] of byFile) {
    const before = texts[file] ?? null;
    // A missing file (e.g. ~/.claude.json before Claude Code's first start) starts as `{}`.
    const base = before ?? (format === 'dotenv' ? '' : '{}\n');
    writes.push({ tool: 'doctor', path: file, format, secret: false, before, after: patchFile(file, format, base, edits), edits: [] });
  }
  writes.push(...cleanWrites(planClean(chosen), texts));
  return { writes, chmods };
}
