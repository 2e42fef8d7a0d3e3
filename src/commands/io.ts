import { isTerminal, writeFailure, writeText } from '../effects/stdio.js';

/** The process as the commands see it: passed in, so tests can run commands in-process too. */
export interface Io {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  readonly stdinIsTTY: boolean;
  readonly stdoutIsTTY: boolean;
  /** The terminal's width when stdout is one. */
  readonly stdoutColumns?: number;
  /** Why standard output could not be written, if it could not (the process's own output only). */
  readonly outputFailure?: () => string | undefined;
  /** Today as YYYY-MM-DD (UTC): how old the catalog is. */
  readonly today: () => string;
}

export function processIo(): Io {
  return {
    env: process.env,
    platform: process.platform,
    stdout: (t) => writeText(1, t),
    stderr: (t) => writeText(2, t),
    outputFailure: () => writeFailure(1),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
      return Buffer.concat(chunks).toString('utf8');
    },
    // Asked when a command needs to know (doctor --json never does), so no stream or node:tty is
    // loaded for nothing; the columns come from the stream only in a terminal, where it is needed anyway.
    get stdinIsTTY() {
      return isTerminal(0);
    },
    get stdoutIsTTY() {
      return isTerminal(1);
    },
    get stdoutColumns() {
      return isTerminal(1) ? process.stdout.columns : undefined;
    },
    today: () => isoDay(new Date()),
  };
}

/**
 * CI as Ink judges it (a CI variable that is set and not "0" or "false", even empty): where Ink
 * would draw only the last frame, no wizard may start.
 */
function inCi(env: Io['env']): boolean {
  const set = (name: string): boolean => name in env && env[name] !== undefined && env[name] !== '0' && env[name] !== 'false';
  return set('CI') || set('CONTINUOUS_INTEGRATION');
}

/**
 * Prompts only where a person can answer them: two TTYs, not CI, not a dumb terminal. Line
 * prompts (`--plain`) need no cursor movement beyond one line, so TERM=dumb keeps them.
 */
export function canPrompt(io: Io, opts: { json: boolean; yes: boolean; plain?: boolean }): boolean {
  return io.stdinIsTTY && io.stdoutIsTTY && !inCi(io.env) && (io.env.TERM !== 'dumb' || opts.plain === true) && !opts.json && !opts.yes;
}

/** Only TERM=dumb kept the questions away: `--plain` would ask them here. */
export function dumbTerminalOnly(io: Io, opts: { json: boolean; yes: boolean; plain?: boolean }): boolean {
  return io.env.TERM === 'dumb' && opts.plain !== true && canPrompt(io, { ...opts, plain: true });
}

/**
 * YYYY-MM-DD of `d` in UTC, as `toISOString().slice(0, 10)` gives it for years 0 to 9999:
 * the first toISOString of a process costs some 0.7 ms on Node 20, the UTC getters nothing.
 */
export function isoDay(d: Date): string {
  const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
}
