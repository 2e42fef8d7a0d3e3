// What main.ts loads when `models` runs: the use-case and its presenter, in one import.
export { runModels as run } from '../commands/models.js';
export { modelsPresenter as presenter } from '../presenters/models.js';
