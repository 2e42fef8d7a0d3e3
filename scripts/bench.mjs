#!/usr/bin/env node
/**
 * `npm run bench`: how the published package feels from `npx tp-setup`.
 *
 * Packs the built package, installs the tarball into an empty folder (offline: it has no
 * dependencies) and times the installed copy against bare Node (`node -e 0`) in the same run:
 *
 *   --help                  tp-setup --help
 *   doctor --json           a realistic home: every tool configured by a headless setup, plus a
 *                           stale OpenClaw cache
 *   first frame             the wizard in a pseudo-terminal, until its header ("tp-setup") shows
 *   doctor, large home      an OpenClaw config with 10,000 models across 50 providers and 200
 *                           agents with caches; also at half that size, to show it scales linearly
 *
 * Editors on 5 MB files: each format's editor (json, jsonc, json5, toml, yaml, dotenv) patches a
 * generated realistic file of 5 MB and one of 1 MB with a small edit set (set a nested key,
 * insert into an array, delete a key), each case alone in a child process, reporting its time and
 * peak memory (the child's max RSS). The files stay below MAX_CONFIG_BYTES (src/core/limits.ts).
 * `--editors` runs only this section.
 *
 * For reference it also times the floor under the first frame: a bare Ink "hello" (render one
 * <Text>), bundled the way the build bundles the wizard, and bare Node printing the same text.
 *
 * Every case runs --runs times (default 9, at least 7), interleaved so that load on the machine
 * hits all cases alike; medians are reported. `--node <path>` times another Node binary.
 * Prints the tarball size, unpacked size and how many packages the install added.
 */

import { spawn as ptySpawn } from '@lydell/node-pty';
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import stripAnsi from 'strip-ansi';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const RUNS = Math.max(7, Number(opt('--runs', '9')));
const NODE = path.resolve(opt('--node', process.execPath));
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
function runEnv(home, extra = {}) {
  return { PATH: [path.dirname(NODE), '/usr/bin', '/bin'].join(path.delimiter), HOME: home, LANG: 'C.UTF-8', CI: 'true', TP_SETUP_LANG: 'en', ...extra };
}

