import { adapters } from '../adapters/index.js';
import type { ProviderView } from '../adapters/types.js';
import { classifyBaseUrl, plansOf } from '../catalog/index.js';
import type { PlanId, RegionId } from '../catalog/types.js';
import { finding, type Finding } from '../findings.js';
import { classifyKey, keyFindings, maskKey } from '../keys.js';

/** Whether a key is of a kind this view's plan refuses (KEY_WRONG_KIND as an error). */
function wrongKind(value: string, view: ProviderView, recorded: { readonly plan: PlanId; readonly region: RegionId } | undefined): boolean {
  const url = view.baseUrl ? classifyBaseUrl(view.baseUrl) : undefined;
  const family = url?.family;
  const plans = family ? (recorded && plansOf(family).includes(recorded.plan) ? [recorded.plan] : plansOf(family)) : recorded ? [recorded.plan] : [];
  const plan = plans[0];
  if (!plan) return ['modelscope', 'other-vendor'].includes(classifyKey(value));
  return keyFindings(value, plan, url?.region ?? recorded?.region ?? 'cn').some((f) => f.code === 'KEY_WRONG_KIND' && f.severity === 'error');
}

/**
 * The key variable is exported and also set, to another value, in the tool's own `.env`: which
 * one the tool uses (ENV_OVERRIDE: the shell's; ENV_FILE_OVERRIDE: the file's), both masked. An
 * error when the value used is of a kind the plan refuses, a warning otherwise. `profile` is the
 * shell profile tp-setup wrote the export to, when it did.
 */
export function envConflictFinding(
  view: ProviderView,
  recorded: { readonly plan: PlanId; readonly region: RegionId } | undefined,
  profile: string | undefined,
): Finding | undefined {
  const { conflict, value, variable } = view.key;
  if (!conflict || value === undefined || !variable) return undefined;
  const severity = wrongKind(value, view, recorded) ? 'error' : 'warning';
  const params = {
    variable,
    winner: conflict.winner,
    file: conflict.file,
    used: maskKey(value),
    ignored: maskKey(conflict.ignored),
    tool: adapters[view.tool].label,
    source: profile ?? 'environment',
  };
  const at = { tool: view.tool, file: conflict.file, keyPath: variable, params };
  return conflict.winner === 'environment' ? finding('ENV_OVERRIDE', severity, at) : finding('ENV_FILE_OVERRIDE', severity, at);
}
