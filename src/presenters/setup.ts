import stringWidth from 'string-width';
import type { Answers } from '../core/adapters/index.js';
import { getPlan, regionName } from '../core/catalog/index.js';
import type { ChangeRow, SetupReview } from '../core/usecases/setup.js';
import type { SetupOutcome } from '../commands/setup.js';
import { hasMessage, type Translate } from '../i18n/index.js';
import { cleanPresenter } from './clean.js';
import { jsonDoc, lines, notes, renderFinding, say, toolLabel, wordList, type Block, type Presenter, type View } from './view.js';

/** The header names plan and region in the user's language; `--json` carries ids instead. */
export function setupHeader(answers: Answers, t: Translate): Record<string, string> {
  return { plan: getPlan(answers.plan).name[t.lang], region: regionName(answers.region, t.lang), model: wordList(t, answers.models) };
}

/** One row per file: the action, padded to the widest action's display width in this language, then the path. */
function changeRows(out: (line?: string) => void, changes: readonly ChangeRow[], view: View): void {
  const labels = (['create', 'update', 'unchanged'] as const).map((a) => view.t(`action.${a}`));
  const width = Math.max(...labels.map((l) => stringWidth(l)));
  for (const c of changes) {
    const label = view.t(`action.${c.action}`);
    out(`  ${label}${' '.repeat(width - stringWidth(label))} ${view.show(c.path)}`);
  }
}

/** What the review shows before anything is written: the files and their masked diffs. */
export function reviewText(review: SetupReview, view: View): string {
  const { out, block } = lines();
  out(view.t('setup.header', setupHeader(review.answers, view.t)));
  changeRows(out, review.changes, view);
  out();
  for (const d of review.diffs) out(d);
  return block()[0]?.text ?? '';
}

function setupText(o: SetupOutcome, view: View): Block[] {
  const { t } = view;
  const { out, block } = lines();
  out(t('setup.header', setupHeader(o.answers, t)));
  // A refusal lists what refused it, not the files that would have changed: none did.
  if (o.blocked) {
    notes(out, o.findings.filter((f) => f.severity === 'error'), t);
    out();
    out(t('error.blocking'));
    return block();
  }
  changeRows(out, o.changes, view);
  out();
  notes(out, o.findings, t);
  if (o.dryRun) {
    out(t('setup.dryRun'));
    for (const c of o.changes) if (c.diff) out(c.diff);
    return block();
  }
  if (!o.runId) out(t('setup.nothing'));
  else {
    out(t('setup.backup', { dir: view.show(`${view.stateDir}/backups/${o.runId}`) }));
    out(t('setup.restoreHint', { runId: o.runId }));
  }
  for (const g of o.guides) {
    out();
    out(t('guide.header', { tool: toolLabel(g.tool) }));
    g.steps.forEach((step, i) => out(`  ${i + 1}. ${say(t, step.code, step.params ?? {})}`));
  }
  // Nothing changed: no "the new model is selected", no steps for a setup that was already there;
  // and only the steps of tools whose files this run changed (a clean is its own step).
  const changed = new Set(o.changes.filter((c) => c.action !== 'unchanged').map((c) => c.tool));
  const steps = o.nextSteps.filter((s) => changed.has(s.tool) || s.code === 'next.clean');
  if (steps.length > 0 && o.runId) {
    out();
    out(t('setup.next'));
    for (const s of steps) {
      const params = Object.fromEntries(Object.entries(s.params ?? {}).map(([k, v]) => [k, view.show(v)]));
      if (hasMessage(s.code)) out(`  - ${t(s.code, params)}`);
    }
  }
  return block();
}

export const setupPresenter: Presenter<SetupOutcome> = {
  text: (o, view) => [...(o.cleaned ? cleanPresenter.text(o.cleaned, view) : []), ...setupText(o, view)],
  json: (o, t) =>
    jsonDoc({
      ok: o.ok,
      dryRun: o.dryRun,
      runId: o.runId,
      answers: o.answers,
      changes: o.changes.map((c) => ({ tool: c.tool, path: c.path, action: c.action, backup: c.backup, ...(c.diff ? { diff: c.diff } : {}) })),
      findings: o.findings.map((f) => renderFinding(f, t)),
      nextSteps: o.nextSteps.map((s) => ({ tool: s.tool, code: s.code, message: say(t, s.code, s.params ?? {}) })),
      guides: o.guides.map((g) => ({
        tool: g.tool,
        steps: g.steps.map((s) => ({ code: s.code, params: s.params ?? {}, message: say(t, s.code, s.params ?? {}) })),
      })),
    }),
};
