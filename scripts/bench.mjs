#!/usr/bin/env node
/**
 * `npm run bench`: how the published package feels from `npx tp-setup`, on Node 20, 22 and 24
 * side by side.
 *
 * Packs the built package, installs the tarball into an empty folder (offline: it has no
 * dependencies) and times the installed copy against bare Node (`node -e 0`) in the same run, on
 * each Node:
 *
 *   --help                  tp-setup --help
 *   doctor --json           a realistic home: every tool configured by a headless setup, plus a
 *                           stale OpenClaw cache
 *   first frame             a bare `tp-setup` (as npx runs it) in a pseudo-terminal, until the
 *                           wizard's header ("tp-setup") shows;
 *                           its target is relative to a bare Ink "hello" (one <Text>), bundled the
 *                           way the build bundles the wizard
 *   doctor, large home      an OpenClaw config with 10,000 models across 50 providers and 200
 *                           agents with caches; also at half that size, to show it scales linearly
 *
 * tp-setup keeps V8's compiled code between runs: doctor's and models' (dist/headless.cjs,
 * src/effects/script-cache.ts) on every Node, and on Node 22.3+ the ES modules' too (src/cli.ts).
 * The same cases with NODE_DISABLE_COMPILE_CACHE=1 show what those caches buy (and what a first
 * run pays).
 *
 * Nodes: this machine's Node, and the registry's `node` package at the versions in
 * test/real/node-pins.json, installed into the real-tool suite's cache
 * (TP_SETUP_TOOL_CACHE, default ~/.cache/tp-setup-real-tools) when absent. `--nodes system,24`
 * picks some; a Node that does not install is reported and left out.
 *
 * Editors on 5 MB files: each format's editor (json, jsonc, json5, toml, yaml, dotenv) patches a
 * generated realistic file of 5 MB and one of 1 MB with a small edit set (set a nested key,
 * insert into an array, delete a key), each case alone in a child process, reporting its time and
 * peak memory (the child's max RSS), on each Node. The files stay below MAX_CONFIG_BYTES
 * (src/core/limits.ts). `--editors` runs only this section.
 *
 * Every case runs --runs times (default 9, at least 7), interleaved across cases and Nodes so
 * that load on the machine hits all alike; medians are reported. `--root <dir>` measures another
 * checkout (built, with its own node_modules), to compare before and after a change;
 * `--no-editors` leaves out the editors section.
 * Prints the tarball size, unpacked size and how many packages the install added.
 */

import { spawn as ptySpawn } from '@lydell/node-pty';
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import stripAnsi from 'strip-ansi';

const HERE = fileURLToPath(new URL('../', import.meta.url));
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const ROOT = path.resolve(opt('--root', HERE));
const RUNS = Math.max(7, Number(opt('--runs', '9')));
const NODE_PINS = JSON.parse(readFileSync(path.join(HERE, 'test/real/node-pins.json'), 'utf8'));
const TOOL_CACHE = process.env.TP_SETUP_TOOL_CACHE || path.join(os.homedir(), '.cache', 'tp-setup-real-tools');
const KEEP = argv.includes('--keep');
const KEY = 'sk-sp-test-0000-1111-2222-abcd';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;

function npmEnv(cache) {
  const keep = /^(npm_config_(?!cache$|prefix$|global$).*|NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR|(HTTPS?|NO|ALL)_PROXY)$/i;
  const env = Object.fromEntries(Object.entries(process.env).filter(([k, v]) => keep.test(k) && v !== undefined));
  return { ...env, PATH: process.env.PATH ?? '', HOME: os.homedir(), LANG: 'C.UTF-8', npm_config_cache: cache, npm_config_update_notifier: 'false' };
}

/** The environment every timed run gets: nothing of the developer's, no tool on PATH but Node. */
function runEnv(node, home, extra = {}) {
  return { PATH: [path.dirname(node), '/usr/bin', '/bin'].join(path.delimiter), HOME: home, LANG: 'C.UTF-8', CI: 'true', TP_SETUP_LANG: 'en', ...extra };
}

