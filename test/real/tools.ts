/**
 * The real coding tools the real-tool suite drives: pinned npm packages, installed once each into
 * a cache folder the suite owns (never into package.json), one folder per package and version so
 * two versions of one tool never collide:
 *
 *   ${TP_SETUP_TOOL_CACHE:-$HOME/.cache/tp-setup-real-tools}/<pkg>@<version>/
 *
 * A marker file is written only after `npm install` succeeded and `<bin> --version` answered; a
 * folder with a marker is reused as it is. A failed install leaves no marker (it is retried on the
 * next run) and its error text is handed to the tests, which then skip that tool with the error
 * in the test's name instead of failing or skipping silently.
 */

import { execa } from 'execa';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import NODE_PINS from './node-pins.json' with { type: 'json' };

export type ToolKey = 'node22' | 'node24' | 'openclaw' | 'qwen-code' | 'claude-code' | 'opencode' | 'codex' | 'codex-chat' | 'kilo' | 'droid' | 'cline';

export interface ToolPin {
  readonly key: ToolKey;
  readonly pkg: string;
  readonly version: string;
  /** The command under `node_modules/.bin`. */
  readonly bin: string;
  /** Install and run with Node 24 first on PATH (OpenClaw's install script refuses Node < 24). */
  readonly node24: boolean;
  /** What `<bin> --version` must print (stdout or stderr). */
  readonly versionText: string;
}

/**
 * Pins from docs/README.md#offline-testing and docs/tools/openclaw.md#versions. The Node pins
 * (node-pins.json, shared with `npm run bench`) are the newest 22.x and 24.x on the registry;
 * OpenClaw 2026.9.6 needs `>=24.16.0 <25`. Node 22 is only for the pack test and the bench.
 */
export const PINS: Readonly<Record<ToolKey, ToolPin>> = {
  node22: { key: 'node22', pkg: 'node', version: NODE_PINS.node22, bin: 'node', node24: false, versionText: `v${NODE_PINS.node22}` },
  node24: { key: 'node24', pkg: 'node', version: NODE_PINS.node24, bin: 'node', node24: false, versionText: `v${NODE_PINS.node24}` },
  openclaw: { key: 'openclaw', pkg: 'openclaw', version: '2026.9.6', bin: 'openclaw', node24: true, versionText: '2026.9.6' },
  'qwen-code': { key: 'qwen-code', pkg: '@qwen-code/qwen-code', version: '0.24.4', bin: 'qwen', node24: true, versionText: '0.24.4' },
  'claude-code': { key: 'claude-code', pkg: '@anthropic-ai/claude-code', version: '2.1.330', bin: 'claude', node24: true, versionText: '2.1.330' },
  opencode: { key: 'opencode', pkg: 'opencode-ai', version: '1.18.33', bin: 'opencode', node24: true, versionText: '1.18.33' },
  codex: { key: 'codex', pkg: '@openai/codex', version: '0.169.0', bin: 'codex', node24: true, versionText: '0.169.0' },
  // Coding Plan needs the Chat Completions wire API, which only old Codex still speaks (docs/tools/codex.md#wire-api).
  'codex-chat': { key: 'codex-chat', pkg: '@openai/codex', version: '0.80.0', bin: 'codex', node24: true, versionText: '0.80.0' },
  // 7.8.1 does not install (its native package is missing on the registry); 7.7.7 does.
  kilo: { key: 'kilo', pkg: '@kilocode/cli', version: '7.7.7', bin: 'kilo', node24: true, versionText: '7.7.7' },
  // The native binary (about 300 MB) comes from the optional dependency @factory/cli-linux-x64; @factory/cli@0.225.1 does not install (docs/tools/droid.md).
  droid: { key: 'droid', pkg: 'droid', version: '0.215.0', bin: 'droid', node24: false, versionText: '0.215.0' },
  // A Node wrapper over a Bun-compiled binary from the optional dependency @cline/cli-linux-x64 (about 152 MB, docs/tools/cline.md).
  cline: { key: 'cline', pkg: 'cline', version: '3.0.65', bin: 'cline', node24: false, versionText: '3.0.65' },
};

