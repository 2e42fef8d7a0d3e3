/**
 * What the pure core may know about the machine: handed in by the effects layer, never read
 * from globals, so every decision can be tested with a made-up home and environment.
 */
export type Env = Readonly<Record<string, string | undefined>>;

export interface ToolContext {
  /** The home every tool's default paths hang off (the user's, or `--home`). */
  readonly home: string;
  /** The environment the tools will run in (tool path overrides, competing variables). */
  readonly env: Env;
  readonly platform: string;
  /** Installed tool versions as printed by the tool; null = not installed or not detected. */
  readonly versions: Readonly<Record<string, string | null>>;
  /** When this run plans its writes (ISO 8601), for files that record when they changed. */
  readonly now?: string;
}

/** Join path parts with '/', the form every supported OS accepts for the paths we build. */
export function joinPath(...parts: string[]): string {
  return parts
    .filter((p) => p !== '')
    .map((p, i) => (i === 0 ? p.replace(/[\\/]+$/, '') : p.replace(/^[\\/]+|[\\/]+$/g, '')))
    .join('/');
}

export function dirOf(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i <= 0 ? path.slice(0, i + 1) || '.' : path.slice(0, i);
}
