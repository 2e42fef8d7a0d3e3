import type { RunEvent } from '../commands/context.js';
import { storeAbout } from './store.js';
import { toolLabel, type View } from './view.js';

/** A progress event as people read it, and where it goes: file progress to stderr, the rest to stdout. */
export function eventText(e: RunEvent, view: View): { readonly stream: 'stdout' | 'stderr'; readonly text: string } {
  const { t } = view;
  switch (e.type) {
    case 'store-step':
      return { stream: 'stdout', text: storeAbout(e.step, e.argv, view) };
    case 'verify-start':
      return {
        stream: 'stdout',
        text: e.tools.length === 0 ? t('verify.none') : t('verify.notice', { tools: e.tools.map(toolLabel).join(', ') }),
      };
    default:
      return { stream: 'stderr', text: `  ${t(`progress.${e.type}`, { path: view.show(e.path) })}` };
  }
}
