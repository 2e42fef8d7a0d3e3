import { fs } from './builtins.js';

// The version, written in by the build (scripts/build.mjs, from the package.json it packs); not
// defined when running from the sources.
declare const TP_SETUP_VERSION: string | undefined;

/** tp-setup's own version: the build's, or else the one in the package.json beside the sources. */
export const VERSION: string =
  typeof TP_SETUP_VERSION === 'string'
    ? TP_SETUP_VERSION
    : (JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
