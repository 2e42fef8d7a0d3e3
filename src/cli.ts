#!/usr/bin/env node
// Written in syntax that old Node versions still parse, so they get this message, not a crash.
// (The build compiles the one module imported here into this file, in the same old syntax.)
import { runCachedScript } from './effects/script-cache.js';
var MIN_MAJOR = 20;
var MIN_MINOR = 17;
var parts = process.versions.node.split('.');
var major = Number(parts[0]);
var minor = Number(parts[1]);
if (major < MIN_MAJOR || (major === MIN_MAJOR && minor < MIN_MINOR)) {
  process.stderr.write(
    'tp-setup needs Node.js ' + MIN_MAJOR + '.' + MIN_MINOR + ' or newer; this is ' + process.versions.node + '.\n' +
      'Install a current Node.js (https://nodejs.org) and run it again.\n',
  );
  process.exit(1);
}

// Ink's colour library ignores NO_COLOR and fixes its level at import: decide before loading it.
var args = process.argv.slice(2);
if (process.env.NO_COLOR || args.indexOf('--no-color') >= 0 || args.indexOf('--json') >= 0 || process.env.TERM === 'dumb') {
  process.env.FORCE_COLOR = '0';
}

// Node 22.3 and newer can keep V8's compiled code between runs, so later starts skip most
// parsing and compiling (https://nodejs.org/api/module.html#moduleenablecompilecachecachedir).
// The cache goes in the user's cache folder (XDG_CACHE_HOME or ~/.cache, ~/Library/Caches on
// macOS, %LOCALAPPDATA% on Windows), under tp-setup/; NODE_COMPILE_CACHE chooses another folder
// and NODE_DISABLE_COMPILE_CACHE=1 turns it off, as for any Node program. Older Node has no such
// API and starts as before; a cache that cannot be written only costs speed.
type Builtin = (id: string) => unknown;
var builtin = (typeof process.getBuiltinModule === 'function' ? process.getBuiltinModule : null) as Builtin | null;
var nodeModule = (builtin ? builtin('node:module') : null) as { enableCompileCache?: (dir?: string) => unknown } | null;
if (nodeModule && typeof nodeModule.enableCompileCache === 'function' && !process.env.NODE_DISABLE_COMPILE_CACHE) {
  try {
    nodeModule.enableCompileCache(process.env.NODE_COMPILE_CACHE ? undefined : compileCacheDir());
  } catch (e) {
    // Speed only.
  }
}

function compileCacheDir(): string | undefined {
  var env = process.env;
  var p = (builtin as Builtin)('node:path') as { join: (...parts: string[]) => string; isAbsolute: (p: string) => boolean };
  var home = ((builtin as Builtin)('node:os') as { homedir: () => string }).homedir();
  var base: string | undefined;
  if (env.XDG_CACHE_HOME && p.isAbsolute(env.XDG_CACHE_HOME)) base = env.XDG_CACHE_HOME;
  else if (process.platform === 'win32') base = env.LOCALAPPDATA;
  else if (process.platform === 'darwin' && home) base = p.join(home, 'Library', 'Caches');
  else if (home) base = p.join(home, '.cache');
  return base ? p.join(base, 'tp-setup', 'compile-cache') : undefined;
}

