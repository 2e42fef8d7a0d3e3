import type { CommonOptions } from '../args.js';
import { modelsTable, type ModelsFilter, type ModelsTable } from '../core/usecases/models.js';
import type { CommandContext, Outcome } from './context.js';

export interface ModelsOptions extends CommonOptions, ModelsFilter {}

export interface ModelsOutcome extends Outcome, ModelsTable {}

/** The catalog as a table: reads nothing but the clock, writes nothing, needs no key. */
export async function runModels(ctx: CommandContext<ModelsOptions>): Promise<ModelsOutcome> {
  return { exitCode: 0, ...modelsTable(ctx.opts, ctx.io.today()) };
}
