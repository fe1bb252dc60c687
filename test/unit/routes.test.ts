import { describe, expect, it } from 'vitest';
import { addressOf, editLink, guidePath, hasCurrentAlias, isCurrentAliasPath, pathBelowBase, withBase } from '../../src/lib/routes';
import { sectionAnchor, trailOf, versionNavigation, type NavLink } from '../../src/lib/navigation';
import { editPrefix, normaliseBase, resolveSiteConfig } from '../../src/lib/site-config';
import { webUrl } from '../../src/node/site-config';
import { closest } from '../../src/lib/text-distance';
import { parseVersions, type Version } from '../../src/lib/versions';

const readSiteConfig = (env: Record<string, string>) => resolveSiteConfig({ env });

const versions: Version[] = [
  { id: 'latest', label: 'Latest', status: 'current' },
  { id: '1.0', label: '1.0', status: 'supported' },
];

describe('route table', () => {
  it('serves the current guides at the latest/ alias only when the current version has another id', () => {
    const numbered: Version[] = [
      { id: '2.0', label: '2.0', status: 'current' },
      { id: '1.0', label: '1.0', status: 'supported' },
    ];
    expect(hasCurrentAlias(numbered[0]!, numbered)).toBe(true);
    expect(hasCurrentAlias(numbered[1]!, numbered)).toBe(false);
    expect(hasCurrentAlias(versions[0]!, versions)).toBe(false);
    expect(isCurrentAliasPath('latest/jumpcloud/', numbered)).toBe(true);
    expect(isCurrentAliasPath('/latest/idp/okta', numbered)).toBe(true);
    expect(isCurrentAliasPath('latest/', numbered)).toBe(false);
    expect(isCurrentAliasPath('2.0/jumpcloud/', numbered)).toBe(false);
    expect(isCurrentAliasPath('latest/jumpcloud/', versions)).toBe(false);
  });

  it('maps content ids to version and slug', () => {
    expect(guidePath(addressOf('latest/jumpcloud', versions))).toBe('latest/jumpcloud/');
    expect(guidePath(addressOf('1.0/idp/okta', versions))).toBe('1.0/idp/okta/');
    expect(guidePath(addressOf('latest/idp/index', versions))).toBe('latest/idp/');
    expect(guidePath(addressOf('latest/index', versions))).toBe('latest/');
  });

  it('refuses content outside a declared version folder', () => {
    expect(() => addressOf('draft/jumpcloud', versions)).toThrow(
      'Content file `draft/jumpcloud` is in folder `draft`, which is not a declared version; expected one of `latest`, `1.0`.',
    );
  });

  it('joins base paths', () => {
    expect(withBase('/', 'latest/x/')).toBe('/latest/x/');
    expect(withBase('/docs/', 'latest/x/')).toBe('/docs/latest/x/');
    expect(withBase('/docs', '/latest/x/')).toBe('/docs/latest/x/');
    expect(withBase('/docs/', '')).toBe('/docs/');
  });

  it('takes the base off again, and only leading slashes off a path outside it', () => {
    expect(pathBelowBase('/docs/', '/docs/latest/x/')).toBe('latest/x/');
    expect(pathBelowBase('/docs', '/docs/latest/x/')).toBe('latest/x/');
    expect(pathBelowBase('/', '/latest/x/')).toBe('latest/x/');
    expect(pathBelowBase('/docs/', '/latest/x/')).toBe('latest/x/');
    expect(pathBelowBase('/docs/', withBase('/docs/', 'latest/x/'))).toBe('latest/x/');
  });
});

describe('navigation', () => {
  it('groups by section in order and keeps versions apart', () => {
    const guides = [
      { id: 'latest/okta', title: 'Okta', section: 'Identity providers', order: 20 },
      { id: 'latest/jumpcloud', title: 'JumpCloud', section: 'Identity providers', order: 10 },
      { id: 'latest/faq', title: 'FAQ', section: 'Help', order: 1 },
      { id: '1.0/jumpcloud', title: 'JumpCloud', section: 'Identity providers', order: 10 },
    ];
    expect(versionNavigation(guides, versions[0]!, versions)).toEqual([
      { label: 'Help', links: [{ id: 'latest/faq', title: 'FAQ', path: 'latest/faq/' }] },
      {
        label: 'Identity providers',
        links: [
          { id: 'latest/jumpcloud', title: 'JumpCloud', path: 'latest/jumpcloud/' },
          { id: 'latest/okta', title: 'Okta', path: 'latest/okta/' },
        ],
      },
    ]);
  });
});

