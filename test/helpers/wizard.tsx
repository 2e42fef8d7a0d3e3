import { render } from 'ink-testing-library';
import { parseArgs, type SetupOptions } from '../../src/args.js';
import type { Io } from '../../src/commands/io.js';
import { translator } from '../../src/i18n/index.js';
import { createWizard } from '../../src/ui/wizard.js';

export const KEY = { enter: '\r', up: '\u001B[A', down: '\u001B[B', space: ' ', esc: '\u001B', ctrlC: '\u0003' } as const;

/**
 * The whole wizard in memory: the real flow, commands and writer against a temp home, rendered
 * by ink-testing-library, keys sent through its stdin.
 */
export function startWizard(args: readonly string[], env: Record<string, string>) {
  const cmd = parseArgs(args, env, '0.0.0-test');
  if (cmd.name !== 'setup') throw new Error('the wizard runs for setup only');
  const io: Io = { env, platform: process.platform, stdout: () => {}, stderr: () => {}, readStdin: async () => '', stdinIsTTY: true, stdoutIsTTY: true, today: () => new Date().toISOString().slice(0, 10) };
  const options: SetupOptions = cmd.options;
  const wizard = createWizard(options, io, translator(options.lang));
  const r = render(wizard.element);
  const exit = wizard.run();
  let exitCode: number | null = null;
  void exit.then((c) => (exitCode = c));
  const frame = (): string => r.lastFrame() ?? '';
  return {
    store: wizard.store,
    frame,
    exit,
    get exitCode() {
      return exitCode;
    },
    /** Wait for text on screen; fails with the screen when it never comes. */
    async waitFor(text: string | RegExp, timeoutMs = 10_000): Promise<void> {
      const start = Date.now();
      while (!(typeof text === 'string' ? frame().includes(text) : text.test(frame()))) {
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${String(text)}; screen:\n${frame().slice(-3000)}`);
        await new Promise((res) => setTimeout(res, 15));
      }
      // Let the screen that just appeared register its keys.
      await new Promise((res) => setTimeout(res, 30));
    },
    async press(...keys: string[]): Promise<void> {
      for (const k of keys) {
        r.stdin.write(k);
        // A lone ESC waits briefly for a sequence to follow.
        await new Promise((res) => setTimeout(res, k === KEY.esc ? 120 : 30));
      }
    },
    unmount: () => r.unmount(),
  };
}
