import type { KeyOutcome } from '../commands/key.js';
import type { RotationPreview } from '../core/usecases/key.js';
import { maskKey } from '../core/keys.js';
import { doctorPresenter } from './doctor.js';
import { storeJson, storeLines } from './store.js';
import { jsonDoc, lines, toolLabel, wordList, type Presenter, type View } from './view.js';

/** "Replacing …old with …new:" and one line per file: the review, and the result. */
export function rotationLines(out: (line?: string) => void, p: RotationPreview, view: View): void {
  const { t } = view;
  out(t('key.header', { old: maskKey(p.oldKey), new: maskKey(p.newKey) }));
  for (const c of p.changes) out(`  ${t(`key.${c.what}`, { path: view.show(c.path), keys: c.keyPaths.join(', ') })}`);
}

export const keyPresenter: Presenter<KeyOutcome> = {
  text: (o, view) => {
    const { t } = view;
    const { out, block } = lines();
    if (o.refused) return doctorPresenter.text({ exitCode: o.exitCode, findings: o.refused }, view);
    if (o.sameKey) {
      out(t('key.same', { key: maskKey(o.newKey) }));
      return block();
    }
    storeLines(out, o.openclaw, t);
    if (o.changes.length === 0) {
      out(t('key.nothing', { old: maskKey(o.oldKey) }));
      if (o.runId) out(t('setup.restoreHint', { runId: o.runId }));
      return block();
    }
    rotationLines(out, o, view);
    if (o.runId) out(t('setup.restoreHint', { runId: o.runId }));
    // Running tools read their key at start: say which to restart.
    const tools = [...new Set(o.tools ?? [])];
    if (tools.includes('openclaw')) out(t('key.restartOpenclaw'));
    if (tools.some((x) => x !== 'openclaw')) out(t('key.reopen', { tools: wordList(t, tools.filter((x) => x !== 'openclaw').map(toolLabel)) }));
    return block();
  },
  json: (o, t) =>
    o.refused
      ? doctorPresenter.json({ exitCode: o.exitCode, findings: o.refused }, t)
      : jsonDoc({ ok: !o.openclaw?.failed, ...(o.sameKey ? { sameKey: true } : {}), runId: o.runId, oldKey: maskKey(o.oldKey), newKey: maskKey(o.newKey), changes: o.changes, ...(o.openclaw ? { openclaw: storeJson(o.openclaw, t) } : {}) }),
};
