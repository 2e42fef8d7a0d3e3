import { claudeCode } from './claude-code.js';
import { openclaw } from './openclaw.js';
import { qwenCode } from './qwen-code.js';
import type { ToolAdapter, ToolId } from './types.js';

export const adapters: Readonly<Record<ToolId, ToolAdapter>> = {
  openclaw,
  'qwen-code': qwenCode,
  'claude-code': claudeCode,
};

export * from './types.js';
