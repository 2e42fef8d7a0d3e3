// Ink decides at import time whether it runs under CI (then it only prints the last frame), and CI
// runs this suite with CI=true; clear it here so component tests see every frame. Colour and
// language are pinned so assertions do not depend on the developer's terminal.
delete process.env.CI;
process.env.FORCE_COLOR = '0';
process.env.TP_SETUP_LANG = 'en';

// The product loads a language's messages before it speaks it (src/main.ts); tests that build a
// translator directly get both.
import { loadMessages } from '../src/i18n/index.js';
await loadMessages('en');
await loadMessages('zh-CN');