function timeRun(args, env, check) {
  const started = process.hrtime.bigint();
  const r = spawnSync(NODE, args, { env, stdio: ['ignore', check ? 'pipe' : 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (check) check(r);
  return ms;
}

/** Time until `text` appears on the screen of a pseudo-terminal running the command. */
function timeFirstFrame(args, env, text) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    let screen = '';
    let done = false;
    const pty = ptySpawn(NODE, args, { name: 'xterm', cols: 100, rows: 40, env });
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
async function realisticHome(dir, cli) {
  await mkdir(dir, { recursive: true });
  const r = spawnSync(NODE, [cli, '--plan', 'token-personal', '--region', 'intl', '--tools', 'openclaw,qwen-code,claude-code,opencode,codex,kilo,hermes', '--key-env', 'K', '--yes', '--json', '--home', dir], {
    env: runEnv(dir, { K: KEY }),
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

async function benchEditors(work, log) {
  const script = await bundleEditorCase(work);
  const runs = 3;
  log(`editors on large files: best time of ${runs} runs, each in its own process; memory = that process's peak RSS`);
  log(`${'format'.padEnd(8)} ${'size'.padStart(9)} ${'time'.padStart(10)} ${'peak RSS'.padStart(10)}   ${'1 MB → 5 MB'.padStart(12)}`);
  for (const format of EDITOR_FORMATS) {
    const results = [];
    for (const bytes of EDITOR_SIZES) {
      let best;
      for (let i = 0; i < runs; i++) {
        const r = spawnSync(NODE, ['--max-old-space-size=4096', script, format, String(bytes)], { encoding: 'utf8', maxBuffer: 1 << 20 });
        if (r.status !== 0) fail(`editor ${format} ${bytes}`, r);
        const one = json(r.stdout);
        if (!best || one.ms < best.ms) best = { ...one, maxRssKiB: Math.max(one.maxRssKiB, best?.maxRssKiB ?? 0) };
        else best.maxRssKiB = Math.max(best.maxRssKiB, one.maxRssKiB);
      }
      results.push(best);
      const scale = results.length === 2 ? `${(results[1].ms / results[0].ms).toFixed(1)}× time` : '';
      log(`${format.padEnd(8)} ${mb(best.chars).padStart(9)} ${`${best.ms.toFixed(0)} ms`.padStart(10)} ${`${(best.maxRssKiB / 1024).toFixed(0)} MiB`.padStart(10)}   ${scale.padStart(12)}`);
    }
  }
}

async function main() {
  const work = await mkdtemp(path.join(os.tmpdir(), 'tp-bench-'));
  const log = (s = '') => process.stdout.write(`${s}\n`);
  if (argv.includes('--editors')) {
    try {
      await benchEditors(work, log);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
    return;
  }
  try {
    // 1. What npx downloads and installs.
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
    const cli = path.join(pkgDir, 'dist', 'cli.js');
    const onDisk = await folderBytes(pkgDir);

    // 2. Homes.
    const realistic = path.join(work, 'home-realistic');
    await realisticHome(realistic, cli);
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
      const r = spawnSync(NODE, [cli, 'doctor', '--json', '--home', home], { env: runEnv(home), encoding: 'utf8', maxBuffer: 1 << 30 });
      const doc = expectDoctor(r);
      const counts = {};
      for (const f of doc.findings) counts[f.code] = (counts[f.code] ?? 0) + 1;
      return { n: doc.findings.length, exit: r.status, counts };
    };
    const fr = findingsOf(realistic);
    const fl = findingsOf(fullHome);
    const fh = findingsOf(halfHome);

    // 3. Timed runs, interleaved.
    const cases = [
      { name: 'node -e 0', run: () => timeRun(['-e', '0'], runEnv(work)) },
      { name: 'tp-setup --help', target: 1.5, run: () => timeRun([cli, '--help'], runEnv(work), (r) => r.status === 0 || fail('--help', r)) },
      { name: 'doctor --json (realistic home)', target: 2, run: () => timeRun([cli, 'doctor', '--json', '--home', realistic], runEnv(realistic), expectDoctor) },
      {
        name: 'wizard first frame (pty)',
        target: 4,
        run: () => timeFirstFrame([cli, '--home', wizardHome], { ...runEnv(wizardHome), CI: 'false', TERM: 'xterm' }, 'tp-setup'),
      },
      { name: 'reference: bare Ink hello, bundled (pty)', run: () => timeFirstFrame([inkHello], { ...runEnv(wizardHome), CI: 'false', TERM: 'xterm' }, 'tp-setup') },
      { name: 'reference: node prints "tp-setup" (pty)', run: () => timeFirstFrame(['-e', 'process.stdout.write("tp-setup\\n"); setInterval(() => {}, 1000)'], { ...runEnv(wizardHome), CI: 'false', TERM: 'xterm' }, 'tp-setup') },
      { name: `doctor --json, large home /2 (${half.models} models)`, run: () => timeRun([cli, 'doctor', '--json', '--home', halfHome], runEnv(halfHome), expectDoctor) },
      { name: `doctor --json, large home (${full.models} models)`, absTarget: 1000, run: () => timeRun([cli, 'doctor', '--json', '--home', fullHome], runEnv(fullHome), expectDoctor) },
    ];
    const times = cases.map(() => []);
    for (let i = 0; i < RUNS; i++) for (const [j, c] of cases.entries()) times[j].push(await c.run());
    const base = median(times[0]);

    const cpu = cpus()[0]?.model ?? 'unknown CPU';
    const nodeVersion = spawnSync(NODE, ['--version'], { encoding: 'utf8' }).stdout.trim();
    log(`tp-setup ${pack.version} bench, ${new Date().toISOString().slice(0, 10)}: ${os.availableParallelism?.() ?? cpus().length} × ${cpu}, Node ${nodeVersion}, ${os.platform()} ${os.release()}`);
    log(`medians of ${RUNS} runs each, interleaved; ratio = median / median of \`node -e 0\``);
    log('');
    log(`${'case'.padEnd(44)} ${'median'.padStart(9)} ${'ratio'.padStart(7)}  ${'target'.padEnd(10)} result`);
    for (const [j, c] of cases.entries()) {
      const m = median(times[j]);
      const ratio = m / base;
      let target = '';
      let result = '';
      if (c.target) {
        target = `≤ ${c.target}×`;
        result = ratio <= c.target ? 'met' : `missed by ${((ratio / c.target - 1) * 100).toFixed(0)}%`;
      } else if (c.absTarget) {
        target = `≤ ${c.absTarget} ms`;
        result = m <= c.absTarget ? 'met' : `missed by ${(m - c.absTarget).toFixed(0)} ms`;
      }
      log(`${c.name.padEnd(44)} ${`${m.toFixed(0)} ms`.padStart(9)} ${`${ratio.toFixed(2)}×`.padStart(7)}  ${target.padEnd(10)} ${result}`);
    }
    const mh = median(times[cases.length - 2]);
    const mf = median(times[cases.length - 1]);
    log('');
    log(`large home scaling: ${half.models} models/${half.providers} providers/${half.agents} agents (openclaw.json ${mb(halfBytes)}) ${mh.toFixed(0)} ms → ${full.models}/${full.providers}/${full.agents} (${mb(fullBytes)}) ${mf.toFixed(0)} ms;`);
    const slope = (mf - mh) / ((full.models - half.models) / 1000);
    log(`  linear fit: ${(mh - slope * (half.models / 1000)).toFixed(0)} ms fixed (the realistic home takes ${median(times[2]).toFixed(0)} ms) + ${slope.toFixed(1)} ms per 1,000 models (with their share of providers and agents)`);
    log(`findings: realistic home ${fr.n} (exit ${fr.exit}: ${Object.entries(fr.counts).map(([k, v]) => `${k}×${v}`).join(', ')}); large home ${fl.n} (exit ${fl.exit}), half ${fh.n}`);
    log('');
    log(`tarball ${pack.filename}: ${kib(pack.size)} packed, ${kib(pack.unpackedSize)} unpacked (${mb(pack.unpackedSize)}; target ≤ 3 MB: ${pack.unpackedSize <= 3e6 ? 'met' : 'missed'}), ${pack.entryCount} files; installed folder ${kib(onDisk)}`);
    log(`npm install of the tarball: added ${added} package(s); npm ls --all: ${installed} package(s) (target 1: ${installed === 1 ? 'met' : 'missed'})`);
    log('');
    await benchEditors(work, log);
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
