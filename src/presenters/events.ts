import type { RunEvent } from '../commands/context.js';
import type { Translate } from '../i18n/index.js';
import { storeAbout } from './store.js';
import { toolLabel, wordList, type View } from './view.js';

type TaskEnd = Extract<RunEvent, { type: 'task-end' }>;
type TaskWhat = TaskEnd['task']['what'];

/** One argument as a POSIX shell reads it: plain when safe, else single-quoted. */
function shellWord(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The command line(s) or host a slow step works on; no keys ever appear in them (src/effects/tasks.ts). */
export function taskSubject(what: TaskWhat): string {
  const line = (argv: readonly string[]): string => argv.map(shellWord).join(' ');
  if (what.kind === 'command') return line(what.argv);
  if (what.kind === 'versions') return what.argvs.map(line).join(', ');
  return what.host;
}

/** What a slow step is doing, e.g. "running openclaw models auth list --json". */
export function taskLabel(what: TaskWhat, t: Translate): string {
  if (what.kind === 'command') return t('task.command', { command: taskSubject(what) });
  if (what.kind === 'versions') return t('task.versions', { commands: taskSubject(what) });
  return t('task.network', { host: what.host });
}

/** Seconds as people read them: one decimal below ten, whole seconds above. */
export function formatSeconds(seconds: number): string {
  return seconds < 10 ? seconds.toFixed(1) : String(Math.round(seconds));
}

/** How a slow step ended: "✔ done in 24 s · openclaw models auth list --json". */
export function taskResult(e: TaskEnd, t: Translate): string {
  const seconds = formatSeconds(e.seconds);
  return `${e.ok ? '✔' : '✖'} ${t(e.ok ? 'task.done' : 'task.failed', { seconds })} · ${taskSubject(e.task.what)}`;
}

/**
 * A progress event as people read it, and where it goes: file progress and slow steps to stderr
 * (one line when a step starts, one when it ends; never a spinner), the rest to stdout.
 */
export function eventText(e: RunEvent, view: View): { readonly stream: 'stdout' | 'stderr'; readonly text: string } {
  const { t } = view;
  switch (e.type) {
    case 'store-step':
      return { stream: 'stdout', text: storeAbout(e.step, e.argv, view) };
    case 'verify-start':
      return {
        stream: 'stdout',
        text: e.tools.length === 0 ? t('verify.none') : t('verify.notice', { tools: wordList(t, e.tools.map(toolLabel)) }),
      };
    case 'task-start':
      return { stream: 'stderr', text: `  … ${taskLabel(e.task.what, t)}` };
    case 'task-end':
      return { stream: 'stderr', text: `  ${taskResult(e, t)}` };
    default:
      return { stream: 'stderr', text: `  ${t(`progress.${e.type}`, { path: view.show(e.path) })}` };
  }
}
