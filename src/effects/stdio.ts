import { fs } from './builtins.js';

/*
 * Text to standard output or error. A terminal gets Node's stream (process.stdout, as Ink and the
 * prompts use it). A pipe or a file gets fs.writeSync: process.stdout for a pipe loads `net` and
 * every stream class, some 6 ms of each headless start (measured on Node 20 and 24), and Node
 * writes pipes and files synchronously on Linux and macOS anyway
 * (https://nodejs.org/api/process.html#a-note-on-process-io), so nothing changes in order.
 */

type Fd = 1 | 2;

const terminal = new Map<number, boolean>();

/**
 * Whether fd 0, 1 or 2 is a terminal, without creating its stream. A terminal is a character
 * device, so anything else (pipe, file, socket) is answered from fstat alone; node:tty, which
 * loads `net`, is asked only about character devices (/dev/null is one too) and on Windows.
 */
export function isTerminal(fd: 0 | Fd): boolean {
  let known = terminal.get(fd);
  if (known === undefined) {
    known = charDevice(fd) && (process.getBuiltinModule('node:tty') as typeof import('node:tty')).isatty(fd);
    terminal.set(fd, known);
  }
  return known;
}

function charDevice(fd: number): boolean {
  if (process.platform === 'win32') return true;
  try {
    return fs.fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}

/**
 * Descriptors whose reader has gone (EPIPE, as after `| head -1`): later text for them is
 * dropped and the run goes on to its end and its real exit code. A setup is not cut off half
 * way because nobody reads its report.
 */
const closed = new Set<Fd>();

/** Why text for fd 1 or 2 could not be written (ENOSPC on a full disk, EIO, …), when it could not. */
const failures = new Map<Fd, string>();

export function writeFailure(fd: Fd): string | undefined {
  return failures.get(fd);
}

function failed(fd: Fd, err: NodeJS.ErrnoException): void {
  failures.set(fd, err.code ?? err.message);
  closed.add(fd);
}

/** The stream of fd 1 or 2, created on first use. */
const streams = new Map<Fd, NodeJS.WriteStream>();
function streamOf(fd: Fd): NodeJS.WriteStream {
  let s = streams.get(fd);
  if (!s) {
    s = fd === 1 ? process.stdout : process.stderr;
    s.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') closed.add(fd);
      else failed(fd, err);
    });
    streams.set(fd, s);
  }
  return s;
}

export function writeText(fd: Fd, text: string): void {
  if (closed.has(fd)) return;
  if (streams.has(fd) || isTerminal(fd)) {
    streamOf(fd).write(text);
    return;
  }
  let bytes = Buffer.from(text, 'utf8');
  while (bytes.length > 0) {
    let n: number;
    try {
      n = fs.writeSync(fd, bytes);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') {
        closed.add(fd);
        return;
      }
      // A descriptor another program left non-blocking is full: the stream waits for it, and
      // takes all later text too, so the order holds.
      if (code === 'EAGAIN') {
        streamOf(fd).write(bytes);
        return;
      }
      // Anything else (a full disk, an I/O error): the rest is dropped, and main.ts makes the
      // run fail, so a script never takes a cut-off report for a whole one.
      failed(fd, err as NodeJS.ErrnoException);
      return;
    }
    bytes = bytes.subarray(n);
  }
}
