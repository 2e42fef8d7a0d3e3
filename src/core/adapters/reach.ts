import { getModel } from '../catalog/index.js';
import type { PlanId, RegionId } from '../catalog/types.js';
import { codexWireApi } from './codex.js';
import { adapters } from './index.js';
import { TOOL_IDS, type ToolId } from './types.js';

/**
 * Which tools can use a model on a plan, before anything is written: the same rules the writers
 * refuse by, and only those a source documents (docs/tools/claude-code.md: Claude Code speaks only
 * the Anthropic protocol; docs/tools/codex.md#wire-api: the newest Codex speaks only the Responses
 * API). The other writers speak the OpenAI-compatible protocol, which every plan model serves.
 */
export type Unreachable = 'MODEL_NOT_ON_PROTOCOL' | 'CODEX_PLAN_UNSUPPORTED' | 'CODEX_MODEL_UNSUPPORTED';

/** The writers: tools whose files tp-setup patches (guides only explain steps). */
export const WRITER_TOOLS: readonly ToolId[] = TOOL_IDS.filter((t) => adapters[t].examine !== undefined);

/**
 * Why this tool cannot use the model on the plan, or null when it can. `codexVersion` is the
 * installed Codex (`codex --version`); without it, the newest release is assumed.
 */
export function unreachable(tool: ToolId, plan: PlanId, region: RegionId, model: string, codexVersion?: string | null): Unreachable | null {
  if (tool === 'claude-code') return getModel(model)?.anthropic === false ? 'MODEL_NOT_ON_PROTOCOL' : null;
  if (tool === 'codex') {
    const wire = codexWireApi(codexVersion ?? null, { plan, region, tools: ['codex'], models: [model], thinking: false });
    return 'problem' in wire ? (wire.problem.code as Unreachable) : null;
  }
  return null;
}

/** The writers that can use the model on the plan. */
export function toolsFor(plan: PlanId, region: RegionId, model: string): ToolId[] {
  return WRITER_TOOLS.filter((t) => unreachable(t, plan, region, model) === null);
}

/** A question whose answer a refusal can be about. */
export type RevisitStep = 'tools' | 'model' | 'key';

/** The step of the questions whose answer a refusal is about: where the wizard and the line prompts go back to. */
export function refusedStep(codes: readonly string[]): RevisitStep | undefined {
  if (codes.includes('CODEX_PLAN_UNSUPPORTED')) return 'tools';
  if (codes.some((c) => c === 'MODEL_NOT_ON_PROTOCOL' || c === 'CODEX_MODEL_UNSUPPORTED' || c === 'MODEL_ID_CASE')) return 'model';
  if (codes.some((c) => c.startsWith('KEY_'))) return 'key';
  return undefined;
}
