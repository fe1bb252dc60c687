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
import { placeFinder } from '../lib/text-position.ts';
import { attribute, isJsx, parseContent, walk, type MdNode } from '../lib/guide/mdast.ts';
import { FRONTMATTER_IMAGE_FIELDS, LINK_PROPS } from '../lib/links/link-props.ts';
import { urlRangeOf, writeDestination, type UrlRange } from '../lib/markdown/url-range.ts';
import { currentVersion, VERSION_ID_PATTERN, type Version } from '../lib/versions.ts';
import { listFiles } from './content-files.ts';
import { readVersions } from './versions.ts';
import { withContentLock } from './lock.ts';
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
  if (!VERSION_ID_PATTERN.test(id)) throw new CutError(`\`${id}\` is not a valid version id; expected lowercase letters, digits, \`.\`, \`_\` or \`-\` (at most 32), e.g. \`2025.1\``);
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
    const result = rewriteLinks(text, `${id}/${file}`, current.id, id, options.base ?? '/');
    rewrites.push(...result.rewrites);
    skipped.push(...result.skipped);
    const frozen = withoutSiteRedirects(result.text);
    if (result.rewrites.length > 0 || frozen !== result.text) rewritten.set(file, frozen);
  }
  return { plan: { version, from: current, source, target, files: files.length, rewrites, skipped }, versions, rewritten };
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
 * the frozen copy keeps pointing at itself. Only the URL is replaced, in the exact range the MDX
 * parser read it from (never found by a search of the text), so the rest of the file stays byte for
 * byte as the author wrote it. A URL whose version prefix is written with escapes is written anew;
 * one whose range cannot be read back is listed in `skipped` for the author to change by hand.
 */
export function rewriteLinks(text: string, file: string, fromId: string, toId: string, base: string): { text: string; rewrites: LinkRewrite[]; skipped: LinkRewrite[] } {
  const parsed = parseContent(text, file);
  if (!parsed.ok) throw new CutError(`${file}: cannot parse MDX to rewrite its links (${parsed.finding.reason}); fix the file first`);
  const prefixes = [`/${fromId}/`, ...(base !== '/' ? [`${joinBase(base, fromId)}/`] : [])];
  const moved = (url: string) => {
    const prefix = prefixes.find((candidate) => url.startsWith(candidate) || url === candidate.slice(0, -1));
    return prefix === undefined ? undefined : { prefix, to: prefix.slice(0, -fromId.length - 1) + toId + url.slice(prefix.length - 1) };
  };
  const place = placeFinder(text);
  const edits: Array<{ from: number; to: number; replacement: string; url: string; target: string }> = [];
  const skipped: LinkRewrite[] = [];
  const consider = (url: string, range: UrlRange | undefined, at: number) => {
    const change = moved(url);
    if (!change) return;
    if (!range) {
      skipped.push({ file, line: place(at).line, from: url, to: change.to });
      return;
    }
    // Written as it reads: swap the version in place. Written with escapes: the whole URL anew.
    const inPlace = range.raw.startsWith(change.prefix) || range.raw === change.prefix.slice(0, -1);
    const replacement = inPlace ? change.prefix.slice(0, -fromId.length - 1) + toId + range.raw.slice(change.prefix.length - 1) : writeDestination(change.to);
    edits.push({ from: range.from, to: range.to, replacement, url, target: change.to });
  };
  walk(parsed.tree, (node) => {
    const at = node.position?.start.offset ?? 0;
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') consider(node.url ?? '', urlRangeOf(node, text), at);
    else if (node.type === 'yaml') for (const field of frontmatterUrls(text, node)) consider(field.url, field.range, field.range?.from ?? at);
    else if (isJsx(node) && node.name) {
      for (const prop of LINK_PROPS[node.name] ?? []) {
        const value = attribute(node, prop.attribute);
        if (typeof value === 'string') consider(value, urlRangeOf(node, text, prop.attribute), at);
      }
    }
  });
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.from - a.from)) result = result.slice(0, edit.from) + edit.replacement + result.slice(edit.to);
  const rewrites = edits.map((edit) => ({ file, line: place(edit.from).line, from: edit.url, to: edit.target }));
  return { text: result, rewrites, skipped };
}

function joinBase(base: string, id: string): string {
  return `${base.replace(/\/?$/, '/')}${id}`;
}

/** The frontmatter's image fields (`image: /latest/x.png`, `cover: { src: … }`), each with the range of its value. */
function frontmatterUrls(text: string, node: MdNode): Array<{ url: string; range: UrlRange | undefined }> {
  const start = node.position?.start.offset;
  if (start === undefined) return [];
  // The YAML starts after the opening `---` line.
  const yamlStart = text.indexOf('\n', start) + 1;
  const document = parseDocument(node.value ?? '', { keepSourceTokens: false });
  const found: Array<{ url: string; range: UrlRange | undefined }> = [];
  for (const field of FRONTMATTER_IMAGE_FIELDS) {
    const scalar = document.getIn([field], true) ?? document.getIn([field, 'src'], true);
    if (!isScalar(scalar) || typeof scalar.value !== 'string') continue;
    const [from, to] = scalar.range ?? [];
    const quoted = scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE';
    const range = from === undefined || to === undefined ? undefined : quoted ? { from: yamlStart + from + 1, to: yamlStart + to - 1 } : { from: yamlStart + from, to: yamlStart + to };
    const raw = range && text.slice(range.from, range.to);
    found.push({ url: scalar.value, range: range && raw === scalar.value ? { ...range, raw } : undefined });
  }
  return found;
}
