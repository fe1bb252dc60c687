/**
 * `version:cut`: freezes the current version's content into a new version folder. The copy is made
 * in a temporary folder beside the target and renamed into place, and the version list is written
 * atomically afterwards; any failure removes what was made, so no half-written version remains.
 */
import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lineStarts, placeFinder } from '../lib/text-position.ts';
import { extractPage } from '../lib/links/extract.ts';
import { currentVersion, VERSION_ID_PATTERN, type Version } from '../lib/versions.ts';
import { listFiles } from './content-files.ts';
import { readVersions } from './versions.ts';
import { writeFileAtomic } from './write-file.ts';
import { isScalar, isSeq, parseDocument } from 'yaml';

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

export interface LinkRewrite {
  file: string;
  line: number;
  from: string;
  to: string;
}

export interface CutPlan {
  version: Version;
  from: Version;
  source: string;
  target: string;
  files: number;
  rewrites: LinkRewrite[];
}

export class CutError extends Error {}

export function cutVersion(options: CutOptions): CutPlan {
  const versions = readVersions(options.contentDir);
  const current = currentVersion(versions);
  const id = options.id;
  if (!VERSION_ID_PATTERN.test(id)) throw new CutError(`\`${id}\` is not a valid version id; expected lowercase letters, digits, \`.\`, \`_\` or \`-\` (at most 32), e.g. \`2025.1\``);
  if (versions.some((version) => version.id === id)) throw new CutError(`Version \`${id}\` already exists in versions.json; choose another id`);
  const target = join(options.contentDir, id);
  if (existsSync(target)) throw new CutError(`The folder ${relative(process.cwd(), target) || target} already exists; remove it or choose another id`);
  const source = join(options.contentDir, current.id);
  const version: Version = { id, label: options.label?.trim() || id, status: 'supported', released: options.released ?? new Date().toISOString().slice(0, 10) };
  const files = listFiles(source);
  const rewrites: LinkRewrite[] = [];
  const rewritten = new Map<string, string>();
  for (const file of files.filter((name) => /\.mdx?$/.test(name))) {
    const text = readFileSync(join(source, file), 'utf8');
    const result = rewriteLinks(text, `${id}/${file}`, current.id, id, options.base ?? '/');
    rewrites.push(...result.rewrites);
    const frozen = withoutSiteRedirects(result.text);
    if (result.rewrites.length > 0 || frozen !== result.text) rewritten.set(file, frozen);
  }
  const plan: CutPlan = { version, from: current, source, target, files: files.length, rewrites };
  if (options.dryRun) return plan;

  const temporary = join(options.contentDir, `.cut-${id}-${process.pid}`);
  let renamed = false;
  try {
    cpSync(source, temporary, { recursive: true, errorOnExist: true });
    for (const [file, text] of rewritten) writeFileSync(join(temporary, file), text);
    options.beforeCommit?.();
    renameSync(temporary, target);
    renamed = true;
    const list = [...versions];
    list.splice(list.indexOf(current) + 1, 0, version);
    writeFileAtomic(join(options.contentDir, 'versions.json'), `${JSON.stringify(list, null, 2)}\n`);
    return plan;
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    if (renamed) rmSync(target, { recursive: true, force: true });
    throw error;
  }
}

/**
 * A page's old addresses from the site root (`redirectFrom: [/sso/okta]`) keep leading to the current
 * version: the frozen copy drops them, or the two copies would claim the same old path. Old paths
 * inside the version (`okta`) stay: they redirect within each version.
 */
export function withoutSiteRedirects(text: string): string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!match || !/^redirectFrom\s*:/m.test(match[1]!)) return text;
  const document = parseDocument(match[1]!);
  const list = document.get('redirectFrom');
  if (!isSeq(list)) return text;
  const kept = list.items.filter((item) => !(isScalar(item) && String(item.value).trim().startsWith('/')));
  if (kept.length === list.items.length) return text;
  if (kept.length === 0) document.delete('redirectFrom');
  else list.items = kept;
  return `---\n${document.toString().trimEnd()}\n---${text.slice(match[0].length)}`;
}

/**
 * Points site-absolute links into the current version (`/latest/x/`) at the new one (`/1.0/x/`), so
 * the frozen copy keeps pointing at itself. Only the URL text is replaced, at the position the MDX
 * parser reports, so the rest of the file stays byte for byte as the author wrote it.
 */
export function rewriteLinks(text: string, file: string, fromId: string, toId: string, base: string): { text: string; rewrites: LinkRewrite[] } {
  const page = extractPage(text, file);
  if (page.parseError) throw new CutError(`${file}: cannot parse MDX to rewrite its links (${page.parseError.reason}); fix the file first`);
  const prefixes = [`/${fromId}/`, ...(base !== '/' ? [`${base.replace(/\/?$/, '/')}${fromId}/`] : [])];
  const starts = lineStarts(text);
  const place = placeFinder(text);
  const edits: Array<{ offset: number; length: number; replacement: string; line: number; from: string }> = [];
  for (const reference of page.references) {
    const prefix = prefixes.find((candidate) => reference.url.startsWith(candidate) || reference.url === candidate.slice(0, -1));
    if (!prefix) continue;
    const start = starts[reference.place.line - 1]! + reference.place.column - 1;
    const offset = text.indexOf(reference.url, start);
    if (offset === -1) continue;
    const replacement = prefix.slice(0, -fromId.length - 1) + toId + reference.url.slice(prefix.length - 1);
    edits.push({ offset, length: reference.url.length, replacement, line: place(offset).line, from: reference.url });
  }
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) result = result.slice(0, edit.offset) + edit.replacement + result.slice(edit.offset + edit.length);
  return { text: result, rewrites: edits.map((edit) => ({ file, line: edit.line, from: edit.from, to: edit.replacement })) };
}
