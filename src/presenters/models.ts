import stringWidth from 'string-width';
import type { ModelsOutcome } from '../commands/models.js';
import { WRITER_TOOLS } from '../core/adapters/reach.js';
import { getPlan, regionName } from '../core/catalog/index.js';
import type { ModelRow } from '../core/usecases/models.js';
import type { Translate } from '../i18n/index.js';
import { formatTokens } from '../prompts/choice-labels.js';
import { jsonDoc, lines, wordList, type Presenter } from './view.js';

/** Pads by display width: Chinese headers take two columns a character. */
const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - stringWidth(text)));

function thinkingCell(m: ModelRow, t: Translate): string {
  if (m.thinking === 'none') return '—';
  const kind = t(`models.thinking.${m.thinking}`);
  return m.maxThinkingBudget === null ? kind : `${kind} ≤${formatTokens(m.maxThinkingBudget)}`;
}

/** "all", or "all but codex", or the list: the short way to say which writers can use a model. */
function toolsCell(tools: readonly string[], t: Translate): string {
  if (tools.length === WRITER_TOOLS.length) return t('models.tools.all');
  const missing = WRITER_TOOLS.filter((x) => !tools.includes(x));
  return missing.length <= 2 ? t('models.tools.allBut', { tools: wordList(t, missing) }) : wordList(t, tools);
}

export const modelsPresenter: Presenter<ModelsOutcome> = {
  text: (o, view) => {
    const { t } = view;
    const { out, block } = lines();
    out(t('models.asOf', { date: o.date }));
    if (o.stale) out(t('models.stale', { days: o.stale.days }));
    out(t('models.levels'));
    // Each source once, numbered in the order met: rows cite numbers, the list closes the output.
    const sources: string[] = [];
    const ref = (s: string): number => (sources.includes(s) ? sources.indexOf(s) : sources.push(s) - 1) + 1;
    const head = (['model', 'context', 'output', 'thinking', 'protocols', 'tools', 'level', 'sources'] as const).map((k) => t(`models.col.${k}`));
    for (const g of o.groups) {
      out();
      out(`${getPlan(g.plan).name[t.lang]} · ${regionName(g.region, t.lang)}`);
      const labels = [t('models.openai'), t('models.anthropic')];
      const lw = Math.max(...labels.map((l) => stringWidth(l)));
      out(`  ${pad(labels[0]!, lw)} ${g.endpoints.openai}`);
      out(`  ${pad(labels[1]!, lw)} ${g.endpoints.anthropic}`);
      for (const h of g.otherHosts) out(`  ${t(`models.otherHost.${h.level}`, { host: h.host })}`);
      const rows = g.models.map((m) => [
        `${m.id}${m.recommended ? ' ★' : ''}`,
        formatTokens(m.contextWindow),
        formatTokens(m.maxOutput),
        thinkingCell(m, t),
        m.protocols.join('+'),
        toolsCell(m.tools, t),
        t(`models.level.${m.level}`),
        m.sources.map(ref).join(','),
      ]);
      const widths = head.map((h, i) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[i] ?? ''))));
      const line = (cells: readonly string[]): string => `  ${cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i] ?? 0))).join('  ')}`;
      out(line(head));
      for (const r of rows) out(line(r));
    }
    out();
    out(t('models.legend'));
    out(t('models.sources'));
    sources.forEach((s, i) => out(`  [${i + 1}] ${s}`));
    return block();
  },
  json: (o) =>
    jsonDoc({
      ok: true,
      catalogDate: o.date,
      stale: o.stale,
      groups: o.groups.map((g) => ({
        plan: g.plan,
        ...(getPlan(g.plan).family === 'token-plan' ? { edition: g.plan.replace('token-', '') } : {}),
        region: g.region,
        endpoints: g.endpoints,
        otherHosts: g.otherHosts,
        models: g.models,
      })),
    }),
};
