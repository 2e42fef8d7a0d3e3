// What main.ts loads when `clean` runs: the use-case and its presenter, in one import.
export { runClean as run } from '../commands/clean.js';
export { cleanPresenter as presenter } from '../presenters/clean.js';
