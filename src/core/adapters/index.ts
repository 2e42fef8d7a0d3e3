import { claudeCode } from './claude-code.js';
import { codex } from './codex.js';
import { cline, cursor, kiloVscode } from './guides.js';
import { hermes } from './hermes.js';
import { openclaw } from './openclaw.js';
import { kilo, opencode } from './opencode-like.js';
import { qwenCode } from './qwen-code.js';
import type { ToolAdapter, ToolId } from './types.js';

export const adapters: Readonly<Record<ToolId, ToolAdapter>> = {
  openclaw,
  'qwen-code': qwenCode,
  'claude-code': claudeCode,
  opencode,
  codex,
  kilo,
  hermes,
  cursor,
  cline,
  'kilo-vscode': kiloVscode,
};

export * from './types.js';
