/**
 * Runs the search-index integration the way it works when it cannot listen in on rendering
 * (another integration replaced Astro's prerenderer): it indexes a built folder once the build is done.
 */
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { searchIndex, type SearchIndexOptions } from '../../src/astro/integrations/search-index';

type Hooks = Required<AstroIntegration['hooks']>;

export async function indexBuiltFolder(outDir: string, options: Partial<SearchIndexOptions> = {}): Promise<void> {
  const hooks = searchIndex({ searchableRoutes: [], ...options }).hooks as Hooks;
  const logger = { info: () => undefined, warn: () => undefined };
  await hooks['astro:config:done']({ config: { base: '/', outDir: pathToFileURL(`${outDir}/`) } } as unknown as Parameters<Hooks['astro:config:done']>[0]);
  await hooks['astro:build:start']({ logger, setPrerenderer: () => undefined } as unknown as Parameters<Hooks['astro:build:start']>[0]);
  await hooks['astro:build:done']({ dir: pathToFileURL(`${outDir}/`), pages: [], assets: new Map(), logger } as unknown as Parameters<
    Hooks['astro:build:done']
  >[0]);
}
