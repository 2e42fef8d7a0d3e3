import { execa } from 'execa';
import { redactSecretShapes } from '../core/keys.js';
import { timed, type OnTask } from './tasks.js';

export interface CommandResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

/**
 * The environment OpenClaw's own commands run in: the user's, with OpenClaw pointed at exactly
 * the folder and config tp-setup read (so `--home` and OPENCLAW_* overrides agree), no colours.
 */
export function openclawEnv(env: Readonly<Record<string, string | undefined>>, paths: { config: string; stateDir: string }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return { ...out, OPENCLAW_STATE_DIR: paths.stateDir, OPENCLAW_CONFIG_PATH: paths.config, NO_COLOR: '1' };
}

/** Run `openclaw <args>`; a key, when one is needed, goes in on stdin only. */
export async function runOpenclaw(args: readonly string[], opts: { env: Record<string, string>; input?: string; timeoutMs?: number; onTask?: OnTask }): Promise<CommandResult> {
  return timed(opts.onTask, { kind: 'command', argv: ['openclaw', ...args] }, () => runIt(args, opts), (r) => r.exitCode === 0);
}

async function runIt(args: readonly string[], opts: { env: Record<string, string>; input?: string; timeoutMs?: number }): Promise<CommandResult> {
  const started = Date.now();
  try {
    const r = await execa('openclaw', args, {
      env: opts.env,
      extendEnv: false,
      reject: false,
      timeout: opts.timeoutMs ?? 180_000,
      ...(opts.input !== undefined ? { input: opts.input } : { stdin: 'ignore' as const }),
    });
    return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? ''), seconds: (Date.now() - started) / 1000 };
  } catch (err) {
    return { exitCode: -1, stdout: '', stderr: (err as Error).message, seconds: (Date.now() - started) / 1000 };
  }
}

/**
 * `openclaw gateway restart`, so the running gateway reads the changed files. A failure keeps the
 * end of what it printed (secret-shaped words masked), for the user to read why.
 */
export async function restartGateway(env: Readonly<Record<string, string | undefined>>, onTask?: OnTask): Promise<{ readonly exitCode: number; readonly output: string }> {
  const restart = async (): Promise<{ exitCode: number; output: string }> => {
    const r = await execa('openclaw', ['gateway', 'restart'], { env, reject: false, timeout: 60_000, stdin: 'ignore' });
    const exitCode = r.exitCode ?? -1;
    if (exitCode === 0) return { exitCode, output: '' };
    const text = [String(r.stderr ?? ''), String(r.stdout ?? '')].find((x) => x.trim() !== '') ?? (r.timedOut ? 'timed out after 60 s' : '');
    return { exitCode, output: redactSecretShapes(text.trimEnd().split('\n').slice(-6).join('\n')) };
  };
  return timed(onTask, { kind: 'command', argv: ['openclaw', 'gateway', 'restart'] }, restart, (r) => r.exitCode === 0);
}
