import { render } from 'ink';
import type { ReactElement } from 'react';
import type { SetupOptions } from '../args.js';
import type { Io } from '../commands/io.js';
import { displayPath, resolveHomes } from '../effects/paths.js';
import type { Translate } from '../i18n/index.js';
import { App } from './app.js';
import { WizardPrompter, wizardReporter } from './bridge.js';
import { wizardFlow } from './flow.js';
import { WizardStore } from './store.js';

export interface Wizard {
  readonly store: WizardStore;
  readonly element: ReactElement;
  /** Runs the flow to its end; resolves with the exit code. */
  readonly run: () => Promise<number>;
}

/** The wizard's parts, wired: what runWizard renders into the terminal and tests render in memory. */
export function createWizard(opts: SetupOptions, io: Io, t: Translate): Wizard {
  const { home } = resolveHomes(opts.home, io.env);
  const store = new WizardStore();
  const prompter = new WizardPrompter(store, t, io.env, !opts.keyEnv && !opts.keyStdin);
  const reporter = wizardReporter(store, t, home, prompter);
  store.print('title', t('wizard.title'));
  return {
    store,
    element: <App store={store} t={t} showPath={(p) => displayPath(p, home)} />,
    run: () => wizardFlow({ opts, io, t, store, prompter, reporter }),
  };
}

/**
 * The full-screen wizard. The only module that loads ink and react: main imports it lazily, so
 * headless commands never pay for it. Colour was already switched off (FORCE_COLOR=0) by the
 * entry script when NO_COLOR or --no-color asks, before Ink's colour library loaded.
 */
export async function runWizard(opts: SetupOptions, io: Io, t: Translate): Promise<number> {
  const wizard = createWizard(opts, io, t);
  // Ctrl+C arrives as a key: the flow decides (leave now, or let a started run finish first).
  const app = render(wizard.element, { exitOnCtrlC: false, patchConsole: false });
  try {
    return await wizard.run();
  } finally {
    // Let the last frame render before Ink lets go of the terminal; it stays on screen.
    await new Promise((r) => setTimeout(r, 20));
    app.unmount();
    await app.waitUntilExit();
  }
}
