import { cp, mkdir, readdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, PLAN_KEY, ROOT, tempHome } from '../helpers/cli.js';

const DIST = path.join(ROOT, 'dist');

/** The bundle's own module graph, read from its import statements: file → [imported file, dynamic?]. */
async function importGraph(dir: string): Promise<Map<string, { file: string; dynamic: boolean }[]>> {
  const graph = new Map<string, { file: string; dynamic: boolean }[]>();
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.js'))) {
    const text = await readFile(path.join(dir, name), 'utf8');
    const edges: { file: string; dynamic: boolean }[] = [];
    for (const m of text.matchAll(/\bfrom\s*["']\.\/([^"']+\.js)["']|\bimport\s*["']\.\/([^"']+\.js)["']/g)) edges.push({ file: (m[1] ?? m[2])!, dynamic: false });
    for (const m of text.matchAll(/\bimport\(\s*["']\.\/([^"']+\.js)["']\s*\)/g)) edges.push({ file: m[1]!, dynamic: true });
    graph.set(name, edges);
  }
  return graph;
}

function reachable(graph: Map<string, { file: string; dynamic: boolean }[]>, from: readonly string[], follow: (e: { file: string; dynamic: boolean }) => boolean): Set<string> {
  const seen = new Set<string>();
  const todo = [...from];
  while (todo.length) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    for (const e of graph.get(f) ?? []) if (follow(e)) todo.push(e.file);
  }
  return seen;
}

