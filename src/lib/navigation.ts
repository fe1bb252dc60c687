/**
 * The sidebar of one version, derived from the pages' frontmatter and folders: a page in a folder
 * whose `index` page exists (`identity-providers/google-workspace/scim.mdx` below
 * `identity-providers/google-workspace/index.mdx`) is listed under that page; pages without such a
 * parent are grouped by their `section`, in order of each section's first page. Siblings sort by
 * `order`, then title. Pure, so the sidebar, breadcrumbs and their tests share it.
 */
import { slug } from './slug.ts';
import { addressOf, guidePath } from './routes.ts';
import type { Version } from './versions.ts';

export interface NavGuide {
  id: string;
  title: string;
  section: string;
  order: number;
}

export interface NavLink {
  id: string;
  title: string;
  /** Path below the site base, e.g. `latest/jumpcloud/`. */
  path: string;
  /** Pages in this page's folder (and deeper folders without an index page of their own). */
  children?: NavLink[];
}

export interface NavSection {
  label: string;
  links: NavLink[];
}

interface Placed extends NavGuide {
  slug: string;
}

export function versionNavigation(guides: readonly NavGuide[], version: Version, versions: readonly Version[]): NavSection[] {
  const pages = guides
    .map((guide): Placed => ({ ...guide, slug: addressOf(guide.id, versions).slug }))
    .filter((page) => addressOf(page.id, versions).version.id === version.id && page.slug !== '')
    .sort((a, b) => a.order - b.order || a.title.localeCompare(b.title, 'en'));
  const bySlug = new Map(pages.map((page) => [page.slug, page]));
  const links = new Map(pages.map((page) => [page.id, { id: page.id, title: page.title, path: guidePath({ version, slug: page.slug }) } as NavLink]));
  const sections = new Map<string, NavSection>();
  for (const page of pages) {
    const parent = parentOf(page.slug, bySlug);
    const link = links.get(page.id)!;
    if (parent) {
      const parentLink = links.get(parent.id)!;
      (parentLink.children ??= []).push(link);
      continue;
    }
    let section = sections.get(page.section);
    if (!section) {
      section = { label: page.section, links: [] };
      sections.set(page.section, section);
    }
    section.links.push(link);
  }
  return [...sections.values()];
}

/** The nearest folder above `slug` that has a page of its own (`a/b/c` → `a/b`, else `a`). */
function parentOf<T>(slug: string, bySlug: ReadonlyMap<string, T>): T | undefined {
  const parts = slug.split('/');
  for (let length = parts.length - 1; length > 0; length -= 1) {
    const parent = bySlug.get(parts.slice(0, length).join('/'));
    if (parent) return parent;
  }
  return undefined;
}

export interface Trail {
  section: NavSection;
  /** The pages above, outermost first (not the page itself). */
  ancestors: NavLink[];
}

// Every page of a build asks for its trail in the same sidebar: it is indexed once per sidebar.
const trails = new WeakMap<readonly NavSection[], Map<string, Trail>>();

/** Where a page sits: its section and the pages above it. */
export function trailOf(sections: readonly NavSection[], id: string): Trail | undefined {
  let index = trails.get(sections);
  if (!index) {
    const built = new Map<string, Trail>();
    const visit = (section: NavSection, links: readonly NavLink[], above: NavLink[]) => {
      for (const link of links) {
        built.set(link.id, { section, ancestors: above });
        if (link.children) visit(section, link.children, [...above, link]);
      }
    };
    for (const section of sections) visit(section, section.links, []);
    trails.set(sections, built);
    index = built;
  }
  return index.get(id);
}

/** Anchor of a section on its version home, the way headings are slugged: `SSO & SCIM` → `sso--scim`. */
export function sectionAnchor(label: string): string {
  return slug(label);
}
