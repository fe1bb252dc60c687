/**
 * A docs site a team moves onto, built from test/fixtures/docs-site: general pages, folders three
 * levels deep, an author-written version home, redirects (frontmatter, configuration, old GitBook
 * paths), tabs, two versions, the configuration file, and the files for AI readers.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, type BuildResult } from '../support/build-site';

const FIXTURE = join(ROOT, 'test/fixtures/docs-site');
let build: BuildResult;
const page = (path: string): HTMLElement => parse(readFileSync(join(build.outDir, path, 'index.html'), 'utf8'));
const file = (path: string) => readFileSync(join(build.outDir, path), 'utf8');

beforeAll(() => {
  build = buildSite({ STEPDOCS_CONTENT_DIR: FIXTURE, STEPDOCS_CONFIG: join(FIXTURE, 'stepdocs.config.json') });
  expect(build.output).toContain('Complete!');
});

describe('a docs site with general pages, folders, redirects, tabs and two versions', () => {
  it('nests the sidebar three levels deep and marks the page being read', () => {
    const deep = page('2.0/identity-providers/google-workspace/scim/troubleshooting');
    const sidebar = deep.querySelector('nav.sidebar')!;
    const nested = sidebar.querySelectorAll('li > ul > li > ul > li > a');
    expect(nested.map((link) => [link.text, link.getAttribute('aria-current')])).toEqual([['SCIM troubleshooting', 'page']]);
    expect(sidebar.querySelectorAll('a').map((link) => link.text.trim())).toEqual(
      expect.arrayContaining(['Google Workspace', 'SCIM provisioning', 'SCIM troubleshooting', 'Overview (1)']),
    );
  });

  it('lays the breadcrumbs along the folders', () => {
    const deep = page('2.0/identity-providers/google-workspace/scim/troubleshooting');
    expect(deep.querySelectorAll('nav.breadcrumbs li').map((item) => item.text.trim())).toEqual([
      'Home',
      '2.0',
      'Identity providers',
      'Google Workspace',
      'SCIM provisioning',
      'SCIM troubleshooting',
    ]);
    expect(deep.querySelectorAll('nav.breadcrumbs a').map((link) => link.getAttribute('href'))).toEqual([
      '/',
      '/2.0/',
      '/2.0/#identity-providers',
      '/2.0/identity-providers/google-workspace/',
      '/2.0/identity-providers/google-workspace/scim/',
    ]);
  });

  it("serves the author's version home with the section list below it, and the site home lists every section", () => {
    const home = page('2.0');
    expect(home.querySelector('h1')?.text).toBe('Acme SSO documentation');
    expect(home.querySelector('.prose')?.text).toContain('Start with the overview.');
    expect(home.querySelectorAll('.guide-index h3').map((heading) => heading.getAttribute('id'))).toEqual(['overview', 'identity-providers']);
    expect(
      page('')
        .querySelectorAll('.guide-index h2')
        .map((heading) => heading.text),
    ).toEqual(['Overview', 'Identity providers']);
    expect(page('').querySelector('h1')?.text).toBe('Acme SSO');
  });

  it('links "Edit this page" into the configured repository', () => {
    expect(page('2.0/overview').querySelector('a.edit-link')?.getAttribute('href')).toBe('https://gitlab.com/acme/sso-docs/-/edit/trunk/docs/2.0/overview.mdx');
  });

  it('writes a redirect page for every old path: in the version, under latest/, from old GitBook paths, from the configuration', () => {
    const target = (path: string) => /<meta http-equiv="refresh" content="0; url=([^"]+)">/.exec(file(join(path, 'index.html')))?.[1];
    expect(target('2.0/about')).toBe('/2.0/overview/');
    expect(target('latest/about')).toBe('/latest/overview/');
    expect(target('sso-connect-cloud/overview')).toBe('/2.0/overview/');
    expect(target('sso-connect-cloud/identity-providers/google-workspace/scim-troubleshooting')).toBe(
      '/2.0/identity-providers/google-workspace/scim/troubleshooting/',
    );
    expect(target('sso-connect-cloud/troubleshooting')).toBe('/2.0/identity-providers/google-workspace/scim/troubleshooting/#users-are-not-created');
    expect(target('2.0/identity-providers/google')).toBe('/2.0/identity-providers/google-workspace/');
    expect(file('_redirects').split('\n')).toEqual(
      expect.arrayContaining(['/2.0/about/ /2.0/overview/ 301', '/latest/about/ /latest/overview/ 301', '/sso-connect-cloud/overview/ /2.0/overview/ 301']),
    );
  });

  it("switches versions across a move: 1.0's page links to its 2.0 successor and back", () => {
    const old = page('1.0/identity-providers/google');
    expect(old.querySelector('.version-switcher a[data-version="2.0"]')?.getAttribute('href')).toBe('/2.0/identity-providers/google-workspace/');
    expect(page('2.0/identity-providers/google-workspace').querySelector('.version-switcher a[data-version="1.0"]')?.getAttribute('href')).toBe(
      '/1.0/identity-providers/google/',
    );
  });

  it('renders tabs as labelled panels that read without JavaScript', () => {
    const tabs = page('2.0/overview').querySelector('stepdocs-tabs')!;
    expect(tabs.getAttribute('data-sync-key')).toBe('region');
    expect(tabs.querySelectorAll('.tab-panel').map((panel) => [panel.getAttribute('data-tab-label'), panel.querySelector('code')?.text])).toEqual([
      ['US', 'keepersecurity.com'],
      ['EU', 'keepersecurity.eu'],
    ]);
  });

  it("lists each version's pages for AI readers, the author's home first, and writes every page as Markdown", () => {
    const llms = file('llms.txt');
    expect(llms).toMatch(/^# Acme SSO\n\n> Single sign-on guides for Acme\.\n/);
    expect(llms).toContain(
      '## Start here\n\n- [Acme SSO documentation](https://stepdocs.example/2.0/index.md): The home page of version 2.0, written by its authors.',
    );
    expect(llms).toContain(
      '- [SCIM troubleshooting](https://stepdocs.example/2.0/identity-providers/google-workspace/scim/troubleshooting/index.md): The third level of folders.',
    );
    expect(file('1.0/llms.txt')).toContain('- [Google Workspace](https://stepdocs.example/1.0/identity-providers/google/index.md)');
    expect(file('2.0/overview/index.md')).toContain('**US**\n\nUse `keepersecurity.com`.\n\n**EU**\n\nUse `keepersecurity.eu`.');
    for (const url of [...llms.matchAll(/\]\((https:\/\/stepdocs\.example\/[^)]+)\)/g)].map((match) => match[1]!))
      expect(existsSync(join(build.outDir, new URL(url).pathname)), url).toBe(true);
    expect(existsSync(join(build.outDir, 'latest/overview/index.md'))).toBe(true);
  });
});

describe('the build in worker threads', () => {
  it('gives the same site, file for file and byte for byte, with the guide checks and Markdown copies in worker threads', () => {
    const inWorkers = buildSite({ STEPDOCS_CONTENT_DIR: FIXTURE, STEPDOCS_CONFIG: join(FIXTURE, 'stepdocs.config.json'), STEPDOCS_BUILD_WORKERS: 'always' });
    expect(inWorkers.output).toContain('Complete!');
    const files = (dir: string) =>
      readdirSync(dir, { recursive: true })
        .map(String)
        .filter((path) => statSync(join(dir, path)).isFile())
        .sort();
    const expected = files(build.outDir);
    expect(expected.filter((path) => path.endsWith('index.md')).length).toBeGreaterThan(5);
    expect(files(inWorkers.outDir)).toEqual(expected);
    const differing = expected.filter((path) => !readFileSync(join(build.outDir, path)).equals(readFileSync(join(inWorkers.outDir, path))));
    expect(differing).toEqual([]);
  });
});
