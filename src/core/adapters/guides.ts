import { resolveEndpoints } from '../endpoints.js';
import { maskKey } from '../keys.js';
import type { AdapterInput, AdapterOutput, GuideStep, ToolAdapter, ToolId } from './types.js';

/**
 * Tools that keep provider settings inside their app (VS Code secret storage, Cursor's settings):
 * there is no file tp-setup can safely write, so it prints exact steps instead. Each step is a
 * message code, so `--json` returns the same steps as data.
 */
function guide(tool: ToolId, label: string, codes: readonly string[]): ToolAdapter<never> {
  return {
    id: tool,
    label,
    targets: () => [],
    plan({ answers, key }: AdapterInput<never>): AdapterOutput<never> {
      const params = { url: resolveEndpoints(answers).openai, model: answers.models[0] ?? '', key: maskKey(key) };
      const steps: GuideStep[] = codes.map((code) => ({ code, params }));
      return { edits: {}, findings: [], nextSteps: [], guide: steps };
    },
  };
}

export const cursor = guide('cursor', 'Cursor', ['guide.cursor.open', 'guide.cursor.key', 'guide.cursor.baseUrl', 'guide.cursor.model', 'guide.cursor.limit']);
export const cline = guide('cline', 'Cline (VS Code)', ['guide.cline.open', 'guide.common.provider', 'guide.common.baseUrl', 'guide.common.key', 'guide.common.model']);
export const kiloVscode = guide('kilo-vscode', 'Kilo Code (VS Code)', ['guide.kilo.open', 'guide.common.provider', 'guide.common.baseUrl', 'guide.common.key', 'guide.common.model']);
