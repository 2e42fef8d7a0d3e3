/**
 * The wizard's first frame, drawn by the entry script (src/cli.ts) before the argument parser and
 * the commands load, when a bare `tp-setup` in a terminal is about to start the wizard. main.ts
 * hands it to the wizard, or clears it if the wizard does not start after all. It reads only the
 * wizard's own messages, not every catalog: this frame is the one a person waits for.
 */
import { render } from 'ink';
import { earlyLang } from '../i18n/lang.js';
import { wizardEn } from '../i18n/wizard-en.js';
import { wizardZhCN } from '../i18n/wizard-zh-CN.js';
import { Splash, SPLASH_OPTIONS } from './views/splash.js';

export function showSplash(argv: readonly string[], env: Readonly<Record<string, string | undefined>>) {
  const words = earlyLang(argv, env) === 'zh-CN' ? wizardZhCN : wizardEn;
  return render(<Splash title={words['wizard.title']} detecting={words['wizard.detecting']} />, SPLASH_OPTIONS);
}
