/*
 * Runs a CommonJS script (dist/headless.cjs) with V8's code cache: the compiled code of an earlier
 * run is handed back to V8 (node:vm's `cachedData`,
 * https://nodejs.org/api/vm.html#new-vmscriptcode-options), so a start parses and compiles
 * almost nothing. Node's own compile cache (module.enableCompileCache, Node 22.1 and later) does
 * this for modules too, but stores the code as compiled before the module runs, which leaves out
 * every function compiled while it ran; here the cache is taken when the process exits
 * (`script.createCachedData()`), so it holds what the run used. Node 20 has no compile cache at all.
 *
 * The cache is speed only: every failure to read or write it runs the script without one. V8
 * refuses data from another V8 version, other flags or a source of another length by itself
 * (`cachedDataRejected`); it does not compare the text, so the file name holds the build's hash
 * of the script (compiled into the entry, so no start spends time hashing it) and the script's
 * time of change with the command, the V8 version and the architecture: neither a rebuilt nor a
 * hand-edited script meets old code.
 * It lives where Node keeps its compile cache for tp-setup (src/cli.ts), written 0600 through a
 * temporary file and a rename, so a run never reads a half-written one.
 *
 * Written in the old syntax of src/cli.ts, into which the build compiles it: a Node too old for
 * tp-setup still parses the entry and prints its message.
 */
import type * as Fs from 'node:fs';
import type * as Vm from 'node:vm';
import type * as Path from 'node:path';

type Builtin = <T>(id: string) => T;

/** The script's exports. */
export interface ScriptRun {
  readonly exports: Record<string, unknown>;
}

// No cache larger than this is read: a file that big is not one tp-setup wrote.
var MAX_CACHE_BYTES = 64 * 1024 * 1024;
var PREFIX = 'tp-setup-headless-';
/**
 * How the script begins: it is the function Node wraps a CommonJS module in, written into the
 * file by the build (scripts/build.mjs). V8 compiles the text as read; a wrapper added here would
 * make it copy the whole script into one new string first (about 4 ms on Node 20 for 600 KB).
 */
