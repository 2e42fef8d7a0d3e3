// What main.ts loads when `verify` runs: the use-case and its presenter, in one import.
export { runVerify as run } from '../commands/verify.js';
export { verifyPresenter as presenter } from '../presenters/verify.js';
