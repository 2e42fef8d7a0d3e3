import type { VerifyOutcome } from '../commands/verify.js';
import { jsonDoc, lines, toolLabel, type Presenter } from './view.js';

export const verifyPresenter: Presenter<VerifyOutcome> = {
  text: (o, view) => {
    const { t } = view;
    const { out, block } = lines();
    for (const r of o.results) {
      const label = toolLabel(r.tool);
      if (r.ok) out(`  ✔ ${t('verify.pass', { tool: label, seconds: r.seconds.toFixed(1) })}`);
      else {
        out(`  ✖ ${t(r.timedOut ? 'verify.timeout' : 'verify.fail', { tool: label, code: r.exitCode ?? -1 })}`);
        for (const line of r.output.split('\n').slice(-6)) out(`      ${line}`);
        for (const e of r.explained) out(`      → ${t('verify.explained', { id: e.id, title: e.title[t.lang] })}`);
      }
    }
    return block();
  },
  json: (o, t) => jsonDoc({ ok: o.results.every((r) => r.ok), results: o.results.map((r) => ({ ...r, explained: r.explained.map((e) => ({ id: e.id, title: e.title[t.lang] })) })) }),
};
