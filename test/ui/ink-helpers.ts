import { EventEmitter } from 'node:events';
import { render as inkRender, type Instance } from 'ink';
import type { ReactElement } from 'react';

/** Key sequences as a terminal sends them. */
export const KEY = {
  enter: '\r',
  up: '\u001B[A',
  down: '\u001B[B',
  space: ' ',
  esc: '\u001B',
  ctrlC: '\u0003',
  backspace: '\u007F',
} as const;

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Writable {
  write(data: string): void;
}

/**
 * Send keys the way a person does: after the screen has settled (Ink attaches a component's key
 * handler in an effect, after the first paint), and with a pause after a lone Esc, which Ink holds
 * back briefly in case it starts an escape sequence.
 */
export async function press(stdin: Writable, ...keys: string[]): Promise<void> {
  for (const k of keys) {
    await sleep(15);
    stdin.write(k);
    await sleep(k === KEY.esc ? 80 : 15);
  }
}

type Expect = string | RegExp | ((frame: string) => boolean);

const matches = (frame: string, expected: Expect): boolean =>
  typeof expected === 'string' ? frame.includes(expected) : expected instanceof RegExp ? expected.test(frame) : expected(frame);

/** Poll the last frame until it shows what is expected; the frame it found, or a timeout naming the screen. */
export async function waitForFrame(lastFrame: () => string | undefined, expected: Expect, timeoutMs = 3000): Promise<string> {
  const start = Date.now();
  for (;;) {
    const frame = lastFrame() ?? '';
    if (matches(frame, expected)) return frame;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${String(expected)}; last frame:\n${frame}`);
    await sleep(10);
  }
}

/** Poll until a condition holds (a callback was called, a promise settled). */
export async function waitUntil(condition: () => boolean, timeoutMs = 3000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** A promise's outcome, readable synchronously once it has settled. */
export function track<T>(p: Promise<T>): { readonly settled: boolean; readonly value?: T; readonly error?: unknown } {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  p.then(
    (value) => {
      state.settled = true;
      state.value = value;
    },
    (error: unknown) => {
      state.settled = true;
      state.error = error;
    },
  );
  return state;
}

class FakeStdout extends EventEmitter {
  frames: string[] = [];
  constructor(readonly columns: number) {
    super();
  }
  write = (frame: string): boolean => {
    this.frames.push(frame);
    return true;
  };
  lastFrame = (): string | undefined => this.frames[this.frames.length - 1];
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (data: string): void => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = (): string | null => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

/**
 * Like ink-testing-library's render, but with a chosen terminal width: ink-testing-library's
 * stdout is always 100 columns, and the wizard must hold up at 60 and below.
 */
export function renderWithColumns(tree: ReactElement, columns: number): { lastFrame: () => string | undefined; stdin: FakeStdin; instance: Instance } {
  const stdout = new FakeStdout(columns);
  const stdin = new FakeStdin();
  const instance = inkRender(tree, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: new FakeStdout(columns) as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  return { lastFrame: stdout.lastFrame, stdin, instance };
}
