/** Astro adapter of the Markdown copies: which pages get one, and each page's Markdown with site URLs. */
import { addressOfGuide, allGuides, navigationFor, pathOfGuide, VERSIONS, type Guide } from './guides';
import { llmsFullTxt, llmsTxt, type LlmsSection } from '../lib/markdown/llms-txt';
import type { NavLink } from '../lib/navigation';
import type { Version } from '../lib/versions';
import { siteConfig } from './site';
import { routeOfFileLink } from '../lib/links/content-link';
import { pageMarkdown } from '../lib/markdown/page-markdown';
import { joinAssetPath } from '../lib/guide/resolve-asset';
import { aliasPath, hasCurrentAlias } from '../lib/routes';
import { CURRENT_ALIAS } from '../lib/versions';
import { url } from './site';
import { handOverImage } from './integrations/markdown-files';
import { ROUTES } from '../lib/routes';

/** The Markdown copies as routes, for the dev server; a build writes them from the rendered pages instead. */
export async function markdownRoutes() {
  if (!siteConfig.markdown || import.meta.env.PROD) return [];
  const guides = await allGuides();
  return guides.flatMap((guide) => {
    const address = addressOfGuide(guide);
    const slug = address.slug === '' ? undefined : address.slug;
    const page = { params: { version: address.version.id, slug }, props: { guide, isAlias: false } };
    const alias = hasCurrentAlias(address.version, VERSIONS) ? [{ params: { version: CURRENT_ALIAS, slug }, props: { guide, isAlias: true } }] : [];
    return [page, ...alias];
  });
}

// llms-full.txt repeats every page's Markdown: each is made once per build.
const made = new Map<string, string>();

export function markdownOf(guide: Guide, site: URL, isAlias: boolean): string {
  const key = `${isAlias ? 'alias:' : ''}${guide.id}`;
  let markdown = made.get(key);
  if (markdown === undefined) {
    markdown = makeMarkdown(guide, site, isAlias);
    made.set(key, markdown);
  }
  return markdown;
}

function makeMarkdown(guide: Guide, site: URL, isAlias: boolean): string {
  const path = isAlias ? aliasPath(pathOfGuide(guide)) : pathOfGuide(guide);
  const absolute = (below: string) => new URL(url(below), site).href;
  const folder = guide.id.split('/').slice(0, -1).join('/');
  return pageMarkdown({
    title: guide.data.title,
    description: guide.data.description,
    url: absolute(path),
    body: guide.body ?? '',
    file: guide.filePath ?? `${guide.id}.mdx`,
    rulesUrl: absolute(ROUTES.metadataRules),
    resolveLink: (href) => {
      // Site-absolute paths (`/1.0/jumpcloud/`) are below the site base, as the site's own links are.
      if (href.startsWith('/') && !href.startsWith('//')) return absolute(href);
      const route = routeOfFileLink(guide.id, href, import.meta.env.BASE_URL, VERSIONS);
      return route ? new URL(route, site).href : undefined;
    },
    // The original image, published at its path in the content folder when the build is done (a glob import
    // of every image for Vite to emit cost a tenth of a 2,000-page build).
    resolveImage: (src) => {
      const path = joinAssetPath(folder, src);
      handOverImage(path);
      return new URL(url(path), site).href;
    },
  });
}

/** Absolute URL of a page's Markdown copy. */
export function markdownUrlOf(guide: Guide, site: URL): string {
  return new URL(url(`${pathOfGuide(guide)}index.md`), site).href;
}

/** The pages of a version in sidebar order: its own home page first, then each section depth-first. */
function pagesInOrder(guides: readonly Guide[], version: Version): { sections: Array<{ label: string; pages: Guide[] }>; home: Guide | undefined } {
  const byId = new Map(guides.map((guide) => [guide.id, guide]));
  const flatten = (links: readonly NavLink[]): Guide[] => links.flatMap((link) => [byId.get(link.id)!, ...flatten(link.children ?? [])]);
  const home = guides.find((guide) => addressOfGuide(guide).version.id === version.id && addressOfGuide(guide).slug === '');
  return { home, sections: navigationFor(guides, version).map((section) => ({ label: section.label, pages: flatten(section.links) })) };
}

const llmsMade = new Map<string, { index: string; full: string }>();

/** A version's llms.txt and llms-full.txt, made once per build. */
export async function llmsOf(version: Version, site: URL): Promise<{ index: string; full: string }> {
  const known = llmsMade.get(version.id);
  if (known) return known;
  const files = await makeLlms(version, site);
  llmsMade.set(version.id, files);
  return files;
}

async function makeLlms(version: Version, site: URL): Promise<{ index: string; full: string }> {
  const guides = await allGuides();
  const { home, sections } = pagesInOrder(guides, version);
  const entry = (guide: Guide) => ({ title: guide.data.title, markdownUrl: markdownUrlOf(guide, site), description: guide.data.description });
  const listed: LlmsSection[] = [
    ...(home ? [{ label: 'Start here', entries: [entry(home)] }] : []),
    ...sections.map((section) => ({ label: section.label, entries: section.pages.map(entry) })),
  ];
  const others = VERSIONS.filter((other) => other.id !== version.id).map((other) => `- [${other.label}](${new URL(url(`${other.id}/llms.txt`), site).href})`);
  const details = `Version ${version.label} of the documentation. Every page is also available as Markdown at its URL followed by \`index.md\`; ${new URL(url(`${version.id}/llms-full.txt`), site).href} has them all in one file.${others.length > 0 ? `\n\nOther versions:\n${others.join('\n')}` : ''}`;
  const index = llmsTxt({ title: siteConfig.title, description: siteConfig.description, details }, listed);
  const ordered = [...(home ? [home] : []), ...sections.flatMap((section) => section.pages)];
  const full = llmsFullTxt(ordered.map((guide) => ({ markdownUrl: markdownUrlOf(guide, site), markdown: markdownOf(guide, site, false) })));
  return { index, full };
}