describe('site config', () => {
  it('normalises the base path', () => {
    expect(normaliseBase('')).toBe('/');
    expect(normaliseBase('docs')).toBe('/docs/');
    expect(normaliseBase('/docs/')).toBe('/docs/');
    expect(normaliseBase('//a/b//')).toBe('/a/b/');
  });

  it('reads the environment with defaults', () => {
    expect(readSiteConfig({})).toMatchObject({
      title: 'stepdocs',
      site: 'https://stepdocs.example',
      base: '/',
      contentDir: 'content',
      // No repository configured and no git remote on a known host: no "Edit this page" link at all.
      editUrl: '',
      search: true,
      identityProviders: expect.arrayContaining(['JumpCloud', 'Okta']),
      products: ['Keeper SSO Connect Cloud'],
      redirects: {},
      linkExclude: [],
    });
    expect(readSiteConfig({ STEPDOCS_BASE: 'docs', STEPDOCS_SITE: 'https://docs.example.com/x', STEPDOCS_EDIT_URL: '' })).toMatchObject({
      base: '/docs/',
      site: 'https://docs.example.com',
      editUrl: '',
    });
  });

  it('turns search off only when asked, and names a setting it cannot read', () => {
    expect(readSiteConfig({ STEPDOCS_SEARCH: 'off' }).search).toBe(false);
    expect(readSiteConfig({ STEPDOCS_SEARCH: ' OFF ' }).search).toBe(false);
    expect(readSiteConfig({ STEPDOCS_SEARCH: 'on' }).search).toBe(true);
    expect(readSiteConfig({ STEPDOCS_SEARCH: '' }).search).toBe(true);
    expect(() => readSiteConfig({ STEPDOCS_SEARCH: 'no' })).toThrow('STEPDOCS_SEARCH: `no` is neither `on` nor `off`');
  });

  it('reads the configuration file, with the environment overriding it', () => {
    const file = {
      title: 'Acme docs',
      base: 'docs',
      identityProviders: ['Duo', 'Rippling'],
      repository: { url: 'https://github.com/acme/docs' },
      redirects: { 'old/x/': 'latest/x/' },
    };
    expect(resolveSiteConfig({ file })).toMatchObject({
      title: 'Acme docs',
      base: '/docs/',
      identityProviders: ['Duo', 'Rippling'],
      editUrl: 'https://github.com/acme/docs/edit/main/content/',
      redirects: { 'old/x/': 'latest/x/' },
    });
    expect(resolveSiteConfig({ file, env: { STEPDOCS_TITLE: 'CI title', STEPDOCS_EDIT_URL: '' } })).toMatchObject({ title: 'CI title', editUrl: '' });
  });

  it('names the file and the field of a configuration error', () => {
    expect(() => resolveSiteConfig({ file: { identityProviders: ['Okta', 3] } })).toThrow(
      'stepdocs.config.json: `identityProviders.1`: Invalid input: expected string, received number',
    );
    expect(() => resolveSiteConfig({ file: { tilte: 'x' } })).toThrow('stepdocs.config.json: `(top level)`: unknown field `tilte`; expected one of');
    expect(() => resolveSiteConfig({ file: { repository: { url: 'http://github.com/a/b' } } })).toThrow(
      'stepdocs.config.json: `repository.url`: expected the https URL of the repository',
    );
    expect(() => resolveSiteConfig({ file: { site: 'docs.example.com' } })).toThrow('stepdocs.config.json: `site`: `docs.example.com` is not an absolute URL');
  });

  it('derives "Edit this page" links from a repository on GitHub or GitLab, and from the git remote', () => {
    expect(editPrefix({ url: 'https://gitlab.com/acme/docs.git', branch: 'trunk', contentPath: 'site/content' })).toBe(
      'https://gitlab.com/acme/docs/-/edit/trunk/site/content/',
    );
    expect(editPrefix({ url: 'https://git.example.com/acme/docs', branch: 'main', contentPath: 'content' })).toBe('');
    expect(webUrl('git@github.com:acme/docs.git')).toBe('https://github.com/acme/docs');
    expect(webUrl('https://github.com/acme/docs.git')).toBe('https://github.com/acme/docs');
    expect(webUrl('ssh://git@example.com/acme/docs.git')).toBeUndefined();
    expect(resolveSiteConfig({ gitRemote: { url: 'https://github.com/acme/docs', branch: 'main', contentPath: 'content' } }).editUrl).toBe(
      'https://github.com/acme/docs/edit/main/content/',
    );
  });

  it('rejects a site that is not an http(s) URL', () => {
    expect(() => readSiteConfig({ STEPDOCS_SITE: 'docs.example.com' })).toThrow(
      'STEPDOCS_SITE: `docs.example.com` is not an absolute URL; expected e.g. `https://docs.example.com`',
    );
    expect(() => readSiteConfig({ STEPDOCS_SITE: 'ftp://x' })).toThrow('is not an http(s) URL');
  });
});

