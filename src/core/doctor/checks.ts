import type { ProviderView } from '../adapters/types.js';
import { catalog, classifyBaseUrl, getModel, plansOf } from '../catalog/index.js';
import { membershipFindings } from '../questions.js';
import type { HostFamily, PlanId, RegionId } from '../catalog/types.js';
import { finding, type Finding, type Repair } from '../findings.js';
import type { KeyPath } from '../formats/types.js';
import { classifyKey, keyFindings, normalizeKey } from '../keys.js';
import { thinkingBudget } from '../adapters/thinking.js';

/** The path each protocol needs on each host family (docs/plans.md#url-forms). */
const EXPECTED_PATH: Record<ProviderView['protocol'], Record<HostFamily, string>> = {
  openai: { coding: '/v1', 'token-plan': '/compatible-mode/v1', payg: '/compatible-mode/v1' },
  anthropic: { coding: '/apps/anthropic', 'token-plan': '/apps/anthropic', payg: '/apps/anthropic' },
  'anthropic-sdk': { coding: '/apps/anthropic/v1', 'token-plan': '/apps/anthropic/v1', payg: '/apps/anthropic/v1' },
};

/** The plans a host family can mean; an edition cannot be read from a URL (docs/plans.md#plans). */

/** A host that is meant to be Alibaba's but is not one we know: a typo or a made-up region. */
function looksAlibaba(host: string): boolean {
  return /aliyuncs\.com$|dashscope|maas|aliyun/.test(host);
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}

export function closestHost(host: string): string {
  return [...catalog.hosts].sort((x, y) => editDistance(host, x.host) - editDistance(host, y.host))[0]?.host ?? '';
}

/** A one-value repair in the view's own file, when the reader said where the value sits. */
function repairOf(view: ProviderView, path: KeyPath | undefined, value: string | number): { repair?: Repair } {
  const v = view.stringValues ? String(value) : value;
  return path && view.format ? { repair: { file: view.file, format: view.format, edits: [{ op: 'set', path, value: v }] } } : {};
}

/**
 * Key findings when the plan is unknown (a gateway URL and nothing recorded): hygiene, and only
 * the kinds no plan accepts (ModelScope, another vendor's, an unrecognised format).
 */
function planlessKeyFindings(value: string): Finding[] {
  const kind = classifyKey(value);
  const anyPlan = kind === 'modelscope' || kind === 'other-vendor' || kind === 'unknown';
  return keyFindings(value, 'coding', 'cn').filter((f) => f.code !== 'KEY_WRONG_KIND' || anyPlan);
}

export interface ViewContext {
  /** What tp-setup recorded when it wrote this tool's config: the plan and region the user chose. */
  readonly recorded?: { readonly plan: PlanId; readonly region: RegionId };
}

