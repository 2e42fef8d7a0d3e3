import { render, type Instance } from 'ink';
import type { SetupOptions } from '../args.js';
import type { Io } from '../commands/io.js';
import type { Translate } from '../i18n/index.js';
import { Splash, SPLASH_OPTIONS } from './views/splash.js';

/**
 * The full-screen wizard. Only this module and what it imports load ink and react: main imports
 * it lazily, so headless commands never pay for it. It draws a first frame at once and loads the
 * flow (every command behind it) afterwards. Colour was already switched off (FORCE_COLOR=0) by
 * the entry script when NO_COLOR or --no-color asks, before Ink's colour library loaded.
 */
export async function runWizard(opts: SetupOptions, io: Io, t: Translate, splash?: Instance): Promise<number> {
  // Ctrl+C arrives as a key: the flow decides (leave now, or let a started run finish first).
  // The entry script may have drawn the splash already, before the argument parser loaded.
  const app = splash ?? render(<Splash title={t('wizard.title')} detecting={t('wizard.detecting')} />, SPLASH_OPTIONS);
  try {
    const { createWizard } = await import('./wizard.js');
    const wizard = createWizard(opts, io, t);
    app.rerender(wizard.element);
    return await wizard.run();
  } finally {
    // Let the last frame render before Ink lets go of the terminal; it stays on screen.
    await new Promise((r) => setTimeout(r, 20));
    app.unmount();
    await app.waitUntilExit();
  }
}
