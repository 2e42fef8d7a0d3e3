#!/usr/bin/env node
/**
 * Builds the published program into dist/:
 *
 *   dist/cli.cjs     the entry (`bin`), CommonJS: a Node version guard in old syntax, then
 *                    headless.cjs for doctor and models, else `import('./main.js')`. Compiled to old
 *                    syntax, so Node versions too old to run tp-setup can still parse it and print
 *                    the message.
 *   dist/headless.cjs  doctor and models in one CommonJS script, which cli.cjs runs with V8's code
 *                    cache (src/effects/script-cache.ts).
 *   dist/main.js     argument parsing, and with it the code every command run loads and what the
 *                    read-only commands (doctor, models) need: one file instead of a
 *                    score of small chunks (scripts/hoist-chunks.mjs).
 *   dist/help.js     every `--help` and `--version` text, computed by the parser at build time
 *                    (src/help-table.ts, src/help.ts): help prints without loading the parser.
 *   dist/cmd-*.js    one per command (setup, doctor, explain, …): its use-case and presenter
 *                    (src/entries/), imported by main.js when it runs.
 *   dist/report.js   the text and JSON reporters.
 *   dist/ui.js       the full-screen wizard (Ink, React): imported by main.js only for the wizard.
 *   dist/early.js    the wizard's first frame, drawn by cli.cjs for a bare `tp-setup` in a terminal
 *                    before main.js loads (src/ui/early.tsx).
 *   dist/prompts.js  the line prompts (@inquirer/prompts): imported only when a person is asked.
 *   dist/chunk-*.js  code the files above share (esbuild's code splitting), runtime packages inlined.
 *   dist/THIRD-PARTY-LICENSES.txt  the licence texts of the inlined packages.
 *
 * Flags: --sourcemap writes .js.map files next to the bundle (they are not published),
 * --metafile writes dist/meta.json for size analysis (esbuild's analyzer reads it), --no-hoist
 * leaves esbuild's chunks as they are (as --sourcemap does).
 */

import { build } from 'esbuild';
import { SINGLE_FILE } from './bundle-options.mjs';
import { hoistChunks } from './hoist-chunks.mjs';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = path.join(ROOT, 'dist');
const SRC = path.join(ROOT, 'src');
const CJS_GLOBALS =
  'import{createRequire as __tpCreateRequire}from"node:module";import{fileURLToPath as __tpFileURLToPath}from"node:url";' +
  'const require=__tpCreateRequire(import.meta.url),__filename=__tpFileURLToPath(import.meta.url),__dirname=__tpFileURLToPath(new URL(".",import.meta.url));';
/** The head and tail of dist/headless.cjs (the head is WRAPPER_HEAD of src/effects/script-cache.ts, which checks it). */
const HEADLESS_WRAPPER = ['(function (exports, require, module, __filename, __dirname) {', '\n})'];
const COMMANDS = ['setup', 'doctor', 'explain', 'verify', 'clean', 'key', 'restore', 'backups', 'models'];
const args = new Set(process.argv.slice(2));

/**
 * Sources find files next to themselves with `new URL('<relative>', import.meta.url)`
 * (`../package.json`, `../../templates/`). In the bundle every file sits directly in dist/, so
 * each such literal is rewritten to point at the same file from there.
 */
const relocateUrls = {
  name: 'relocate-import-meta-urls',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.tsx?$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const contents = text.replace(/new URL\((['"])([^'"]+)\1, import\.meta\.url\)/g, (_m, _q, rel) => {
        const target = path.resolve(path.dirname(args.path), rel);
        let fromDist = path.relative(DIST, target).split(path.sep).join('/');
        if (rel.endsWith('/')) fromDist += '/';
        if (!fromDist.startsWith('.')) fromDist = `./${fromDist}`;
        return `new URL(${JSON.stringify(fromDist)}, import.meta.url)`;
      });
      return { contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

/**
 * Ink loads React's devtools (`react-devtools-core`, not installed) only when DEV=true. The
 * bundle ships without them: the import resolves to a module that says so.
 */
const stubDevtools = {
  name: 'stub-ink-devtools',
  setup(b) {
    b.onResolve({ filter: /^(\.\/devtools\.js|react-devtools-core)$/ }, (args) =>
      args.path === 'react-devtools-core' || /[\\/]ink[\\/]/.test(args.importer) ? { path: args.path, namespace: 'devtools-stub' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'devtools-stub' }, () => ({
      contents: 'throw new Error("React devtools are not part of this build of tp-setup");',
      loader: 'js',
    }));
  },
};

/**
 * commander requires node:child_process at load, for executable subcommands (`git-foo` style),
 * which tp-setup does not use; loading it costs some 5 ms at every start. Inside commander it
 * becomes an object that loads the module on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process-for-commander',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-child-process' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: 'let real;\nmodule.exports = new Proxy({}, { get: (_, name) => (real ??= require("node:child_process"))[name] });\n',
      loader: 'js',
    }));
  },
};

/**
 * yaml's package gives Node its CommonJS build and everything else its ES module build of the
 * same code (package.json "exports"). Bundled, the ES module one loads in about 9 ms instead of
 * 16 (npm run bench): no module wrappers. The one difference is that its warnings go to
 * console.warn instead of process.emitWarning; both end on stderr.
 */
const yamlEsm = {
  name: 'yaml-esm-build',
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: path.join(ROOT, 'node_modules', 'yaml', 'browser', 'index.js') }));
  },
};

