import type { Answers } from '../core/adapters/index.js';
import type { PartialAnswers } from '../core/questions.js';
import type { Io } from './io.js';

/** The questions a command may ask a person; only ever present in a terminal. */
export interface Prompter {
  /** Ask for whatever is still missing; returns complete answers or throws a cancel. */
  complete(partial: PartialAnswers): Promise<Answers>;
  key(plan: Answers['plan'], region: Answers['region'], env: Io['env']): Promise<string>;
  confirm(): Promise<boolean>;
  /** A yes/no question (clean, restart). */
  ask(message: string): Promise<boolean>;
  /** restore: put back the old value of a key the user changed since the run? */
  askOverwrite(file: string, key: string): Promise<boolean>;
}
