import { adapters, TOOL_IDS, type Answers } from '../adapters/index.js';
import { openclawPaths } from '../adapters/openclaw/index.js';
import { joinPath, type Env, type ToolContext } from '../context.js';
import { SHELL_PROFILES } from '../formats/shell-profile.js';
import type { FormatId } from '../formats/types.js';
import type { RecordedEdit } from '../planner.js';

/**
 * The decisions of `restore` that need no disk: which run ids exist at all, whether a manifest is
 * one tp-setup wrote, which files a run may name for its home, and which later runs built on it.
 */

export interface ManifestFile {
  readonly tool: string;
  readonly path: string;
  readonly format: FormatId;
  readonly existedBefore: boolean;
  /** Relative to the run folder; null when the file did not exist. */
  readonly backup: string | null;
  /** What the run wrote, relative to the run folder. */
  readonly written: string;
  readonly sha256Before: string | null;
  readonly sha256After: string;
  readonly modeBefore: number | null;
  readonly modeAfter: number | null;
  readonly edits: readonly RecordedEdit[];
  /** The run removed the file (moved it into the run folder); restore puts it back. */
  readonly removed?: boolean;
}

/**
 * A byte copy of a file another program changes (OpenClaw's SQLite store and the files its own
 * commands rewrite or rename). Restore puts it back whole, and only while the file is still
 * byte-identical to what the run left (sha256After), unless forced.
 */
export interface ManifestSnapshot {
  readonly kind: 'snapshot';
  readonly tool: string;
  readonly path: string;
  /** The unit it is restored with: a SQLite database path for its `-wal`/`-shm`, else its own path. */
  readonly group: string;
  readonly role: 'file' | 'db' | 'wal' | 'shm';
  readonly existedBefore: boolean;
  /** The bytes before, relative to the run folder; null when the file did not exist. */
  readonly backup: string | null;
  readonly sha256Before: string | null;
  /** null: the run left no file there (removed or renamed by the command). */
  sha256After: string | null;
  readonly modeBefore: number | null;
}

/** A command of another tool the run ran (never with a key in its arguments). */
export interface ManifestCommand {
  readonly argv: readonly string[];
  readonly exitCode: number;
}

/**
 * `pending` while a run writes, `complete` once it has, `rolled-back` when a failed write was put
 * back, `refused` when it ended with exit 4 before writing any config.
 */
export const RUN_STATUSES = ['pending', 'complete', 'rolled-back', 'refused'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface Manifest {
  readonly schemaVersion: 1;
  readonly runId: string;
  readonly command: string;
  readonly createdAt: string;
  status: RunStatus;
  readonly answers?: Answers;
  /** For restore runs: the run they undid. */
  readonly restoreOf?: string;
  /** The path variables the adapters read, as they were when the run ran (see pathEnv). */
  readonly env?: Readonly<Record<string, string>>;
  files: ManifestFile[];
  snapshots?: ManifestSnapshot[];
  commands?: ManifestCommand[];
}

/** The shape newRunId makes: `20261122T150102Z-3fa9`. Anything else is not a run. */
export const RUN_ID = /^\d{8}T\d{6}Z-[0-9a-f]{4}$/;

export function isRunId(value: string): boolean {
  return RUN_ID.test(value);
}

/** A backup inside a run folder: `files/<name>`, one plain name, nothing that climbs out. */
const RUN_FILE = /^files[\\/](?!\.\.?$)[^/\\\0]+$/;

export function isRunFileName(rel: string): boolean {
  return RUN_FILE.test(rel);
}

const SHA = /^[0-9a-f]{64}$/;

type Check = (v: unknown) => boolean;
const str: Check = (v) => typeof v === 'string';
const bool: Check = (v) => typeof v === 'boolean';
const nullable = (c: Check): Check => (v) => v === null || c(v);
const optional = (c: Check): Check => (v) => v === undefined || c(v);
const sha: Check = (v) => typeof v === 'string' && SHA.test(v);
const mode: Check = (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 0o7777;
const runFile: Check = (v) => typeof v === 'string' && isRunFileName(v);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const edit: Check = (v) => isObj(v) && ['set', 'delete', 'insert'].includes(v.op as string) && Array.isArray(v.path) && v.path.every((p) => typeof p === 'string' || Number.isInteger(p));

function fields(v: unknown, spec: Readonly<Record<string, Check>>): string | null {
  if (!isObj(v)) return 'not an object';
  for (const [k, c] of Object.entries(spec)) if (!c(v[k])) return `field ${k}`;
  return null;
}

const FILE_SPEC: Readonly<Record<string, Check>> = {
  tool: str, path: str, format: str, existedBefore: bool, backup: nullable(runFile), written: runFile,
  sha256Before: nullable(sha), sha256After: sha, modeBefore: nullable(mode), modeAfter: nullable(mode),
  edits: (v) => Array.isArray(v) && v.every(edit), removed: optional(bool),
};
const SNAPSHOT_SPEC: Readonly<Record<string, Check>> = {
  kind: (v) => v === 'snapshot', tool: str, path: str, group: str, role: (v) => ['file', 'db', 'wal', 'shm'].includes(v as string),
  existedBefore: bool, backup: nullable(runFile), sha256Before: nullable(sha), sha256After: nullable(sha), modeBefore: nullable(mode),
};
const RUN_SPEC: Readonly<Record<string, Check>> = {
  schemaVersion: (v) => v === 1, runId: (v) => typeof v === 'string' && isRunId(v), command: str,
  createdAt: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)), status: (v) => (RUN_STATUSES as readonly unknown[]).includes(v),
  restoreOf: optional((v) => typeof v === 'string' && isRunId(v)), answers: optional(isObj),
  env: optional((v) => isObj(v) && Object.values(v).every(str)), files: Array.isArray, snapshots: optional(Array.isArray), commands: optional(Array.isArray),
};

