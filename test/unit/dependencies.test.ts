/**
 * Dependencies are declared exactly: every package the code imports is in package.json (what the site,
 * widgets and commands import at run time in `dependencies`, what only tests and benchmarks import
 * in either list), and every declared package is imported or is a tool named below. Imports are read
 * with TypeScript's own parser, so strings and comments that look like imports are not counted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** Declared without an import: each is run as a command or read by a tool, for the reason given. */
const TOOLS: Record<string, string> = {
  '@astrojs/check': 'runs `astro check` in npm test',
  typescript: 'type-checks through astro check; also read by this test',
  node: 'the Node 22 that npm run and npx use on machines with an older Node',
  '@types/node': 'types of node: imports',
  vite: 'pins the Vite version Astro resolves, so npm ci accepts the lock file',
};

interface Import {
  name: string;
  file: string;
  typeOnly: boolean;
}

function sourceFiles(folder: string): string[] {
  return (readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true }) as Array<{ isFile(): boolean; name: string; parentPath: string }>)
    .filter((entry) => entry.isFile() && /\.(ts|mts|mjs|js|astro)$/.test(entry.name) && !entry.parentPath.includes('fixtures'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

/** The script parts of a file: all of a module, or an .astro file's frontmatter and `<script>` blocks. */
function scripts(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  if (!file.endsWith('.astro')) return [text];
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  return [frontmatter, ...[...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!)];
}

function packageOf(specifier: string): string | undefined {
  if (/^(\.|\/|node:|astro:|virtual:|@content\b)/.test(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function importsOf(file: string): Import[] {
  const found: Import[] = [];
  for (const script of scripts(file)) {
    const source = ts.createSourceFile(file, script, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    const visit = (node: ts.Node) => {
      let specifier: string | undefined;
      let typeOnly = false;
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        specifier = node.moduleSpecifier.text;
        typeOnly = ts.isImportDeclaration(node) ? Boolean(node.importClause?.isTypeOnly) : node.isTypeOnly;
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
        specifier = node.arguments[0].text;
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        specifier = node.argument.literal.text;
        typeOnly = true;
      }
      const name = specifier === undefined ? undefined : packageOf(specifier);
      if (name) found.push({ name, file, typeOnly });
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

const runtimeFiles = [...sourceFiles('src'), ...sourceFiles('scripts').filter((file) => !file.startsWith('scripts/bench')), 'astro.config.mjs'];
const devFiles = [...sourceFiles('test'), ...sourceFiles('scripts').filter((file) => file.startsWith('scripts/bench')), 'vitest.config.ts'];
const runtimeImports = runtimeFiles.flatMap(importsOf);
const devImports = devFiles.flatMap(importsOf);
// Type-only imports need the package at type-check time only, like the tests.
const needAtRunTime = runtimeImports.filter((entry) => !entry.typeOnly);
const needForDevelopment = [...devImports, ...runtimeImports.filter((entry) => entry.typeOnly)];

describe('package.json', () => {
  it('lists every package the site and the commands import at run time in dependencies', () => {
    const missing = needAtRunTime.filter((entry) => !(entry.name in manifest.dependencies)).map((entry) => `${entry.name} (${entry.file})`);
    expect([...new Set(missing)]).toEqual([]);
  });

  it('lists every package the tests, benchmarks and type imports use', () => {
    const declared = { ...manifest.dependencies, ...manifest.devDependencies };
    // A type-only import of `hast` is served by `@types/hast`.
    const isDeclared = (entry: Import) => entry.name in declared || (entry.typeOnly && `@types/${entry.name}` in declared);
    const missing = needForDevelopment.filter((entry) => !isDeclared(entry)).map((entry) => `${entry.name} (${entry.file})`);
    expect([...new Set(missing)]).toEqual([]);
  });

  it('declares nothing that is neither imported nor a named tool', () => {
    const used = new Set([...runtimeImports, ...devImports].flatMap((entry) => (entry.typeOnly ? [entry.name, `@types/${entry.name}`] : [entry.name])));
    const unused = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter((name) => !used.has(name) && !(name in TOOLS));
    expect(unused).toEqual([]);
  });
});
