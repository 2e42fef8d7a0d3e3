import type { StoreStep } from '../core/adapters/openclaw/store.js';
import type { StoreOutcome } from '../commands/openclaw-credentials.js';
import type { Translate } from '../i18n/index.js';
import { notes, renderFinding, type View } from './view.js';

/** One line saying what an OpenClaw command does and why, before it runs. */
export function storeAbout(step: StoreStep, argv: readonly string[], view: View): string {
  const { t } = view;
  const command = argv.join(' ');
  if (step.kind === 'logout') return t(`store.about.logout.${step.reason}`, { command, profile: step.profile });
  if (step.kind === 'paste') return t('store.about.paste', { command, profile: step.profile });
  if (step.kind === 'migrate') return t('store.about.migrate', { command, files: step.files.map(view.show).join(', ') });
  return t('store.about.list', { command });
}

/** The OpenClaw commands of a run, for people: what ran, failed, or would run. */
export function storeLines(out: (line?: string) => void, o: StoreOutcome | undefined, t: Translate): void {
  if (!o || o.commands.length === 0) return;
  notes(out, o.findings, t);
  out(t('store.header'));
  for (const c of o.commands) {
    const params = { command: c.argv.join(' '), seconds: (c.seconds ?? 0).toFixed(1), code: c.exitCode ?? -1 };
    out(`  ${c.status === 'ran' ? '✔' : c.status === 'failed' ? '✖' : '-'} ${t(`store.status.${c.status}`, params)}`);
    if (c.output) for (const line of c.output.split('\n')) out(`      ${line}`);
  }
}

/** The OpenClaw commands of a run for `--json`: what ran (with exit codes) or would run; no keys. */
export function storeJson(o: StoreOutcome, t: Translate): object {
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