/** A manifest's text → the manifest, or why it is not one tp-setup wrote (a corrupt or edited file). */
export function parseManifest(text: string, runId: string): { ok: true; manifest: Manifest } | { ok: false; reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `not JSON (${(err as Error).message})` };
  }
  const bad = fields(value, RUN_SPEC);
  if (bad) return { ok: false, reason: `wrong schema: ${bad}` };
  const m = value as unknown as Manifest;
  if (m.runId !== runId) return { ok: false, reason: `run id ${m.runId} is not its folder's` };
  for (const [i, f] of m.files.entries()) {
    const why = fields(f, FILE_SPEC);
    if (why) return { ok: false, reason: `files[${i}]: ${why}` };
    if ((f.backup === null) !== (f.sha256Before === null)) return { ok: false, reason: `files[${i}]: backup and sha256Before disagree` };
  }
  for (const [i, s] of (m.snapshots ?? []).entries()) {
    const why = fields(s, SNAPSHOT_SPEC);
    if (why) return { ok: false, reason: `snapshots[${i}]: ${why}` };
  }
  return { ok: true, manifest: m };
}

/** A run that wrote nothing: refused, rolled back, or stopped before its first write. */
export function wroteNothing(m: Manifest): boolean {
  if (m.status === 'complete') return false;
  if (m.status === 'pending') return m.files.length === 0 && (m.snapshots ?? []).length === 0;
  return true;
}

/**
 * The environment variables the adapters read while naming their files, with their values: what
 * a run records so that `restore` later names the same files, whatever the shell has then.
 * Found by resolving every adapter's files through an environment that notes each read.
 */
export function pathEnv(env: Env, home: string, platform: string): Record<string, string> {
  const read = new Set<string>();
  const noting = new Proxy(env, {
    get: (target, name) => {
      if (typeof name !== 'string') return undefined;
      read.add(name);
      return target[name];
    },
  });
  allowedFiles({ home, env: noting, platform, versions: {} }, []);
  const out: Record<string, string> = {};
  for (const name of [...read].sort()) {
    const v = env[name];
    // SHELL only picks which profile `auto` means; every profile is allowed anyway.
    if (v !== undefined && v !== '' && name !== 'SHELL') out[name] = v;
  }
  return out;
}

/** Files under every subfolder of a folder: `<dir>/<one name>/<rel>`. */
interface SubdirRule {
  readonly dir: string;
  readonly rel: string;
}

export interface AllowedFiles {
  readonly exact: ReadonlySet<string>;
  readonly subdirs: readonly SubdirRule[];
}

/**
 * Every file tp-setup may write for this home: each adapter's targets (alternatives too), its
 * setup extras for the recorded shell profiles, the shell profiles `key` edits, the per-agent
 * files the doctor reads and `clean` moves, and OpenClaw's state files its snapshots cover.
 */
export function allowedFiles(ctx: ToolContext, shellProfiles: readonly string[]): AllowedFiles {
  const exact = new Set<string>();
  const subdirs: SubdirRule[] = [];
  const answers = (shellProfile: string): Answers => ({ plan: 'coding-lite' as Answers['plan'], region: 'cn', tools: [...TOOL_IDS], models: [], thinking: false, shellProfile, keyStorage: 'env' });
  for (const tool of TOOL_IDS) {
    const a = adapters[tool];
    for (const t of a.targets(ctx)) for (const p of [t.path, ...(t.alternatives ?? [])]) exact.add(p);
    for (const profile of ['auto', ...shellProfiles]) for (const t of a.setupExtras?.(ctx, answers(profile)) ?? []) exact.add(t.path);
    for (const s of a.inspectSubdirs?.(ctx) ?? []) for (const rel of s.files) subdirs.push({ dir: s.dir, rel });
  }
  for (const name of SHELL_PROFILES) exact.add(joinPath(ctx.home, name));
  const { stateDir } = openclawPaths(ctx);
  subdirs.push({ dir: stateDir, rel: '' }, { dir: joinPath(stateDir, 'state'), rel: '' }, { dir: joinPath(stateDir, 'agents'), rel: 'agent/*' });
  return { exact, subdirs };
}