export const MARKER = '.tp-setup-installed.json';

export interface InstalledTool {
  readonly key: ToolKey;
  readonly pkg: string;
  readonly version: string;
  readonly dir: string;
  /** Absolute path of the command. */
  readonly bin: string;
  /** PATH entries a run of this tool needs, first: its own `.bin` and, if wanted, Node 24's. */
  readonly pathDirs: readonly string[];
  readonly versionOutput: string;
  /** Seconds the install took in this run; null when the cached copy was reused. */
  readonly installSeconds: number | null;
  readonly bytes: number;
}

export interface ToolStatus {
  readonly ok: InstalledTool | null;
  /** Why the tool cannot run here: the install's or `--version`'s own error text. */
  readonly error: string | null;
}

export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.TP_SETUP_TOOL_CACHE || path.join(os.homedir(), '.cache', 'tp-setup-real-tools');
}

export function dirFor(pin: ToolPin, root = cacheRoot()): string {
  return path.join(root, `${pin.pkg}@${pin.version}`);
}

function binDir(dir: string): string {
  return path.join(dir, 'node_modules', '.bin');
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/** Apparent size of a folder in bytes (`du -sb`); 0 when du is missing. */
export async function folderBytes(dir: string): Promise<number> {
  const r = await execa('du', ['-sb', dir], { reject: false });
  return r.exitCode === 0 ? Number(String(r.stdout).split(/\s+/)[0]) : 0;
}

/** The PATH a tool's install and runs use: its prerequisites first, then the system's. */
function toolPath(dirs: readonly string[]): string {
  return [...dirs, '/usr/local/bin', '/usr/bin', '/bin'].join(path.delimiter);
}

/** npm's own settings, proxies and CA bundles from the environment: what reaching the registry may need. */
function npmPassThrough(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const keep = /^(npm_config_.*|NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR|(HTTPS?|NO|ALL)_PROXY)$/i;
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => keep.test(e[0]) && e[1] !== undefined));
}

/** The last lines of a failed command's output: what a person needs to see in a skip message. */
function tail(text: string, lines = 12): string {
  return text.trim().split('\n').filter((l) => !/Unknown user config "nodedir"/.test(l)).slice(-lines).join('\n');
}

/**
 * A folder lock (mkdir is atomic) so two suites on one machine never install into the same
 * folder at once. A lock older than the longest install is taken as left over by a killed run.
 */
