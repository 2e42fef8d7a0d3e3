import type { CommonOptions } from '../args.js';
import { adapters, type ToolId } from '../core/adapters/index.js';
import type { Localised } from '../core/catalog/index.js';
import { ExitCode } from '../core/errors.js';
import { explainText } from '../core/explain/match.js';
import { redactAll } from '../core/keys.js';
import { parseToolsFlag } from '../core/usecases/scan.js';
import { VERIFY_PROMPT } from '../core/usecases/verify.js';
import { scanHome } from '../effects/home-scan.js';
import { inEmptyFolder, runOneShot } from '../effects/one-shot.js';
import type { CommandContext, Outcome } from './context.js';

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
  /** What `explain` makes of the tool's error; the presenter picks the title's language. */
  readonly explained: readonly { readonly id: string; readonly title: Localised }[];
}

export interface VerifyOutcome extends Outcome {
  readonly tools: readonly ToolId[];
  readonly results: readonly VerifyResult[];
}

/**
 * Opt-in: each configured tool sends one tiny request with its own one-shot command, so the
 * request is the tool's, as the plans require; tp-setup itself never sends the key anywhere.
 */
export async function runVerify(ctx: CommandContext<VerifyOptions>): Promise<VerifyOutcome> {
  const { opts, io, homes, prompter } = ctx;
  const scan = await scanHome(homes, parseToolsFlag(opts.tools), io, ctx.events);
  const tools = [...new Set(scan.views.map((v) => v.tool))].filter((t) => adapters[t].oneShot !== undefined);
  const secrets = scan.views.flatMap((v) => (v.key.value ? [v.key.value] : []));
  ctx.events({ type: 'verify-start', tools });
  if (tools.length === 0) return { exitCode: ExitCode.OK, tools, results: [] };
  if (prompter && !opts.yes && !(await prompter.confirmVerify(tools))) return { exitCode: ExitCode.CANCELLED, tools, results: [] };

  const env = { ...io.env, ...(opts.home ? { HOME: homes.home } : {}) };
  const results = await inEmptyFolder(async (cwd) => {
    const out: VerifyResult[] = [];
    for (const tool of tools) {
      const adapter = adapters[tool];
      const r = await runOneShot(adapter.bin!, adapter.oneShot!.args(VERIFY_PROMPT), { cwd, env, timeoutSeconds: opts.timeoutSeconds, onTask: ctx.events });
      const ok = r.exitCode === 0 && !r.timedOut;
      out.push({
        tool,
        ok,
        exitCode: r.exitCode,
        timedOut: r.timedOut,
        seconds: r.seconds,
        output: redactAll(r.text.slice(-1500), secrets),
        explained: ok ? [] : explainText(r.text).entries.slice(0, 3).map((e) => ({ id: e.id, title: e.title })),
      });
    }
    return out;
  });
  return { exitCode: results.every((r) => r.ok) ? ExitCode.OK : ExitCode.CHECK_FAILED, tools, results };
}
