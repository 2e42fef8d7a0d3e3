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
