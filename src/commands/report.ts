import type { Answers } from '../core/adapters/index.js';
import { getPlan, isPlanId } from '../core/catalog/index.js';
import type { Finding } from '../core/findings.js';
import type { Guide, NextStep } from '../core/planner.js';
import { isFixable, type CleanAction } from '../core/clean-plan.js';
import type { CleanOutcome } from './clean.js';
import type { StoreOutcome } from './openclaw-store.js';
import type { StoreStep } from '../core/openclaw-store.js';
import type { KeyOutcome } from './key.js';
import type { VerifyResult } from './verify.js';
import type { ExplainReport } from './explain.js';
import { maskKey } from '../core/keys.js';
import { adapters } from '../core/adapters/index.js';
import type { Progress } from '../effects/apply.js';
import { displayPath } from '../effects/paths.js';
import type { Manifest } from '../effects/runs.js';
import { hasMessage, type MessageKey, type Translate } from '../i18n/index.js';
import type { Io } from './io.js';

export interface ChangeRow {
  readonly tool: string;
  readonly path: string;
  readonly action: 'create' | 'update' | 'unchanged';
  backup: string | null;
  readonly diff?: string | undefined;
}

export interface SetupReport {
  readonly ok: boolean;
  readonly dryRun: boolean;
  readonly runId: string | null;
  readonly answers: Answers;
  readonly header: Record<string, string>;
  readonly changes: readonly ChangeRow[];
  readonly findings: readonly Finding[];
  readonly nextSteps: readonly NextStep[];
  readonly guides: readonly Guide[];
  readonly blocked: boolean;
  readonly home: string;
  readonly stateDir?: string;
}

export interface RestoreRow {
  readonly path: string;
  /** `refused`: a byte backup whose file changed since the run (put back only with --force). */
  readonly outcome: 'write' | 'remove' | 'skip' | 'refused';
  readonly reason?: string;
  readonly kept: readonly string[];
}

export interface Reporter {
  progress(event: Progress): void;
  preview(header: Record<string, string>, changes: readonly ChangeRow[], diffs: readonly string[]): void;
  setupResult(report: SetupReport): void;
  backups(runs: readonly Manifest[], dir: string): void;
  restoreResult(runId: string, rows: readonly RestoreRow[], newRunId: string | null): void;
  failure(exitCode: number, message: string, lines: readonly string[]): void;
  doctorResult(findings: readonly Finding[]): void;
  /** `doctor --fix`: what was repaired (and the run that undoes it), or what could be. */
  fixResult(applied: readonly Finding[], runId: string | null, fixable?: readonly Finding[]): void;
  cleanPreview(actions: readonly CleanAction[]): void;
  /** Before an OpenClaw command: one line saying what it does and why. */
  storeStep(step: StoreStep, argv: readonly string[]): void;
  cleanResult(outcome: CleanOutcome): void;
  keyPreview(outcome: KeyOutcome): void;
  keyResult(outcome: KeyOutcome): void;
  verifyNotice(tools: readonly string[]): void;
  verifyResult(results: readonly VerifyResult[]): void;
  explainResult(report: ExplainReport): void;
  /** A message in the user's language, for questions asked outside the reporter. */
  text(key: MessageKey): string;
}

/** A finding in the user's language: the JSON shape doctor and setup share. */
export function renderFinding(f: Finding, t: Translate): Omit<Finding, 'repair'> & { message: string; fix: string } {
  const params: Record<string, string | number> = { ...(f.params ?? {}) };
  const kindKey = `kind.${String(params.kind ?? '')}`;
  if (params.kind !== undefined && hasMessage(kindKey)) params.kind = t(kindKey, {});
  for (const name of ['reason', 'source'] as const) {
    const k = `${name}.${String(params[name] ?? '')}`;
    if (params[name] !== undefined && hasMessage(k)) params[name] = t(k, {});
  }
  // Core findings name plans by id; people read the plan's name, in their language.
  if (typeof params.plan === 'string' && isPlanId(params.plan)) params.plan = getPlan(params.plan).name[t.lang];
  const mk = `finding.${f.code}`;
  const fk = `finding.${f.code}.fix`;
  // A repair may carry a value (a cleaned key): it stays internal, never in output.
  const { repair: _repair, ...shown } = f;
  return {
    ...shown,
    message: hasMessage(mk) ? t(mk, params) : f.code,
    fix: hasMessage(fk) ? t(fk, params) : '',
  };
}

const SEVERITY_MARK: Record<Finding['severity'], string> = { error: '✖ error', warning: '! warning', info: 'i info' };

