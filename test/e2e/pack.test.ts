/**
 * What `npx tp-setup` does, without the network: pack the package, install the tarball into an
 * empty folder, and run the installed command on the machine's Node and on Node 22 and 24 (the
 * pinned `node` packages from the registry, test/real/node-pins.json, cached with the real-tool
 * suite's tools; installed there if absent). The package has no dependencies, so the install
 * itself needs no network.
 */

import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { parse as parseJsonc } from 'jsonc-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { endpointsFor } from '../../src/core/catalog/index.js';
import { ensureTool, PINS } from '../real/tools.js';
import { PLAN_KEY, ROOT, tempHome } from '../helpers/cli.js';

const PKG = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

/** npm's settings, proxies and CA bundles from the environment, and nothing else of the developer's. */
function npmEnv(pathDirs: readonly string[], cache: string): Record<string, string> {
  const keep = /^(npm_config_(?!cache$|prefix$|global$).*|NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR|(HTTPS?|NO|ALL)_PROXY)$/i;
  const passed = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => keep.test(e[0]) && e[1] !== undefined));
  return {
    ...passed,
    PATH: [...pathDirs, ...(process.env.PATH ?? '').split(path.delimiter)].join(path.delimiter),
    HOME: os.homedir(),
    LANG: 'C.UTF-8',
    npm_config_cache: cache,
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  };
}

let tarball: string;
let work: string;
let packed: { files: { path: string }[]; size: number; unpackedSize: number };

beforeAll(async () => {
  work = await tempHome('tp-pack-');
  // The build is already in dist/ (npm test builds first): pack it as it is.
  const r = await execa('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
    cwd: ROOT,
    env: npmEnv([path.dirname(process.execPath)], path.join(work, 'npm-cache')),
    extendEnv: false,
    stdin: 'ignore',
  });
  const out = String(r.stdout);
  packed = (JSON.parse(out.slice(out.indexOf('['))) as (typeof packed & { filename: string })[])[0]!;
  tarball = path.join(work, (packed as unknown as { filename: string }).filename);
}, 120_000);

describe('the packed tarball', () => {
  it('holds the bundle, templates, README and LICENSE, and nothing else', () => {
    const files = packed.files.map((f) => f.path).sort();
    expect(files).toContain('dist/cli.cjs');
    expect(files).toContain('dist/headless.cjs');
    expect(files).toContain('dist/main.js');
    expect(files).toContain('dist/ui.js');
    expect(files).toContain('dist/THIRD-PARTY-LICENSES.txt');
    expect(files).toContain('README.md');
    expect(files).toContain('LICENSE');
    expect(files).toContain('package.json');
    expect(files).toContain('templates/openclaw.json');
    const unexpected = files.filter((f) => !/^(dist\/[^/]+\.c?js|dist\/THIRD-PARTY-LICENSES\.txt|templates\/[^/]+|README\.md|LICENSE|package\.json)$/.test(f));
    expect(unexpected).toEqual([]);
    process.stdout.write(`tarball ${(packed.size / 1024).toFixed(0)} KiB, unpacked ${(packed.unpackedSize / 1024).toFixed(0)} KiB, ${files.length} files\n`);
  });
});

const nodes = [
  { name: `the machine's Node (${process.version})`, key: 'system' as const },
  { name: `Node ${PINS.node22.version} from the registry`, key: 'node22' as const },
  { name: `Node ${PINS.node24.version} from the registry`, key: 'node24' as const },
];

