import type { CleanAction } from '../core/adapters/openclaw/clean-plan.js';
import type { CleanOutcome } from '../commands/clean.js';
import { storeJson, storeLines } from './store.js';
import { jsonDoc, lines, renderFinding, type Presenter, type View } from './view.js';

/** The stale caches found, one line per file with what each holds; shown before asking too. */
export function cleanActionLines(out: (line?: string) => void, actions: readonly CleanAction[], view: View): void {
  const { t } = view;
  out(t('clean.found', { count: actions.length }));
  for (const a of actions) {
    out(`  ${t(`clean.action.${a.kind}`, { path: view.show(a.file) })}`);
    for (const f of a.kind === 'move' ? [a.finding] : a.findings) out(`      ${renderFinding(f, t).message}`);
  }
}

export const cleanPresenter: Presenter<CleanOutcome> = {
  text: (o, view) => {
    const { t } = view;
    const { out, block } = lines();
    storeLines(out, o.openclaw, t);
    if (o.actions.length === 0) {
      if (o.runId) out(t('setup.restoreHint', { runId: o.runId }));
      else if (!o.openclaw?.commands.some((c) => c.status !== 'ran')) out(t('clean.nothing'));
      return block();
    }
    if (!o.applied) {
      cleanActionLines(out, o.actions, view);
      out(t('clean.reportOnly'));
      return block();
    }
    out(t('clean.done', { count: o.actions.length }));
    if (o.runId) out(t('setup.restoreHint', { runId: o.runId }));
    if (o.restart.ran) {
      out(t(o.restart.exitCode === 0 ? 'clean.restarted' : 'clean.restartFailed', { code: o.restart.exitCode ?? -1 }));
      if (o.restart.exitCode !== 0) for (const line of (o.restart.output ?? t('clean.restartSilent')).split('\n')) out(`    ${line}`);
    }
    else out(t('clean.restartHint'));
    return block();
  },
  json: (o, t) =>
    jsonDoc({
      ok: !o.openclaw?.failed,
      applied: o.applied,
      runId: o.runId,
      items: o.actions.map((a) => ({
        file: a.file,
        action: a.kind,
        findings: (a.kind === 'move' ? [a.finding] : a.findings).map((f) => renderFinding(f, t)),
      })),
      restart: o.restart,
      ...(o.openclaw ? { openclaw: storeJson(o.openclaw, t) } : {}),
    }),
};
