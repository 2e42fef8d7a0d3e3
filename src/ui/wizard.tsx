import type { ReactElement } from 'react';
import type { SetupOptions } from '../args.js';
import type { Io } from '../commands/io.js';
import { displayPath } from '../core/paths.js';
import { resolveHomes } from '../effects/paths.js';
import type { Translate } from '../i18n/index.js';
import type { View } from '../presenters/view.js';
import { App } from './app.js';
import { WizardPrompter } from './bridge.js';
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
  const homes = resolveHomes(opts.home, io.env);
  const view: View = { t, show: (p) => displayPath(p, homes.home), stateDir: homes.stateDir };
  const store = new WizardStore();
  const prompter = new WizardPrompter(store, view, io.env, !opts.keyEnv && !opts.keyStdin);
  store.print('title', t('wizard.title'));
  return {
    store,
    element: <App store={store} t={t} showPath={view.show} />,
    run: () => wizardFlow({ opts, io, homes, view, store, prompter }),
  };
}
