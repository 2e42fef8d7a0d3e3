import { getModel } from '../catalog/index.js';
import type { Answers } from './types.js';

/**
 * The context window and output limit to write for a model: the catalog's for a model it knows;
 * for an id it does not know, only what the user passed (`--context-window`, `--max-output`),
 * never a guess. Known models keep the catalog's values: those come with sources.
 */
export function limitsFor(id: string, answers: Pick<Answers, 'limits'>): { readonly context?: number; readonly output?: number } {
  const m = getModel(id);
  if (m) return { context: m.contextWindow, output: m.maxOutput };
  const { context, output } = answers.limits ?? {};
  return { ...(context !== undefined ? { context } : {}), ...(output !== undefined ? { output } : {}) };
}
