/**
 * OpenClaw's config schema is strict and changed between releases (docs/tools/openclaw.md#versions).
 * These are the release boundaries tp-setup has to respect, as data.
 */
import { compareVersions, parseVersion, type Version } from '../versions.js';

export type CalVer = Version;

export const OPENCLAW_RULES = {
  /** First release whose thinking works with Model Studio (`reasoning` + `thinkingFormat: "qwen"`). */
  thinkingSince: [2026, 3, 2] as CalVer,
  /** `compat.thinkingFormat: "qwen"` makes the whole config invalid in this window. */
  qwenThinkingRejected: { from: [2026, 4, 26] as CalVer, to: [2026, 5, 7] as CalVer },
  /** `agents.defaults.modelPolicy` exists (older releases reject it as an unknown key). */
  modelPolicySince: [2026, 8, 0] as CalVer,
} as const;

/** `OpenClaw 2026.9.6 (eb377ac)` and a bare `2026.3.2` are both printed by real releases. */
export function parseCalVer(text: string | null | undefined): CalVer | null {
  const v = parseVersion(text);
  return v && v[0] >= 2000 ? v : null;
}

export const compareCalVer = compareVersions;

export function formatCalVer(v: CalVer): string {
  return v.join('.');
}

export interface OpenClawFeatures {
  readonly version: CalVer | null;
  readonly qwenThinkingFormat: boolean;
  readonly thinking: boolean;
  readonly modelPolicy: boolean;
}

/** Unknown version (not installed): the shape the vendor documents, with no newer-only keys. */
export function openclawFeatures(versionText: string | null | undefined): OpenClawFeatures {
  const v = parseCalVer(versionText);
  if (!v) return { version: null, qwenThinkingFormat: true, thinking: true, modelPolicy: false };
  const { from, to } = OPENCLAW_RULES.qwenThinkingRejected;
  return {
    version: v,
    qwenThinkingFormat: !(compareCalVer(v, from) >= 0 && compareCalVer(v, to) <= 0),
    thinking: compareCalVer(v, OPENCLAW_RULES.thinkingSince) >= 0,
    modelPolicy: compareCalVer(v, OPENCLAW_RULES.modelPolicySince) >= 0,
  };
}
