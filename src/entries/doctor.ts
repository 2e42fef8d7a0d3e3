// What main.ts loads when `doctor` runs: the use-case and its presenter, in one import.
export { runDoctor as run } from '../commands/doctor.js';
export { doctorPresenter as presenter } from '../presenters/doctor.js';
