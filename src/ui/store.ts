import type { CleanAction } from '../core/adapters/openclaw/clean-plan.js';
import type { ChangeRow } from '../core/usecases/setup.js';
import type { Manifest } from '../effects/runs.js';
import type { Detection, MenuChoice } from './detect.js';
import type { QuestionState } from './questions-reducer.js';

/**
 * What the wizard shows, as plain data: a transcript of finished steps (printed once, kept on
 * screen after exit) and the one screen waiting for the user. The flow writes it; the views
 * only read it. No ink or react here.
 */
export type BlockKind = 'title' | 'text' | 'error' | 'progress' | 'answers' | 'note' | 'diff';
export interface Block {
  readonly id: number;
  readonly kind: BlockKind;
  readonly text: string;
}

/** A slow step still running (src/effects/tasks.ts): shown with a spinner and its elapsed time. */
export interface RunningTask {
  readonly id: number;
  readonly label: string;
  /** Date.now() when it started. */
  readonly startedAt: number;
}

export interface Review {
  readonly header: Record<string, string>;
  readonly changes: readonly ChangeRow[];
  readonly diffs: readonly string[];
  readonly caches: readonly CleanAction[];
  /** What to know before saying yes (the key's kind, an unlisted model): each shown once, here. */
  readonly notes?: readonly { readonly severity: string; readonly message: string }[];
}

export type Screen =
  | { readonly kind: 'busy'; readonly label: string }
  | { readonly kind: 'menu'; readonly detection: Detection; readonly choices: readonly MenuChoice[] }
  | {
      readonly kind: 'questions';
      readonly initial: QuestionState;
      readonly canLeave: boolean;
      /** Where the key step looks for a key the user already exported. */
      readonly env: Readonly<Record<string, string | undefined>>;
      /** Installed tools are ticked in advance. */
      readonly installed: Readonly<Record<string, string | null | undefined>>;
    }
  | { readonly kind: 'confirm'; readonly message: string; readonly defaultYes: boolean }
  | { readonly kind: 'review'; readonly review: Review }
  | { readonly kind: 'runs'; readonly runs: readonly Manifest[] };

/** How a screen ends: an answer, a step back, or Ctrl+C. */
export class BackSignal extends Error {
  override readonly name = 'BackSignal';
}
export class CancelSignal extends Error {
  override readonly name = 'CancelSignal';
}

export interface WizardState {
  readonly blocks: readonly Block[];
  readonly screen: Screen | null;
  /** Slow steps running now, oldest first. */
  readonly tasks: readonly RunningTask[];
  /** Changes with every ask, so two screens of the same kind in a row never share state. */
  readonly screenId: number;
  /** Apply has started: Ctrl+C now waits for the run to finish or roll back. */
  readonly applying: boolean;
  readonly cancelRequested: boolean;
}

type Pending = { readonly resolve: (value: unknown) => void; readonly reject: (err: Error) => void };

export class WizardStore {
  private state: WizardState = { blocks: [], screen: null, tasks: [], screenId: 0, applying: false, cancelRequested: false };
  private readonly listeners = new Set<() => void>();
  private pending: Pending | null = null;
  private nextId = 0;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): WizardState => this.state;

  private set(patch: Partial<WizardState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  print(kind: BlockKind, text: string): void {
    const trimmed = text.replace(/\n+$/, '');
    if (trimmed === '') return;
    this.set({ blocks: [...this.state.blocks, { id: this.nextId++, kind, text: trimmed }] });
  }

  /** A slow step started: its spinner shows until `endTask`. */
  startTask(id: number, label: string, startedAt = Date.now()): void {
    this.set({ tasks: [...this.state.tasks, { id, label, startedAt }] });
  }

  /** A slow step ended: its spinner goes, and its result joins the transcript. */
  endTask(id: number, result: string): void {
    this.set({ tasks: this.state.tasks.filter((task) => task.id !== id) });
    this.print('progress', result);
  }

  busy(label: string): void {
    this.set({ screen: { kind: 'busy', label } });
  }

  /** Show a screen and wait for the user's answer to it. */
  ask<T>(screen: Screen): Promise<T> {
    if (this.state.cancelRequested) return Promise.reject(new CancelSignal());
    return new Promise<T>((resolve, reject) => {
      this.pending = { resolve: resolve as (v: unknown) => void, reject };
      this.set({ screen, screenId: this.state.screenId + 1 });
    });
  }

  /** The current screen's answer. */
  answer(value: unknown): void {
    const p = this.pending;
    this.pending = null;
    this.set({ screen: null });
    p?.resolve(value);
  }

  back(): void {
    const p = this.pending;
    this.pending = null;
    this.set({ screen: null });
    p?.reject(new BackSignal());
  }

  setApplying(applying: boolean): void {
    this.set({ applying });
  }

  /** Ctrl+C: before apply, leave now; during apply, let the run finish first. */
  interrupt(): void {
    this.set({ cancelRequested: true });
    if (this.state.applying) return;
    const p = this.pending;
    this.pending = null;
    p?.reject(new CancelSignal());
  }

  done(): void {
    this.set({ screen: null });
  }
}