/**
 * With code splitting, esbuild turns `await import('<CommonJS package>')` into a chunk that only
 * has a default export, so `(await import('react')).createElement` would be undefined (Node itself
 * gives the named exports). Such imports get a small ES module in between that names every export
 * the package has.
 */
const cjsNamedExports = {
  name: 'cjs-named-exports',
  setup(b) {
    const requireFrom = createRequire(path.join(ROOT, 'package.json'));
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.kind !== 'dynamic-import' || args.pluginData?.inner) return undefined;
      const r = await b.resolve(args.path, { kind: 'import-statement', resolveDir: args.resolveDir, importer: args.importer, pluginData: { inner: true } });
      if (r.errors.length || r.external || !isCommonJs(r.path)) return undefined;
      return { path: r.path, namespace: 'cjs-named-exports', pluginData: { specifier: args.path, resolveDir: args.resolveDir } };
    });
    b.onLoad({ filter: /.*/, namespace: 'cjs-named-exports' }, (args) => {
      const { specifier, resolveDir } = args.pluginData;
      const names = Object.keys(requireFrom(args.path)).filter((n) => n !== 'default' && /^[A-Za-z_$][\w$]*$/.test(n));
      const contents = [`import m from ${JSON.stringify(specifier)};`, 'export default m;', ...names.map((n) => `export const ${n} = m.${n};`)].join('\n');
      return { contents, loader: 'js', resolveDir };
    });
  },
};

/**
 * dist/headless.cjs carries the read-only runs of doctor and models (src/headless.ts says which):
 * the wizard (Ink needs ES modules), the other commands, and what only `doctor --fix` and
 * `doctor --network` load are left out. Each becomes a module that throws when imported, so a
 * mistake in that choice fails loudly instead of half-working. Keys: the importing source file;
 * values: the import() specifiers it has that stay out.
 */
const HEADLESS_COMMANDS = ['doctor', 'models'];
const NOT_HEADLESS = {
  'src/main.ts': [
    ...COMMANDS.filter((c) => !HEADLESS_COMMANDS.includes(c)).map((c) => `./entries/${c}.js`),
    './ui/index.js',
    './prompts/line.js',
    './effects/lock.js',
    './commands/setup.js',
  ],
  'src/commands/doctor.ts': ['./doctor-fix.js', '../effects/network.js'],
};
const headlessOnly = {
  name: 'headless-runs-only',
  setup(b) {
    b.onResolve({ filter: /^\./ }, (args) => {
      const importer = path.relative(ROOT, args.importer).split(path.sep).join('/');
      return NOT_HEADLESS[importer]?.includes(args.path) ? { path: `${importer} -> ${args.path}`, namespace: 'not-headless' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'not-headless' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path}: not part of dist/headless.cjs`)});`,
      loader: 'js',
    }));
  },
};

/** Whether Node loads this file as CommonJS (.cjs, or .js outside a "type": "module" package). */
function isCommonJs(file) {
  if (file.endsWith('.cjs')) return true;
  if (!file.endsWith('.js')) return false;
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const pj = path.join(dir, 'package.json');
    if (existsSync(pj)) return JSON.parse(readFileSync(pj, 'utf8')).type !== 'module';
  }
  return true;
}

/** Packages (name, version, licence text) whose code ended up in the bundle. */
function thirdPartyNotices(metafile) {
  const dirs = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    if (/^[a-z-]+:/.test(input)) continue; // a plugin's generated module
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) dirs.add(m[1]);
  }
  const parts = [];
  for (const dir of [...dirs].sort()) {
    const abs = path.join(ROOT, dir);
    const pkg = JSON.parse(readFileSync(path.join(abs, 'package.json'), 'utf8'));
    const file = readdirSync(abs).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    const text = file ? readFileSync(path.join(abs, file), 'utf8').trim() : `License: ${pkg.license ?? 'see package'}`;
    parts.push(`${pkg.name}@${pkg.version} (${pkg.license ?? 'unknown'})\n\n${text}\n`);
  }
  return `tp-setup bundles the following packages.\n\n${parts.join(`\n${'-'.repeat(72)}\n\n`)}`;
}

