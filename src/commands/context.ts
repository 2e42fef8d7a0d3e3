import type { ToolId } from '../core/adapters/index.js';
import type { StoreStep } from '../core/adapters/openclaw/store.js';
import type { Progress } from '../effects/apply.js';
import type { Homes } from '../effects/paths.js';
import type { TaskEvent } from '../effects/tasks.js';
import type { Lang } from '../i18n/index.js';
import type { Io } from './io.js';
import type { Prompter } from './prompter.js';

/** What a command reports while it works, before its outcome: presenters decide how it shows. */
export type RunEvent =
  | Progress
  /** A step that can take over a second (src/effects/tasks.ts): started, then ended with its seconds. */
  | TaskEvent
  | { readonly type: 'store-step'; readonly step: StoreStep; readonly argv: readonly string[] }
  | { readonly type: 'verify-start'; readonly tools: readonly ToolId[] };

/**
 * The one context every command runs in. `prompter` is null where nobody can answer (headless,
 * --yes, --json); `events` shows progress as the chosen presenter does (stderr lines, wizard
 * blocks, nothing for --json).
 */
export interface CommandContext<O> {
  readonly opts: O;
  readonly io: Io;
  readonly homes: Homes;
  readonly lang: Lang;
  readonly prompter: Prompter | null;
  readonly events: (event: RunEvent) => void;
}

/** The same context with other options: a command that runs another (setup → clean). */
export function withOpts<A, B>(ctx: CommandContext<A>, opts: B): CommandContext<B> {
  return { ...ctx, opts };
}

/** Every command's outcome carries its exit code; the rest is for its presenter. */
export interface Outcome {
  readonly exitCode: number;
}
