import { adapters } from '../core/adapters/index.js';
import { getPlan, isPlanId } from '../core/catalog/index.js';
import type { Finding } from '../core/findings.js';
import { hasMessage, type Translate } from '../i18n/index.js';

/** What a text presenter needs besides the outcome: the language and how paths read. */
export interface View {
  readonly t: Translate;
  /** A path as people read it (`~/…`). */
  readonly show: (path: string) => string;
  /** tp-setup's state folder, where backup runs live. */
  readonly stateDir: string;
}

/** A piece of a command's text output. The wizard shows each as a transcript block; headless prints it. */
export interface Block {
  readonly kind: 'text' | 'error';
  readonly text: string;
}

/** Each command's two ways to show its outcome: text for people, one JSON document for scripts. */
export interface Presenter<O> {
  text(outcome: O, view: View): Block[];
  json(outcome: O, t: Translate): object;
}

/** Collects lines into one text block. */
export function lines(): { out: (line?: string) => void; block: (kind?: Block['kind']) => Block[] } {
  const all: string[] = [];
  return {
    out: (line = '') => all.push(line),
    block: (kind = 'text') => (all.length > 0 ? [{ kind, text: `${all.join('\n')}\n` }] : []),
  };
}

/** A message code, translated when tp-setup has words for it. */
export function say(t: Translate, code: string, params: Readonly<Record<string, string | number>> = {}): string {
  return hasMessage(code) ? t(code, params) : code;
}

/**
 * Names or words joined as a list in the user's language ("Qwen Code, Claude Code"; in Chinese
 * "Qwen Code、Claude Code"). Ids, flags and paths keep ", ": they are typed, not read.
 */
export function wordList(t: Translate, words: readonly string[]): string {
  return words.join(t('list.separator'));
}

export function toolLabel(tool: string): string {
  return adapters[tool as keyof typeof adapters]?.label ?? tool;
}

/** A finding in the user's language: the JSON shape every command shares. */
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
  return { ...shown, message: hasMessage(mk) ? t(mk, params) : f.code, fix: hasMessage(fk) ? t(fk, params) : '' };
}

export const SEVERITY_MARK: Readonly<Record<Finding['severity'], string>> = { error: '✖ error', warning: '! warning', info: 'i info' };

/** setup's "Notes:" list. */
export function notes(out: (line?: string) => void, findings: readonly Finding[], t: Translate): void {
  if (findings.length === 0) return;
  out(t('setup.findings'));
  for (const f of findings) {
    const r = renderFinding(f, t);
    out(`  ${SEVERITY_MARK[f.severity]}${f.tool ? ` [${f.tool}]` : ''}: ${r.message}`);
    if (r.fix) out(`      → ${r.fix}`);
  }
}

/** `--json`: exactly one document, with the schema version first. */
export function jsonDoc(doc: object): object {
  return { schemaVersion: 1, ...doc };
}