export function textReporter(io: Io, t: Translate, home: () => string): Reporter {
  const out = (s = ''): void => io.stdout(`${s}\n`);
  const show = (p: string): string => displayPath(p, home());
  const findingsBlock = (findings: readonly Finding[]): void => {
    if (findings.length === 0) return;
    out(t('setup.findings'));
    for (const f of findings) {
      const r = renderFinding(f, t);
      out(`  ${SEVERITY_MARK[f.severity]}${f.tool ? ` [${f.tool}]` : ''}: ${r.message}`);
      if (r.fix) out(`      → ${r.fix}`);
    }
  };
  const storeAbout = (step: StoreStep, argv: readonly string[]): string => {
    const command = argv.join(' ');
    if (step.kind === 'logout') return t(`store.about.logout.${step.reason}`, { command, profile: step.profile });
    if (step.kind === 'paste') return t('store.about.paste', { command, profile: step.profile });
    if (step.kind === 'migrate') return t('store.about.migrate', { command, files: step.files.map(show).join(', ') });
    return t('store.about.list', { command });
  };
  const storeBlock = (o: StoreOutcome | undefined): void => {
    if (!o || o.commands.length === 0) return;
    findingsBlock(o.findings);
    out(t('store.header'));
    for (const c of o.commands) {
      const params = { command: c.argv.join(' '), seconds: (c.seconds ?? 0).toFixed(1), code: c.exitCode ?? -1 };
      out(`  ${c.status === 'ran' ? '✔' : c.status === 'failed' ? '✖' : '-'} ${t(`store.status.${c.status}`, params)}`);
      if (c.output) for (const line of c.output.split('\n')) out(`      ${line}`);
    }
  };
  return {
    progress: (e) => io.stderr(`  ${t(`progress.${e.type}`, { path: show(e.path) })}\n`),
    storeStep: (step, argv) => out(storeAbout(step, argv)),
    preview: (header, changes, diffs) => {
      out(t('setup.header', header));
      for (const c of changes) out(`  ${t(`action.${c.action}`).padEnd(9)} ${show(c.path)}`);
      out();
      for (const d of diffs) out(d);
    },
    setupResult: (r) => {
      out(t('setup.header', r.header));
      for (const c of r.changes) out(`  ${t(`action.${c.action}`).padEnd(9)} ${show(c.path)}`);
      out();
      findingsBlock(r.findings);
      if (r.blocked) {
        out();
        out(t('error.blocking'));
        return;
      }
      if (r.dryRun) {
        out(t('setup.dryRun'));
        for (const c of r.changes) if (c.diff) out(c.diff);
        return;
      }
      if (!r.runId) out(t('setup.nothing'));
      else if (r.stateDir) {
        out(t('setup.backup', { dir: show(`${r.stateDir}/backups/${r.runId}`) }));
        out(t('setup.restoreHint', { runId: r.runId }));
      }
      for (const g of r.guides) {
        out();
        out(t('guide.header', { tool: adapters[g.tool].label }));
        g.steps.forEach((step, i) => out(`  ${i + 1}. ${hasMessage(step.code) ? t(step.code, step.params ?? {}) : step.code}`));
      }
      if (r.nextSteps.length > 0) {
        out();
        out(t('setup.next'));
        for (const s of r.nextSteps) {
          const params = Object.fromEntries(Object.entries(s.params ?? {}).map(([k, v]) => [k, show(v)]));
          if (hasMessage(s.code)) out(`  - ${t(s.code, params)}`);
        }
      }
    },
    backups: (runs, dir) => {
      if (runs.length === 0) {
        out(t('error.noRuns', { dir: show(dir) }));
        return;
      }
      out(t('backups.header', { dir: show(dir) }));
      for (const r of runs) out(`  ${t('backups.row', { runId: r.runId, command: r.command, status: r.status, count: r.files.length + (r.snapshots?.length ?? 0) })}`);
    },
    restoreResult: (runId, rows, newRunId) => {
      out(t('restore.header', { runId }));
      for (const row of rows) {
        const key = row.outcome === 'skip' ? `restore.file.skip.${row.reason}` : `restore.file.${row.outcome}`;
        if (row.outcome === 'refused') {
          out(`  ! ${t('restore.file.refused', { path: show(row.path) })}`);
          continue;
        }
        if (hasMessage(key)) out(`  ${t(key, { path: show(row.path) })}`);
        for (const k of row.kept) out(`  ! ${t('restore.kept', { path: show(row.path), key: k })}`);
      }
      if (newRunId) out(t('restore.done', { runId: newRunId }));
    },
    doctorResult: (findings) => {
      if (findings.length === 0) {
        out(t('doctor.clean'));
        return;
      }
      const byTool = new Map<string, Finding[]>();
      for (const f of findings) byTool.set(f.tool ?? '', [...(byTool.get(f.tool ?? '') ?? []), f]);
      for (const [tool, list] of byTool) {
        out(tool ? adapters[tool as keyof typeof adapters]?.label ?? tool : t('doctor.general'));
        for (const f of list) {
          const r = renderFinding(f, t);
          out(`  ${SEVERITY_MARK[f.severity]} ${f.code}: ${r.message}`);
          if (f.file) out(`      ${show(f.file)}${f.keyPath ? ` → ${f.keyPath}` : ''}`);
          if (r.fix) out(`      → ${r.fix}`);
        }
      }
      const errors = findings.filter((f) => f.severity === 'error').length;
      out();
      out(t('doctor.summary', { errors, warnings: findings.filter((f) => f.severity === 'warning').length, infos: findings.filter((f) => f.severity === 'info').length }));
      if (errors === 0) out(t('doctor.noErrors'));
    },
    fixResult: (applied, runId, fixable) => {
      if (applied.length > 0) {
        out(t('fix.applied', { count: applied.length }));
        for (const f of applied) out(`  ✔ ${f.code}: ${renderFinding(f, t).message}`);
        if (runId) out(t('setup.restoreHint', { runId }));
        out();
      } else if (fixable && fixable.length > 0) {
        out(t('fix.available', { count: fixable.length }));
        for (const f of fixable) out(`  - ${f.code}: ${renderFinding(f, t).message}`);
        out();
      } else out(t('fix.none'));
    },
    cleanPreview: (actions) => {
      out(t('clean.found', { count: actions.length }));
      for (const a of actions) {
        out(`  ${t(`clean.action.${a.kind}`, { path: show(a.file) })}`);
        for (const f of a.kind === 'move' ? [a.finding] : a.findings) out(`      ${renderFinding(f, t).message}`);
      }
    },
    cleanResult: (o) => {
      storeBlock(o.openclaw);
      if (o.actions.length === 0) {
        if (o.runId) out(t('setup.restoreHint', { runId: o.runId }));
        else if (!o.openclaw?.commands.some((c) => c.status !== 'ran')) out(t('clean.nothing'));
        return;
      }
      if (!o.applied) {
        out(t('clean.found', { count: o.actions.length }));
        for (const a of o.actions) {
          out(`  ${t(`clean.action.${a.kind}`, { path: show(a.file) })}`);
          for (const f of a.kind === 'move' ? [a.finding] : a.findings) out(`      ${renderFinding(f, t).message}`);
        }
        out(t('clean.reportOnly'));
        return;
      }
      out(t('clean.done', { count: o.actions.length }));
      if (o.runId) out(t('setup.restoreHint', { runId: o.runId }));
      if (o.restart.ran) out(t(o.restart.exitCode === 0 ? 'clean.restarted' : 'clean.restartFailed', { code: o.restart.exitCode ?? -1 }));
      else out(t('clean.restartHint'));
    },
    keyPreview: (o) => {
      out(t('key.header', { old: maskKey(o.oldKey), new: maskKey(o.newKey) }));
      for (const c of o.changes) out(`  ${t(`key.${c.what}`, { path: show(c.path), keys: c.keyPaths.join(', ') })}`);
    },
    keyResult: (o) => {
      storeBlock(o.openclaw);
      if (o.changes.length === 0) {
        out(t('key.nothing', { old: maskKey(o.oldKey) }));
        if (o.runId) out(t('setup.restoreHint', { runId: o.runId }));
        return;
      }
      out(t('key.header', { old: maskKey(o.oldKey), new: maskKey(o.newKey) }));
      for (const c of o.changes) out(`  ${t(`key.${c.what}`, { path: show(c.path), keys: c.keyPaths.join(', ') })}`);
      if (o.runId) out(t('setup.restoreHint', { runId: o.runId }));
    },
    verifyNotice: (tools) => {
      if (tools.length === 0) out(t('verify.none'));
      else out(t('verify.notice', { tools: tools.map((x) => adapters[x as keyof typeof adapters]?.label ?? x).join(', ') }));
    },
    verifyResult: (results) => {
      for (const r of results) {
        const label = adapters[r.tool].label;
        if (r.ok) out(`  ✔ ${t('verify.pass', { tool: label, seconds: r.seconds.toFixed(1) })}`);
        else {
          out(`  ✖ ${t(r.timedOut ? 'verify.timeout' : 'verify.fail', { tool: label, code: r.exitCode ?? -1 })}`);
          for (const line of r.output.split('\n').slice(-6)) out(`      ${line}`);
          for (const e of r.explained) out(`      → ${t('verify.explained', { id: e.id, title: e.title })}`);
        }
      }
    },
    explainResult: (r) => {
      if (!r.matched) {
        out(t('explain.unknown'));
        return;
      }
      const lang = t.lang;
      for (const e of r.entries) {
        out(`${e.id}${e.http ? ` (HTTP ${e.http})` : ''}: ${e.title[lang]}`);
        for (const l of e.limits ?? []) out(`  ${t('explain.limit', { model: l.model, limit: l.limit.toLocaleString('en-US'), kind: t(`explain.kind.${l.kind}`) })}`);
        out(`  ${t('explain.causes')}`);
        for (const c of e.causes) {
          const here = c.checks.filter((code) => e.appliesNow.includes(code));
          out(`   - ${c.text[lang]}${here.length ? `  ← ${t('explain.appliesNow', { codes: here.join(', ') })}` : ''}`);
        }
        out(`  ${t('explain.fixes')}`);
        for (const f of e.fixes) out(`   - ${f[lang]}`);
        out();
      }
      out(r.checkedConfig ? t('explain.doctorHint') : t('explain.noConfig'));
    },
    text: (key) => t(key),
    failure: (_code, message, lines) => {
      io.stderr(`${message}\n`);
      for (const l of lines) io.stderr(`${l}\n`);
    },
  };
}

