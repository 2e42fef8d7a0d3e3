/**
 * Which of the bundle's files a run of the built CLI loads: Node's module hooks
 * (https://nodejs.org/api/module.html#customization-hooks), registered with --import, write every
 * file: URL they load to a log file. The hooks run on their own thread, so the run's output is
 * untouched.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { CLI, tempHome } from './cli.js';

const HOOKS = `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(process.env.TP_TEST_LOADED_LOG, url + '\\n');
  return next(url, context);
}
`;
const REGISTER = `import { register } from 'node:module';
register('./hooks.mjs', import.meta.url);
`;

export interface LoadedRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The bundle's files (names in dist/) in the order they loaded. */
  readonly files: readonly string[];
}

/** Environment that makes any Node started with it log its loads; read them with `loadedFiles(log)`. */
export async function recordingLoads(): Promise<{ env: Record<string, string>; files: () => Promise<string[]> }> {
  const dir = await tempHome('tp-loads-');
  await writeFile(path.join(dir, 'hooks.mjs'), HOOKS);
  await writeFile(path.join(dir, 'register.mjs'), REGISTER);
  const log = path.join(dir, 'loaded.log');
  await writeFile(log, '');
  return { env: { NODE_OPTIONS: `--import=${path.join(dir, 'register.mjs')}`, TP_TEST_LOADED_LOG: log }, files: () => distFiles(log) };
}

async function distFiles(log: string): Promise<string[]> {
  const dist = path.dirname(CLI);
  const files = (await readFile(log, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((url) => decodeURIComponent(new URL(url).pathname))
    .filter((file) => path.dirname(file) === dist)
    .map((file) => path.basename(file));
  return [...new Set(files)];
}

export async function runRecordingLoads(args: readonly string[], env: Record<string, string>): Promise<LoadedRun> {
  const dir = await tempHome('tp-loads-');
  await writeFile(path.join(dir, 'hooks.mjs'), HOOKS);
  await writeFile(path.join(dir, 'register.mjs'), REGISTER);
  const log = path.join(dir, 'loaded.log');
  await writeFile(log, '');
  const r = await execa(process.execPath, ['--import', path.join(dir, 'register.mjs'), CLI, ...args], {
    env: { ...env, TP_TEST_LOADED_LOG: log },
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
  });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr), files: await distFiles(log) };
}

/** Whether any of these bundle files holds the text: a package's own string, kept by the minifier. */
export async function anyHolds(files: readonly string[], text: string): Promise<boolean> {
  const dist = path.dirname(CLI);
  for (const file of files) if ((await readFile(path.join(dist, file), 'utf8')).includes(text)) return true;
  return false;
}
