/**
 * `version:cut`: freezes the current version's content into a new version folder. The copy is made
 * in a temporary folder beside the target and renamed into place, and the version list is written
 * atomically afterwards; any failure removes what was made, so no half-written version remains.
 * One command changes the content folder at a time (its lock), and the copy of a cut that was killed
 * is removed by the next.
 */
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isReservedVersionId } from '../lib/routes.ts';
import { rewriteLinks, UnreadablePageError, withoutSiteRedirects, type LinkRewrite } from '../lib/version-copy.ts';
import { currentVersion, VERSION_ID_PATTERN, type Version } from '../lib/versions.ts';
import { listFiles } from './content-files.ts';
import { readVersions } from './read-versions.ts';
import { withContentLock } from './lock.ts';
import { writeFileAtomic } from './write-file.ts';

export interface CutOptions {
  contentDir: string;
  id: string;
  label?: string;
  /** Site base path, so `/docs/latest/x/` links are recognised too. */
  base?: string;
  /** Release date recorded in the version list (default today). */
  released?: string;
  dryRun?: boolean;
  /** Test hook: runs after the copy is complete, before anything is committed. */
  beforeCommit?: () => void;
}

export interface CutPlan {
  version: Version;
  from: Version;
  source: string;
  target: string;
  files: number;
  rewrites: LinkRewrite[];
  /** Links into the current version whose written form could not be read back exactly: left for the author. */
  skipped: LinkRewrite[];
}

export class CutError extends Error {}

export function cutVersion(options: CutOptions): CutPlan {
  if (options.dryRun) return planCut(options).plan;
  return withContentLock(options.contentDir, `version:cut ${options.id}`, () => {
    removeLeftovers(options.contentDir);
    // Planned under the lock: versions.json as the previous cut left it.
    const { plan, versions, rewritten } = planCut(options);
    const temporary = join(options.contentDir, `${CUT_PREFIX}${plan.version.id}-${process.pid}`);
    let renamed = false;
    try {
      cpSync(plan.source, temporary, { recursive: true, errorOnExist: true });
      for (const [file, text] of rewritten) writeFileSync(join(temporary, file), text);
      options.beforeCommit?.();
      renameSync(temporary, plan.target);
      renamed = true;
      const list = [...versions];
      list.splice(list.indexOf(plan.from) + 1, 0, plan.version);
      writeFileAtomic(join(options.contentDir, 'versions.json'), `${JSON.stringify(list, null, 2)}\n`);
      return plan;
    } catch (error) {
      rmSync(temporary, { recursive: true, force: true });
      if (renamed) rmSync(plan.target, { recursive: true, force: true });
      throw error;
    }
  });
}

/** Temporary copies of a cut in progress; the checker and the build skip them (dot-folders are not content). */
const CUT_PREFIX = '.cut-';

/** Copies left by a cut that was killed before it could clean up; only called under the lock, so none is in use. */
function removeLeftovers(contentDir: string): void {
  for (const entry of readdirSync(contentDir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name.startsWith(CUT_PREFIX)) rmSync(join(contentDir, entry.name), { recursive: true, force: true });
  }
}

function planCut(options: CutOptions): { plan: CutPlan; versions: Version[]; rewritten: Map<string, string> } {
  const versions = readVersions(options.contentDir);
  const current = currentVersion(versions);
  const id = options.id;
  if (!VERSION_ID_PATTERN.test(id))
    throw new CutError(`\`${id}\` is not a valid version id; expected lowercase letters, digits, \`.\`, \`_\` or \`-\` (at most 32), e.g. \`2025.1\``);
  if (isReservedVersionId(id)) throw new CutError(`\`${id}\` is a path the site already uses (\`/${id}\`); choose another version id`);
  if (versions.some((version) => version.id === id)) throw new CutError(`Version \`${id}\` already exists in versions.json; choose another id`);
  const target = join(options.contentDir, id);
  if (existsSync(target)) throw new CutError(`The folder ${relative(process.cwd(), target) || target} already exists; remove it or choose another id`);
  const source = join(options.contentDir, current.id);
  const version: Version = { id, label: options.label?.trim() || id, status: 'supported', released: options.released ?? new Date().toISOString().slice(0, 10) };
  const files = listFiles(source);
  const rewrites: LinkRewrite[] = [];
  const skipped: LinkRewrite[] = [];
  const rewritten = new Map<string, string>();
  for (const file of files.filter((name) => /\.mdx?$/.test(name))) {
    const text = readFileSync(join(source, file), 'utf8');
    const result = asCutError(() => rewriteLinks(text, `${id}/${file}`, current.id, id, options.base ?? '/'));
    rewrites.push(...result.rewrites);
    skipped.push(...result.skipped);
    const frozen = withoutSiteRedirects(result.text);
    if (result.rewrites.length > 0 || frozen !== result.text) rewritten.set(file, frozen);
  }
  return { plan: { version, from: current, source, target, files: files.length, rewrites, skipped }, versions, rewritten };
}

/** A page that cannot be read stops the cut with the author's message, as every other refusal does. */
function asCutError<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw error instanceof UnreadablePageError ? new CutError(error.message) : error;
  }
}

export { rewriteLinks, withoutSiteRedirects, type LinkRewrite };
