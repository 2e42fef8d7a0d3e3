import path from 'node:path';
import type { Answers } from '../core/adapters/index.js';
import { ensurePrivateDir, readFileState, writeAtomic } from './fs.js';

/**
 * tp-setup's own record of what it configured where (never the key), so later runs know the
 * plan of a config without guessing it from the host.
 */
export interface ConfiguredTool {
  readonly plan: Answers['plan'];
  readonly region: Answers['region'];
  readonly models: readonly string[];
  readonly files: readonly string[];
  readonly runId: string;
  readonly updatedAt: string;
}

export interface StateRecord {
  readonly schemaVersion: 1;
  readonly tools: Record<string, ConfiguredTool>;
}

const FILE = 'state.json';

/** The record, or an empty one when it is missing, unreadable, not a plain file or not JSON. */
export async function readState(stateDir: string): Promise<StateRecord> {
  try {
    const { text } = await readFileState(path.join(stateDir, FILE));
    if (text === null) return { schemaVersion: 1, tools: {} };
    return JSON.parse(text) as StateRecord;
  } catch {
    return { schemaVersion: 1, tools: {} };
  }
}

export async function recordConfigured(stateDir: string, answers: Answers, runId: string, files: readonly string[]): Promise<void> {
  const state = await readState(stateDir);
  const updatedAt = new Date().toISOString();
  for (const tool of answers.tools) {
    state.tools[tool] = {
      plan: answers.plan,
      region: answers.region,
      models: answers.models,
      files: files.filter((f) => f),
      runId,
      updatedAt,
    };
  }
  await ensurePrivateDir(stateDir);
  await writeAtomic(path.join(stateDir, FILE), `${JSON.stringify(state, null, 2)}\n`, 0o600);
}
