import { familyOfPlan } from '../catalog/index.js';
import type { HostFamily, PlanId } from '../catalog/types.js';

/**
 * One variable name per plan family, the names Qwen Code's own presets use (docs/tools/qwen-code.md#presets), so a
 * key exported once serves every tool that reads a variable (Qwen Code, Codex, Hermes).
 */
const PLAN_KEY_VAR: Record<HostFamily, string> = {
  coding: 'BAILIAN_CODING_PLAN_API_KEY',
  'token-plan': 'BAILIAN_TOKEN_PLAN_API_KEY',
  payg: 'DASHSCOPE_API_KEY',
};

export function planKeyVar(plan: PlanId): string {
  return PLAN_KEY_VAR[familyOfPlan(plan)];
}
