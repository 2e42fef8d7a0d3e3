import { Box, render, Text } from 'ink';
import type { SetupOptions } from '../args.js';
import type { Io } from '../commands/io.js';
import type { Translate } from '../i18n/index.js';

/** What the terminal shows while the rest of the wizard (commands, editors, views) loads. */
function Splash({ t }: { readonly t: Translate }) {
  return (
    <Box flexDirection="column">
      <Text bold>{t('wizard.title')}</Text>
      <Text dimColor>{`… ${t('wizard.detecting')}`}</Text>
    </Box>
  );
}

/**
 * The full-screen wizard. Only this module and what it imports load ink and react: main imports
 * it lazily, so headless commands never pay for it. It draws a first frame at once and loads the
 * flow (every command behind it) afterwards. Colour was already switched off (FORCE_COLOR=0) by
 * the entry script when NO_COLOR or --no-color asks, before Ink's colour library loaded.
 */
export async function runWizard(opts: SetupOptions, io: Io, t: Translate): Promise<number> {
  // Ctrl+C arrives as a key: the flow decides (leave now, or let a started run finish first).
  const app = render(<Splash t={t} />, { exitOnCtrlC: false, patchConsole: false });
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