/** `--json`: exactly one document on stdout, whatever happens; nothing human-facing on stdout. */
export function jsonReporter(io: Io, t: Translate): Reporter {
  // doctor --fix reports once: the repairs ride along in the doctor document.
  let fixed: { applied: readonly Finding[]; runId: string | null } | null = null;
  const emit = (doc: object): void => io.stdout(`${JSON.stringify({ schemaVersion: 1, ...doc }, null, 2)}\n`);
  return {
    progress: () => {},
    preview: () => {},
    setupResult: (r) =>
      emit({
        ok: r.ok,
        dryRun: r.dryRun,
        runId: r.runId,
        answers: r.answers,
        changes: r.changes.map((c) => ({ tool: c.tool, path: c.path, action: c.action, backup: c.backup, ...(c.diff ? { diff: c.diff } : {}) })),
        findings: r.findings.map((f) => renderFinding(f, t)),
        nextSteps: r.nextSteps.map((s) => ({ tool: s.tool, code: s.code, message: hasMessage(s.code) ? t(s.code, s.params ?? {}) : s.code })),
        guides: r.guides.map((g) => ({
          tool: g.tool,
          steps: g.steps.map((s) => ({ code: s.code, params: s.params ?? {}, message: hasMessage(s.code) ? t(s.code, s.params ?? {}) : s.code })),
        })),
      }),
    backups: (runs) =>
      emit({ ok: true, runs: runs.map((r) => ({ runId: r.runId, command: r.command, status: r.status, createdAt: r.createdAt, files: [...r.files.map((f) => f.path), ...(r.snapshots ?? []).map((f) => f.path)] })) }),
    restoreResult: (runId, rows, newRunId) => emit({ ok: true, restored: runId, runId: newRunId, files: rows }),
    failure: (exitCode, message, lines) => emit({ ok: false, exitCode, error: { message, details: lines } }),
    doctorResult: (findings) =>
      emit({
        ok: !findings.some((f) => f.severity === 'error'),
        ...(fixed ? { fixed: fixed.applied.map((f) => f.code), fixRunId: fixed.runId } : {}),
        findings: findings.map((f) => ({ ...renderFinding(f, t), fixable: isFixable(f) })),
      }),
    fixResult: (applied, runId) => {
      fixed = { applied, runId };
    },
    cleanPreview: () => {},
    storeStep: () => {},
    keyPreview: () => {},
    verifyNotice: () => {},
    verifyResult: (results) => emit({ ok: results.every((r) => r.ok), results }),
    text: (key) => t(key),
    explainResult: (r) =>
      emit({
        matched: r.matched,
        entries: r.entries.map((e) => ({
          id: e.id,
          ...(e.http ? { http: e.http } : {}),
          title: e.title[t.lang],
          causes: e.causes.map((c) => ({ text: c.text[t.lang], checks: c.checks })),
          fixes: e.fixes.map((f) => f[t.lang]),
          ...(e.limits ? { limits: e.limits } : {}),
          appliesNow: e.appliesNow,
        })),
      }),
    keyResult: (o) =>
      emit({ ok: !o.openclaw?.failed, runId: o.runId, oldKey: maskKey(o.oldKey), newKey: maskKey(o.newKey), changes: o.changes, ...(o.openclaw ? { openclaw: storeJson(o.openclaw, t) } : {}) }),
    cleanResult: (o) =>
      emit({
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
}

/** The OpenClaw commands of a run for `--json`: what ran (with exit codes) or would run; no keys. */
function storeJson(o: StoreOutcome, t: Translate): object {
  return {
    commands: o.commands.map((c) => ({
      command: c.argv.join(' '),
      argv: c.argv,
      status: c.status,
      ...(c.exitCode !== undefined ? { exitCode: c.exitCode } : {}),
      ...(c.seconds !== undefined ? { seconds: c.seconds } : {}),
      ...(c.output ? { output: c.output } : {}),
    })),
    findings: o.findings.map((f) => renderFinding(f, t)),
  };
}
