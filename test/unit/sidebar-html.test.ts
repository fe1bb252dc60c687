import { describe, expect, it } from 'vitest';
import type { NavSection } from '../../src/lib/navigation';
import { escapeHtml } from '../../src/lib/escape-html';
import { sidebarSectionsHtml } from '../../src/lib/sidebar-html';

const sections: NavSection[] = [
  {
    label: 'Identity providers',
    links: [
      { id: 'latest/jumpcloud', title: 'JumpCloud', path: 'latest/jumpcloud/' },
      { id: 'latest/okta', title: 'Okta & <friends>', path: 'latest/okta/' },
    ],
  },
  { label: 'Admin "tools"', links: [{ id: 'latest/audit', title: 'Audit', path: 'latest/audit/' }] },
];
const href = (path: string) => `/docs/${path}`;

describe('sidebarSectionsHtml', () => {
  it("lists the current guide's section in full, marks the guide, and links the other sections to the version home", () => {
    expect(sidebarSectionsHtml(sections, 'latest/okta', '/docs/latest/', href)).toBe(
      '<div class="sidebar-section"><h2 class="sidebar-heading">Identity providers</h2><ul>' +
        '<li><a href="/docs/latest/jumpcloud/">JumpCloud</a></li>' +
        '<li><a aria-current="page" href="/docs/latest/okta/">Okta &#38; &#60;friends&#62;</a></li></ul></div>' +
        '<p class="sidebar-other-section"><a href="/docs/latest/#admin-tools">Admin &#34;tools&#34; <span class="sidebar-count">(1)</span></a></p>',
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

describe('nested pages', () => {
  const nested: NavSection[] = [
    {
      label: 'Identity providers',
      links: [
        {
          id: 'latest/identity-providers/google/index',
          title: 'Google Workspace',
          path: 'latest/identity-providers/google/',
          children: [{ id: 'latest/identity-providers/google/scim', title: 'SCIM', path: 'latest/identity-providers/google/scim/' }],
        },
        { id: 'latest/identity-providers/okta', title: 'Okta', path: 'latest/identity-providers/okta/' },
      ],
    },
  ];

  it('lists a folder page with its sub-pages, and marks a sub-page as current', () => {
    expect(sidebarSectionsHtml(nested, 'latest/identity-providers/google/scim', '/latest/', (path) => `/${path}`)).toBe(
      '<div class="sidebar-section"><h2 class="sidebar-heading">Identity providers</h2><ul>' +
        '<li><a href="/latest/identity-providers/google/">Google Workspace</a><ul><li><a aria-current="page" href="/latest/identity-providers/google/scim/">SCIM</a></li></ul></li>' +
        '<li><a href="/latest/identity-providers/okta/">Okta</a></li></ul></div>',
    );
  });

  it('counts nested pages in a collapsed section', () => {
    expect(sidebarSectionsHtml(nested, undefined, '/latest/', (path) => `/${path}`)).toContain('<span class="sidebar-count">(3)</span>');
  });
});
