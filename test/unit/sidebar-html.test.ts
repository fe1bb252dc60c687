import { describe, expect, it } from 'vitest';
import type { NavSection } from '../../src/lib/navigation';
import { escapeHtml } from '../../src/lib/escape-html';
import { sidebarSectionsHtml } from '../../src/lib/sidebar-html';

const sections: NavSection[] = [
  { label: 'Identity providers', links: [{ id: 'latest/jumpcloud', title: 'JumpCloud', path: 'latest/jumpcloud/' }, { id: 'latest/okta', title: 'Okta & <friends>', path: 'latest/okta/' }] },
  { label: 'Admin "tools"', links: [{ id: 'latest/audit', title: 'Audit', path: 'latest/audit/' }] },
];
const href = (path: string) => `/docs/${path}`;

describe('sidebarSectionsHtml', () => {
  it("lists the current guide's section in full, marks the guide, and links the other sections to the version home", () => {
    expect(sidebarSectionsHtml(sections, 'latest/okta', '/docs/latest/', href)).toBe(
      '<div class="sidebar-section"><h2 class="sidebar-heading">Identity providers</h2><ul>' +
        '<li><a href="/docs/latest/jumpcloud/">JumpCloud</a></li>' +
        '<li><a aria-current="page" href="/docs/latest/okta/">Okta &#38; &#60;friends&#62;</a></li></ul></div>' +
        '<p class="sidebar-other-section"><a href="/docs/latest/#admin-%22tools%22">Admin &#34;tools&#34; <span class="sidebar-count">(1)</span></a></p>',
    );
  });

  it('marks only the current guide, whichever page asked before', () => {
    sidebarSectionsHtml(sections, 'latest/okta', '/docs/latest/', href);
    const html = sidebarSectionsHtml(sections, 'latest/jumpcloud', '/docs/latest/', href);
    expect(html.match(/aria-current/g)).toHaveLength(1);
    expect(html).toContain('<a aria-current="page" href="/docs/latest/jumpcloud/">');
  });

  it('collapses every section on a page that is no guide', () => {
    const html = sidebarSectionsHtml(sections, undefined, '/docs/latest/', href);
    expect(html).not.toContain('<ul>');
    expect(html.match(/sidebar-other-section/g)).toHaveLength(2);
  });
});

describe('escapeHtml', () => {
  it('escapes what could end text or an attribute value', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });
});
