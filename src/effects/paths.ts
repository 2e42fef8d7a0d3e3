import os from 'node:os';
import path from 'node:path';

export interface Homes {
  /** Home for every tool's files. */
  readonly home: string;
  /** tp-setup's own state: records and backups. */
  readonly stateDir: string;
}

/**
 * `--home` (or TP_SETUP_HOME) replaces the user's home for the tools and for tp-setup's own
 * state alike, so a test or a second home never touches the real one.
 */
export function resolveHomes(homeOption: string | undefined, env: NodeJS.ProcessEnv, platform = process.platform): Homes {
  if (homeOption) {
    const home = path.resolve(homeOption);
    return { home, stateDir: path.join(home, '.local', 'state', 'tp-setup') };
  }
  const home = os.homedir();
  if (env.TP_SETUP_STATE_DIR) return { home, stateDir: path.resolve(env.TP_SETUP_STATE_DIR) };
  if (platform === 'win32') {
    return { home, stateDir: path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'tp-setup') };
  }
  const stateHome = env.XDG_STATE_HOME || path.join(home, '.local', 'state');
  return { home, stateDir: path.join(stateHome, 'tp-setup') };
}
