import type { ExplainOutcome } from '../commands/explain.js';
import { jsonDoc, lines, wordList, type Presenter } from './view.js';

export const explainPresenter: Presenter<ExplainOutcome> = {
  text: (o, view) => {
    const { t } = view;
    const { out, block } = lines();
    if (!o.matched) {
      out(t('explain.unknown'));
      return block();
    }
    const lang = t.lang;
    for (const e of o.entries) {
      out(`${e.id}${e.http ? ` (HTTP ${e.http})` : ''}: ${e.title[lang]}`);
      for (const l of e.limits ?? []) out(`  ${t('explain.limit', { model: l.model, limit: l.limit.toLocaleString('en-US'), kind: t(`explain.kind.${l.kind}`) })}`);
      out(`  ${t('explain.causes')}`);
      for (const c of e.causes) {
        out(`   - ${c.text[lang]}${c.found.length ? `  ← ${t('explain.appliesNow', { codes: wordList(t, c.found) })}` : ''}`);
      }
      out(`  ${t('explain.fixes')}`);
      for (const f of e.fixes) out(`   - ${f[lang]}`);
      out();
    }
    out(o.checkedConfig ? t('explain.doctorHint') : t('explain.noConfig'));
    return block();
  },
  json: (o, t) =>
    jsonDoc({
      matched: o.matched,
      entries: o.entries.map((e) => ({
        id: e.id,
        ...(e.http ? { http: e.http } : {}),
        title: e.title[t.lang],
        causes: e.causes.map((c) => ({ text: c.text[t.lang], checks: c.checks, found: c.found })),
        fixes: e.fixes.map((f) => f[t.lang]),
        ...(e.limits ? { limits: e.limits } : {}),
        appliesNow: e.appliesNow,
      })),
    }),
};
