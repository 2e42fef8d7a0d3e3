import type { VerifyOutcome } from '../commands/verify.js';
import { adapters } from '../core/adapters/index.js';
import { VERIFY_PROMPT } from '../core/usecases/verify.js';
import { jsonDoc, lines, toolLabel, type Presenter } from './view.js';

/** The command verify ran, for the user to run by hand and see more. */
const oneShotCommand = (tool: keyof typeof adapters): string => {
  const a = adapters[tool];
  return [a.bin ?? tool, ...(a.oneShot?.args(VERIFY_PROMPT) ?? [])].map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replaceAll("'", "'\\''")}'`)).join(' ');
};

export const verifyPresenter: Presenter<VerifyOutcome> = {
  text: (o, view) => {
    const { t } = view;
    const { out, block } = lines();
    for (const r of o.results) {
      const label = toolLabel(r.tool);
      if (r.ok) out(`  ✔ ${t('verify.pass', { tool: label, seconds: r.seconds.toFixed(1) })}`);
      else {
        out(`  ✖ ${t(r.timedOut ? 'verify.timeout' : 'verify.fail', { tool: label, code: r.exitCode ?? -1 })}`);
        // A silent failure is said in words, not shown as an empty line.
        if (r.output.trim() === '') out(`      ${t('verify.noOutput', { command: oneShotCommand(r.tool) })}`);
        else for (const line of r.output.trimEnd().split('\n').slice(-6)) out(`      ${line}`);
        for (const e of r.explained) out(`      → ${t('verify.explained', { id: e.id, title: e.title[t.lang] })}`);
      }
    }
    return block();
  },
  json: (o, t) => jsonDoc({ ok: o.results.every((r) => r.ok), results: o.results.map((r) => ({ ...r, explained: r.explained.map((e) => ({ id: e.id, title: e.title[t.lang] })) })) }),
};
