/** `x.y.z` as tools print it (`codex-cli 0.169.0`, `1.18.33`, `OpenClaw 2026.9.6 (eb377ac)`). */
export type Version = readonly [number, number, number];

export function parseVersion(text: string | null | undefined): Version | null {
  const m = /(\d+)\.(\d+)\.(\d+)/.exec(text ?? '');
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

export function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}
