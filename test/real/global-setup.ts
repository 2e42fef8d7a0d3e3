/**
 * Installs (or finds in the cache) the pinned real tools once, before any test file runs, so the
 * install time never counts against a test's timeout. The outcome per tool is handed to the tests
 * with `provide`; a tool that cannot be installed is skipped there with this error in its name.
 */

import type { TestProject } from 'vitest/node';
import { cacheRoot, ensureTools, PINS, selectedTools, type ToolKey, type ToolStatus } from './tools.js';

declare module 'vitest' {
  export interface ProvidedContext {
    realTools: Partial<Record<ToolKey, ToolStatus>>;
    realToolsSelection: string;
  }
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1e6)} MB`;
}

export default async function setup(project: TestProject): Promise<void> {
  const only = selectedTools();
  const started = Date.now();
  const statuses: Partial<Record<ToolKey, ToolStatus>> =
    only !== undefined && only.length === 0 ? {} : await ensureTools(only);
  const lines = [`real tools in ${cacheRoot()} (${((Date.now() - started) / 1000).toFixed(1)} s):`];
  for (const key of Object.keys(PINS) as ToolKey[]) {
    const s = statuses[key];
    if (!s) continue;
    const pin = PINS[key];
    lines.push(
      s.ok
        ? `  ${`${pin.pkg}@${pin.version}`.padEnd(34)} ${(s.ok.installSeconds === null ? 'cached' : `installed in ${s.ok.installSeconds.toFixed(1)} s`).padEnd(20)} ${mb(s.ok.bytes).padStart(8)}  ${s.ok.versionOutput}`
        : `  ${`${pin.pkg}@${pin.version}`.padEnd(34)} CANNOT RUN: ${s.error}`,
    );
  }
  if (lines.length === 1) lines.push('  (none selected: TP_SETUP_REAL_TOOLS=none)');
  process.stdout.write(`${lines.join('\n')}\n`);
  project.provide('realTools', statuses);
  project.provide('realToolsSelection', process.env.TP_SETUP_REAL_TOOLS ?? '');
}
