import { mainIfCarried, type Runnable } from './main.js';
import { processIo } from './commands/io.js';

/*
 * The entry of dist/headless.cjs, the one script src/cli.ts runs for `doctor` and `models` with
 * V8's code cache (src/effects/script-cache.ts). It carries the read-only runs only: `doctor
 * --fix` (the repairs, the TOML writer, execa, the line prompts) and `doctor --network` (DNS and
 * TLS) are left out of it by the build (scripts/build.mjs), and for them `main` answers undefined
 * before doing anything, so cli.ts runs the line with main.js instead.
 */

/** What this script can run itself. */
export function carries(cmd: Runnable): boolean {
  if (cmd.name === 'models') return true;
  return cmd.name === 'doctor' && !cmd.options.fix && !cmd.options.network;
}

export function main(argv: readonly string[]): Promise<number | undefined> {
  return mainIfCarried(argv, processIo(), undefined, carries);
}
