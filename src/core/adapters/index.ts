import { claudeCode } from './claude-code.js';
import { cline } from './cline.js';
import { codex } from './codex.js';
import { crush } from './crush.js';
import { droid } from './droid.js';
import { clineVscode, cursor, kiloVscode, qoder, qoderCn, rooCode, trae } from './guides.js';
import { hermes } from './hermes.js';
import { openclaw } from './openclaw/index.js';
import { kilo, opencode } from './opencode-like.js';
import { qwenCode } from './qwen-code.js';
import { TOOL_IDS, type AnyToolAdapter, type ToolId } from './types.js';

export const adapters: Readonly<Record<ToolId, AnyToolAdapter>> = {
  openclaw,
  'qwen-code': qwenCode,
  'claude-code': claudeCode,
  opencode,
  codex,
  kilo,
  hermes,
  crush,
  droid,
  cline,
  cursor,
  'cline-vscode': clineVscode,
  'kilo-vscode': kiloVscode,
  'roo-code': rooCode,
  qoder,
  'qoder-cn': qoderCn,
  trae,
};

/** Tools whose config shape or compatibility depends on the installed release (each adapter's `versionSensitive`). */
export const VERSION_SENSITIVE: readonly ToolId[] = TOOL_IDS.filter((t) => adapters[t].versionSensitive === true);

export * from './types.js';
