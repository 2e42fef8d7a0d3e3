import { getModel } from '../catalog/index.js';
import { resolveEndpoints } from '../endpoints.js';
import { maskKey } from '../keys.js';
import type { AdapterInput, AdapterOutput, Answers, GuideStep, ToolAdapter, ToolId } from './types.js';

/**
 * Tools that keep provider settings inside their app (VS Code secret storage, Cursor's settings,
 * Qoder's model dialog): there is no file tp-setup can safely write, so it prints exact steps
 * instead (docs/tools/guides.md). Each step is a message code, so `--json` returns the same steps
 * as data; steps that differ by plan or region are separate codes, chosen from the answers.
 */
function guide(tool: ToolId, label: string, codes: readonly string[] | ((answers: Answers) => readonly string[])): ToolAdapter<never> {
  return {
    id: tool,
    label,
    targets: () => [],
    plan({ answers, key }: AdapterInput<never>): AdapterOutput<never> {
      const model = answers.models[0] ?? '';
      const spec = getModel(model);
      const params = {
        url: resolveEndpoints(answers).openai,
        model,
        key: maskKey(key),
        context: spec ? String(spec.contextWindow) : '—',
        output: spec ? String(spec.maxOutput) : '—',
      };
      const steps: GuideStep[] = (typeof codes === 'function' ? codes(answers) : codes).map((code) => ({ code, params }));
      return { edits: {}, findings: [], nextSteps: [], guide: steps };
    },
  };
}

const OPENAI_COMPATIBLE = ['guide.common.provider', 'guide.common.baseUrl', 'guide.common.key', 'guide.common.model'];

/** Qoder's provider is named by site (China or International); its type by plan and edition. */
const qoderSteps = (open: string, limit: string) => (answers: Answers) => [
  open,
  `guide.qoder.provider.${answers.region === 'cn' ? 'cn' : 'intl'}`,
  `guide.qoder.type.${answers.plan}`,
  'guide.qoder.model',
  'guide.common.key',
  limit,
];

export const cursor = guide('cursor', 'Cursor', ['guide.cursor.open', 'guide.cursor.key', 'guide.cursor.baseUrl', 'guide.cursor.model', 'guide.cursor.limit']);
export const clineVscode = guide('cline-vscode', 'Cline (VS Code)', ['guide.cline.open', ...OPENAI_COMPATIBLE]);
export const kiloVscode = guide('kilo-vscode', 'Kilo Code (VS Code)', ['guide.kilo.open', ...OPENAI_COMPATIBLE]);
export const rooCode = guide('roo-code', 'Roo Code (VS Code)', ['guide.roo.status', 'guide.roo.open', ...OPENAI_COMPATIBLE, 'guide.roo.limits']);
export const qoder = guide('qoder', 'Qoder', qoderSteps('guide.qoder.open', 'guide.qoder.limit'));
export const qoderCn = guide('qoder-cn', 'Qoder CN (Lingma)', qoderSteps('guide.qoderCn.open', 'guide.qoderCn.limit'));
export const trae = guide('trae', 'Trae', ['guide.trae.open', 'guide.trae.format', 'guide.trae.url', 'guide.trae.model', 'guide.common.key', 'guide.trae.limit']);
