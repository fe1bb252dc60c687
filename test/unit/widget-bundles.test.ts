/** The widget-bundles integration's build hooks, on a stand-in project folder. */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { describe, expect, it } from 'vitest';
import { WIDGET_BUNDLES, widgetBundles } from '../../src/astro/integrations/widget-bundles';

type Hooks = Required<AstroIntegration['hooks']>;
const logged: string[] = [];
const logger = { info: (line: string) => logged.push(line) } as unknown as Parameters<Hooks['astro:build:done']>[0]['logger'];

/** A project folder whose widget entries are `sources` (by bundle name), run through `astro build`'s hooks. */
async function buildWidgets(sources: Record<string, string>): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'stepdocs-widgets-'));
  for (const [name, entry] of Object.entries(WIDGET_BUNDLES)) {
    mkdirSync(join(root, entry, '..'), { recursive: true });
    writeFileSync(join(root, entry), sources[name] ?? `export const name = ${JSON.stringify(name)};\n`);
  }
  const hooks = widgetBundles().hooks as Hooks;
  const config = { root: pathToFileURL(`${root}/`), base: '/' };
  await hooks['astro:config:setup']({ config, command: 'build', updateConfig: () => config } as unknown as Parameters<Hooks['astro:config:setup']>[0]);
  await hooks['astro:config:done']({ config } as unknown as Parameters<Hooks['astro:config:done']>[0]);
  const outDir = join(root, 'dist');
  await hooks['astro:build:done']({ dir: pathToFileURL(`${outDir}/`), pages: [], assets: new Map(), logger } as unknown as Parameters<
    Hooks['astro:build:done']
  >[0]);
  return outDir;
}

describe('widget bundles', () => {
  it('writes one self-contained module per widget, also at the v1 and immutable paths, with integrity values', async () => {
    const outDir = await buildWidgets({});
    const manifest = JSON.parse(readFileSync(join(outDir, 'widgets/manifest.json'), 'utf8')) as {
      version: string;
      major: string;
      modules: Record<string, { stable: string; immutable: string; integrity: string }>;
    };
    expect(manifest.major).toBe('v1');
    expect(manifest.version).toMatch(/^[0-9a-f]{12}$/);
    for (const name of Object.keys(WIDGET_BUNDLES)) {
      const bytes = readFileSync(join(outDir, `widgets/${name}.js`));
      expect(bytes.toString('utf8')).toContain(name);
      expect(readFileSync(join(outDir, `widgets/v1/${name}.js`))).toEqual(bytes);
      expect(readFileSync(join(outDir, `widgets/${manifest.version}/${name}.js`))).toEqual(bytes);
      expect(manifest.modules[name]).toEqual({
        stable: `/widgets/v1/${name}.js`,
        immutable: `/widgets/${manifest.version}/${name}.js`,
        integrity: `sha384-${createHash('sha384').update(bytes).digest('base64')}`,
      });
      expect(logged.some((line) => line.startsWith(`widgets/${name}.js`))).toBe(true);
    }
  });

  it('stops the build with file, line and column of a broken widget, and no stack trace', async () => {
    const failure = await buildWidgets({ 'stepdocs-login-url': 'export const broken = (;\n' }).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(failure?.message).toMatch(/^The widget bundles could not be built:\n.*src\/client\/widgets\/login-url-element\.ts:1:\d+ /);
    expect(failure?.stack).toBe('');
  });
});
