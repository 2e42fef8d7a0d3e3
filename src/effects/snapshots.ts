import { fsp } from './builtins.js';
import path from 'node:path';
import { planSnapshotUnits, type SnapshotMember, type SnapshotRestore } from '../core/adapters/openclaw/store.js';
import { readBytes, removeFile, sha256, writeAtomicBytes } from './fs.js';
import { entryCount, readRunBytes, saveManifest, writeRunBytes, type ManifestSnapshot, type OpenRun } from './runs.js';

/**
 * Byte backups of files another program changes: OpenClaw's SQLite databases (with their
 * `-wal`/`-shm`), and the files its own commands rewrite or rename. Taken before the program
 * runs, completed after it, kept in the run folder, and put back by `restore` only while the
 * file is still exactly what the run left.
 */

function roleOf(file: string): { role: ManifestSnapshot['role']; group: string } {
  const m = /^(.*\.sqlite)-(wal|shm|journal)$/.exec(file);
  if (m) return { role: m[2] === 'shm' ? 'shm' : 'wal', group: m[1]! };
  return { role: file.endsWith('.sqlite') ? 'db' : 'file', group: file };
}

async function filesIn(dir: string): Promise<string[]> {
  try {
    const entries = await fsp().readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => path.join(dir, e.name));
  } catch {
    return [];
  }
}

/**
 * Every file an OpenClaw credential command may change: openclaw.json, the shared state folder
 * (`state/openclaw.sqlite` and its companions) and each agent's own folder (its
 * `openclaw-agent.sqlite`, legacy auth files and what OpenClaw renames them to).
 */
export async function openclawStateFiles(configPath: string, stateDir: string): Promise<string[]> {
  const out = new Set<string>([configPath]);
  for (const f of await filesIn(path.join(stateDir, 'state'))) out.add(f);
  let agents: string[] = [];
  try {
    agents = (await fsp().readdir(path.join(stateDir, 'agents'), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch {
    // no agents yet
  }
  for (const a of agents) for (const f of await filesIn(path.join(stateDir, 'agents', a, 'agent'))) out.add(f);
  return [...out].sort();
}

function slug(index: number, file: string): string {
  return `${String(index + 1).padStart(2, '0')}-${path.basename(file).replace(/^\.+/, '')}.snapshot`;
}

/**
 * Copy each file's bytes into the run before the program runs. The manifest is saved straight
 * away, so even a run killed half-way leaves the backups findable.
 */
export async function snapshotBefore(run: OpenRun, files: readonly string[], tool: string): Promise<void> {
  const list = (run.manifest.snapshots ??= []);
  for (const file of files) {
    if (list.some((s) => s.path === file)) continue;
    const state = await readBytes(file);
    const backup = state ? await writeRunBytes(run.dir, slug(entryCount(run.manifest), file), state.bytes) : null;
    const sha = state ? sha256(state.bytes) : null;
    list.push({ kind: 'snapshot', tool, path: file, ...roleOf(file), existedBefore: state !== null, backup, sha256Before: sha, sha256After: sha, modeBefore: state?.mode ?? null });
  }
  await saveManifest(run.dir, run.manifest);
}

/**
 * Record what the program left: every file it changed, removed or created. Files it did not
 * touch leave the manifest (and their copies the run folder), unless a database of theirs
 * changed: a database goes back only together with its `-wal` and `-shm`.
 */
export async function snapshotAfter(run: OpenRun, files: readonly string[], tool: string): Promise<void> {
  const list = (run.manifest.snapshots ??= []);
  for (const file of files) {
    if (!list.some((s) => s.path === file)) {
      list.push({ kind: 'snapshot', tool, path: file, ...roleOf(file), existedBefore: false, backup: null, sha256Before: null, sha256After: null, modeBefore: null });
    }
  }
  for (const s of list) {
    const state = await readBytes(s.path);
    s.sha256After = state ? sha256(state.bytes) : null;
  }
  const changedGroups = new Set(list.filter((s) => s.sha256After !== s.sha256Before && s.role !== 'shm').map((s) => s.group));
  const keep = list.filter((s) => changedGroups.has(s.group));
  for (const s of list) if (!keep.includes(s) && s.backup) await removeFile(path.join(run.dir, s.backup));
  run.manifest.snapshots = keep;
  await saveManifest(run.dir, run.manifest);
}

export interface SnapshotRestoreRow {
  readonly group: string;
  readonly paths: readonly string[];
  readonly plan: SnapshotRestore;
}

/** Decide, per unit, whether a run's snapshots can go back (pure decision, current bytes read here). */
export async function planSnapshots(entries: readonly ManifestSnapshot[], force: boolean): Promise<SnapshotRestoreRow[]> {
  const groups = new Map<string, ManifestSnapshot[]>();
  for (const e of entries) groups.set(e.group, [...(groups.get(e.group) ?? []), e]);
  const units: { group: string; all: ManifestSnapshot[]; members: SnapshotMember[] }[] = [];
  for (const [group, members] of groups) {
    const all = [...members];
    // A database's companions that appeared since (an empty log, an index) go with it.
    if (members.some((m) => m.role === 'db')) {
      for (const [suffix, role] of [['-wal', 'wal'], ['-shm', 'shm']] as const) {
        const p = `${group}${suffix}`;
        if (!all.some((m) => m.path === p)) all.push({ kind: 'snapshot', tool: members[0]!.tool, path: p, group, role, existedBefore: false, backup: null, sha256Before: null, sha256After: null, modeBefore: null });
      }
    }
    const now = await Promise.all(all.map(async (m) => {
      const b = await readBytes(m.path);
      return b ? sha256(b.bytes) : null;
    }));
    units.push({ group, all, members: all.map((m, i) => ({ path: m.path, role: m.role, shaBefore: m.sha256Before, shaAfter: m.sha256After, shaNow: now[i]! })) });
  }
  const plans = planSnapshotUnits(units.map((u) => u.members), force);
  return units.map((u, i) => ({ group: u.group, paths: u.all.map((m) => m.path), plan: plans[i]! }));
}

/**
 * Put units back: their current bytes first go into `run` (so this restore can be undone in turn),
 * then each file gets its bytes from `sourceDir`, or is removed where it did not exist.
 */
export async function putBackSnapshots(entries: readonly ManifestSnapshot[], rows: readonly SnapshotRestoreRow[], sourceDir: string, run: OpenRun): Promise<void> {
  const chosen = rows.filter((r) => r.plan.kind === 'restore');
  if (chosen.length === 0) return;
  const paths = chosen.flatMap((r) => r.paths);
  const tool = entries[0]?.tool ?? 'openclaw';
  await snapshotBefore(run, paths, tool);
  for (const p of paths) {
    const e = entries.find((x) => x.path === p);
    if (e?.existedBefore && e.backup) await writeAtomicBytes(p, await readRunBytes(sourceDir, e.backup), e.modeBefore ?? 0o600);
    else await removeFile(p);
  }
  await snapshotAfter(run, paths, tool);
}
