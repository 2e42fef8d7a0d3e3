import { execa, type ResultPromise } from 'execa';
import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = path.join(ROOT, 'dist', 'cli.cjs');
/** Obvious fakes only: real-looking keys must never be committed. */
export const PLAN_KEY = 'sk-sp-test-0000-1111-2222-abcd';
export const PAYG_KEY = 'sk-test-payg-0000-1111-2222-wxyz';

export async function tempHome(prefix = 'tp-home-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

/**
 * The environment a user's shell would give the CLI, minus anything of the developer's own
 * (their ANTHROPIC_API_KEY must not leak into a test), plus what the test adds.
 */
/**
 * Where runs keep V8's compiled code (src/effects/script-cache.ts, and Node's compile cache on
 * Node 22.1 and later): one folder outside the temporary homes, so a snapshot of a home holds
 * the tools' files only and later runs start warm, as a user's do.
 */
export const TEST_COMPILE_CACHE = path.join(os.tmpdir(), `tp-setup-test-compile-cache-${process.getuid?.() ?? 0}`);

export function cleanEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: home, LANG: 'C.UTF-8', CI: 'true', TP_SETUP_LANG: 'en', NODE_COMPILE_CACHE: TEST_COMPILE_CACHE, ...extra };
}

export interface RunResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the built CLI as a real child process. */
export function spawnCli(args: readonly string[], opts: { env: Record<string, string>; input?: string }): ResultPromise {
  return execa(process.execPath, [CLI, ...args], {
    env: opts.env,
    extendEnv: false,
    reject: false,
    ...(opts.input !== undefined ? { input: opts.input } : { stdin: 'ignore' }),
  });
}

export async function runCli(args: readonly string[], opts: { env: Record<string, string>; input?: string }): Promise<RunResult> {
  const r = await spawnCli(args, opts);
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** Every file under a folder: relative path → bytes as text and mode. */
export async function snapshotTree(dir: string): Promise<Map<string, { text: string; mode: number }>> {
  const out = new Map<string, { text: string; mode: number }>();
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) out.set(path.relative(dir, p), { text: await readFile(p, 'utf8'), mode: (await stat(p)).mode & 0o777 });
    }
  };
  await walk(dir);
  return out;
}
