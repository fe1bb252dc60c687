/**
 * What freezing a version changes in a page's text: site-absolute links into the current version are
 * pointed at the new one, and old addresses from the site root stay with the current version. Pure
 * text in, text out; `version:cut` (src/node/version-cut.ts) reads and writes the files.
 */
import { isScalar, isSeq, parseDocument } from 'yaml';
import { attribute, isJsx, parseContent, walk, type MdNode } from './mdx/mdast.ts';
import { FRONTMATTER_IMAGE_FIELDS, LINK_PROPS } from './links/link-props.ts';
import { urlRangeOf, writeDestination, type UrlRange } from './markdown/url-range.ts';
import { withBase } from './routes.ts';
import { placeFinder } from './text-position.ts';

export interface LinkRewrite {
  file: string;
  line: number;
  from: string;
  to: string;
}

/** A page whose MDX does not parse: its links cannot be found, so it cannot be copied safely. */
export class UnreadablePageError extends Error {}

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
export function rewriteLinks(
  text: string,
  file: string,
  fromId: string,
  toId: string,
  base: string,
): { text: string; rewrites: LinkRewrite[]; skipped: LinkRewrite[] } {
  const parsed = parseContent(text, file);
  if (!parsed.ok) throw new UnreadablePageError(`${file}: cannot parse MDX to rewrite its links (${parsed.finding.reason}); fix the file first`);
  const prefixes = [`/${fromId}/`, ...(base !== '/' ? [withBase(base, `${fromId}/`)] : [])];
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
    const range =
      from === undefined || to === undefined
        ? undefined
        : quoted
          ? { from: yamlStart + from + 1, to: yamlStart + to - 1 }
          : { from: yamlStart + from, to: yamlStart + to };
    const raw = range && text.slice(range.from, range.to);
    found.push({ url: scalar.value, range: range && raw === scalar.value ? { ...range, raw } : undefined });
  }
  return found;
}
