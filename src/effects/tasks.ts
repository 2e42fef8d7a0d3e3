/**
 * Steps that can take over a second (OpenClaw's own commands, `--version` probes, one-shots, the
 * gateway restart, DNS/TLS checks) report a start and an end, so every shell can show what is
 * running and for how long (docs/architecture.md: commands report progress, presenters word it).
 */
export type TaskWhat =
  /** A command line, never with a key (keys go in on stdin). */
  | { readonly kind: 'command'; readonly argv: readonly string[] }
  /** Installed tools asked for their release, in parallel. */
  | { readonly kind: 'versions'; readonly argvs: readonly (readonly string[])[] }
  /** DNS and a TLS handshake with one host. */
  | { readonly kind: 'network'; readonly host: string };

export interface Task {
  readonly id: number;
  readonly what: TaskWhat;
}

export type TaskEvent =
  | { readonly type: 'task-start'; readonly task: Task }
  | { readonly type: 'task-end'; readonly task: Task; readonly ok: boolean; readonly seconds: number };

export type OnTask = (event: TaskEvent) => void;

let nextId = 1;

/** Run `work` as one task: a start event, then an end event with whether `ok` holds and the seconds taken. */
export async function timed<T>(onTask: OnTask | undefined, what: TaskWhat, work: () => Promise<T>, ok: (result: T) => boolean): Promise<T> {
  if (!onTask) return work();
  const task: Task = { id: nextId++, what };
  const started = Date.now();
  onTask({ type: 'task-start', task });
  try {
    const result = await work();
    onTask({ type: 'task-end', task, ok: ok(result), seconds: (Date.now() - started) / 1000 });
    return result;
  } catch (err) {
    onTask({ type: 'task-end', task, ok: false, seconds: (Date.now() - started) / 1000 });
    throw err;
  }
}
