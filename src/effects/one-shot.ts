import { fsp } from './builtins.js';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { timed, type OnTask } from './tasks.js';

export interface OneShotResult {
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  readonly seconds: number;
  /** stdout and stderr together, as the tool printed them. */
  readonly text: string;
}

/**
 * Run tools' one-shot commands, one after another, in an empty folder, so a project's own
 * settings file cannot change what is being checked.
 */
export async function inEmptyFolder<T>(work: (cwd: string) => Promise<T>): Promise<T> {
  const cwd = await fsp().mkdtemp(path.join(os.tmpdir(), 'tp-setup-verify-'));
  try {
    return await work(cwd);
  } finally {
    await fsp().rm(cwd, { recursive: true, force: true });
  }
}

export async function runOneShot(bin: string, args: readonly string[], opts: { cwd: string; env: Readonly<Record<string, string | undefined>>; timeoutSeconds: number; onTask?: OnTask }): Promise<OneShotResult> {
  return timed(opts.onTask, { kind: 'command', argv: [bin, ...args] }, () => runIt(bin, args, opts), (r) => r.exitCode === 0 && !r.timedOut);
}

async function runIt(bin: string, args: readonly string[], opts: { cwd: string; env: Readonly<Record<string, string | undefined>>; timeoutSeconds: number }): Promise<OneShotResult> {
  const started = Date.now();
  const r = await execa(bin, [...args], {
    cwd: opts.cwd,
    env: opts.env,
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
    timeout: opts.timeoutSeconds * 1000,
    killSignal: 'SIGKILL',
  });
  return {
    exitCode: r.exitCode ?? null,
    timedOut: r.timedOut === true,
    seconds: (Date.now() - started) / 1000,
    text: `${String(r.stdout ?? '')}\n${String(r.stderr ?? '')}`.trim(),
  };
}
