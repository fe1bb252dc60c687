/**
 * The imports of the project's source files, read with TypeScript's own parser (so strings and
 * comments that look like imports are not counted); `.astro` files by their frontmatter and scripts.
 * Used by the tests that hold dependencies and layers to their rules.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export const ROOT = join(import.meta.dirname, '../..');

export interface Import {
  /** As written: `../lib/findings.ts`, `node:fs`, `yaml`. */
  specifier: string;
  /** The package it names, once resolved by the caller. */
  name: string;
  file: string;
  typeOnly: boolean;
}

/** Source files below a folder of the project, as paths relative to the project (fixtures left out). */
export function sourceFiles(folder: string): string[] {
  return (readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true }) as Array<{ isFile(): boolean; name: string; parentPath: string }>)
    .filter((entry) => entry.isFile() && /\.(ts|mts|mjs|js|astro)$/.test(entry.name) && !entry.parentPath.includes('fixtures'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

/** The package an import specifier names, or undefined for a relative, built-in or virtual module. */
export function packageOf(specifier: string): string | undefined {
  if (/^(\.|\/|node:|astro:|virtual:|@content\b)/.test(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The script parts of a file: all of a module, or an .astro file's frontmatter and `<script>` blocks. */
function scripts(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  if (!file.endsWith('.astro')) return [text];
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  return [frontmatter, ...[...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!)];
}

export function importsOf(file: string): Import[] {
  const found: Import[] = [];
  for (const script of scripts(file)) {
    const source = ts.createSourceFile(file, script, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    const visit = (node: ts.Node) => {
      let specifier: string | undefined;
      let typeOnly = false;
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        specifier = node.moduleSpecifier.text;
        typeOnly = ts.isImportDeclaration(node) ? Boolean(node.importClause?.isTypeOnly) : node.isTypeOnly;
      } else if (
        ts.isCallExpression(node) &&
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments[0] &&
        ts.isStringLiteral(node.arguments[0])
      ) {
        specifier = node.arguments[0].text;
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        specifier = node.argument.literal.text;
        typeOnly = true;
      }
      if (specifier !== undefined) found.push({ specifier, name: specifier, file, typeOnly });
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}
