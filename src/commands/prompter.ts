import type { Answers, ToolId } from '../core/adapters/index.js';
import type { CleanAction } from '../core/adapters/openclaw/clean-plan.js';
import type { RevisitStep } from '../core/adapters/reach.js';
import type { StoreStep } from '../core/adapters/openclaw/store.js';
import type { Finding } from '../core/findings.js';
import type { PartialAnswers } from '../core/questions.js';
import type { RotationPreview } from '../core/usecases/key.js';
import type { SetupReview } from '../core/usecases/setup.js';
import type { Io } from './io.js';

/** Where a key is asked for: a first setup may offer an exported variable; a rotation never offers the old key. */
export interface KeyQuestion {
  readonly plan: Answers['plan'];
  readonly region: Answers['region'];
  /** Variables a ready key may be offered from (none for `key`). */
  readonly env: Io['env'];
  readonly purpose: 'setup' | 'rotate';
}

/**
 * Every question a command may ask a person, one method per kind; only ever present in a
 * terminal. Each method gets what the person needs to see to answer (a review gets its diff), so
 * the line prompts and the wizard can each show it their own way.
 */
export interface Prompter {
  /** Ask for whatever setup answer is still missing; returns complete answers or throws a cancel. */
  answers(partial: PartialAnswers): Promise<Answers>;
  /**
   * After a refusal: the next `answers` starts again at this question, every answer kept. False
   * when a flag gave that answer (there is no question to go back to).
   */
  resumeAt?(step: RevisitStep): boolean;
  key(question: KeyQuestion): Promise<string>;
  /** Codex reads only exported variables: add the export line to a shell profile? */
  shellProfile(): Promise<boolean>;
  /** setup's review: the changes about to be written. */
  reviewSetup(review: SetupReview): Promise<boolean>;
  /** key's review: every copy of the old key about to be replaced. */
  reviewRotation(preview: RotationPreview): Promise<boolean>;
  /** clean: move these stale OpenClaw caches into a backup run? */
  confirmClean(actions: readonly CleanAction[]): Promise<boolean>;
  /** One of OpenClaw's own credential commands, already announced. */
  confirmStoreStep(step: StoreStep, mode: 'clean' | 'key'): Promise<boolean>;
  confirmRestart(): Promise<boolean>;
  /** doctor --fix: apply this finding's repair? */
  confirmFix(finding: Finding): Promise<boolean>;
  /** verify sends one small request per tool, from the tool itself. */
  confirmVerify(tools: readonly ToolId[]): Promise<boolean>;
  /** restore: put back the old value of a key the user changed since the run? */
  restoreOverwrite(file: string, key: string): Promise<boolean>;
  /** restore: later runs changed the same files; undo them first (newest first), then this run? */
  undoLaterRuns(runIds: readonly string[]): Promise<boolean>;
}
