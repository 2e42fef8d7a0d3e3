// What main.ts loads when `explain` runs: the use-case and its presenter, in one import.
export { runExplain as run } from '../commands/explain.js';
export { explainPresenter as presenter } from '../presenters/explain.js';
