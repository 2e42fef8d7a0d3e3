// What main.ts loads when `setup` runs: the use-case and its presenter, in one import.
export { runSetup as run } from '../commands/setup.js';
export { setupPresenter as presenter } from '../presenters/setup.js';
