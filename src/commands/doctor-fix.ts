import { promises as fsp } from 'node:fs';
import { planClean } from '../core/clean-plan.js';
import type { Finding } from '../core/findings.js';
import { editorFor, patchText } from '../core/formats/index.js';
import type { Edit, FormatId } from '../core/formats/types.js';
import { applyWrites, ChangedOnDisk, RolledBack, type FileWrite } from '../effects/apply.js';
import { readFileState } from '../effects/fs.js';
import { CliError, ExitCode } from '../exit-codes.js';

/**
 * Apply the chosen findings' repairs in one backed-up run: edits through the same writer as
 * setup (restore undoes them), caches moved aside as `clean` does, modes only ever tightened.
 * Nothing here needs a value only the user knows, so no key is ever invented.
 */
export async function applyRepairs(chosen: readonly Finding[], stateDir: string, onProgress: Parameters<typeof applyWrites>[1]['onProgress']): Promise<{ runId: string | null; chmods: string[] }> {
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
    const state = await readFileState(file);
    // A missing file (e.g. ~/.claude.json before Claude Code's first start) starts as `{}`.
    const base = state.text ?? (format === 'dotenv' ? '' : '{}\n');
    writes.push({ tool: 'doctor', path: file, format, secret: false, before: state.text, after: patchText(editorFor(format), base, edits).text, edits: [] });
  }
  for (const a of planClean(chosen)) {
    const before = await fsp.readFile(a.file, 'utf8');
    const after = a.kind === 'move' ? null : patchText(editorFor('json'), before, a.edits).text;
    writes.push({ tool: 'openclaw', path: a.file, format: 'json', secret: true, before, after, edits: [] });
  }
  let runId: string | null = null;
  try {
    runId = (await applyWrites(writes, { stateDir, command: 'doctor-fix', onProgress })).runId;
  } catch (err) {
    if (err instanceof ChangedOnDisk) throw new CliError(ExitCode.REFUSED, 'error.changedOnDisk', { path: err.paths.join(', ') });
    if (err instanceof RolledBack) throw new CliError(ExitCode.ROLLED_BACK, 'error.rolledBack', { path: err.failedPath, reason: err.reason });
    throw err;
  }
  for (const c of chmods) await fsp.chmod(c.file, c.mode);
  return { runId, chmods: chmods.map((c) => c.file) };
}
