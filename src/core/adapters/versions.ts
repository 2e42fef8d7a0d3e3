import { finding, type Finding } from '../findings.js';
import type { ToolId } from './types.js';

/** `x.y.z` as tools print it (`codex-cli 0.169.0`, `1.18.33`, `OpenClaw 2026.9.6 (eb377ac)`). */
export type Version = readonly [number, number, number];

export function parseVersion(text: string | null | undefined): Version | null {
  const m = /(\d+)\.(\d+)\.(\d+)/.exec(text ?? '');
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

export function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** The installed release is older than `minimum`, the first that gets `reason` right (setup and doctor alike). */
export function versionTooOld(tool: ToolId, label: string, reason: string, version: Version, minimum: Version): Finding {
  return finding('TOOL_VERSION_TOO_OLD', 'warning', { tool, params: { tool: label, reason, version: version.join('.'), minimum: minimum.join('.') } });
}
