/**
 * The layers keep to their direction: `src/lib/` is pure (no `node:`, no Astro, nothing from the
 * layers above it), so the site, the widgets, the commands and the tests share it; `src/node/` adapts
 * it to the file system and knows nothing of Astro; browser code (`src/client/widgets/`, `src/client/elements/`)
 * never reaches for Node. Read from every import of every file.
 */
import { dirname, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, sourceFiles } from '../support/imports';

/** Where a relative import leads, as a project path (`src/lib/findings.ts`); other specifiers as written. */
function target(file: string, specifier: string): string {
  return specifier.startsWith('.') ? posix.normalize(posix.join(dirname(file), specifier)) : specifier;
}

function violations(folder: string, forbidden: (target: string) => boolean): string[] {
  return sourceFiles(folder).flatMap((file) =>
    importsOf(file)
      .filter((entry) => !entry.typeOnly && forbidden(target(file, entry.specifier)))
      .map((entry) => `${file} imports ${entry.specifier}`),
  );
}

const isNode = (path: string) => path.startsWith('node:');
const isAstro = (path: string) => path === 'astro' || path.startsWith('astro/') || path.startsWith('astro:');

describe('layers', () => {
  it('src/lib is pure: no Node built-ins, no Astro, nothing from outside src/lib', () => {
    expect(violations('src/lib', (path) => isNode(path) || isAstro(path) || (path.startsWith('src/') && !path.startsWith('src/lib/')))).toEqual([]);
  });

  it('the SAML engine knows no product: src/lib/saml imports nothing of src/lib/keeper (the Keeper rules sit on the Keeper side)', () => {
    expect(violations('src/lib/saml', (path) => path.startsWith('src/lib/keeper/'))).toEqual([]);
  });

  it('the metadata and page engines reach their rules through their tables, never a rule module directly', () => {
    const engines = ['src/lib/saml/check-metadata.ts', 'src/lib/guide/validate-guide.ts', 'src/lib/links/check-links.ts'];
    const ruleModule = /^src\/lib\/(saml|guide)\/rules\//;
    expect(
      engines.flatMap((file) =>
        importsOf(file)
          .filter((entry) => ruleModule.test(target(file, entry.specifier)))
          .map((entry) => `${file} imports ${entry.specifier}`),
      ),
    ).toEqual([]);
  });

  it('the folders show the layers: pure src/lib, Node adapters src/node, Astro adapters src/astro, browser code src/client, commands bin', () => {
    // Astro adapters and integrations live in src/astro, not beside the site's components at the src root.
    const atRoot = sourceFiles('src').filter((file) => file.split('/').length === 2 && !['src/content.config.ts', 'src/virtual-modules.d.ts'].includes(file));
    expect(atRoot).toEqual([]);
    // The commands reach the site's code through src/lib and src/node only.
    expect(violations('bin', (path) => path.startsWith('src/') && !path.startsWith('src/lib/') && !path.startsWith('src/node/'))).toEqual([]);
  });

  it('src/node adapts src/lib to Node and knows nothing of Astro or the site', () => {
    expect(
      violations('src/node', (path) => isAstro(path) || (path.startsWith('src/') && !path.startsWith('src/lib/') && !path.startsWith('src/node/'))),
    ).toEqual([]);
  });

  it('browser code (widgets and page scripts) never imports Node built-ins or the Node layer', () => {
    for (const folder of ['src/client/widgets', 'src/client/elements'])
      expect(violations(folder, (path) => isNode(path) || path.startsWith('src/node/'))).toEqual([]);
  });
});