function timeRun(node, args, env, check) {
  const started = process.hrtime.bigint();
  const r = spawnSync(node, args, { env, stdio: ['ignore', check ? 'pipe' : 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (check) check(r);
  return ms;
}

/** Time until `text` appears on the screen of a pseudo-terminal running the command. */
function timeFirstFrame(node, args, env, text) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    let screen = '';
    let done = false;
    const pty = ptySpawn(node, args, { name: 'xterm', cols: 100, rows: 40, env });
    let exited = false;
    const exit = new Promise((r) => pty.onExit((e) => {
      exited = true;
      r(e);
    }));
    const timer = setTimeout(() => finish(new Error(`no "${text}" within 20 s; screen:\n${stripAnsi(screen).slice(-1000)}`)), 20_000);
    const finish = (err, ms) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      // The next run starts once this one is gone.
      void exit.then(() => (err ? reject(err) : resolve(ms)));
      if (!exited) {
        try {
          pty.kill();
        } catch {
          /* already gone */
        }
      }
    };
    pty.onData((d) => {
      screen += d;
      if (!done && stripAnsi(screen).includes(text)) finish(null, Number(process.hrtime.bigint() - started) / 1e6);
    });
    void exit.then(({ exitCode }) => {
      if (!done) finish(new Error(`exited (${exitCode}) before "${text}" appeared; screen:\n${stripAnsi(screen).slice(-1000)}`));
    });
  });
}

const json = (text) => JSON.parse(text);
function expectDoctor(r) {
  if (r.status !== 0 && r.status !== 3) throw new Error(`doctor exited ${r.status}: ${String(r.stderr).slice(0, 2000)}`);
  const doc = json(String(r.stdout));
  if (doc.schemaVersion !== 1) throw new Error('doctor printed no JSON report');
  return doc;
}

