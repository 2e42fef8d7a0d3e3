// What main.ts loads when `backups` runs: the use-case and its presenter, in one import.
export { runBackups as run } from '../commands/restore.js';
export { backupsPresenter as presenter } from '../presenters/restore.js';