/** An absolute path with no `.`/`..` parts, doubled slashes or NUL: the only form a run records. */
function plainAbsolute(p: string): boolean {
  return p.startsWith('/') && !p.includes('\0') && !p.includes('//') && !p.split('/').some((s) => s === '.' || s === '..');
}

function under(p: string, dir: string, rel: string): boolean {
  const base = dir.replace(/\/+$/, '');
  if (!p.startsWith(`${base}/`)) return false;
  const rest = p.slice(base.length + 1).split('/');
  if (rel === '') return rest.length === 1;
  const want = rel.split('/');
  // `<one name>/<rel>`, where a `*` in rel is one name.
  return rest.length === want.length + 1 && want.every((w, i) => w === '*' || w === rest[i + 1]);
}

export function isAllowedFile(p: string, allowed: AllowedFiles): boolean {
  if (!plainAbsolute(p)) return false;
  if (allowed.exact.has(p)) return true;
  return allowed.subdirs.some((r) => under(p, r.dir, r.rel));
}

/**
 * The recorded path variables restore honours: a value inside the home, or one the current
 * environment has too. A manifest edited to point a variable at /etc names nothing outside.
 */
export function trustedEnv(recorded: Readonly<Record<string, string>>, current: Env, home: string): Record<string, string> {
  const base = home.replace(/\/+$/, '');
  return Object.fromEntries(Object.entries(recorded).filter(([k, v]) => current[k] === v || (plainAbsolute(v) && v.startsWith(`${base}/`))));
}

/** The files a run's manifest names that it may not: outside what the adapters name for its home. */
export function outsideFiles(m: Manifest, home: string, platform: string, current: Env = {}): string[] {
  const env = trustedEnv(m.env ?? {}, current, home);
  const profiles = typeof m.answers?.shellProfile === 'string' ? [m.answers.shellProfile] : [];
  const allowed = allowedFiles({ home, env, platform, versions: {} }, profiles);
  const paths = [...m.files.map((f) => f.path), ...(m.snapshots ?? []).flatMap((s) => [s.path, s.group])];
  return [...new Set(paths.filter((p) => !isAllowedFile(p, allowed)))];
}

function touched(m: Manifest): Set<string> {
  return new Set([...m.files.map((f) => f.path), ...(m.snapshots ?? []).map((s) => s.path)]);
}

function byTime(a: Manifest, b: Manifest): number {
  return a.createdAt.localeCompare(b.createdAt) || a.runId.localeCompare(b.runId);
}

/**
 * Which runs that wrote still have their effect: a restore cancels the run it undid (and itself), a
 * restore of that restore brings the effect back as its own. Oldest first.
 */
export function activeRuns(runs: readonly Manifest[]): Manifest[] {
  const active = new Set<string>();
  // A pending run that wrote files (killed part-way) may have changed them too.
  for (const r of [...runs].filter((x) => !wroteNothing(x)).sort(byTime)) {
    if (r.restoreOf && active.has(r.restoreOf)) active.delete(r.restoreOf);
    else active.add(r.runId);
  }
  return [...runs].filter((r) => active.has(r.runId)).sort(byTime);
}

/** The complete restore run that undid this run and still stands, if any. */
export function undoneBy(target: Manifest, runs: readonly Manifest[]): string | null {
  let by: string | null = null;
  const active = new Set<string>();
  for (const r of [...runs].filter((x) => x.status === 'complete').sort(byTime)) {
    if (r.restoreOf !== undefined && active.has(r.restoreOf)) {
      active.delete(r.restoreOf);
      if (r.restoreOf === target.runId) by = r.runId;
      else if (r.restoreOf === by) by = null;
    } else {
      active.add(r.runId);
      // A restore of that restore: the run's effect is back.
      if (r.restoreOf !== undefined && r.restoreOf === by) by = null;
    }
  }
  return by;
}

/** Later runs that still stand and touched a file this run touched: to undo first, newest first. */
export function laterRuns(target: Manifest, runs: readonly Manifest[]): Manifest[] {
  const files = touched(target);
  const out: Manifest[] = [];
  // Oldest first, so a run that built on a later run (not on this one) is found too.
  for (const r of activeRuns(runs)) {
    if (r.runId === target.runId || byTime(r, target) <= 0) continue;
    const mine = touched(r);
    if (![...mine].some((p) => files.has(p))) continue;
    out.push(r);
    for (const p of mine) files.add(p);
  }
  return out.reverse();
}
