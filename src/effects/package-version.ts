import { readFileSync } from 'node:fs';

/** tp-setup's own version, from the package.json shipped beside the bundle. */
export const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
