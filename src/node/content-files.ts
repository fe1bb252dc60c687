/**
 * Reads a content folder for the checkers: pages (MDX/MD) with their source, and every other file.
 * Extracts are cached by content hash in a cache file, so a re-check after one edit re-parses one file.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { writeFileAtomic } from './write-file.ts';
import { isContentPath } from '../lib/content-paths.ts';
import type { PageExtract } from '../lib/links/extract.ts';
import { readPage } from '../lib/links/read-page.ts';
import type { SitePage } from '../lib/links/check-links.ts';
import { DEFAULT_SCHEMA_OPTIONS, type SchemaOptions } from '../lib/guide/schema.ts';

export interface ContentFolder {
  pages: SitePage[];
  /** Content hash of each page, by page id. */
  keys: Map<string, string>;
  assets: string[];
  /** Files read and files parsed in this run (parsed < read when the cache served the rest). */
  stats: { files: number; parsed: number };
}

// Bumped when what a check finds changes; it also keys the cached findings of the link check.
// 5: links and images in raw HTML of `.md` pages. 4: references written as expressions (`dynamic`), schemes judged as browsers do. 3: extracts carry `redirectFrom`, the frontmatter and the guide rules' findings.
export const CACHE_VERSION = 5;

export function listFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as Array<{ isFile(): boolean; name: string; parentPath: string }>)
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter(isContentPath)
    .sort();
}

/**
 * @param contentDir absolute path of the content folder
 * @param displayPrefix how paths are shown, e.g. `content`
 * @param cacheFile where extracts are cached between runs, or undefined for no cache
 * @param overrides text to read instead of a file's content (an editor's unsaved buffer), by path in the folder
 */
export function readContentFolder(
  contentDir: string,
  displayPrefix: string,
  cacheFile: string | undefined,
  schemaOptions: SchemaOptions = DEFAULT_SCHEMA_OPTIONS,
  overrides?: ReadonlyMap<string, string>,
): ContentFolder {
  // The frontmatter rules depend on the configured lists: a change to them invalidates every cached finding.
  const optionsKey = JSON.stringify(schemaOptions);
  const files = listFiles(contentDir);
  const cache = loadCache(cacheFile);
  const next: Record<string, PageExtract> = {};
  const pages: SitePage[] = [];
  const keys = new Map<string, string>();
  const assets: string[] = [];
  let parsed = 0;
  for (const file of files) {
    if (!/\.mdx?$/.test(file)) {
      assets.push(file);
      continue;
    }
    const source = overrides?.get(file) ?? readFileSync(join(contentDir, file), 'utf8');
    const display = `${displayPrefix.replace(/\/?$/, '/')}${file}`;
    const key = createHash('sha1').update(optionsKey).update('\0').update(display).update('\0').update(source).digest('hex');
    let extract = cache[key];
    if (!extract) {
      extract = readPage(source, display, schemaOptions);
      parsed += 1;
    }
    next[key] = extract;
    const id = file.replace(/\.mdx?$/, '');
    keys.set(id, key);
    pages.push({ id, extract });
  }
  if (cacheFile) saveCache(cacheFile, next);
  return { pages, keys, assets, stats: { files: files.length, parsed } };
}

function loadCache(cacheFile: string | undefined): Record<string, PageExtract> {
  if (!cacheFile || !existsSync(cacheFile)) return {};
  try {
    const data = JSON.parse(readFileSync(cacheFile, 'utf8')) as { version?: number; extracts?: Record<string, PageExtract> };
    return data.version === CACHE_VERSION && data.extracts ? data.extracts : {};
  } catch {
    // A damaged cache only costs a full parse.
    return {};
  }
}

function saveCache(cacheFile: string, extracts: Record<string, PageExtract>) {
  try {
    writeFileAtomic(cacheFile, JSON.stringify({ version: CACHE_VERSION, extracts }));
  } catch {
    // The cache is an optimisation; a read-only checkout still gets a full check.
  }
}
