// What main.ts loads when `key` runs: the use-case and its presenter, in one import.
export { runKey as run } from '../commands/key.js';
export { keyPresenter as presenter } from '../presenters/key.js';
