import { canRepair } from '../core/adapters/openclaw/clean-plan.js';
import type { Finding } from '../core/findings.js';
import type { DoctorOutcome } from '../commands/doctor.js';
import { jsonDoc, lines, renderFinding, SEVERITY_MARK, toolLabel, wordList, type Presenter, type View } from './view.js';

/** Findings grouped by tool, each with where it sits and its fix, then the counts. */
export function findingLines(out: (line?: string) => void, findings: readonly Finding[], view: View): void {
  const { t } = view;
  if (findings.length === 0) {
    out(t('doctor.clean'));
    return;
  }
  const byTool = new Map<string, Finding[]>();
  for (const f of findings) byTool.set(f.tool ?? '', [...(byTool.get(f.tool ?? '') ?? []), f]);
  for (const [tool, list] of byTool) {
    out(tool ? toolLabel(tool) : t('doctor.general'));
    for (const f of list) {
      const r = renderFinding(f, t);
      out(`  ${SEVERITY_MARK[f.severity]} ${f.code}: ${r.message}`);
      if (f.file) out(`      ${view.show(f.file)}${f.keyPath ? ` → ${f.keyPath}` : ''}`);
      if (r.fix) out(`      → ${r.fix}`);
    }
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  out();
  out(t('doctor.summary', { errors, warnings: findings.filter((f) => f.severity === 'warning').length, infos: findings.filter((f) => f.severity === 'info').length }));
  if (errors === 0) out(t('doctor.noErrors'));
}

/** What a doctor with nothing to report read, so "no problems" is not taken for "nothing looked at". */
function checkedLines(out: (line?: string) => void, checked: NonNullable<DoctorOutcome['checked']>, view: View): void {
  const { t } = view;
  if (checked.length === 0) {
    out(t('doctor.checkedNone'));
    return;
  }
  out(t('doctor.checked'));
  for (const c of checked) out(`  ${toolLabel(c.tool)}: ${wordList(t, c.files.map((f) => view.show(f)))}`);
}

export const doctorPresenter: Presenter<DoctorOutcome> = {
  text: (o, view) => {
    const { t } = view;
    const { out, block } = lines();
    if (o.fix) {
      if (o.fix.applied.length > 0) {
        out(t('fix.applied', { count: o.fix.applied.length }));
        for (const f of o.fix.applied) out(`  ✔ ${f.code}: ${renderFinding(f, t).message}`);
        if (o.fix.runId) out(t('setup.restoreHint', { runId: o.fix.runId }));
        out();
      } else if (o.fix.fixable.length > 0) {
        out(t('fix.available', { count: o.fix.fixable.length }));
        for (const f of o.fix.fixable) out(`  - ${f.code}: ${renderFinding(f, t).message}`);
        out();
      } else out(t('fix.none'));
    }
    findingLines(out, o.findings, view);
    if (o.checked && !o.findings.some((f) => f.severity !== 'info')) checkedLines(out, o.checked, view);
    return block();
  },
  json: (o, t) =>
    jsonDoc({
      ok: !o.findings.some((f) => f.severity === 'error'),
      ...(o.fix ? { fixed: o.fix.applied.map((f) => f.code), fixRunId: o.fix.runId } : {}),
      findings: o.findings.map((f) => ({ ...renderFinding(f, t), fixable: canRepair(f) })),
      ...(o.checked ? { checked: o.checked } : {}),
    }),
};
