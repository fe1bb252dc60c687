/**
 * The sidebar's sections as HTML. Every page of a version shows the same sections: the other
 * sections as one link each, its own section as the full list with a different current link. Those
 * pieces are built once per section and build instead of once per page; rendering them through
 * components (and finding the current section by scanning every link) grew with the square of the
 * number of guides and was the largest per-page cost of a build.
 */
import { sectionAnchor, type NavSection } from './navigation.ts';

interface SectionPieces {
  collapsed: string;
  /** Every item, joined; `offsets[i]` is where item i starts, so a page swaps one item in without re-joining them all. */
  items: string;
  offsets: number[];
  indexById: Map<string, number>;
}

const built = new WeakMap<NavSection, SectionPieces>();

/**
 * @param currentId the guide being read; its section is listed in full with the guide marked
 *   `aria-current="page"`. Without one (a version home) every section is one link.
 * @param versionHome the version home's URL, where each section has an anchor
 */
export function sidebarSectionsHtml(sections: readonly NavSection[], currentId: string | undefined, versionHome: string, href: (path: string) => string): string {
  let html = '';
  for (const section of sections) {
    const pieces = piecesOf(section, versionHome, href);
    const index = currentId === undefined ? undefined : pieces.indexById.get(currentId);
    if (index === undefined) {
      html += pieces.collapsed;
      continue;
    }
    const { items, offsets } = pieces;
    const current = items.slice(offsets[index], offsets[index + 1]).replace('<a ', '<a aria-current="page" ');
    html += `<div class="sidebar-section"><h2 class="sidebar-heading">${escapeHtml(section.label)}</h2><ul>${items.slice(0, offsets[index])}${current}${items.slice(offsets[index + 1])}</ul></div>`;
  }
  return html;
}

function piecesOf(section: NavSection, versionHome: string, href: (path: string) => string): SectionPieces {
  let pieces = built.get(section);
  if (!pieces) {
    const items = section.links.map((link) => `<li><a href="${escapeHtml(href(link.path))}">${escapeHtml(link.title)}</a></li>`);
    const offsets = [0];
    for (const item of items) offsets.push(offsets.at(-1)! + item.length);
    pieces = {
      collapsed: `<p class="sidebar-other-section"><a href="${escapeHtml(`${versionHome}#${encodeURIComponent(sectionAnchor(section.label))}`)}">${escapeHtml(section.label)} <span class="sidebar-count">(${section.links.length})</span></a></p>`,
      items: items.join(''),
      offsets,
      indexById: new Map(section.links.map((link, index) => [link.id, index])),
    };
    built.set(section, pieces);
  }
  return pieces;
}

/** The `<li>` link items of a section, as the version home lists them. */
export function sectionItemsHtml(section: NavSection, versionHome: string, href: (path: string) => string): string {
  return piecesOf(section, versionHome, href).items;
}

/** Escapes text for HTML content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
