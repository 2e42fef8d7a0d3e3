import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tempHome } from './cli.js';

/**
 * A stand-in `openclaw` for OpenClaw 2026.8+ credential flows: a small node script on PATH that
 * records each call (argv, and stdin for paste-api-key) and acts on a JSON stand-in for its
 * SQLite store, the way the real 2026.9.6 does (docs/tools/openclaw.md#caches, #cli-checks):
 *
 * - a leftover `agents/<id>/agent/auth-profiles.json` makes every `models auth` command fail with
 *   AUTH_PROFILE_MIGRATION_REQUIRED until `doctor --fix --non-interactive --yes` imports it and
 *   renames it to `auth-profiles.json.migrated-…`; doctor also rewrites openclaw.json;
 * - the store of the default agent is `<state>/state/openclaw.sqlite`, another agent's is
 *   `agents/<id>/agent/openclaw-agent.sqlite` (here JSON text);
 * - `models auth list --json` prints a warning on stderr and the profiles on stdout;
 * - logout and paste-api-key change the store and rewrite openclaw.json.
 */
const SCRIPT = String.raw`#!/usr/bin/env node
const fs = require('node:fs');
const path = require('node:path');
const here = __dirname;
const argv = process.argv.slice(2);
const state = process.env.OPENCLAW_STATE_DIR || path.join(process.env.OPENCLAW_HOME || process.env.HOME, '.openclaw');
const config = process.env.OPENCLAW_CONFIG_PATH || path.join(state, 'openclaw.json');
let stdin = null;
if (argv.includes('paste-api-key')) stdin = fs.readFileSync(0, 'utf8');
fs.appendFileSync(path.join(here, 'calls.jsonl'), JSON.stringify({ argv, stdin }) + '\n');
const fail = fs.existsSync(path.join(here, 'fail.txt')) ? fs.readFileSync(path.join(here, 'fail.txt'), 'utf8').trim() : '';
if (fail && argv.join(' ').startsWith(fail)) { console.error('simulated failure'); process.exit(1); }
const slow = fs.existsSync(path.join(here, 'slow.json')) ? JSON.parse(fs.readFileSync(path.join(here, 'slow.json'), 'utf8')) : null;
if (slow && argv.join(' ').startsWith(slow.prefix)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, slow.ms);
const opt = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const agent = opt('--agent');
const storeFile = (id) => id && id !== 'main' ? path.join(state, 'agents', id, 'agent', 'openclaw-agent.sqlite') : path.join(state, 'state', 'openclaw.sqlite');
const load = (f) => { try { return JSON.parse(fs.readFileSync(f, 'utf8')); } catch { return { profiles: {} }; } };
const save = (f, s) => { fs.mkdirSync(path.dirname(f), { recursive: true }); fs.writeFileSync(f, JSON.stringify(s, null, 2) + '\n', { mode: 0o600 }); };
const touchConfig = (what) => { if (fs.existsSync(config)) fs.writeFileSync(config, '// ' + what + '\n' + fs.readFileSync(config, 'utf8')); };
const agentsDir = path.join(state, 'agents');
const agents = fs.existsSync(agentsDir) ? fs.readdirSync(agentsDir) : [];
const legacy = agents.filter((a) => fs.existsSync(path.join(agentsDir, a, 'agent', 'auth-profiles.json')));
if (argv[0] === '--version') { console.log(fs.readFileSync(path.join(here, 'version.txt'), 'utf8').trim()); process.exit(0); }
if (argv[0] === 'gateway') process.exit(0);
if (argv[0] === 'doctor') {
  for (const a of legacy) {
    const file = path.join(agentsDir, a, 'agent', 'auth-profiles.json');
    const store = load(storeFile(a));
    Object.assign(store.profiles, JSON.parse(fs.readFileSync(file, 'utf8')).profiles || {});
    save(storeFile(a), store);
    fs.renameSync(file, file + '.migrated-2026-11-22T00-00-00.000Z-test');
  }
  touchConfig('tidied by doctor');
  console.log('Doctor complete.');
  process.exit(0);
}
if (argv[0] === 'models' && argv[1] === 'auth') {
  if (legacy.length > 0) {
    console.log(JSON.stringify({ ok: false, error: { type: 'cli_error', message: 'Auth profile store requires legacy credential migration; run openclaw doctor --fix.' } }));
    console.error('code=AUTH_PROFILE_MIGRATION_REQUIRED');
    process.exit(1);
  }
  const file = storeFile(agent);
  const store = load(file);
  if (argv[2] === 'list') {
    console.error('Installed Gateway service state and config paths could not be verified.');
    const profiles = Object.entries(store.profiles).map(([id, p]) => ({ id, provider: p.provider, type: p.type, label: id }));
    console.log(JSON.stringify({ agentId: agent || 'main', authStatePath: file.replace(process.env.HOME + '/', '~/'), provider: null, profiles }, null, 2));
    process.exit(0);
  }
  if (argv[2] === 'logout') {
    const id = argv[3];
    if (!store.profiles[id]) { console.error('no such profile ' + id); process.exit(1); }
    delete store.profiles[id];
    save(file, store);
    touchConfig('logout ' + id);
    console.log('Removed auth profile: ' + id);
    process.exit(0);
  }
  if (argv[2] === 'paste-api-key') {
    store.profiles[opt('--profile-id')] = { type: 'api_key', provider: opt('--provider'), key: stdin.trim() };
    save(file, store);
    touchConfig('paste ' + opt('--profile-id'));
    console.log('Auth profile: ' + opt('--profile-id'));
    process.exit(0);
  }
}
console.error('fake openclaw: unsupported ' + argv.join(' '));
process.exit(2);
`;

export interface FakeOpenclaw {
  readonly binDir: string;
  /** Every call so far: argv after `openclaw`, and what came in on stdin (paste-api-key only). */
  calls(): Promise<{ argv: string[]; stdin: string | null }[]>;
  /** Make every command whose argv starts with this text exit 1. */
  failOn(prefix: string): Promise<void>;
  /** Make every command whose argv starts with this text take `ms` milliseconds first, as the real 2026.8+ does (24–37 s). */
  slowOn(prefix: string, ms: number): Promise<void>;
}

export async function fakeOpenclaw(version = 'OpenClaw 2026.9.6 (eb377ac)'): Promise<FakeOpenclaw> {
  const binDir = await tempHome('tp-fake-openclaw-');
  await writeFile(path.join(binDir, 'openclaw'), SCRIPT, { mode: 0o755 });
  await writeFile(path.join(binDir, 'version.txt'), `${version}\n`);
  await writeFile(path.join(binDir, 'calls.jsonl'), '');
  return {
    binDir,
    calls: async () =>
      (await readFile(path.join(binDir, 'calls.jsonl'), 'utf8'))
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { argv: string[]; stdin: string | null }),
    failOn: (prefix) => writeFile(path.join(binDir, 'fail.txt'), prefix),
    slowOn: (prefix, ms) => writeFile(path.join(binDir, 'slow.json'), JSON.stringify({ prefix, ms })),
  };
}

/** A fake store's profiles, as the stand-in keeps them. */
export async function storedProfiles(file: string): Promise<Record<string, { provider: string; type: string; key: string }>> {
  try {
    return (JSON.parse(await readFile(file, 'utf8')) as { profiles: Record<string, { provider: string; type: string; key: string }> }).profiles;
  } catch {
    return {};
  }
}
