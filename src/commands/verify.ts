import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import type { CommonOptions } from '../args.js';
import { adapters, type ToolId } from '../core/adapters/index.js';
import { explainText } from '../core/explain/match.js';
import { redactSecrets } from '../core/keys.js';
import { ExitCode } from '../exit-codes.js';
import { collectFindings } from './doctor.js';
import type { Io } from './io.js';
import type { Reporter } from './report.js';

export interface VerifyOptions extends CommonOptions {
  readonly tools: string | undefined;
  readonly yes: boolean;
  readonly timeoutSeconds: number;
}

export interface VerifyResult {
  readonly tool: ToolId;
  readonly ok: boolean;
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  readonly seconds: number;
  /** The end of the tool's output, keys masked. */
  readonly output: string;
  /** What `explain` makes of the tool's error. */
  readonly explained: readonly { readonly id: string; readonly title: string }[];
}

const PROMPT = 'Reply with the single word OK.';

/**
 * Opt-in: each configured tool sends one tiny request with its own one-shot command, so the
 * request is the tool's, as the plans require; tp-setup itself never sends the key anywhere.
 */
export async function runVerify(opts: VerifyOptions, io: Io, reporter: Reporter, confirm: (() => Promise<boolean>) | null): Promise<number> {
  const found = await collectFindings(opts.home, opts.tools, io);
  const tools = [...new Set(found.views.map((v) => v.tool))].filter((t) => adapters[t].oneShot !== undefined);
  const secrets = found.views.flatMap((v) => (v.key.value ? [v.key.value] : []));
  reporter.verifyNotice(tools);
  if (tools.length === 0) {
    reporter.verifyResult([]);
    return ExitCode.OK;
  }
  if (confirm && !opts.yes && !(await confirm())) return ExitCode.CANCELLED;

  // An empty folder, so a project's own settings file cannot change what is being checked.
  const cwd = await mkdtemp(path.join(os.tmpdir(), 'tp-setup-verify-'));
  const results: VerifyResult[] = [];
  try {
    for (const tool of tools) {
      const shot = adapters[tool].oneShot!;
      const started = Date.now();
      const r = await execa(shot.bin, [...shot.args(PROMPT)], {
        cwd,
        env: { ...io.env, ...(opts.home ? { HOME: found.ctx.home } : {}) },
        extendEnv: false,
        reject: false,
        stdin: 'ignore',
        timeout: opts.timeoutSeconds * 1000,
        killSignal: 'SIGKILL',
      });
      const text = `${String(r.stdout ?? '')}\n${String(r.stderr ?? '')}`.trim();
      const ok = r.exitCode === 0 && !r.timedOut;
      const explained = ok ? [] : explainText(text).entries.slice(0, 3).map((e) => ({ id: e.id, title: e.title.en }));
      results.push({
        tool,
        ok,
        exitCode: r.exitCode ?? null,
        timedOut: r.timedOut === true,
        seconds: (Date.now() - started) / 1000,
        output: redactSecrets(text.slice(-1500), secrets),
        explained,
      });
    }
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
  reporter.verifyResult(results);
  return results.every((r) => r.ok) ? ExitCode.OK : ExitCode.CHECK_FAILED;
}