describe('the published bundle', () => {
  it('has no runtime dependencies and ships only the bundle, templates, README and LICENSE', async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.bin).toEqual({ 'tp-setup': 'dist/cli.cjs' });
    expect(pkg.engines).toEqual({ node: '>=20.17' });
    expect(pkg.files).toEqual(['dist/*.js', 'dist/*.cjs', 'dist/THIRD-PARTY-LICENSES.txt', 'templates', 'README.md', 'LICENSE']);
  });

  it('every import in it names a file it ships, and the wizard\'s first frame loads nothing of main.js', async () => {
    const graph = await importGraph(DIST);
    for (const [file, edges] of graph) for (const e of edges) expect(graph.has(e.file), `${file} imports ${e.file}`).toBe(true);
    // The chunks folded into main.js (scripts/hoist-chunks.mjs) never include what early.js needs:
    // the first frame is drawn before main.js loads.
    expect(reachable(graph, ['early.js'], (e) => !e.dynamic)).not.toContain('main.js');
    // The files main.js loads up front do not import main.js back.
    for (const f of reachable(graph, ['main.js'], (e) => !e.dynamic)) if (f !== 'main.js') expect(graph.get(f)!.map((e) => e.file), f).not.toContain('main.js');
  });

  it('every file is plain ASCII: one other character makes Node decode a whole module as UTF-8 into a two-byte string', async () => {
    // esbuild writes strings with \u escapes but keeps a regular expression's characters as they
    // are; three such characters in main.js made loading it about 5 ms slower on Node 24.
    for (const name of (await readdir(DIST)).filter((n) => /\.c?js$/.test(n))) {
      const text = await readFile(path.join(DIST, name), 'utf8');
      const at = text.search(/[^\x00-\x7f]/);
      expect(at, `${name}: ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}`).toBe(-1);
    }
  });

  it('keeps the entry guard in syntax that old Node versions parse', async () => {
    const text = await readFile(path.join(DIST, 'cli.cjs'), 'utf8');
    expect(text.startsWith('#!/usr/bin/env node\n')).toBe(true);
    // Nothing newer than ES5 besides import(): no arrows, block-scoped declarations, templates,
    // classes, spread, optional chaining or nullish coalescing.
    for (const modern of ['=>', 'const ', 'let ', '`', 'class ', '...', '?.', '??', 'async ', 'await ']) expect(text).not.toContain(modern);
    expect(text).toContain('mainModule = "./main.js"');
    expect(text).toContain('import(mainModule)');
  });

  it('knows its version from the build: no start reads package.json (a copy without one runs doctor, models and setup)', async () => {
    const dir = await tempHome('tp-bundle-');
    await cp(DIST, path.join(dir, 'dist'), { recursive: true });
    await cp(path.join(ROOT, 'templates'), path.join(dir, 'templates'), { recursive: true });
    const home = await tempHome();
    const run = async (args: string[], extra: Record<string, string> = {}) => {
      const r = await execa(process.execPath, [path.join(dir, 'dist', 'cli.cjs'), ...args], { env: cleanEnv(home, extra), extendEnv: false, reject: false, stdin: 'ignore' });
      return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
    };
    const setup = await run(['--plan', 'coding', '--region', 'intl', '--tools', 'qwen-code', '--key-env', 'K', '--yes', '--json', '--home', home], { K: PLAN_KEY });
    expect({ exitCode: setup.exitCode, stderr: setup.stderr }).toEqual({ exitCode: 0, stderr: '' });
    const doctor = await run(['doctor', '--json', '--home', home]);
    expect([0, 3]).toContain(doctor.exitCode);
    expect(JSON.parse(doctor.stdout)).toMatchObject({ schemaVersion: 1 });
    const models = await run(['models', '--json', '--plan', 'coding', '--region', 'intl']);
    expect(models.exitCode).toBe(0);
    const version = await run(['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')).version);
  });

  describe('headless commands never load the wizard (Ink and React)', () => {
    let dir: string;
    let removed: string[];

    beforeAll(async () => {
      // A copy of the package with every file that only the wizard reaches moved out of the way.
      dir = await tempHome('tp-bundle-');
      await cp(DIST, path.join(dir, 'dist'), { recursive: true });
      await cp(path.join(ROOT, 'templates'), path.join(dir, 'templates'), { recursive: true });
      await cp(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
      const graph = await importGraph(path.join(dir, 'dist'));
      const wizard = reachable(graph, ['ui.js'], () => true);
      const rest = reachable(graph, ['main.js'], (e) => e.file !== 'ui.js');
      removed = [...wizard].filter((f) => !rest.has(f)).sort();
      await mkdir(path.join(dir, 'moved'));
      for (const f of removed) await rename(path.join(dir, 'dist', f), path.join(dir, 'moved', f));
    });

    const run = async (args: string[], home: string, extra: Record<string, string> = {}) => {
      const r = await execa(process.execPath, [path.join(dir, 'dist', 'cli.cjs'), ...args], { env: cleanEnv(home, extra), extendEnv: false, reject: false, stdin: 'ignore' });
      return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
    };

    it('the files moved away are the wizard and the whole of Ink', async () => {
      expect(removed).toContain('ui.js');
      const texts = await Promise.all(removed.map((f) => readFile(path.join(dir, 'moved', f), 'utf8')));
      // Ink's own error text, and React's reconciler: both only in the wizard's files.
      expect(texts.some((t) => t.includes('Raw mode is not supported'))).toBe(true);
      const kept = await readdir(path.join(dir, 'dist'));
      const keptTexts = await Promise.all(kept.filter((f) => f.endsWith('.js')).map((f) => readFile(path.join(dir, 'dist', f), 'utf8')));
      expect(keptTexts.some((t) => t.includes('Raw mode is not supported'))).toBe(false);
    });

    it('doctor --json, --help, --version, models, explain, headless setup and backups still work', async () => {
      const home = await tempHome();
      const doctor = await run(['doctor', '--json', '--home', home], home);
      expect([0, 3]).toContain(doctor.exitCode);
      expect(JSON.parse(doctor.stdout)).toMatchObject({ schemaVersion: 1 });
      expect(doctor.stderr).toBe('');

      const help = await run(['--help'], home);
      expect(help.exitCode).toBe(0);
      expect(help.stdout).toContain('doctor');
      const version = await run(['--version'], home);
      expect(version.stdout.trim()).toBe(JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')).version);

      const models = await run(['models', '--plan', 'coding', '--region', 'cn'], home);
      expect(models.exitCode).toBe(0);
      expect(models.stdout).toContain('qwen3.5-plus ★');
      const explain = await run(['explain', '--json', '401 Incorrect API key provided'], home);
      expect([0, 3]).toContain(explain.exitCode);
      expect(JSON.parse(explain.stdout)).toMatchObject({ schemaVersion: 1 });

      const setup = await run(['--plan', 'coding', '--region', 'intl', '--tools', 'qwen-code', '--key-env', 'K', '--yes', '--json', '--home', home], home, { K: PLAN_KEY });
      expect(setup.stderr).toBe('');
      expect(setup.exitCode).toBe(0);
      expect(await readFile(path.join(home, '.qwen/.env'), 'utf8')).toBe(`BAILIAN_CODING_PLAN_API_KEY=${PLAN_KEY}\n`);

      const backups = await run(['backups', '--json', '--home', home], home);
      expect(backups.exitCode).toBe(0);
      const clean = await run(['clean', '--json', '--home', home], home);
      expect([0, 3]).toContain(clean.exitCode);
    });
  });
});
