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

// Likewise the readers' libraries (YAML, TOML, the JSON dialects), which the product loads when a
// file needs them (src/core/formats/readers.ts, src/effects/home-scan.ts): tests that call the
// core directly get them all. test/core/formats/readers.test.ts checks the loading itself on a
// fresh module graph, and the end-to-end tests check it through the built CLI.
import { loadReaders } from '../src/core/formats/readers.js';
await loadReaders(['json', 'yaml', 'toml']);
