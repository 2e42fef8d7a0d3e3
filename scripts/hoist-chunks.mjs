/**
 * Folds the small shared chunks that main.js and the read-only commands load into main.js itself.
 *
 * esbuild's code splitting puts each module into the chunk of the exact set of entry points that
 * reach it, so with a dozen entries a `doctor` run loaded 25 files, many under 1 KB. Each file
 * costs Node's module loader time of its own (resolving, reading, compiling, linking): 25 files
 * of one line each take some 8–10 ms more than one (measured on Node 20 and 24). Everything main
 * reaches is loaded on every run but `--help`, so it may as well be one file.
 *
 * A chunk is folded in when main.js or one of `alsoFrom` reaches it by static imports, no file
 * loaded before main.js (`keepFrom`: the wizard's first frame) reaches it, and nothing imports it
 * with import(). main.js then re-exports each folded chunk's exports under a prefixed name, and
 * every other file's `import{a as b}from"./chunk-X.js"` becomes `import{X_a as b}from"./main.js"`:
 * still ES module bindings, one instance of each module, nothing renamed inside the code.
 * Modules loaded by import() from main.js (the wizard, the other commands) import main.js back,
 * which is already evaluated by then.
 */
import { build } from 'esbuild';
import { SINGLE_FILE } from './bundle-options.mjs';
import { init, parse } from 'es-module-lexer';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const LOCAL = /^\.\/([\w.-]+\.js)$/;

/** Every .js file in `dir` with its source and its static and dynamic imports of sibling files. */
async function readGraph(dir) {
  await init;
  const files = new Map();
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.js'))) {
    const text = await readFile(path.join(dir, name), 'utf8');
    const [imports, exports] = parse(text, name);
    const local = (i) => LOCAL.exec(i.n ?? '')?.[1];
    files.set(name, {
      text,
      imports,
      exports: exports.map((e) => e.n),
      static: imports.filter((i) => i.d === -1 && local(i)).map(local),
      dynamic: imports.filter((i) => i.d >= 0 && local(i)).map(local),
    });
  }
  return files;
}

function closure(files, roots) {
  const seen = new Set();
  const todo = [...roots];
  while (todo.length) {
    const f = todo.pop();
    if (seen.has(f) || !files.has(f)) continue;
    seen.add(f);
    todo.push(...files.get(f).static);
  }
  return seen;
}

/** `import{a as b,c}` / `export{a as b}` from a folded chunk, with the names main.js exports it under. */
function rewriteStatement(statement, chunk, prefix, into) {
  const side = new RegExp(`^import\\s*["']\\./${chunk.replace(/[.]/g, '\\.')}["']$`);
  if (side.test(statement)) return `import"./${into}"`;
  const m = /^(import|export)\s*\{([^}]*)\}\s*from\s*["']\.\/[\w.-]+\.js["']$/.exec(statement);
  if (!m) throw new Error(`hoist: cannot rewrite ${JSON.stringify(statement.slice(0, 120))}`);
  const specs = m[2]
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [name, local] = s.split(/\s+as\s+/);
      return `${prefix}${name} as ${local ?? name}`;
    });
  return `${m[1]}{${specs.join(',')}}from"./${into}"`;
}

/**
 * @param {string} dir         the freshly built folder
 * @param {object} o
 * @param {string} o.into      the file the chunks go into (main.js)
 * @param {string[]} o.alsoFrom entry files whose chunks join too (the read-only commands)
 * @param {string[]} o.keepFrom entry files loaded before `into`, whose chunks stay files
 * @returns {Promise<string[]>} the chunks folded in
 */
export async function hoistChunks(dir, { into, alsoFrom, keepFrom }) {
  const files = await readGraph(dir);
  const dynamicTargets = new Set([...files.values()].flatMap((f) => f.dynamic));
  const kept = closure(files, keepFrom);
  const folded = [...closure(files, [into, ...alsoFrom])].filter((f) => f.startsWith('chunk-') && !kept.has(f) && !dynamicTargets.has(f)).sort();
  if (folded.length === 0) return [];
  const isFolded = new Set(folded);
  const prefixOf = new Map(folded.map((f, i) => [f, `$${i.toString(36)}_`]));

  // A file main.js imports statically that stays a file must not import a folded chunk: it would
  // import main.js while main.js is still loading.
  for (const f of closure(files, [into])) {
    if (f === into || isFolded.has(f)) continue;
    const bad = files.get(f).static.find((s) => isFolded.has(s));
    if (bad) throw new Error(`hoist: ${f} stays a file but imports ${bad}, which goes into ${into}`);
  }

  const lines = [`export * from './${into}';`];
  for (const f of folded) {
    const names = files.get(f).exports;
    if (names.includes('default')) throw new Error(`hoist: ${f} has a default export`);
    if (names.length) lines.push(`export{${names.map((n) => `${n} as ${prefixOf.get(f)}${n}`).join(',')}}from'./${f}';`);
    else lines.push(`import './${f}';`);
  }
  const result = await build({
    ...SINGLE_FILE,
    stdin: { contents: lines.join('\n'), resolveDir: dir, sourcefile: 'hoisted-main.js', loader: 'js' },
    write: false,
    plugins: [
      {
        name: 'only-folded',
        setup(b) {
          // main.js and the folded chunks are bundled; every other sibling file stays an import.
          b.onResolve({ filter: /^\.\/[\w.-]+\.js$/ }, (a) => {
            const name = a.path.slice(2);
            if (name === into || isFolded.has(name)) return { path: path.join(dir, name) };
            return { path: `./${name}`, external: true };
          });
        },
      },
    ],
  });
  const merged = result.outputFiles[0].text;

  for (const [name, f] of files) {
    if (name === into || isFolded.has(name)) continue;
    const edits = f.imports.filter((i) => i.d === -1 && isFolded.has(LOCAL.exec(i.n ?? '')?.[1]));
    if (!edits.length) continue;
    let text = f.text;
    for (const i of [...edits].sort((a, b) => b.ss - a.ss)) {
      const chunk = LOCAL.exec(i.n)[1];
      text = text.slice(0, i.ss) + rewriteStatement(text.slice(i.ss, i.se), chunk, prefixOf.get(chunk), into) + text.slice(i.se);
    }
    await writeFile(path.join(dir, name), text);
  }
  await writeFile(path.join(dir, into), merged);
  for (const f of folded) await rm(path.join(dir, f));

  // Every import left points at a file that exists, and none at a folded chunk.
  const after = await readGraph(dir);
  for (const [name, f] of after) {
    for (const target of [...f.static, ...f.dynamic]) if (!after.has(target)) throw new Error(`hoist: ${name} imports ${target}, which is gone`);
  }
  return folded;
}
