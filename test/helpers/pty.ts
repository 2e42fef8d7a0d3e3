import { spawn, type IPty } from '@lydell/node-pty';
import stripAnsi from 'strip-ansi';
import { CLI } from './cli.js';

/** The built CLI in a real pseudo-terminal, the way a person runs it. */
export class PtyRun {
  private buffer = '';
  readonly exited: Promise<number>;
  private readonly pty: IPty;

  /** `after` is applied last: a test of the CI rules sets CI itself. */
  constructor(args: readonly string[], env: Record<string, string>, cols = 100, after: Record<string, string> = {}, rows = 40) {
    // CI=false: the child must behave as a person's terminal, whatever the parent runs under.
    // node-pty sets TERM from `name`: pass the caller's TERM through it (TERM=dumb must arrive).
    this.pty = spawn(process.execPath, [CLI, ...args], { name: env.TERM ?? 'xterm-color', cols, rows, env: { ...env, CI: 'false', ...after } });
    this.pty.onData((d) => {
      this.buffer += d;
    });
    this.exited = new Promise((resolve) => this.pty.onExit((e) => resolve(e.exitCode)));
  }

  /** Everything the program wrote, escape codes included. */
  get raw(): string {
    return this.buffer;
  }

  get output(): string {
    return stripAnsi(this.buffer);
  }

  async waitFor(text: string | RegExp, timeoutMs = 15_000): Promise<void> {
    const start = Date.now();
    while (!(typeof text === 'string' ? this.output.includes(text) : text.test(this.output))) {
      if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${String(text)}; screen:\n${this.output.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  write(keys: string): void {
    this.pty.write(keys);
  }

  kill(): void {
    this.pty.kill();
  }
}

export const KEYS = { enter: '\r', down: '\u001B[B', up: '\u001B[A', space: ' ', ctrlC: '\u0003' } as const;
