// What main.ts loads when `restore` runs: the use-case and its presenter, in one import.
export { runRestore as run } from '../commands/restore.js';
export { restorePresenter as presenter } from '../presenters/restore.js';
