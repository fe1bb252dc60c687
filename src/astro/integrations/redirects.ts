/**
 * Astro integration for redirects: before pages render it checks every redirect the content and the
 * configuration declare (a bad one stops the build with file:line and the fix); after the build it
 * writes a redirect page at every old path and the `_redirects` file static hosts read.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatFinding } from '../../lib/findings.ts';
import { extractPage, redirectsFrom } from '../../lib/links/extract.ts';
import {
  checkRedirects,
  collectRedirects,
  redirectHref,
  redirectPageHtml,
  redirectsFile,
  routesOfPage,
  siteRoutes,
  type Redirect,
  type RedirectPage,
} from '../../lib/redirects.ts';
import type { Version } from '../../lib/versions.ts';
import { listFiles } from '../../node/content-files.ts';
import { writeFileAtomic } from '../../node/write-file.ts';
import { guideError } from './guide-error.ts';

export interface RedirectOptions {
  contentDir: string;
  versions: readonly Version[];
  /** The configuration's `redirects`, the file they came from and its text (for line numbers). */
  redirects: Record<string, string>;
  configFile: string;
  configText?: string | undefined;
  base: string;
  site: string;
}

export function redirects(options: RedirectOptions): AstroIntegration {
  let planned: Redirect[] = [];
  return {
    name: 'stepdocs:redirects',
    hooks: {
      'astro:build:start': () => {
        planned = planRedirects(options);
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        for (const redirect of new Map(planned.map((entry) => [entry.from, entry])).values()) {
          const href = redirectHref(redirect, options.base);
          writeFileAtomic(join(out, redirect.from, 'index.html'), redirectPageHtml(href, new URL(href, options.site).href));
        }
        writeFileAtomic(join(out, '_redirects'), redirectsFile(planned, options.base));
        logger.info(`${planned.length} redirect${planned.length === 1 ? '' : 's'}`);
      },
    },
  };
}

/** The redirects to write; throws a build error listing every redirect that cannot work. */
export function planRedirects(options: RedirectOptions): Redirect[] {
  const root = process.cwd();
  const files = listFiles(options.contentDir).filter((file) => /\.mdx?$/.test(file));
  const sources = new Map(files.map((file) => [file, readFileSync(join(options.contentDir, file), 'utf8')]));
  const display = (file: string) => relative(root, join(options.contentDir, file)).split(sep).join('/');
  const pages: RedirectPage[] = files.map((file) => {
    const yaml = /^---\r?\n([\s\S]*?)\r?\n---/.exec(sources.get(file)!)?.[1] ?? '';
    // Most pages declare no redirect: their frontmatter is parsed only if it names the field (a YAML parse
    // of every page's frontmatter was 0.3 s of a 2,000-page build, before any page rendered).
    const redirectFrom = yaml.includes('redirectFrom') ? redirectsFrom(yaml, { line: 1, column: 1 }) : [];
    return { id: file.replace(/\.mdx?$/, ''), file: display(file), redirectFrom, anchors: [] };
  });
  const collected = collectRedirects(pages, { redirects: options.redirects, file: options.configFile, text: options.configText }, options.versions);
  // Anchors cost a parse: they are read only for the pages a redirect names with a `#fragment`.
  const withFragments = new Set(collected.redirects.filter((redirect) => redirect.to.includes('#')).map((redirect) => redirect.to.split('#')[0]!));
  const anchored = pages.map((page, index) =>
    routesOfPage(page.id, options.versions).some((route) => withFragments.has(route))
      ? { ...page, anchors: extractPage(sources.get(files[index]!)!, page.file).anchors }
      : page,
  );
  const findings = [...collected.findings, ...checkRedirects(collected.redirects, siteRoutes(anchored, options.versions))];
  if (findings.length > 0) {
    const first = findings[0]!;
    throw guideError(
      `${findings.length === 1 ? 'A redirect cannot work' : `${findings.length} redirects cannot work`}:\n${findings.map(formatFinding).join('\n')}`,
      join(root, first.file),
      first.place,
    );
  }
  return collected.redirects;
}
