import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { ROOT } from './cli.js';

/** Every TypeScript source under src/, as repo-relative path (`src/…`, forward slashes) → text, sorted. */
export async function sourceFiles(): Promise<Map<string, string>> {
  const entries = await readdir(path.join(ROOT, 'src'), { recursive: true });
  const files = new Map<string, string>();
  for (const entry of entries.sort()) {
    if (!/\.[cm]?[jt]sx?$/.test(entry) || entry.endsWith('.d.ts')) continue;
    const file = `src/${entry.split(path.sep).join('/')}`;
    files.set(file, await readFile(path.join(ROOT, file), 'utf8'));
  }
  return files;
}

/**
 * Every module specifier a file loads, in order of appearance, from TypeScript's own parse:
 * static and type-only imports, re-exports, `import()`, and with `loaders` also calls such as
 * `require('…')` or `process.getBuiltinModule('…')`.
 */
export function moduleSpecifiers(file: string, text: string, loaders: (callee: ts.Expression) => boolean = () => false): string[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  const found: string[] = [];
  const literal = (node: ts.Node | undefined): void => {
    if (node && ts.isStringLiteralLike(node)) found.push(node.text);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) literal(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) literal(node.moduleReference.expression);
    else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || loaders(node.expression))) literal(node.arguments[0]);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) literal(node.argument.literal);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