/** A home as a user who configured every tool (Token Plan) has it, plus an OpenClaw agent whose cache is stale. */
async function realisticHome(node, dir, cli) {
  await mkdir(dir, { recursive: true });
  const r = spawnSync(node, [cli, '--plan', 'token-personal', '--region', 'intl', '--tools', 'openclaw,qwen-code,claude-code,opencode,codex,kilo,hermes', '--key-env', 'K', '--yes', '--json', '--home', dir], {
    env: runEnv(node, dir, { K: KEY }),
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`setup of the fixture home failed (${r.status}): ${r.stdout}${r.stderr}`);
  const agent = path.join(dir, '.openclaw', 'agents', 'work', 'agent');
  await mkdir(agent, { recursive: true });
  const stale = { providers: { bailian: { baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', apiKey: 'sk-test-old-0000-1111-2222-wxyz', api: 'openai-completions', models: [{ id: 'qwen-plus', name: 'qwen-plus' }] } } };
  await writeFile(path.join(agent, 'models.json'), `${JSON.stringify(stale, null, 2)}\n`, { mode: 0o600 });
}

/**
 * An OpenClaw home far larger than anyone's: `providers` providers with `models / providers`
 * models each (half of them Model Studio providers, whose models the doctor checks one by one)
 * and `agents` agents, each with a models.json cache (every tenth one stale).
 */
async function largeHome(dir, { models, providers, agents }) {
  const oc = path.join(dir, '.openclaw');
  await mkdir(oc, { recursive: true, mode: 0o700 });
  const ids = ['qwen3.5-plus', 'qwen3-coder-plus', 'qwen3-coder-next', 'qwen3-max', 'glm-5', 'kimi-k2.5', 'MiniMax-M2.5'];
  const per = Math.round(models / providers);
  const provs = {};
  for (let p = 0; p < providers; p++) {
    const studio = p % 2 === 0;
    const list = [];
    for (let m = 0; m < per; m++) {
      const id = studio ? (m < ids.length ? ids[m] : `${ids[m % ids.length]}-v${m}`) : `vendor-${p}/model-${m}`;
      list.push({ id, name: id, reasoning: m % 3 === 0, ...(m % 3 === 0 ? { compat: { thinkingFormat: 'qwen' } } : {}), input: ['text'], contextWindow: 131072, maxTokens: 8192 });
    }
    provs[studio ? `bailian-${p}` : `other-${p}`] = {
      baseUrl: studio ? 'https://coding-intl.dashscope.aliyuncs.com/v1' : `https://api.vendor-${p}.example/v1`,
      apiKey: studio ? '${BAILIAN_API_KEY}' : `\${OTHER_${p}_KEY}`,
      api: 'openai-completions',
      models: list,
    };
  }
  const agentList = Array.from({ length: agents }, (_, i) => ({ id: i === 0 ? 'main' : `agent-${i}`, ...(i === 0 ? { default: true } : { workspace: `~/work-${i}` }) }));
  const config = {
    meta: { lastTouchedVersion: '2026.9.6' },
    models: { providers: provs },
    agents: { defaults: { model: { primary: 'bailian-0/qwen3.5-plus' }, models: { 'bailian-0/qwen3.5-plus': {} } }, list: agentList },
  };
  await writeFile(path.join(oc, 'openclaw.json'), `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  await writeFile(path.join(oc, '.env'), `BAILIAN_API_KEY=${KEY}\n`, { mode: 0o600 });
  for (const [i, a] of agentList.entries()) {
    const d = path.join(oc, 'agents', a.id, 'agent');
    await mkdir(d, { recursive: true });
    const baseUrl = i % 10 === 9 ? 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1' : 'https://coding-intl.dashscope.aliyuncs.com/v1';
    const cache = { providers: { 'bailian-0': { baseUrl, apiKey: KEY, api: 'openai-completions', models: ids.slice(0, 5).map((id) => ({ id, name: id, api: 'openai-completions' })) } } };
    await writeFile(path.join(d, 'models.json'), `${JSON.stringify(cache, null, 2)}\n`, { mode: 0o600 });
  }
  return (await stat(path.join(oc, 'openclaw.json'))).size;
}

/** Ink rendering one <Text>, bundled and minified like the wizard: what any Ink first frame costs. */
async function bundleInkHello(work) {
  const entry = path.join(work, 'ink-hello.mjs');
  await writeFile(entry, "import { render, Text } from 'ink';\nimport React from 'react';\nconst app = render(React.createElement(Text, null, 'tp-setup'));\nsetTimeout(() => app.unmount(), 1000);\n");
  const out = path.join(work, 'ink-hello.bundle.mjs');
  await build({
    entryPoints: [entry],
    nodePaths: [path.join(ROOT, 'node_modules')],
    outfile: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.17',
    minify: true,
    mainFields: ['module', 'main'],
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: { js: 'import{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);' },
    logLevel: 'error',
    plugins: [
      {
        name: 'no-devtools',
        setup(b) {
          b.onResolve({ filter: /^(\.\/devtools\.js|react-devtools-core)$/ }, (a) => ({ path: a.path, namespace: 'stub' }));
          b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: '', loader: 'js' }));
        },
      },
    ],
  });
  return out;
}

async function folderBytes(dir) {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? await folderBytes(p) : (await stat(p)).size;
  }
  return total;
}

const EDITOR_FORMATS = ['json', 'jsonc', 'json5', 'toml', 'yaml', 'dotenv'];
const EDITOR_SIZES = [1_000_000, 5_000_000];

/**
 * The editors and the large-file generator (test/adversarial/large-configs.ts), bundled into one
 * script that patches one generated file and prints its time and peak memory as JSON.
 */
async function bundleEditorCase(work) {
  const entry = path.join(work, 'editor-case.ts');
  await writeFile(
    entry,
    [
      `import { editorFor, patchText } from ${JSON.stringify(path.join(ROOT, 'src/core/formats/index.ts'))};`,
      `import { largeConfig, largeConfigEdits } from ${JSON.stringify(path.join(ROOT, 'test/adversarial/large-configs.ts'))};`,
      'const [format, bytes] = process.argv.slice(2);',
      'const text = largeConfig(format, Number(bytes));',
      'const started = performance.now();',
      'const result = patchText(editorFor(format), text, largeConfigEdits(format));',
      'const ms = performance.now() - started;',
      'if (!result.changed) throw new Error("the edits changed nothing");',
      'process.stdout.write(JSON.stringify({ chars: text.length, ms, maxRssKiB: process.resourceUsage().maxRSS }));',
    ].join('\n'),
  );
  const outfile = path.join(work, 'editor-case.cjs');
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'], outfile, logLevel: 'silent' });
  return outfile;
}

async function benchEditors(work, log, nodes) {
  const script = await bundleEditorCase(work);
  const runs = 3;
  log(`editors on large files: best time of ${runs} runs, each in its own process; memory = that process's peak RSS`);
  log(`${'format'.padEnd(8)} ${'size'.padStart(9)} ${nodes.map((n) => `${`Node ${n.major} time`.padStart(14)} ${'peak RSS'.padStart(9)}`).join(' ')}`);
  for (const format of EDITOR_FORMATS) {
    for (const bytes of EDITOR_SIZES) {
      const cells = [];
      let chars = 0;
      for (const node of nodes) {
        let best;
        for (let i = 0; i < runs; i++) {
          const r = spawnSync(node.bin, ['--max-old-space-size=4096', script, format, String(bytes)], { encoding: 'utf8', maxBuffer: 1 << 20 });
          if (r.status !== 0) fail(`editor ${format} ${bytes} on Node ${node.version}`, r);
          const one = json(r.stdout);
          chars = one.chars;
          if (!best || one.ms < best.ms) best = { ...one, maxRssKiB: Math.max(one.maxRssKiB, best?.maxRssKiB ?? 0) };
          else best.maxRssKiB = Math.max(best.maxRssKiB, one.maxRssKiB);
        }
        cells.push(`${`${best.ms.toFixed(0)} ms`.padStart(14)} ${`${(best.maxRssKiB / 1024).toFixed(0)} MiB`.padStart(9)}`);
      }
      log(`${format.padEnd(8)} ${mb(chars).padStart(9)} ${cells.join(' ')}`);
    }
  }
}

/** A Node from the registry's `node` package, installed like the real-tool suite's tools (test/real/tools.ts). */
function registryNode(version) {
  const dir = path.join(TOOL_CACHE, `node@${version}`);
  const bin = path.join(dir, 'node_modules', '.bin', 'node');
  const works = () => existsSync(bin) && spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout?.trim() === `v${version}`;
  if (!works()) {
    const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', dir, `node@${version}`], { env: npmEnv(path.join(TOOL_CACHE, '.npm-cache')), encoding: 'utf8' });
    if (r.status !== 0 || !works()) return { error: `node@${version} did not install: ${`${r.stdout}${r.stderr}`.trim().split('\n').slice(-3).join(' ')}` };
  }
  return { bin };
}

/** The Nodes to measure: `system` is this machine's; a major (22, 24) is the pinned registry Node of that major. */
function chooseNodes(log) {
  const wanted = opt('--nodes', 'system,22,24').split(',').map((s) => s.trim()).filter(Boolean);
  const nodes = [];
  for (const want of wanted) {
    let bin = process.execPath;
    if (want !== 'system') {
      const version = NODE_PINS[`node${want}`];
      if (!version) throw new Error(`--nodes: no pinned Node ${want} in test/real/node-pins.json`);
      const got = registryNode(version);
      if (got.error) {
        log(`(Node ${want} left out: ${got.error})`);
        continue;
      }
      bin = got.bin;
    }
    const version = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim().replace(/^v/, '');
    if (nodes.some((n) => n.version === version)) continue;
    nodes.push({ bin, version, major: Number(version.split('.')[0]) });
  }
  return nodes;
}

async function main() {
  const work = await mkdtemp(path.join(os.tmpdir(), 'tp-bench-'));
  const log = (s = '') => process.stdout.write(`${s}\n`);
  const nodes = chooseNodes(log);
  if (nodes.length === 0) throw new Error('no Node to measure');
  if (argv.includes('--editors')) {
    try {
      await benchEditors(work, log, nodes);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
    return;
  }
  try {
    // 1. What npx downloads and installs (once: the package has no native code).
    const packOut = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, env: npmEnv(path.join(work, 'cache')), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const pack = json(packOut.slice(packOut.indexOf('[')))[0];
    const prefix = path.join(work, 'install');
    await mkdir(prefix);
    const install = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, path.join(work, pack.filename)], { env: npmEnv(path.join(work, 'cache')), encoding: 'utf8' });
    if (install.status !== 0) throw new Error(`npm install of the tarball failed: ${install.stdout}${install.stderr}`);
    const added = /added (\d+) package/.exec(install.stdout)?.[1] ?? '?';
    const ls = spawnSync('npm', ['ls', '--all', '--parseable'], { cwd: prefix, env: npmEnv(path.join(work, 'cache')), encoding: 'utf8' });
    const installed = ls.stdout.split('\n').filter(Boolean).length - 1;
    const pkgDir = path.join(prefix, 'node_modules', 'tp-setup');
    const cli = path.join(pkgDir, 'dist', 'cli.cjs');
    const onDisk = await folderBytes(pkgDir);

    // 2. Homes (made once, by the first Node; every Node reads the same files).
    const first = nodes[0].bin;
    const realistic = path.join(work, 'home-realistic');
    await realisticHome(first, realistic, cli);
    const full = { models: 10_000, providers: 50, agents: 200 };
    const half = { models: 5_000, providers: 25, agents: 100 };
    const fullHome = path.join(work, 'home-large');
    const halfHome = path.join(work, 'home-half');
    const fullBytes = await largeHome(fullHome, full);
    const halfBytes = await largeHome(halfHome, half);
    const wizardHome = path.join(work, 'home-wizard');
    await mkdir(wizardHome);
    const inkHello = await bundleInkHello(work);

    // One checked run of each doctor case, for the report's finding counts.
    const findingsOf = (home) => {
      const r = spawnSync(first, [cli, 'doctor', '--json', '--home', home], { env: runEnv(first, home), encoding: 'utf8', maxBuffer: 1 << 30 });
      const doc = expectDoctor(r);
      const counts = {};
      for (const f of doc.findings) counts[f.code] = (counts[f.code] ?? 0) + 1;
      return { n: doc.findings.length, exit: r.status, counts };
    };
    const fr = findingsOf(realistic);
    const fl = findingsOf(fullHome);
    const fh = findingsOf(halfHome);

    // 3. Timed runs, interleaved over cases and Nodes. The code caches live under each run's
    // HOME (~/.cache/tp-setup/compile-cache): warm after the first run, as for a user.
    const pty = (node, args, home, extra = {}) => timeFirstFrame(node, args, { ...runEnv(node, home, extra), CI: 'false', TERM: 'xterm' }, 'tp-setup');
    const NOCACHE = { NODE_DISABLE_COMPILE_CACHE: '1' };
    const cases = [
      { id: 'base', name: 'node -e 0', run: (n) => timeRun(n, ['-e', '0'], runEnv(n, work)) },
      { id: 'help', name: 'tp-setup --help', target: 1.3, run: (n) => timeRun(n, [cli, '--help'], runEnv(n, work), (r) => r.status === 0 || fail('--help', r)) },
      { id: 'doctor', name: 'doctor --json (realistic home)', target: 1.8, run: (n) => timeRun(n, [cli, 'doctor', '--json', '--home', realistic], runEnv(n, realistic), expectDoctor) },
      { id: 'frame', name: 'wizard first frame (pty)', frameTarget: 1.1, run: (n) => pty(n, [cli], wizardHome) },
      { id: 'ink', name: 'reference: bare Ink hello, bundled (pty)', run: (n) => pty(n, [inkHello], wizardHome) },
      { id: 'print', name: 'reference: node prints "tp-setup" (pty)', run: (n) => pty(n, ['-e', 'process.stdout.write("tp-setup\\n"); setInterval(() => {}, 1000)'], wizardHome) },
      { id: 'help-cold', name: '--help, compile cache off', cacheOnly: true, run: (n) => timeRun(n, [cli, '--help'], runEnv(n, work, NOCACHE)) },
      { id: 'doctor-cold', name: 'doctor --json, compile cache off', run: (n) => timeRun(n, [cli, 'doctor', '--json', '--home', realistic], runEnv(n, realistic, NOCACHE), expectDoctor) },
      { id: 'frame-cold', name: 'first frame, compile cache off', cacheOnly: true, run: (n) => pty(n, [cli], wizardHome, NOCACHE) },
      { id: 'half', name: `doctor --json, large home /2 (${half.models} models)`, run: (n) => timeRun(n, [cli, 'doctor', '--json', '--home', halfHome], runEnv(n, halfHome), expectDoctor) },
      { id: 'full', name: `doctor --json, large home (${full.models} models)`, absTarget: 1000, run: (n) => timeRun(n, [cli, 'doctor', '--json', '--home', fullHome], runEnv(n, fullHome), expectDoctor) },
    ];
    // Node 22.3+ can keep compiled code (process.getBuiltinModule arrived in 22.3, with the cache API).
    const caches = (node) => node.major > 22 || (node.major === 22 && Number(node.version.split('.')[1]) >= 3);
    const times = new Map();
    const at = (c, node) => `${c.id}@${node.version}`;
    for (let i = 0; i < RUNS; i++) {
      for (const node of nodes) {
        for (const c of cases) {
          if (c.cacheOnly && !caches(node)) continue;
          const key = at(c, node);
          if (!times.has(key)) times.set(key, []);
          times.get(key).push(await c.run(node.bin));
        }
      }
    }
    const med = (c, node) => (times.has(at(c, node)) ? median(times.get(at(c, node))) : undefined);

    const cpu = cpus()[0]?.model ?? 'unknown CPU';
    log(`tp-setup ${pack.version} bench, ${new Date().toISOString().slice(0, 10)}: ${os.availableParallelism?.() ?? cpus().length} × ${cpu}, ${os.platform()} ${os.release()}`);
    log(`medians of ${RUNS} runs each, interleaved; ratio = median / median of \`node -e 0\` on the same Node (first frame: / bare Ink hello)`);
    log('');
    const col = 26;
    log(`${'case'.padEnd(44)} ${nodes.map((n) => `Node ${n.version}`.padEnd(col)).join(' ')}`);
    const base = (node) => med(cases[0], node);
    const ink = (node) => med(cases.find((c) => c.id === 'ink'), node);
    for (const c of cases) {
      const cells = nodes.map((node) => {
        const m = med(c, node);
        if (m === undefined) return 'n/a'.padEnd(col);
        let cell = `${m.toFixed(0)} ms`;
        if (c.frameTarget) {
          const r = m / ink(node);
          cell += ` ${r.toFixed(2)}× Ink ${r <= c.frameTarget ? 'met' : 'missed'}`;
        } else if (c.id !== 'base' && !c.absTarget && c.id !== 'half') {
          const r = m / base(node);
          cell += ` ${r.toFixed(2)}×${c.target ? ` ${r <= c.target ? 'met' : 'missed'}` : ''}`;
        } else if (c.absTarget) cell += m <= c.absTarget ? ' met' : ' missed';
        return cell.padEnd(col);
      });
      const target = c.target ? ` (≤ ${c.target}×)` : c.frameTarget ? ` (≤ ${c.frameTarget}× Ink)` : c.absTarget ? ` (≤ ${c.absTarget} ms)` : '';
      log(`${(c.name + target).padEnd(44)} ${cells.join(' ')}`);
    }
    log('');
    for (const node of nodes) {
      const mh = med(cases.find((c) => c.id === 'half'), node);
      const mf = med(cases.find((c) => c.id === 'full'), node);
      const slope = (mf - mh) / ((full.models - half.models) / 1000);
      log(`large home on Node ${node.version}: ${half.models} models (openclaw.json ${mb(halfBytes)}) ${mh.toFixed(0)} ms → ${full.models} (${mb(fullBytes)}) ${mf.toFixed(0)} ms; ${(mh - slope * (half.models / 1000)).toFixed(0)} ms fixed + ${slope.toFixed(1)} ms per 1,000 models`);
    }
    log(`findings: realistic home ${fr.n} (exit ${fr.exit}: ${Object.entries(fr.counts).map(([k, v]) => `${k}×${v}`).join(', ')}); large home ${fl.n} (exit ${fl.exit}), half ${fh.n}`);
    log('');
    log(`tarball ${pack.filename}: ${kib(pack.size)} packed, ${kib(pack.unpackedSize)} unpacked (${mb(pack.unpackedSize)}; target ≤ 3 MB: ${pack.unpackedSize <= 3e6 ? 'met' : 'missed'}), ${pack.entryCount} files; installed folder ${kib(onDisk)}`);
    log(`npm install of the tarball: added ${added} package(s); npm ls --all: ${installed} package(s) (target 1: ${installed === 1 ? 'met' : 'missed'})`);
    log('');
    if (!argv.includes('--no-editors')) await benchEditors(work, log, nodes);
  } finally {
    if (KEEP) process.stdout.write(`kept ${work}\n`);
    else await rm(work, { recursive: true, force: true });
  }
}

function fail(what, r) {
  throw new Error(`${what} exited ${r.status}: ${String(r.stderr).slice(0, 2000)}`);
}

main().catch((err) => {
  process.stderr.write(`${err?.stack ?? err}\n`);
  process.exit(1);
});