/** Every offline check of one provider configuration (docs/plans.md#offline-checks). */
export function checkView(view: ProviderView, vc: ViewContext = {}): Finding[] {
  const out: Finding[] = [];
  const at = { tool: view.tool, file: view.file };
  const url = view.baseUrl ? classifyBaseUrl(view.baseUrl) : undefined;
  const family = url?.family;
  const region = url?.region;
  const rec = vc.recorded;

  if (url && view.baseUrl && family) {
    // A host only third parties use: it may well work, but no official page says so yet.
    if (url.level === 'reported') out.push(finding('URL_REPORTED_HOST', 'warning', { ...at, keyPath: view.keyPath, params: { host: url.host } }));
    const expected = EXPECTED_PATH[view.protocol][family];
    const path = url.path.replace(/\/+$/, '') || '/';
    if (path !== expected) {
      // Same host, the path this protocol needs: nothing the user chose is guessed.
      const fixed = `${new URL(view.baseUrl.includes('://') ? view.baseUrl : `https://${view.baseUrl}`).origin}${expected}`;
      out.push(finding('URL_WRONG_PATH', 'error', { ...at, keyPath: view.keyPath, params: { path, expected, url: view.baseUrl }, ...repairOf(view, view.baseUrlPath, fixed) }));
    }
    if (rec && region && rec.region !== region && plansOf(family).includes(rec.plan)) {
      out.push(finding('URL_REGION_MISMATCH', 'error', { ...at, keyPath: view.keyPath, params: { chosen: rec.region, host: region } }));
    }
  } else if (url && looksAlibaba(url.host)) {
    out.push(finding('URL_UNKNOWN_HOST', 'error', { ...at, keyPath: view.keyPath, params: { host: url.host, closest: closestHost(url.host) } }));
  }

  // A gateway or proxy in front of the plan tells nothing from its URL: the plan is what tp-setup
  // recorded, or unknown. The key is checked either way; only its kind needs the plan.
  const plans = family ? (rec && plansOf(family).includes(rec.plan) ? [rec.plan] : plansOf(family)) : rec ? [rec.plan] : [];
  const plan = plans[0];
  // Personal or Team cannot be told from a URL: name the family, not an edition.
  const planLabel = plans.length > 1 ? 'Token Plan' : plan ?? 'Model Studio';
  const keyRegion = region ?? rec?.region ?? 'cn';

  const key = view.key;
  const keyAt = { ...at, file: key.file ?? view.file, keyPath: key.keyPath ?? key.variable ?? view.keyPath };
  if (key.source === 'unset') {
    out.push(finding('KEY_ENV_UNSET', 'error', { ...keyAt, params: { variable: key.variable ?? '' } }));
  } else if (key.source === 'none' || key.value === undefined) {
    out.push(finding('KEY_MISSING', 'error', { ...keyAt, params: { plan: planLabel } }));
  } else {
    for (const f of plan ? keyFindings(key.value, plan, keyRegion) : planlessKeyFindings(key.value)) {
      // Whitespace, quotes or line breaks around a pasted key are cleaned; a damaged key never is.
      const clean = f.code === 'KEY_MALFORMED' && f.severity === 'warning' && key.path && key.file && key.format
        ? { repair: { file: key.file, format: key.format, edits: [{ op: 'set' as const, path: key.path, value: normalizeKey(key.value).value }] } }
        : {};
      out.push({ ...f, ...keyAt, params: { ...(f.params ?? {}), plan: planLabel }, ...clean });
    }
  }
  // Models and limits are read against the host's plan; a gateway's URL names none.
  if (!family) return out;

  for (const m of view.models) {
    const spec = getModel(m.id);
    const mAt = { ...at, keyPath: m.keyPath };
    out.push(...membershipFindings(plans, region, m.id).map((f) => ({ ...f, ...mAt })));
    if (!spec) continue;
    if (view.protocol !== 'openai' && !spec.anthropic) {
      out.push(finding('MODEL_NOT_ON_PROTOCOL', 'error', { ...mAt, params: { model: m.id, protocol: 'anthropic' } }));
    }
    // The AI SDK's Anthropic client asks for min(output, 32000) plus the thinking budget (docs/tools/opencode.md#thinking).
    const sent = view.protocol === 'anthropic-sdk' && m.thinkingBudget !== undefined ? Math.min(m.maxTokens ?? 32_000, 32_000) + m.thinkingBudget : m.maxTokens;
    // Repairs aim at tp-setup's own budget: inside the maximum and at most half the output limit.
    const safe = thinkingBudget(spec);
    const budget = m.thinkingBudget !== undefined && safe !== null ? Math.min(m.thinkingBudget, safe) : m.thinkingBudget;
    if (sent !== undefined && sent > spec.maxOutput) {
      // With the AI SDK the budget comes on top of the output limit: both shrink to fit together.
      const sdk = view.protocol === 'anthropic-sdk' && budget !== undefined;
      const output = sdk ? spec.maxOutput - budget : spec.maxOutput;
      const edits = [
        ...(m.paths?.maxTokens ? [{ op: 'set' as const, path: m.paths.maxTokens, value: view.stringValues ? String(output) : output }] : []),
        ...(sdk && budget !== m.thinkingBudget && m.paths?.budget ? [{ op: 'set' as const, path: m.paths.budget, value: budget }] : []),
      ];
      const repair = output > 0 && edits.length > 0 && view.format ? { repair: { file: view.file, format: view.format, edits } } : {};
      out.push(finding('MAX_TOKENS_TOO_HIGH', 'error', { ...mAt, params: { model: m.id, value: sent, limit: spec.maxOutput }, ...repair }));
    }
    if (m.context !== undefined && m.context > spec.contextWindow) {
      out.push(finding('CONTEXT_TOO_LARGE', 'warning', { ...mAt, params: { model: m.id, value: m.context, limit: spec.contextWindow }, ...repairOf(view, m.paths?.context, spec.contextWindow) }));
    }
    if (m.thinking && spec.thinking === 'none') {
      const drop = m.paths?.thinking ?? [];
      const repair = drop.length > 0 && view.format ? { repair: { file: view.file, format: view.format, edits: drop.map((p) => ({ op: 'delete' as const, path: p })) } } : {};
      out.push(finding('THINKING_UNSUPPORTED', 'error', { ...mAt, params: { model: m.id }, ...repair }));
    } else if (m.thinkingBudget !== undefined && spec.maxThinkingBudget !== null && m.thinkingBudget > spec.maxThinkingBudget) {
      out.push(finding('THINKING_BUDGET_TOO_HIGH', 'error', { ...mAt, params: { model: m.id, value: m.thinkingBudget, limit: spec.maxThinkingBudget }, ...repairOf(view, m.paths?.budget, safe ?? spec.maxThinkingBudget) }));
    }
  }
  return out;
}