export var WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) {';

/**
 * Runs `file`, a CommonJS module in its wrapper (it begins with WRAPPER_HEAD), and returns its exports. `cacheDir` undefined: no cache.
 * `build` names this build of the file (scripts/build.mjs), `run` the command: each keeps its own
 * cache, since each compiles other parts of the script. `keep(exitCode)` says at exit whether this run's compiled code is worth keeping (a usage error
 * compiles little of what later runs need).
 */
export function runCachedScript(file: string, cacheDir: string | undefined, build: string, run: string, keep: (exitCode: number) => boolean): ScriptRun {
  var builtin = process.getBuiltinModule as Builtin;
  var fs = builtin<typeof Fs>('node:fs');
  var vm = builtin<typeof Vm>('node:vm');
  var path = builtin<typeof Path>('node:path');
  // One buffer for both files: the script's bytes become a string (a copy), then the cache is read
  // into the same memory. Touching fresh memory is much of what reading costs (some 3.5 ms per MB
  // on the machine the README's figures come from), so it is sized for the larger of the two.
  var fd = fs.openSync(file, 'r');
  var cache: OpenCache | undefined;
  try {
    var st = fs.fstatSync(fd);
    var size = st.size;
    // The file's time of change too: a hand-edited script of the same length is another script.
    var changed = Math.floor(st.mtimeMs).toString(36);
    var cacheFile =
      cacheDir && /^[0-9a-f]+$/.test(build) && /^[a-z]+$/.test(run)
        ? path.join(cacheDir, PREFIX + run + '-' + process.versions.v8 + '-' + process.arch + '-' + build + '-' + changed + '.bin')
        : undefined;
    cache = cacheFile ? openCache(fs, cacheFile) : undefined;
    var buffer = Buffer.allocUnsafe(Math.max(size, cache ? cache.size : 0));
    if (readInto(fs, fd, buffer, size) !== size) throw new Error(file + ' changed while it was read');
    // The build keeps the script ASCII (test/e2e/bundle.test.ts): latin1 reads it as a one-byte string.
    var source = buffer.toString('latin1', 0, size);
    // Anything else would run as a script of its own, not as this module.
    if (source.slice(0, WRAPPER_HEAD.length) !== WRAPPER_HEAD) {
      throw new Error(file + ' is not a wrapped CommonJS module');
    }
    var cachedData = cache ? readCache(fs, cache, buffer) : undefined;
  } finally {
    fs.closeSync(fd);
    if (cache) closeQuietly(fs, cache.fd);
  }
  var script = new vm.Script(source, { filename: file, cachedData: cachedData });
  // Written when there was none or V8 refused it (another V8, other flags, cut off, garbage).
  if (cacheFile && cacheDir && (!cachedData || script.cachedDataRejected)) {
    var dir = cacheDir;
    var target = cacheFile;
    process.once('exit', function (code) {
      if (keep(code)) writeCache(fs, path, script, dir, target);
    });
  }
  var mod = { exports: {} as Record<string, unknown> };
  var requireFrom = builtin<typeof import('node:module')>('node:module').createRequire(file);
  (script.runInThisContext() as (...a: unknown[]) => void).call(mod.exports, mod.exports, requireFrom, mod, file, path.dirname(file));
  return { exports: mod.exports };
}

interface OpenCache {
  readonly fd: number;
  readonly size: number;
}

/**
 * The cache file, open, if it is a regular file of a sane size, else undefined. Opened without
 * following a symbolic link and without blocking, so a FIFO or a device put in its place is
 * never read (reading a FIFO would wait for a writer forever).
 */
function openCache(fs: typeof Fs, file: string): OpenCache | undefined {
  var fd: number | undefined;
  try {
    var c = fs.constants;
    fd = fs.openSync(file, c.O_RDONLY | (c.O_NONBLOCK || 0) | (c.O_NOFOLLOW || 0));
    var st = fs.fstatSync(fd);
    if (st.isFile() && st.size > 0 && st.size <= MAX_CACHE_BYTES) return { fd: fd, size: st.size };
  } catch (e) {
    // No cache: the script runs without one.
  }
  if (fd !== undefined) closeQuietly(fs, fd);
  return undefined;
}

/** The cache's bytes, in `buffer`; undefined when they cannot all be read. */
function readCache(fs: typeof Fs, cache: OpenCache, buffer: Buffer): Buffer | undefined {
  try {
    return readInto(fs, cache.fd, buffer, cache.size) === cache.size ? buffer.subarray(0, cache.size) : undefined;
  } catch (e) {
    return undefined;
  }
}

function closeQuietly(fs: typeof Fs, fd: number): void {
  try {
    fs.closeSync(fd);
  } catch (e) {
    // Nothing was written through it.
  }
}

/** Reads up to `size` bytes from the start of `fd` into `data`; how many it got. */
function readInto(fs: typeof Fs, fd: number, data: Buffer, size: number): number {
  var read = 0;
  while (read < size) {
    var n = fs.readSync(fd, data, read, size - read, read);
    if (n === 0) break;
    read += n;
  }
  return read;
}

/** This run's compiled code into the cache, and the caches of earlier builds of the script out of it. */
function writeCache(fs: typeof Fs, path: typeof Path, script: Vm.Script, dir: string, file: string): void {
  var temp = file + '.' + process.pid + '.tmp';
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(temp, script.createCachedData(), { mode: 0o600, flag: 'wx' });
    fs.renameSync(temp, file);
    // Same command, V8 and architecture, another build: no run will ask for it again.
    var mine = path.basename(file);
    var stem = mine.split('-').slice(0, -2).join('-') + '-';
    var others = fs.readdirSync(dir);
    for (var i = 0; i < others.length; i++) {
      var other = others[i] as string;
      if (other !== mine && other.indexOf(stem) === 0 && /\.bin$/.test(other)) fs.rmSync(path.join(dir, other), { force: true });
    }
  } catch (e) {
    try {
      fs.rmSync(temp, { force: true });
    } catch (e2) {
      // Speed only.
    }
  }
}