describe.each(nodes)('installed from the tarball and run on $name', ({ key }) => {
  let binDirs: string[];
  let prefix: string;
  let bin: string;

  beforeAll(async () => {
    if (key === 'system') binDirs = [path.dirname(process.execPath)];
    else {
      const node = await ensureTool(PINS[key], null);
      if (!node.ok) throw new Error(`Node ${PINS[key].version} is not available: ${node.error}`);
      binDirs = [path.join(node.ok.dir, 'node_modules', '.bin')];
    }
    prefix = path.join(work, `install-${key}`);
    await mkdir(prefix);
    // npm itself runs on the Node under test (its `#!/usr/bin/env node` finds that one first).
    const r = await execa('npm', ['install', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball], {
      cwd: prefix,
      env: npmEnv(binDirs, path.join(work, `npm-cache-${key}`)),
      extendEnv: false,
      reject: false,
      stdin: 'ignore',
      all: true,
    });
    if (r.exitCode !== 0) throw new Error(`npm install of the tarball failed:\n${String(r.all)}`);
    bin = path.join(prefix, 'node_modules', '.bin', 'tp-setup');
  }, 10 * 60_000);

  const run = async (args: string[], home: string, extra: Record<string, string> = {}) => {
    const r = await execa(bin, args, {
      cwd: home,
      env: { PATH: [...binDirs, '/usr/local/bin', '/usr/bin', '/bin'].join(path.delimiter), HOME: home, LANG: 'C.UTF-8', CI: 'true', TP_SETUP_LANG: 'en', ...extra },
      extendEnv: false,
      reject: false,
      stdin: 'ignore',
    });
    return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
  };

  it('adds exactly one package: tp-setup itself', async () => {
    const ls = await execa('npm', ['ls', '--all', '--parseable'], { cwd: prefix, env: npmEnv(binDirs, path.join(work, `npm-cache-${key}`)), extendEnv: false, reject: false });
    const lines = String(ls.stdout).split('\n').filter(Boolean);
    // The first line is the install folder itself; every other line is an installed package.
    expect(lines.slice(1)).toEqual([path.join(prefix, 'node_modules', PKG.name)]);
    const entries = (await readdir(path.join(prefix, 'node_modules'))).filter((n) => !n.startsWith('.'));
    expect(entries).toEqual([PKG.name]);
  });

  it('runs on the intended Node and answers --version and --help', async () => {
    const home = await tempHome();
    const which = await execa('node', ['--version'], { env: { PATH: [...binDirs, '/usr/bin', '/bin'].join(path.delimiter) }, extendEnv: false });
    expect(String(which.stdout).trim()).toBe(key === 'system' ? process.version : `v${PINS[key].version}`);
    const version = await run(['--version'], home);
    expect(version).toMatchObject({ exitCode: 0, stderr: '' });
    expect(version.stdout.trim()).toBe(PKG.version);
    const help = await run(['--help'], home);
    expect(help.exitCode).toBe(0);
    for (const cmd of ['setup', 'doctor', 'explain', 'clean', 'key', 'restore']) expect(help.stdout).toContain(cmd);
  });

  it('keeps V8\'s compiled code in the user\'s cache folder where Node can (22.3+), and nowhere on Node 20', async () => {
    const home = await tempHome();
    const cache = path.join(home, '.cache', 'tp-setup', 'compile-cache');
    expect((await run(['--version'], home)).exitCode).toBe(0);
    const hasCache = key !== 'system' || Number(process.versions.node.split('.')[0]) >= 22;
    expect(await readdir(cache).then((e) => e.length > 0, () => false)).toBe(hasCache);
    // XDG_CACHE_HOME moves it; NODE_DISABLE_COMPILE_CACHE turns it off.
    const xdg = path.join(home, 'xdg');
    expect((await run(['--version'], home, { XDG_CACHE_HOME: xdg })).exitCode).toBe(0);
    expect(await readdir(path.join(xdg, 'tp-setup', 'compile-cache')).then((e) => e.length > 0, () => false)).toBe(hasCache);
    const off = await tempHome();
    expect((await run(['--version'], off, { NODE_DISABLE_COMPILE_CACHE: '1' })).exitCode).toBe(0);
    expect(await readdir(path.join(off, '.cache')).then(() => true, () => false)).toBe(false);
  });

  it('runs doctor --json from headless.cjs, keeping its code cache on every Node, and warm gives the same report', async () => {
    const home = await tempHome();
    const r = await run(['doctor', '--json', '--home', home], home);
    expect([0, 3]).toContain(r.exitCode);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ schemaVersion: 1, findings: expect.any(Array) });
    const cache = path.join(home, '.cache', 'tp-setup', 'compile-cache');
    const kept = (await readdir(cache)).filter((f) => f.startsWith('tp-setup-headless-doctor-'));
    expect(kept).toHaveLength(1);
    const warm = await run(['doctor', '--json', '--home', home], home);
    expect(warm).toEqual(r);
  });

  it('runs a headless setup into a temp home (templates found from the installed copy)', async () => {
    const home = await tempHome();
    const r = await run(
      ['--plan', 'coding', '--region', 'intl', '--tools', 'qwen-code', '--model', 'qwen3.5-plus', '--thinking', 'on', '--key-env', 'TP_SETUP_TEST_KEY', '--home', home, '--yes'],
      home,
      { TP_SETUP_TEST_KEY: PLAN_KEY },
    );
    expect(r.exitCode).toBe(0);
    // Progress goes to stderr: one line per file written.
    expect(r.stderr).toContain('wrote ~/.qwen/settings.json');
    expect(`${r.stdout}${r.stderr}`).not.toContain(PLAN_KEY);
    const settings = parseJsonc(await readFile(path.join(home, '.qwen/settings.json'), 'utf8'));
    expect(settings.modelProviders.openai).toHaveLength(1);
    expect(settings.modelProviders.openai[0]).toMatchObject({ id: 'qwen3.5-plus', baseUrl: endpointsFor('coding', 'intl').openai, envKey: 'BAILIAN_CODING_PLAN_API_KEY' });
    expect(settings.modelProviders.openai[0].generationConfig.extra_body).toEqual({ enable_thinking: true });
    expect(settings.security.auth.selectedType).toBe('openai');
    expect(settings.model.name).toBe('qwen3.5-plus');
    expect(await readFile(path.join(home, '.qwen/.env'), 'utf8')).toBe(`BAILIAN_CODING_PLAN_API_KEY=${PLAN_KEY}\n`);
    expect((await stat(path.join(home, '.qwen/.env'))).mode & 0o777).toBe(0o600);
    // The run is recorded, so it can be undone.
    const backups = await run(['backups', '--json', '--home', home], home);
    expect(backups.exitCode).toBe(0);
    expect(backups.stdout).toMatch(/\d{8}T\d{6}Z-[0-9a-f]{4}/);
  });
});
