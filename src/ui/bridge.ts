import type { Io } from '../commands/io.js';
import type { Prompter } from '../commands/prompter.js';
import { textReporter, type Reporter } from '../commands/report.js';
import type { Answers } from '../core/adapters/index.js';
import type { CleanAction } from '../core/clean-plan.js';
import type { PartialAnswers } from '../core/questions.js';
import type { Translate } from '../i18n/index.js';
import { atLastStep, initQuestions, toAnswers, type QuestionState } from './questions-reducer.js';
import { BackSignal, type BlockKind, type Review, type WizardStore } from './store.js';

/** Esc on the first question: leave the flow for the start screen. */
export class LeaveSignal extends Error {
  override readonly name = 'LeaveSignal';
}

/**
 * The commands' Prompter, answered on the wizard's screens. The commands stay the only flow:
 * setup, key, clean, doctor --fix and restore ask through this exactly as they ask the line
 * prompts.
 */
export class WizardPrompter implements Prompter {
  /** The last questions walked, so "back" from the review lands on the last one with every answer. */
  private questions: QuestionState | null = null;
  private resume = false;
  /** Set by the reporter's preview: the next confirm() is the review screen. */
  review: Omit<Review, 'caches'> | null = null;
  /** Caches the start screen found, listed on the review. */
  caches: readonly CleanAction[] = [];
  /** Whether Esc on the first question may leave (there is a start screen to go back to). */
  canLeave = false;

  constructor(
    private readonly store: WizardStore,
    private readonly t: Translate,
    private readonly env: Io['env'],
    private readonly askKey: boolean,
  ) {}

  /** Installed tools from the start screen: pre-ticked on the tools question. */
  installed: Readonly<Record<string, string | null | undefined>> = {};

  /** After "back" from the review: the next questions start at the last one. */
  resumeAtLast(): void {
    this.resume = true;
  }

  private async walk(initial: QuestionState, env: Io['env']): Promise<QuestionState> {
    try {
      const done = await this.store.ask<QuestionState>({ kind: 'questions', initial, canLeave: this.canLeave, env, installed: this.installed });
      this.questions = done;
      return done;
    } catch (err) {
      if (err instanceof BackSignal) throw new LeaveSignal();
      throw err;
    }
  }

  async complete(partial: PartialAnswers): Promise<Answers> {
    const initial = this.resume && this.questions ? atLastStep(this.questions) : initQuestions(partial, this.askKey, this.questions?.values);
    this.resume = false;
    return toAnswers(await this.walk(initial, this.env)).answers;
  }

  /** `env` is where a ready key may be offered from: `key` passes none, so the old key is never offered back. */
  async key(plan: Answers['plan'], region: Answers['region'], env: Io['env']): Promise<string> {
    const asked = this.questions ? toAnswers(this.questions).key : undefined;
    if (asked !== undefined && !this.resume) return asked;
    // Every other answer came from flags: the key is the only question.
    const preset: PartialAnswers = { plan, region, tools: [], models: [], thinking: true };
    const previous = this.questions?.values.key ? { key: this.questions.values.key } : {};
    const initial = this.resume && this.questions ? atLastStep(this.questions) : initQuestions(preset, true, previous);
    this.resume = false;
    const done = await this.walk(initial, env);
    return toAnswers(done).key ?? '';
  }

  async confirm(): Promise<boolean> {
    const review = this.review;
    this.review = null;
    if (review && review.diffs.length > 0) this.store.print('diff', `${this.t('wizard.review.diff')}\n${review.diffs.join('\n')}`);
    const yes = review
      ? await this.store.ask<boolean>({ kind: 'review', review: { ...review, caches: this.caches } })
      : await this.store.ask<boolean>({ kind: 'confirm', message: this.t('prompt.confirm'), defaultYes: true });
    // From here on the command writes: Ctrl+C waits for the run to finish or roll back.
    if (yes) this.store.setApplying(true);
    return yes;
  }

  ask(message: string, defaultYes = true): Promise<boolean> {
    return this.store.ask<boolean>({ kind: 'confirm', message, defaultYes });
  }

  askOverwrite(file: string, key: string): Promise<boolean> {
    return this.ask(this.t('prompt.restoreKey', { path: file, key }), false);
  }
}

const KIND_OF: Partial<Record<keyof Reporter, BlockKind>> = { progress: 'progress', failure: 'error' };

/**
 * The commands' Reporter, printed into the wizard's transcript. The texts are the headless text
 * reporter's, so both modes say the same thing; only the review becomes a screen of its own.
 */
export function wizardReporter(store: WizardStore, t: Translate, home: string, prompter: WizardPrompter): Reporter {
  let buffer = '';
  const capture: Io = {
    env: {},
    platform: process.platform,
    stdout: (s) => (buffer += s),
    stderr: (s) => (buffer += s),
    readStdin: async () => '',
    stdinIsTTY: false,
    stdoutIsTTY: false,
  };
  const base = textReporter(capture, t, () => home);
  const wrapped = { ...base } as Record<keyof Reporter, unknown>;
  for (const name of Object.keys(base) as (keyof Reporter)[]) {
    if (name === 'text') continue;
    const method = base[name] as (...args: unknown[]) => void;
    wrapped[name] = (...args: unknown[]) => {
      method(...args);
      store.print(KIND_OF[name] ?? 'text', buffer);
      buffer = '';
    };
  }
  const reporter = wrapped as unknown as Reporter;
  return {
    ...reporter,
    preview(header, changes, diffs) {
      prompter.review = { header, changes, diffs };
    },
    setupResult(report) {
      store.setApplying(false);
      reporter.setupResult(report);
    },
  };
}
