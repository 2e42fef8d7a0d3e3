import type { BackupsOutcome, RestoreOutcome, RunRestored } from '../commands/restore.js';
import { hasMessage } from '../i18n/index.js';
import { jsonDoc, lines, type Presenter, type View } from './view.js';

function runText(o: RunRestored, view: View, out: (s: string) => void): void {
  const { t } = view;
  for (const row of o.rows) {
    if (row.outcome === 'refused') {
      out(`  ! ${t('restore.file.refused', { path: view.show(row.path) })}`);
      continue;
    }
    const key = row.outcome === 'skip' ? `restore.file.skip.${row.reason}` : `restore.file.${row.outcome}`;
    if (hasMessage(key)) out(`  ${t(key, { path: view.show(row.path) })}`);
    for (const k of row.kept) out(`  ! ${t('restore.kept', { path: view.show(row.path), key: k })}`);
  }
}

export const restorePresenter: Presenter<RestoreOutcome> = {
  text: (o, view) => {
    const { t } = view;
    const { out, block } = lines();
    if (o.alreadyUndoneBy) {
      out(t('restore.alreadyUndone', { runId: o.restored, by: o.alreadyUndoneBy }));
      return block();
    }
    for (const later of o.undoneFirst) {
      out(t('restore.laterFirst', { runId: later.restored }));
      runText(later, view, out);
      if (later.runId) out(t('restore.done', { runId: later.runId }));
    }
    out(t('restore.header', { runId: o.restored }));
    runText(o, view, out);
    if (o.runId) out(t('restore.done', { runId: o.runId }));
    return block();
  },
  json: (o) =>
    jsonDoc({
      ok: true,
      restored: o.restored,
      runId: o.runId,
      files: o.rows,
      alreadyUndoneBy: o.alreadyUndoneBy ?? null,
      undoneFirst: o.undoneFirst.map((r) => ({ restored: r.restored, runId: r.runId, files: r.rows })),
    }),
};

export const backupsPresenter: Presenter<BackupsOutcome> = {
  text: (o, view) => {
    const { t } = view;
    const { out, block } = lines();
    if (o.runs.length === 0) out(t('error.noRuns', { dir: view.show(o.dir) }));
    else {
      out(t('backups.header', { dir: view.show(o.dir) }));
      for (const r of o.runs) out(`  ${t('backups.row', { runId: r.runId, command: r.command, status: r.status, count: r.files.length + (r.snapshots?.length ?? 0) })}`);
    }
    return block();
  },
  json: (o) =>
    jsonDoc({ ok: true, runs: o.runs.map((r) => ({ runId: r.runId, command: r.command, status: r.status, createdAt: r.createdAt, files: [...r.files.map((f) => f.path), ...(r.snapshots ?? []).map((f) => f.path)] })) }),
};
