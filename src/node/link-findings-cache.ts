/**
 * Findings of the last link check, per page content hash, valid while the rest of the site looks
 * the same: the same pages, anchors, images, versions and settings. A re-check after editing one
 * page's text then resolves that page alone.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Finding } from '../lib/findings.ts';
import type { LinkCheckInput, SitePage } from '../lib/links/check-links.ts';
import { CACHE_VERSION, type ContentFolder } from './content-files.ts';
import { writeFileAtomic } from './write-file.ts';

interface Stored {
  state: string;
  findings: Record<string, Finding[]>;
}

/** Everything a page's findings depend on apart from the page itself. */
export function siteStateKey(folder: ContentFolder, input: Omit<LinkCheckInput, 'pages' | 'assets'>): string {
  const hash = createHash('sha1');
  hash.update(
    JSON.stringify([CACHE_VERSION, input.versions, input.base, input.contentPrefix, input.publicFiles, (input.exclude ?? []).map(String), folder.assets]),
  );
  for (const page of folder.pages) hash.update(`\0${page.id}\0${page.extract.parseError ? '!' : page.extract.anchors.join('\u0001')}`);
  return hash.digest('hex');
}

export function loadFindingsCache(file: string, state: string, keys: Map<string, string>): (page: SitePage) => Finding[] | undefined {
  let stored: Stored | undefined;
  try {
    stored = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Stored) : undefined;
  } catch {
    stored = undefined;
  }
  if (!stored || stored.state !== state) return () => undefined;
  const findings = stored.findings;
  return (page) => {
    const key = keys.get(page.id);
    return key ? findings[key] : undefined;
  };
}

export function saveFindingsCache(file: string, state: string, keys: Map<string, string>, byPage: Map<string, Finding[]>): void {
  const findings: Record<string, Finding[]> = {};
  for (const [id, list] of byPage) {
    const key = keys.get(id);
    if (key) findings[key] = list;
  }
  try {
    writeFileAtomic(file, JSON.stringify({ state, findings } satisfies Stored));
  } catch {
    // The cache is an optimisation; a read-only checkout still gets a full check.
  }
}
