/**
 * The sidebar's sections as HTML. Every page of a version shows the same sections: the other
 * sections as one link each, its own section as the full list with a different current link. Those
 * pieces are built once per section and build instead of once per page; rendering them through
 * components (and finding the current section by scanning every link) grew with the square of the
 * number of guides and was the largest per-page cost of a build.
 */
import { escapeHtml } from './escape-html.ts';
import { sectionAnchor, type NavLink, type NavSection } from './navigation.ts';

interface SectionItems {
  /** Every top-level `<li>` item, joined; `offsets[i]` is where item i starts, so a page swaps one item in without re-joining them all. */
  html: string;
  offsets: number[];
  /** Each page of the section (nested ones too) → the top-level item it is listed in. */
  indexById: Map<string, number>;
}

const itemsBuilt = new WeakMap<NavSection, SectionItems>();
const collapsedBuilt = new WeakMap<NavSection, string>();

/**
 * @param currentId the guide being read; its section is listed in full with the guide marked
 *   `aria-current="page"`. Without one (a version home) every section is one link.
 * @param versionHome the version home's URL, where each section has an anchor
 */
export function sidebarSectionsHtml(
  sections: readonly NavSection[],
  currentId: string | undefined,
  versionHome: string,
  href: (path: string) => string,
): string {
  let html = '';
  for (const section of sections) {
    const items = itemsOf(section, href);
    const index = currentId === undefined ? undefined : items.indexById.get(currentId);
    if (index === undefined) {
      html += collapsedOf(section, versionHome);
      continue;
    }
    const { offsets } = items;
    const current = itemHtml(section.links[index]!, href, currentId);
    html += `<div class="sidebar-section"><h2 class="sidebar-heading">${escapeHtml(section.label)}</h2><ul>${items.html.slice(0, offsets[index])}${current}${items.html.slice(offsets[index + 1])}</ul></div>`;
  }
  return html;
}

/** The `<li>` link items of a section, as the version home lists them. */
export function sectionItemsHtml(section: NavSection, href: (path: string) => string): string {
  return itemsOf(section, href).html;
}

function itemsOf(section: NavSection, href: (path: string) => string): SectionItems {
  let items = itemsBuilt.get(section);
  if (!items) {
    const each = section.links.map((link) => itemHtml(link, href, undefined));
    const offsets = [0];
    for (const item of each) offsets.push(offsets.at(-1)! + item.length);
    const indexById = new Map<string, number>();
    section.links.forEach((link, index) => {
      for (const id of idsOf(link)) indexById.set(id, index);
    });
    items = { html: each.join(''), offsets, indexById };
    itemsBuilt.set(section, items);
  }
  return items;
}

/** One link with its nested pages; `currentId`'s link is marked as the current page. */
function itemHtml(link: NavLink, href: (path: string) => string, currentId: string | undefined): string {
  const current = link.id === currentId ? 'aria-current="page" ' : '';
  const children = link.children ? `<ul>${link.children.map((child) => itemHtml(child, href, currentId)).join('')}</ul>` : '';
  return `<li><a ${current}href="${escapeHtml(href(link.path))}">${escapeHtml(link.title)}</a>${children}</li>`;
}

function idsOf(link: NavLink): string[] {
  return [link.id, ...(link.children ?? []).flatMap(idsOf)];
}

/** A section other than the reader's: one link to its place on the version home. */
function collapsedOf(section: NavSection, versionHome: string): string {
  let html = collapsedBuilt.get(section);
  if (html === undefined) {
    html = `<p class="sidebar-other-section"><a href="${escapeHtml(`${versionHome}#${encodeURIComponent(sectionAnchor(section.label))}`)}">${escapeHtml(section.label)} <span class="sidebar-count">(${section.links.reduce((sum, link) => sum + idsOf(link).length, 0)})</span></a></p>`;
    collapsedBuilt.set(section, html);
  }
  return html;
}