async function main() {
  // The export names of CommonJS packages are read in this process: as the production build has them.
  process.env.NODE_ENV = 'production';
  const started = Date.now();
  // Build into a fresh folder, then swap it in: a test running the old build never sees a half one.
  const out = `${DIST}.new`;
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });

  // The version goes into the code (src/effects/package-version.ts): no start reads package.json.
  const { version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
  const result = await build({
    absWorkingDir: ROOT,
    // main.ts imports each of the others with import() when it is needed. Naming them as entries
    // gives their files stable names; what they share goes into chunk-*.js.
    entryPoints: {
      main: path.join(SRC, 'main.ts'),
      ui: path.join(SRC, 'ui', 'index.tsx'),
      early: path.join(SRC, 'ui', 'early.tsx'),
      prompts: path.join(SRC, 'prompts', 'line.ts'),
      ...Object.fromEntries(COMMANDS.map((c) => [`cmd-${c}`, path.join(SRC, 'entries', `${c}.ts`)])),
    },
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.17',
    // ESM builds first: some packages' `main` is a UMD wrapper whose require() calls a bundler cannot follow.
    mainFields: ['module', 'main'],
    minify: true,
    legalComments: 'none',
    sourcemap: args.has('--sourcemap') ? 'linked' : false,
    sourcesContent: false,
    chunkNames: 'chunk-[hash]',
    metafile: true,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"', TP_SETUP_VERSION: JSON.stringify(version) },
    // CommonJS packages (React, the reconciler, write-file-atomic, …) call require() for Node's
    // own modules and read __filename; ESM has neither, so the output files define them.
    banner: { js: CJS_GLOBALS },
    write: false,
    plugins: [relocateUrls, stubDevtools, cjsNamedExports, lazyChildProcess, yamlEsm],
  });

  // The banner is emptied where it is not needed (its line stays, so source maps still fit): every
  // import of a Node module costs start-up time.
  for (const file of result.outputFiles) {
    let text = file.text;
    if (file.path.endsWith('.js') && text.startsWith(CJS_GLOBALS) && !/\b(require|__filename|__dirname)\b/.test(text.slice(CJS_GLOBALS.length))) {
      text = text.slice(CJS_GLOBALS.length);
    }
    await mkdir(path.dirname(file.path), { recursive: true });
    await writeFile(file.path, text);
  }

  // The shared chunks every run but `--help` loads, and those of the read-only commands, become
  // part of main.js (scripts/hoist-chunks.mjs): fewer files to load. Not with source maps, which
  // would no longer fit main.js.
  const hoisted = args.has('--sourcemap') || args.has('--no-hoist')
    ? []
    : await hoistChunks(out, { into: 'main.js', alsoFrom: ['cmd-doctor.js', 'cmd-models.js'], keepFrom: ['early.js'] });

  // dist/headless.cjs: main.ts once more, as one CommonJS script holding what doctor and models
  // run (the wizard and the other commands left out), for cli.cjs to run through V8's code cache
  // (src/effects/script-cache.ts). One script with its compiled code at hand starts faster than
  // the ES modules above, on Node 20 (no compile cache for ES modules) and later versions alike.
  const headless = await build({
    absWorkingDir: ROOT,
    entryPoints: [path.join(SRC, 'headless.ts')],
    ...SINGLE_FILE,
    format: 'cjs',
    outfile: path.join(out, 'headless.cjs'),
    mainFields: ['module', 'main'],
    define: { 'process.env.NODE_ENV': '"production"', TP_SETUP_VERSION: JSON.stringify(version), 'import.meta.url': '__tpUrl' },

    plugins: [relocateUrls, lazyChildProcess, yamlEsm, headlessOnly],
    metafile: true,
  });
  if (args.has('--metafile')) await writeFile(path.join(out, 'meta-headless.json'), JSON.stringify(headless.metafile));
  // The script is its own CommonJS wrapper, the function Node wraps a module in
  // (HEADLESS_WRAPPER; src/effects/script-cache.ts checks its head): V8 then compiles the file's text as
  // read, where a wrapper added at run time makes it copy 600 KB into one new string first. Its
  // "use strict" stays the first statement, so the code runs in strict mode as it does in main.js.
  {
    const file = path.join(out, 'headless.cjs');
    const text = await readFile(file, 'latin1');
    const strict = '"use strict";';
    const body = text.startsWith(strict) ? text.slice(strict.length) : text;
    // import.meta.url, for the code that still asks for it.
    const url = body.includes('__tpUrl') ? 'var __tpUrl=require("node:url").pathToFileURL(__filename).href;' : '';
    await writeFile(file, HEADLESS_WRAPPER[0] + strict + url + body + HEADLESS_WRAPPER[1], 'latin1');
  }
  // Which build of headless.cjs this is, for the names of its code caches: compiled into cli.cjs,
  // so a start need not hash the script to know it.
  const headlessBuild = createHash('sha256').update(await readFile(path.join(out, 'headless.cjs'))).digest('hex').slice(0, 16);

  // dist/help.js: every help text, computed now by the parser itself (src/help-table.ts), with the
  // few lines that pick one (src/help.ts). `--help` then loads neither commander nor the messages.
  const { helpTable } = await import(pathToFileURL(path.join(out, 'main.js')).href);
  const table = await helpTable(version);
  await build({
    absWorkingDir: ROOT,
    stdin: {
      contents: `import { printer } from './src/help.ts';\nexport const printHelp = printer(${JSON.stringify(table)});\n`,
      resolveDir: ROOT,
      sourcefile: 'help-entry.ts',
      loader: 'ts',
    },
    ...SINGLE_FILE,
    outfile: path.join(out, 'help.js'),
  });

  // The entry guard: TypeScript syntax removed and the code-cache loader compiled in, in old syntax.
  await build({
    absWorkingDir: ROOT,
    entryPoints: [path.join(SRC, 'cli.ts')],
    outfile: path.join(out, 'cli.cjs'),
    // The code-cache loader (src/effects/script-cache.ts) is compiled in; the rest stays files.
    bundle: true,
    // CommonJS: an ES module entry makes Node set up its ES module loader before the first line
    // runs (some 25 ms on Node 20, measured), which doctor and models, run from headless.cjs,
    // never need. Its import() calls stay import(), so the ES modules load as ES modules.
    format: 'cjs',
    platform: 'node',
    target: 'es2015',
    supported: { 'dynamic-import': true },
    define: { TP_SETUP_HEADLESS_BUILD: JSON.stringify(headlessBuild) },
    logLevel: 'warning',
  });

  await writeFile(path.join(out, 'THIRD-PARTY-LICENSES.txt'), thirdPartyNotices(result.metafile));
  if (args.has('--metafile')) await writeFile(path.join(out, 'meta.json'), JSON.stringify(result.metafile));

  const old = `${DIST}.old`;
  await rm(old, { recursive: true, force: true });
  if (existsSync(DIST)) await rename(DIST, old);
  await rename(out, DIST);
  await rm(old, { recursive: true, force: true });

  if (!args.has('--quiet')) {
    // Each file with its size and the largest parts of it: packages by name, our own code as src.
    const rows = [];
    const outputs = result.metafile.outputs;
    const inMain = (f) => hoisted.includes(path.basename(f));
    for (const [f, o] of Object.entries(outputs)) {
      if (!f.endsWith('.js') || inMain(f)) continue;
      const parts = {};
      const inputs = path.basename(f) === 'main.js' ? [o, ...Object.entries(outputs).filter(([g]) => inMain(g)).map(([, p]) => p)].flatMap((x) => Object.entries(x.inputs)) : Object.entries(o.inputs);
      for (const [input, v] of inputs) {
        const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? (input.startsWith('src/') || input.includes(':src/') ? 'src' : 'other');
        parts[name] = (parts[name] ?? 0) + v.bytesInOutput;
      }
      const top = Object.entries(parts).sort((a, b) => b[1] - a[1]).slice(0, 4).filter(([, b]) => b > 512);
      const bytes = (await stat(path.join(DIST, path.basename(f)))).size;
      rows.push({ name: path.basename(f), bytes, top: top.map(([n, b]) => `${n} ${(b / 1024).toFixed(0)}K`).join(', ') });
    }
    rows.sort((a, b) => (a.name.startsWith('chunk-') ? 1 : 0) - (b.name.startsWith('chunk-') ? 1 : 0) || b.bytes - a.bytes);
    const total = rows.reduce((n, r) => n + r.bytes, 0);
    const lines = rows.map((r) => `  ${r.name.padEnd(20)} ${(r.bytes / 1024).toFixed(1).padStart(7)} KiB  ${r.top}`);
    process.stdout.write(`built dist/ in ${Date.now() - started} ms: ${rows.length} files, ${(total / 1024).toFixed(0)} KiB\n${lines.join('\n')}\n`);
  }
}

main().catch((err) => {
  process.stderr.write(`${err?.stack ?? err}\n`);
  process.exit(1);
});
