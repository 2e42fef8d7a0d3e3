import { fs } from './builtins.js';

/** tp-setup's own version, from the package.json shipped beside the bundle. */
export const VERSION = (JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
