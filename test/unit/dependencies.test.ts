/**
 * Dependencies are declared exactly: every package the code imports is in package.json (what the site,
 * widgets and commands import at run time in `dependencies`, what only tests and benchmarks import
 * in either list), and every declared package is imported or is a tool named below. Imports are read
 * with TypeScript's own parser, so strings and comments that look like imports are not counted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, packageOf, sourceFiles, type Import } from '../support/imports';

const ROOT = join(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Declared without an import: each is run as a command or read by a tool, for the reason given. */
const TOOLS: Record<string, string> = {
  '@astrojs/check': 'runs `astro check` in npm test',
  node: 'the Node 22 that npm run and npx use on machines with an older Node',
  '@types/node': 'types of node: imports',
  vite: 'pins the Vite version Astro resolves, so npm ci accepts the lock file',
  'remark-cli': 'runs the remark preset (`npx remark`, .remarkrc.mjs) for authors and in its test',
  '@biomejs/biome': 'formats and lints the code (`biome ci` in npm test, npm run format)',
};

const runtimeFiles = [...sourceFiles('src'), ...sourceFiles('bin'), 'astro.config.mjs'];
const devFiles = [...sourceFiles('test'), ...sourceFiles('bench'), 'vitest.config.ts', '.remarkrc.mjs'];
const runtimeImports = runtimeFiles.flatMap(importsOf).flatMap(asPackage);
const devImports = devFiles.flatMap(importsOf).flatMap(asPackage);

/** An import of a package, named by the package (`@peculiar/x509`, `yaml`); relative and built-in imports are left out. */
function asPackage(entry: Import): Import[] {
  const name = packageOf(entry.specifier);
  return name ? [{ ...entry, name }] : [];
}
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