// doctor and models run from dist/headless.cjs, one script run with V8's code cache, which starts
// faster than the ES modules on every Node version (src/effects/script-cache.ts). The cache sits
// with Node's (above) and follows the same two variables. Without that file (a run from the
// sources) or when it cannot be loaded, main.js runs them as it runs everything else.
var HEADLESS = ['doctor', 'models'];
// The hash of this build's headless.cjs (scripts/build.mjs); not defined in the sources.
declare var TP_SETUP_HEADLESS_BUILD: string | undefined;
// undefined: headless.cjs does not carry this line (src/headless.ts), main.js runs it.
type Main = (argv: string[]) => Promise<number | undefined>;
function headlessMain(): Main | undefined {
  if (HEADLESS.indexOf(args[0] as string) < 0) return undefined;
  try {
    // Built as CommonJS (dist/cli.cjs); run from the sources there is no headless.cjs to find.
    if (typeof __dirname !== 'string' || typeof TP_SETUP_HEADLESS_BUILD !== 'string') return undefined;
    var p = (builtin as Builtin)('node:path') as { join: (...parts: string[]) => string; resolve: (p: string) => string };
    var env = process.env;
    var dir = env.NODE_DISABLE_COMPILE_CACHE ? undefined : env.NODE_COMPILE_CACHE ? p.resolve(env.NODE_COMPILE_CACHE) : compileCacheDir();
    var run = runCachedScript(p.join(__dirname, 'headless.cjs'), dir, TP_SETUP_HEADLESS_BUILD, args[0] as string, function (code) {
      return code !== USAGE_EXIT && !headlessDeferred;
    });
    var main = run.exports.main as Main | undefined;
    return typeof main === 'function' ? main : undefined;
  } catch (e) {
    return undefined;
  }
}
// A usage error's run, or one headless.cjs hands to main.js, compiles little of what later runs
// need: its code is not kept.
var USAGE_EXIT = 2;
var headlessDeferred = false;

// `--help`, `help <command>` and `--version` print text computed at build time (src/help.ts)
// when it holds the exact command line; everything else, and any doubt, goes to the parser.
var asksHelp = args.some(function (a) {
  return a === '-h' || a === '--help' || a === 'help' || a === '-v' || a === '--version';
});
// Built next to this file (scripts/build.mjs); from the sources it does not exist.
var helpModule = './help.js';
var printed: Promise<boolean> = asksHelp
  ? import(helpModule).then(
      function (h: { printHelp?: (argv: string[]) => boolean }) {
        return typeof h.printHelp === 'function' && h.printHelp(args);
      },
      function () {
        return false;
      },
    )
  : Promise.resolve(false);

// A bare `tp-setup` in a terminal starts the wizard: its first frame is drawn now, before the
// argument parser and the commands load (src/ui/early.tsx), and main.ts takes it over. The test
// is the one main.ts makes (canPrompt in src/commands/io.ts), kept narrow: no arguments, no
// TP_SETUP_* setting but the language; if main.ts decides otherwise it clears the frame.
function ciSet(name: string): boolean {
  var v = process.env[name];
  return v !== undefined && v !== '0' && v !== 'false';
}
var bareWizard =
  args.length === 0 &&
  Boolean(process.stdin.isTTY) &&
  Boolean(process.stdout.isTTY) &&
  !ciSet('CI') &&
  !ciSet('CONTINUOUS_INTEGRATION') &&
  process.env.TERM !== 'dumb' &&
  !Object.keys(process.env).some(function (name) {
    return name.indexOf('TP_SETUP_') === 0 && name !== 'TP_SETUP_LANG';
  });
var earlyModule = './early.js';
// A name, not a literal: the build leaves it to Node (the literal would make esbuild add its
// CommonJS interop helpers, in newer syntax).
var mainModule = './main.js';

printed.then(function (done) {
  if (done) {
    process.exitCode = 0;
    return undefined;
  }
  var splash: Promise<unknown> = bareWizard
    ? import(earlyModule).then(
        function (e: { showSplash?: (argv: string[], env: NodeJS.ProcessEnv) => unknown }) {
          return typeof e.showSplash === 'function' ? e.showSplash(args, process.env) : undefined;
        },
        function () {
          return undefined;
        },
      )
    : Promise.resolve(undefined);
  var fast = bareWizard ? undefined : headlessMain();
  var ran: Promise<number | undefined> = fast ? fast(args) : Promise.resolve(undefined);
  return ran.then(function (code) {
    if (code !== undefined) {
      process.exitCode = code;
      return undefined;
    }
    if (fast) headlessDeferred = true;
    return viaMain(splash);
  });
});

function viaMain(splash: Promise<unknown>): Promise<void> {
  return splash.then(function (early) {
    return import(mainModule).then(function (m: typeof import('./main.js')) {
      return m.main(args, undefined, early as never).then(function (code) {
        process.exitCode = code;
      });
    });
  });
}

