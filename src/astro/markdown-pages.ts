/** Astro adapter of the Markdown copies: which pages get one, and each page's Markdown with site URLs. */
import { addressOfGuide, allGuides, navigationFor, pathOfGuide, VERSIONS, type Guide } from './guides';
import { llmsFullTxt, llmsTxt, type LlmsSection } from '../lib/markdown/llms-txt';
import type { NavLink } from '../lib/navigation';
import type { Version } from '../lib/versions';
import { siteConfig } from './site';
import { hasCurrentAlias } from '../lib/routes';
import { CURRENT_ALIAS } from '../lib/versions';
import { url } from './site';
import { markdownWriter } from './integrations/markdown-files';
import { markdownCopy, type CopySite, type CopySource } from '../lib/markdown/markdown-copy';

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

/** What a page's Markdown copy is made from, as plain data (the build makes copies in a worker thread). */
export function copySourceOf(guide: Guide, isAlias: boolean): CopySource {
  return {
    id: guide.id,
    title: guide.data.title,
    description: guide.data.description,
    body: guide.body ?? '',
    file: guide.filePath ?? `${guide.id}.mdx`,
    isAlias,
  };
}

const sites = new Map<string, CopySite>();

/** The same object for the same site, so that the build's worker is sent it once per batch of pages. */
export function copySiteOf(site: URL): CopySite {
  let copySite = sites.get(site.href);
  if (!copySite) {
    copySite = { site: site.href, base: import.meta.env.BASE_URL, versions: VERSIONS };
    sites.set(site.href, copySite);
  }
  return copySite;
}

/** A page hands its copy over as it renders; the build's worker makes and writes it beside the page's HTML. */
export function handOverCopy(path: string, guide: Guide, site: URL, isAlias: boolean): void {
  markdownWriter()?.page(path, copySourceOf(guide, isAlias), copySiteOf(site));
}

// The dev server's copies (its index.md route and llms-full.txt): each is made once per server.
const made = new Map<string, string>();

export function markdownOf(guide: Guide, site: URL, isAlias: boolean): string {
  const key = `${isAlias ? 'alias:' : ''}${guide.id}`;
  let markdown = made.get(key);
  if (markdown === undefined) {
    markdown = markdownCopy(copySourceOf(guide, isAlias), copySiteOf(site)).text;
    made.set(key, markdown);
  }
  return markdown;
}

/** The copies of `guides` (not their alias pages): from the build's worker, which has made most already. */
async function markdownsOf(guides: readonly Guide[], site: URL): Promise<string[]> {
  const writer = markdownWriter();
  if (!writer) return guides.map((guide) => markdownOf(guide, site, false));
  return writer.texts(
    guides.map((guide) => copySourceOf(guide, false)),
    copySiteOf(site),
  );
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
  const texts = await markdownsOf(ordered, site);
  const full = llmsFullTxt(ordered.map((guide, index) => ({ markdownUrl: markdownUrlOf(guide, site), markdown: texts[index]! })));
  return { index, full };
}
