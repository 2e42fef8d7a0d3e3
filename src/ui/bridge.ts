import type { Io } from '../commands/io.js';
import type { KeyQuestion, Prompter } from '../commands/prompter.js';
import type { Answers } from '../core/adapters/index.js';
import type { CleanAction } from '../core/adapters/openclaw/clean-plan.js';
import type { RevisitStep } from '../core/adapters/reach.js';
import type { PartialAnswers } from '../core/questions.js';
import type { Translate } from '../i18n/index.js';
import { cleanActionLines } from '../presenters/clean.js';
import { rotationLines } from '../presenters/key.js';
import { setupHeader } from '../presenters/setup.js';
import { lines, renderFinding, type View } from '../presenters/view.js';
import { atLastStep, initQuestions, isAsked, toAnswers, type QuestionState, type StepId, type Values } from './questions-reducer.js';
import { BackSignal, type WizardStore } from './store.js';

/** Esc on the first question: leave the flow for the start screen. */
export class LeaveSignal extends Error {
  override readonly name = 'LeaveSignal';
}

/** What the start screen found, for the questions and the review. */
export interface PrompterSetting {
  /** Installed tools: pre-ticked on the tools question. */
  readonly installed: Readonly<Record<string, string | null | undefined>>;
  /** Caches the start screen found, listed on the review. */
  readonly caches: readonly CleanAction[];
  /** Esc on the first question may leave: there is a start screen to go back to. */
  readonly canLeave: boolean;
  /** Defaults from the current configs (plan, edition, region, tools, model, key). */
  readonly current?: Values;
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
  private resumeStep: StepId | undefined;
  private setting: PrompterSetting = { installed: {}, caches: [], canLeave: false };

  constructor(
    private readonly store: WizardStore,
    private readonly view: View,
    private readonly env: Io['env'],
    private readonly askKey: boolean,
  ) {}

  private get t(): Translate {
    return this.view.t;
  }

  /** What the start screen found, before the next flow asks anything. */
  useSetting(setting: PrompterSetting): void {
    this.setting = setting;
  }

  /** After "back" from the review: the next questions start at the last one. */
  resumeAtLast(): void {
    this.resume = true;
  }

  /**
   * After a refusal: the next questions start at the step it is about, every answer kept. False
   * when that answer came from a flag (no screen to go back to).
   */
  resumeAt(step: RevisitStep): boolean {
    if (!this.questions || !isAsked(this.questions, step)) return false;
    this.resumeStep = step;
    return true;
  }

  private async walk(initial: QuestionState, env: Io['env']): Promise<QuestionState> {
    try {
      const done = await this.store.ask<QuestionState>({ kind: 'questions', initial, canLeave: this.setting.canLeave, env, installed: this.setting.installed });
      this.questions = done;
      return done;
    } catch (err) {
      if (err instanceof BackSignal) throw new LeaveSignal();
      throw err;
    }
  }

  async answers(partial: PartialAnswers): Promise<Answers> {
    const step = this.resumeStep;
    const initial = step && this.questions ? { ...this.questions, step } : this.resume && this.questions ? atLastStep(this.questions) : initQuestions(partial, this.askKey, this.questions?.values ?? this.setting.current);
    this.resume = false;
    this.resumeStep = undefined;
    return toAnswers(await this.walk(initial, this.env)).answers;
  }

  /** `env` is where a ready key may be offered from: `key` passes none, so the old key is never offered back. */
  async key({ plan, region, env, purpose }: KeyQuestion): Promise<string> {
    const asked = this.questions ? toAnswers(this.questions).key : undefined;
    if (asked !== undefined && !this.resume) return asked;
    // Every other answer came from flags: the key is the only question.
    const preset: PartialAnswers = { plan, region, tools: [], models: [], thinking: true };
    const previous = this.questions?.values.key ? { key: this.questions.values.key } : {};
    const initial = this.resume && this.questions ? atLastStep(this.questions) : { ...initQuestions(preset, true, previous), keyPurpose: purpose };
    this.resume = false;
    const done = await this.walk(initial, env);
    return toAnswers(done).key ?? '';
  }

  /** A yes/no screen; a yes to a question that starts writing makes Ctrl+C wait for the run. */
  private async ask(message: string, defaultYes = true, writes = false): Promise<boolean> {
    const yes = await this.store.ask<boolean>({ kind: 'confirm', message, defaultYes });
    if (yes && writes) this.store.setApplying(true);
    return yes;
  }

  /** Text a line prompt would print above its question, as a transcript block. */
  private printLines(fill: (out: (line?: string) => void) => void): void {
    const { out, block } = lines();
    fill(out);
    for (const b of block()) this.store.print('text', b.text);
  }

  shellProfile(): Promise<boolean> {
    return this.ask(this.t('prompt.shellProfile'));
  }

  async reviewSetup(review: Parameters<Prompter['reviewSetup']>[0]): Promise<boolean> {
    const yes = await this.store.ask<boolean>({
      kind: 'review',
      review: {
        header: setupHeader(review.answers, this.t),
        changes: review.changes,
        diffs: review.diffs,
        caches: this.setting.caches,
        notes: review.findings.filter((f) => f.severity !== 'info').map((f) => ({ severity: f.severity, message: renderFinding(f, this.t).message })),
      },
    });
    if (yes) {
      // The diff joins the transcript only once it is the one being written: a review left with
      // Esc leaves nothing behind.
      if (review.diffs.length > 0) this.store.print('diff', `${this.t('wizard.review.diff')}\n${review.diffs.join('\n')}`);
      // From here on the command writes: Ctrl+C waits for the run to finish or roll back.
      this.store.setApplying(true);
    }
    return yes;
  }

  reviewRotation(preview: Parameters<Prompter['reviewRotation']>[0]): Promise<boolean> {
    this.printLines((out) => rotationLines(out, preview, this.view));
    return this.ask(this.t('prompt.confirm'), true, true);
  }

  confirmClean(actions: readonly CleanAction[]): Promise<boolean> {
    this.printLines((out) => cleanActionLines(out, actions, this.view));
    return this.ask(this.t('prompt.clean'));
  }

  confirmStoreStep(_step: unknown, mode: 'clean' | 'key'): Promise<boolean> {
    return this.ask(this.t(mode === 'clean' ? 'prompt.clean' : 'prompt.store'));
  }

  confirmRestart(): Promise<boolean> {
    return this.ask(this.t('prompt.restart'));
  }

  confirmFix(f: Parameters<Prompter['confirmFix']>[0]): Promise<boolean> {
    return this.ask(this.t('prompt.fix', { what: renderFinding(f, this.t).message }));
  }

  confirmVerify(): Promise<boolean> {
    return this.ask(this.t('prompt.verify'));
  }

  restoreOverwrite(file: string, key: string): Promise<boolean> {
    return this.ask(this.t('prompt.restoreKey', { path: file, key }), false);
  }

  undoLaterRuns(runIds: readonly string[]): Promise<boolean> {
    return this.ask(this.t('prompt.undoLaterRuns', { later: runIds.join(', ') }), false);
  }
}
