import type { Finding } from '../../findings.js';
import type { Edit } from '../../formats/types.js';

/** The finding codes `clean` acts on: OpenClaw per-agent caches that disagree with openclaw.json. */
export const CLEANABLE = ['OPENCLAW_STALE_CACHE', 'OPENCLAW_OAUTH_LEFTOVER', 'OPENCLAW_DISCOVERY_PROFILE'] as const;

/** A finding `doctor --fix` can repair: a mechanical repair, or a cache `clean` moves aside. */
export function canRepair(f: Finding): boolean {
  return f.repair !== undefined || (CLEANABLE as readonly string[]).includes(f.code);
}

export type CleanAction =
  /** Move the whole file aside: OpenClaw rebuilds models.json, and auth.json is an OAuth leftover. */
  | { readonly kind: 'move'; readonly file: string; readonly finding: Finding }
  /** Remove single profiles from auth-profiles.json, keeping every other profile. */
  | { readonly kind: 'edit'; readonly file: string; readonly edits: readonly Edit[]; readonly findings: readonly Finding[] };

/** Doctor findings → what to do with each cache file, one action per file. */
export function planClean(findings: readonly Finding[]): CleanAction[] {
  const actions = new Map<string, CleanAction>();
  for (const f of findings) {
    if (!f.file || !(CLEANABLE as readonly string[]).includes(f.code)) continue;
    if (f.file.endsWith('auth-profiles.json') && f.keyPath?.startsWith('profiles.')) {
      const prev = actions.get(f.file);
      const edit: Edit = { op: 'delete', path: ['profiles', f.keyPath.slice('profiles.'.length)] };
      const base = prev?.kind === 'edit' ? prev : { kind: 'edit' as const, file: f.file, edits: [], findings: [] };
      actions.set(f.file, { ...base, edits: [...base.edits, edit], findings: [...base.findings, f] });
    } else if (!actions.has(f.file)) {
      actions.set(f.file, { kind: 'move', file: f.file, finding: f });
    }
  }
  return [...actions.values()];
}
