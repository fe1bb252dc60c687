/**
 * Writes `<outDir>/_headers` when the build is done: the Content-Security-Policy, framing rules and
 * other security headers of every page (src/lib/security-headers.ts). The policy allows the pages'
 * inline scripts by hash; they come from the shared layouts, so the pages every layout renders (the
 * home page, the 404 page, the embed pages and one content page) hold all of them.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'node-html-parser';
import { formatHeadersFile, securityHeaderRules } from '../../lib/security-headers.ts';
import { writeFileAtomic } from '../../node/write-file.ts';

export interface SecurityHeadersOptions {
  base: string;
  embedFrameAncestors: readonly string[];
}

/** Folders of built assets, not pages: nothing there is framed. */
const ASSET_FOLDERS = new Set(['_astro', 'widgets', 'pagefind', 'embed']);

/** `sha256-…` of every inline script of an HTML page, as CSP hash sources. */
export function inlineScriptHashes(html: string): string[] {
  return parse(html)
    .querySelectorAll('script')
    .filter((script) => !script.hasAttribute('src'))
    .map((script) => `sha256-${createHash('sha256').update(script.rawText).digest('base64')}`);
}

function samplePages(outDir: string): string[] {
  const pages = ['index.html', '404.html', 'embed/login-url/index.html', 'embed/metadata-checker/index.html'].map((path) => join(outDir, path));
  const version = readdirSync(outDir, { withFileTypes: true }).find(
    (entry) => entry.isDirectory() && !ASSET_FOLDERS.has(entry.name) && existsSync(join(outDir, entry.name, 'index.html')),
  );
  if (version) pages.push(join(outDir, version.name, 'index.html'));
  return pages.filter((path) => existsSync(path));
}

export function securityHeaders(options: SecurityHeadersOptions): AstroIntegration {
  return {
    name: 'stepdocs:security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const hashes = [...new Set(samplePages(outDir).flatMap((path) => inlineScriptHashes(readFileSync(path, 'utf8'))))].sort();
        const framedPaths = readdirSync(outDir, { withFileTypes: true })
          .filter((entry) => (entry.isDirectory() && !ASSET_FOLDERS.has(entry.name)) || entry.name.endsWith('.html'))
          .map((entry) => (entry.isDirectory() ? `${entry.name}/` : entry.name));
        const manifest = join(outDir, 'widgets', 'manifest.json');
        const widgetsVersion = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version : undefined;
        const rules = securityHeaderRules({
          base: options.base,
          scriptHashes: hashes,
          embedFrameAncestors: options.embedFrameAncestors,
          framedPaths,
          widgetsVersion,
        });
        writeFileAtomic(join(outDir, '_headers'), formatHeadersFile(rules));
        logger.info(
          `_headers: Content-Security-Policy with ${hashes.length} script hash${hashes.length === 1 ? '' : 'es'}; /embed/ framable by ${options.embedFrameAncestors.join(' ')}`,
        );
      },
    },
  };
}
