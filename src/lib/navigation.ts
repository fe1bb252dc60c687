/**
 * The sidebar of one version, derived from guides' frontmatter: sections in order of their first
 * guide, guides by `order` then title. Pure, so the sidebar and its tests share it.
 */
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
}

export interface NavSection {
  label: string;
  links: NavLink[];
}

export function versionNavigation(guides: readonly NavGuide[], version: Version, versions: readonly Version[]): NavSection[] {
  const inVersion = guides
    .filter((guide) => addressOf(guide.id, versions).version.id === version.id)
    .sort((a, b) => a.order - b.order || a.title.localeCompare(b.title, 'en'));
  const sections = new Map<string, NavSection>();
  for (const guide of inVersion) {
    let section = sections.get(guide.section);
    if (!section) {
      section = { label: guide.section, links: [] };
      sections.set(guide.section, section);
    }
    section.links.push({ id: guide.id, title: guide.title, path: guidePath(addressOf(guide.id, versions)) });
  }
  return [...sections.values()];
}

/** Anchor of a section on its version home: `Identity providers` → `identity-providers`. */
export function sectionAnchor(label: string): string {
  return label.toLowerCase().replace(/\s+/g, '-');
}