async function withLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const lock = `${dir}.lock`;
  await mkdir(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 20 * 60_000;
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const age = Date.now() - (await stat(lock).then((s) => s.mtimeMs, () => Date.now()));
      if (age > 15 * 60_000) await rm(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      else await new Promise((r) => setTimeout(r, 2000));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

async function runVersion(bin: string, pathDirs: readonly string[], home: string): Promise<{ ok: boolean; text: string }> {
  const r = await execa(bin, ['--version'], {
    env: { PATH: toolPath(pathDirs), HOME: home, LANG: 'C.UTF-8', CI: 'true', NO_COLOR: '1' },
    extendEnv: false,
    reject: false,
    timeout: 60_000,
    stdin: 'ignore',
  });
  const text = `${String(r.stdout)}\n${String(r.stderr)}`.trim();
  return { ok: r.exitCode === 0, text: r.exitCode === 0 ? text : `exit ${r.exitCode ?? r.signal}: ${tail(text)}` };
}

/**
 * Install one pin (or reuse its cached copy) and check that `--version` runs. Never throws for a
 * tool problem: the error comes back in `error`.
 */
export async function ensureTool(pin: ToolPin, node24: InstalledTool | null, root = cacheRoot()): Promise<ToolStatus> {
  const dir = dirFor(pin, root);
  if (pin.node24 && !node24) return { ok: null, error: `needs Node 24, which did not install (${PINS.node24.pkg}@${PINS.node24.version})` };
  const pathDirs = [binDir(dir), ...(pin.node24 && node24 ? [binDir(node24.dir)] : [])];
  const bin = path.join(binDir(dir), pin.bin);
  // --version of some tools writes state under HOME; keep that out of the developer's home.
  const scratchHome = path.join(root, '.home');
  await mkdir(scratchHome, { recursive: true });

  return withLock(dir, async () => {
    const marker = path.join(dir, MARKER);
    let installSeconds: number | null = null;
    if (!(await exists(marker))) {
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
      // A package.json of our own keeps npm from walking up into some other project.
      await writeFile(path.join(dir, 'package.json'), '{ "private": true }\n');
      const started = Date.now();
      const r = await execa('npm', ['install', '--no-audit', '--no-fund', '--prefix', dir, `${pin.pkg}@${pin.version}`], {
        cwd: dir,
        // Only what npm needs: no developer tokens or configs beyond the user's npmrc.
        env: {
          ...npmPassThrough(),
          PATH: toolPath(pin.node24 && node24 ? [binDir(node24.dir), path.dirname(process.execPath)] : [path.dirname(process.execPath)]),
          HOME: os.homedir(),
          LANG: 'C.UTF-8',
          npm_config_update_notifier: 'false',
        },
        extendEnv: false,
        reject: false,
        timeout: 15 * 60_000,
        stdin: 'ignore',
        all: true,
      });
      installSeconds = (Date.now() - started) / 1000;
      if (r.exitCode !== 0) {
        return { ok: null, error: `npm install ${pin.pkg}@${pin.version} failed (exit ${r.exitCode ?? r.signal}): ${tail(String(r.all))}` };
      }
    }
    const version = await runVersion(bin, pathDirs, scratchHome);
    if (!version.ok || !version.text.includes(pin.versionText)) {
      return { ok: null, error: `${pin.bin} --version from ${pin.pkg}@${pin.version} did not answer ${pin.versionText}: ${version.text}` };
    }
    if (installSeconds !== null) {
      await writeFile(marker, `${JSON.stringify({ pkg: pin.pkg, version: pin.version, installSeconds, at: new Date().toISOString() }, null, 2)}\n`);
    }
    return {
      ok: {
        key: pin.key,
        pkg: pin.pkg,
        version: pin.version,
        dir,
        bin,
        pathDirs,
        versionOutput: version.text.split('\n')[0] ?? '',
        installSeconds,
        bytes: await folderBytes(dir),
      },
      error: null,
    };
  });
}

/** Run `fn` over the items, at most `limit` at a time. */
async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * Every pin (or those in `only`): Node 24 first, then the rest a few at a time (npm installs wait
 * on the network and disk more than on the two cores).
 */
export async function ensureTools(only?: readonly ToolKey[], root = cacheRoot()): Promise<Record<ToolKey, ToolStatus>> {
  const wanted = (Object.keys(PINS) as ToolKey[]).filter((k) => k !== 'node24' && k !== 'node22' && (!only || only.includes(k)));
  const node = await ensureTool(PINS.node24, null, root);
  const rest = await pool(wanted, 3, (k) => ensureTool(PINS[k], node.ok, root));
  const result = { node24: node } as Record<ToolKey, ToolStatus>;
  wanted.forEach((k, i) => {
    result[k] = rest[i]!;
  });
  return result;
}

/**
 * `TP_SETUP_REAL_TOOLS=openclaw,qwen-code` limits a run to some tools (all when unset); `none`
 * installs nothing (for running only the mock's own tests).
 */
export function selectedTools(env: NodeJS.ProcessEnv = process.env): ToolKey[] | undefined {
  const raw = env.TP_SETUP_REAL_TOOLS?.trim();
  if (!raw) return undefined;
  if (raw === 'none') return [];
  const keys = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = keys.filter((k) => !(k in PINS));
  if (bad.length) throw new Error(`TP_SETUP_REAL_TOOLS: unknown tool ${bad.join(', ')} (known: ${Object.keys(PINS).join(', ')})`);
  return keys as ToolKey[];
}