describe('versionNavigation with folders', () => {
  const versions = parseVersions([{ id: 'latest', label: 'Latest', status: 'current' }]);
  const page = (id: string, title: string, section = 'Identity providers', order = 100) => ({ id, title, section, order });
  const sections = versionNavigation(
    [
      page('latest/index', 'Home', 'Overview'),
      page('latest/overview', 'Overview', 'Overview', 1),
      page('latest/identity-providers/google/index', 'Google Workspace'),
      page('latest/identity-providers/google/scim', 'SCIM', 'Ignored: the parent decides'),
      page('latest/identity-providers/google/advanced/certs', 'Certificates', 'Ignored', 5),
      page('latest/identity-providers/okta', 'Okta'),
      page('latest/devices/automator/index', 'Keeper Automator', 'Device approvals'),
      page('latest/devices/automator/azure/index', 'Azure', 'Device approvals'),
      page('latest/devices/automator/azure/app-gateway', 'App Gateway', 'Device approvals'),
    ],
    versions[0]!,
    versions,
  );

  it('nests pages under the index page of their folder, three levels deep, and leaves the version home out', () => {
    const shape = (links: NavLink[]): unknown => links.map((link) => (link.children ? { [link.title]: shape(link.children) } : link.title));
    expect(sections.map((section) => [section.label, shape(section.links)])).toEqual([
      ['Overview', ['Overview']],
      ['Identity providers', [{ 'Google Workspace': ['Certificates', 'SCIM'] }, 'Okta']],
      ['Device approvals', [{ 'Keeper Automator': [{ Azure: ['App Gateway'] }] }]],
    ]);
  });

  it('gives the trail of section and folder pages above a page', () => {
    const trail = trailOf(sections, 'latest/devices/automator/azure/app-gateway');
    expect([trail?.section.label, ...(trail?.ancestors.map((link) => link.path) ?? [])]).toEqual([
      'Device approvals',
      'latest/devices/automator/',
      'latest/devices/automator/azure/',
    ]);
  });

  it('slugs section anchors as headings are slugged', () => {
    expect(sectionAnchor('SSO & SCIM')).toBe('sso--scim');
  });
});

describe('closest', () => {
  it('suggests prefixes and near misses, nothing for strangers', () => {
    expect(closest('warn', ['info', 'success', 'warning', 'danger'])).toBe('warning');
    expect(closest('Hnit', ['Steps', 'Step', 'Hint'])).toBe('Hint');
    expect(closest('Banana', ['Steps', 'Step', 'Hint'])).toBeUndefined();
  });
});

describe('editLink', () => {
  it('appends the guide path in the content folder, wherever that folder is', () => {
    expect(editLink('https://github.com/acme/docs/edit/main/content/', 'latest/okta', 'content/latest/okta.mdx')).toBe(
      'https://github.com/acme/docs/edit/main/content/latest/okta.mdx',
    );
    // A content folder outside the project (its own repository): the link still ends with its own path.
    expect(editLink('https://git.example/guides/edit/main/', '1.0/entra', '../guides/1.0/entra.md')).toBe('https://git.example/guides/edit/main/1.0/entra.md');
  });

  it('is absent without a prefix or a file', () => {
    expect(editLink('', 'latest/okta', 'content/latest/okta.mdx')).toBeUndefined();
    expect(editLink('https://git.example/', 'latest/okta', undefined)).toBeUndefined();
  });
});
