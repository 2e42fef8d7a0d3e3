import type { SetupOptions } from '../args.js';
import type { Io } from '../commands/io.js';
import type { Translate } from '../i18n/index.js';

/**
 * The full-screen wizard. The only module that loads ink and react: main imports it lazily, so
 * headless commands never pay for it.
 */
export async function runWizard(_opts: SetupOptions, _io: Io, _t: Translate): Promise<number> {
  const { render, Text } = await import('ink');
  const React = await import('react');
  const app = render(React.createElement(Text, null, 'tp-setup'));
  app.unmount();
  await app.waitUntilExit();
  return 0;
}
