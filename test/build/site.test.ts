/**
 * Builds the real content and a fixture site (under a base path) and asserts on the HTML readers get;
 * then builds broken content and asserts on the error authors get.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { PAGE_ENGINE_RULES, ruleAnchor } from '../../src/lib/guide/rules';
import { LINK_RULES } from '../../src/lib/links/rules';
import { METADATA_RULES } from '../../src/lib/keeper/metadata-rules';
import { spawnSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { buildSite, cleanEnv, ROOT, type BuildResult } from '../support/build-site';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => join(dir, file));
}

function page(outDir: string, path: string): HTMLElement {
  return parse(readFileSync(join(outDir, path, 'index.html'), 'utf8'));
}

/** Every site-internal href/src on every page points at a built file, and every `#fragment` exists on its page. */
function brokenReferences(outDir: string, base: string): string[] {
  const broken: string[] = [];
  const pages = new Map(htmlFiles(outDir).map((file) => [file, parse(readFileSync(file, 'utf8'))]));
  for (const [file, root] of pages) {
    for (const element of root.querySelectorAll('[href], [src]')) {
      const value = element.getAttribute('href') ?? element.getAttribute('src')!;
      if (/^(?:[a-z]+:|\/\/)/i.test(value)) continue;
      const [written, fragment] = value.split('#') as [string, string | undefined];
      // Resolve relative links against the page's own URL, as a browser does.
      const pageUrl = new URL(`http://site${base}${relative(outDir, file).replace(/index\.html$/, '')}`);
      const path = written === '' ? '' : new URL(written, pageUrl).pathname;
      let target = file;
      if (path !== '') {
        if (!path.startsWith(base)) {
          broken.push(`${relative(outDir, file)}: ${value} is outside the base ${base}`);
          continue;
        }
        const onDisk = join(outDir, decodeURI(path.slice(base.length)));
        target = path.endsWith('/') ? join(onDisk, 'index.html') : onDisk;
        if (!existsSync(target)) {
          broken.push(`${relative(outDir, file)}: ${value} does not exist`);
          continue;
        }
      }
      if (fragment && fragment !== '_top' && target.endsWith('.html')) {
        const targetRoot = pages.get(target);
        if (!targetRoot?.getElementById(decodeURIComponent(fragment))) broken.push(`${relative(outDir, file)}: ${value} has no element #${fragment}`);
      }
    }
  }
  return broken;
}

describe('the real content', () => {
  let build: BuildResult;
  let guide: HTMLElement;
  beforeAll(() => {
    // A configuration file naming the repository, as a team would write it: "Edit this page" links point into it.
    const config = join(mkdtempSync(join(tmpdir(), 'stepdocs-config-')), 'stepdocs.config.json');
    writeFileSync(config, JSON.stringify({ repository: { url: 'https://github.com/acme/sso-docs', branch: 'trunk' } }));
    build = buildSite({ STEPDOCS_CONFIG: config });
    expect(build.output).toContain('Complete!');
    guide = page(build.outDir, 'latest/identity-providers/jumpcloud');
  });

  it('renders five numbered steps with their ids in order', () => {
    const steps = guide.querySelectorAll('ol.steps > li.step');
    expect(steps.map((step) => step.querySelector('.step-title')?.id)).toEqual([
      'open-sso-tab',
      'add-keeper-application',
      'upload-keeper-metadata',
      'set-login-url',
      'upload-jumpcloud-metadata',
    ]);
    expect(steps.map((step) => step.querySelector('.step-number')?.text)).toEqual(['1', '2', '3', '4', '5']);
    expect(steps.map((step) => step.querySelector('.permalink')?.getAttribute('href'))).toEqual(steps.map((step) => `#${step.getAttribute('data-step-id')}`));
    expect(guide.querySelector('.steps-progress-text')?.text).toBe('0 of 5 done');
  });

  it('renders the hints with their types, labelled in words', () => {
    const hints = guide.querySelectorAll('[data-hint]');
    expect(hints.map((hint) => hint.getAttribute('data-hint'))).toEqual(['success', 'warning', 'info', 'success', 'info', 'warning']);
    for (const hint of hints) {
      expect(hint.getAttribute('role')).toBe('note');
      expect(hint.getAttribute('aria-label')).toMatch(/^(Note|Success|Warning|Danger)/);
    }
  });

  it('has alt text and a local source on every figure, and no remote image', () => {
    const images = guide.querySelectorAll('img');
    expect(images.length).toBe(6);
    for (const image of images) {
      expect(image.getAttribute('alt')?.length).toBeGreaterThan(20);
      expect(image.getAttribute('src')).toMatch(/^\/_astro\/[\w.-]+\.svg$/);
      expect(image.getAttribute('width')).toBeTruthy();
      expect(image.getAttribute('height')).toBeTruthy();
    }
    for (const file of htmlFiles(build.outDir)) {
      expect(readFileSync(file, 'utf8')).not.toMatch(/<img[^>]+src="(?:https?:)?\/\//);
    }
  });

  it('contains every part of the seed guide', () => {
    const text = guide.querySelector('main')!.text.replace(/\s+/g, ' ');
    for (const part of [
      'Please complete the steps in the Admin Console Configuration section first.',
      'Log into the JumpCloud Administrator console.',
      'Select the SSO tab on the side menu.',
      'search for Keeper in the search bar',
      'Keeper Security Password Manager',
      'click the Upload Metadata button',
      'provisioning instance → View → Export Metadata',
      'https://keepersecurity.com/api/rest/sso/ext_login/<SSO ID>',
      'Your SSO ID is the number at the end of your SP Entity ID',
      'https://keepersecurity.com/api/rest/sso/saml/459561502469',
      'selecting the activate button',
      'set the IDP Type to GENERIC',
      'Your Keeper SSO Connect setup is now complete!',
      'automated user and team provisioning with SCIM',
      'they will be prompted for the master password',
      'An admin cannot move themselves to the SSO-enabled node. It requires another admin to perform this action.',
      'selecting the Enterprise SSO pull-down and entering the Enterprise Domain',
      'they only need their email address',
      'just-in-time provisioning is enabled',
      'your email domain is reserved by Keeper',
    ]) {
      expect(text).toContain(part);
    }
    const hrefs = guide.querySelectorAll('main a').map((link) => link.getAttribute('href'));
    expect(hrefs).toContain('https://docs.keeper.io/en/sso-connect-cloud/admin-console-configuration');
    expect(hrefs).toContain('https://docs.keeper.io/enterprise-guide/user-and-team-provisioning/jumpcloud-provisioning-with-scim');
    expect(hrefs).toContain('https://docs.keeper.io/enterprise-guide/domain-reservation');
    expect(guide.querySelector('.copy-value')?.text).toBe('Keeper Security Password Manager');
  });

  it('has the page chrome a docs reader expects', () => {
    expect(guide.querySelector('a.skip-link')?.getAttribute('href')).toBe('#main');
    expect(guide.querySelector('main#main')).toBeTruthy();
    expect(guide.querySelector('nav.sidebar a[aria-current="page"]')?.text.trim()).toBe('JumpCloud');
    expect(guide.querySelectorAll('nav.breadcrumbs li').map((item) => item.text.trim())).toEqual(['Home', 'Latest', 'Identity providers', 'JumpCloud']);
    expect(guide.querySelector('a.edit-link')?.getAttribute('href')).toBe(
      'https://github.com/acme/sso-docs/edit/trunk/content/latest/identity-providers/jumpcloud.mdx',
    );
    expect(guide.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://stepdocs.example/latest/identity-providers/jumpcloud/');
    const toc = guide.querySelectorAll('aside.toc a').map((link) => link.getAttribute('href'));
    expect(toc).toEqual(expect.arrayContaining(['#open-sso-tab', '#upload-jumpcloud-metadata', '#move-existing-users-and-the-initial-admin-to-sso']));
    expect(guide.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-28');
  });

  it('builds both versions, with the older one bannered and pointing canonically at the current page', () => {
    const old = page(build.outDir, '1.0/jumpcloud');
    expect(old.querySelector('.version-banner')?.text.replace(/\s+/g, ' ').trim()).toBe(
      'You are reading version 1.0 (frozen 2026-11-28), which is still supported, but not the newest. Read this page in the current version, Latest.',
    );
    expect(old.querySelector('.version-banner a')?.getAttribute('href')).toBe('/latest/identity-providers/jumpcloud/');
    expect(old.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://stepdocs.example/latest/identity-providers/jumpcloud/');
    expect(guide.querySelector('.version-banner')).toBeNull();
    // The documented difference: the widgets are in the current version only.
    expect(guide.querySelectorAll('stepdocs-login-url, stepdocs-metadata-checker').length).toBe(2);
    expect(old.querySelectorAll('stepdocs-login-url, stepdocs-metadata-checker').length).toBe(0);
    expect(guide.getElementById('changes-from-version-10')?.text).toBe('Changes from version 1.0');
    for (const html of [guide, old]) {
      expect(html.querySelectorAll('.version-switcher-menu a').map((link) => [link.getAttribute('href'), link.querySelector('.version-label')?.text])).toEqual([
        ['/latest/identity-providers/jumpcloud/', 'Latest'],
        ['/1.0/jumpcloud/', '1.0'],
      ]);
    }
    expect(old.querySelector('nav.sidebar a[aria-current="page"]')?.getAttribute('href')).toBe('/1.0/jumpcloud/');
    expect(old.querySelector('[data-pagefind-filter]')?.getAttribute('data-pagefind-filter')).toBe('version:1.0');
  });

  it('indexes each guide for search without the chrome every guide repeats', () => {
    const folder = join(build.outDir, 'pagefind/fragment');
    const fragments = readdirSync(folder).map((name) => {
      const text = gunzipSync(readFileSync(join(folder, name))).toString();
      return JSON.parse(text.slice(text.indexOf('{'))) as { url: string; content: string; filters: Record<string, string[]> };
    });
    const jumpcloud = fragments.find((fragment) => fragment.url === '/latest/identity-providers/jumpcloud/')!;
    expect(jumpcloud.filters).toEqual({ version: ['latest'] });
    expect(jumpcloud.content).toContain('SP Entity ID');
    // The title and description lead; the facts list (identity provider, product, review date) and the edit link are left out,
    expect(jumpcloud.content).toMatch(/^JumpCloud\. Configure JumpCloud as the SAML 2\.0 identity provider/);
    expect(jumpcloud.content).not.toMatch(/Identity providerJumpCloud|ProductKeeper|Last reviewed|Edit this page/);
    // and so are the copy buttons' labels, which were glued to the value they copy.
    expect(jumpcloud.content).toMatch(/Display Label to: Keeper Security Password Manager In the/);
  });

  it('lists every version in sitemap.xml', () => {
    const sitemap = readFileSync(join(build.outDir, 'sitemap.xml'), 'utf8');
    expect([...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1])).toEqual([
      'https://stepdocs.example/',
      'https://stepdocs.example/writing-guides/',
      'https://stepdocs.example/embedding/',
      'https://stepdocs.example/rules/',
      'https://stepdocs.example/rules/metadata/',
      'https://stepdocs.example/latest/',
      'https://stepdocs.example/1.0/',
      'https://stepdocs.example/1.0/jumpcloud/',
      'https://stepdocs.example/latest/identity-providers/jumpcloud/',
      'https://stepdocs.example/latest/overview/',
    ]);
  });

  it("serves the guide's old address as a redirect page that needs no JavaScript, and lists it in _redirects", () => {
    const html = readFileSync(join(build.outDir, 'latest/jumpcloud/index.html'), 'utf8');
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/latest/identity-providers/jumpcloud/">');
    expect(html).toContain('<link rel="canonical" href="https://stepdocs.example/latest/identity-providers/jumpcloud/">');
    expect(html).not.toContain('<script');
    expect(readFileSync(join(build.outDir, '_redirects'), 'utf8')).toBe('/latest/jumpcloud/ /latest/identity-providers/jumpcloud/ 301\n');
  });

  it('renders a general page without the guide facts, and lists it in its own section', () => {
    const overview = page(build.outDir, 'latest/overview');
    expect(overview.querySelector('h1')?.text).toBe('SSO Connect Cloud overview');
    expect(overview.querySelector('dl.guide-meta')?.text).not.toMatch(/Identity provider|Product/);
    expect(overview.querySelectorAll('nav.breadcrumbs li').map((item) => item.text.trim())).toEqual([
      'Home',
      'Latest',
      'Overview',
      'SSO Connect Cloud overview',
    ]);
    const home = page(build.outDir, '');
    expect(home.querySelectorAll('.guide-index h2').map((heading) => heading.text)).toEqual(['Overview', 'Identity providers']);
  });

  it('publishes llms.txt per version, and every URL it lists is a file of the built site', () => {
    for (const [file, version] of [
      ['llms.txt', 'Latest'],
      ['latest/llms.txt', 'Latest'],
      ['1.0/llms.txt', '1.0'],
    ] as const) {
      const text = readFileSync(join(build.outDir, file), 'utf8');
      expect(text).toMatch(new RegExp(`^# stepdocs\\n\\n> .+\\n\\nVersion ${version.replace('.', '\\.')} of the documentation\\.`));
      const urls = [...text.matchAll(/\]\((https:\/\/stepdocs\.example\/[^)]+)\)/g)].map((match) => match[1]!);
      expect(urls.length).toBeGreaterThan(1);
      for (const url of urls) expect(existsSync(join(build.outDir, new URL(url).pathname)), url).toBe(true);
    }
    expect(readFileSync(join(build.outDir, 'llms.txt'), 'utf8')).toContain(
      '## Identity providers\n\n- [JumpCloud](https://stepdocs.example/latest/identity-providers/jumpcloud/index.md): Configure JumpCloud',
    );
    const full = readFileSync(join(build.outDir, 'llms-full.txt'), 'utf8');
    expect(full.indexOf('# SSO Connect Cloud overview')).toBeLessThan(full.indexOf('# JumpCloud'));
  });

  it("has a Markdown copy beside every page, announced in the page head, with the widgets' no-JavaScript text", () => {
    const markdown = readFileSync(join(build.outDir, 'latest/identity-providers/jumpcloud/index.md'), 'utf8');
    expect(guide.querySelector('link[rel="alternate"][type="text/markdown"]')?.getAttribute('href')).toBe('/latest/identity-providers/jumpcloud/index.md');
    expect(markdown).toMatch(/^# JumpCloud\n\n> Configure JumpCloud/);
    expect(markdown).toContain('4. **[Enter the Login URL and activate](https://stepdocs.example/latest/identity-providers/jumpcloud/#set-login-url)**');
    // Every image the copy names is published.
    for (const match of markdown.matchAll(/!\[[^\]]*\]\((https:\/\/stepdocs\.example\/[^ )]+)/g))
      expect(existsSync(join(build.outDir, new URL(match[1]!).pathname)), match[1]).toBe(true);
    // The widgets' fallbacks say in Markdown what the page says without JavaScript.
    const letters = (text: string) => text.replace(/https:\/\/stepdocs\.example\/rules\/metadata\//g, '').replace(/[*`_[\]()\s-]/g, '');
    for (const fallback of guide.querySelectorAll('.widget-fallback')) {
      const text = letters(fallback.text.replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
      expect(letters(markdown), text.slice(0, 40)).toContain(text);
    }
    expect(markdown).toContain('[version 1.0](https://stepdocs.example/1.0/jumpcloud/)');
    for (const html of ['latest/overview/index.html', '1.0/jumpcloud/index.html'])
      expect(existsSync(join(build.outDir, html.replace('index.html', 'index.md')))).toBe(true);
  });

  it('documents the frontmatter fields on the Writing guides page and points build errors to the rules page', () => {
    const writing = page(build.outDir, 'writing-guides');
    expect(writing.getElementById('build-errors')?.nextElementSibling?.querySelector('a')?.getAttribute('href')).toBe('/rules/');
    expect(writing.querySelectorAll('table tbody tr').map((row) => row.querySelector('code')?.text)).toEqual([
      'kind',
      'title',
      'description',
      'idp',
      'product',
      'lastReviewed',
      'section',
      'order',
      'redirectFrom',
    ]);
    expect(writing.querySelectorAll('.example-render [data-hint]').length).toBe(4);
  });

  it('lists every rule on /rules/: each guide rule with its examples and the finding its bad example gives, every link rule, every metadata rule', () => {
    const rules = page(build.outDir, 'rules');
    for (const rule of PAGE_ENGINE_RULES) expect(rules.getElementById(ruleAnchor(rule.id))?.text).toBe(rule.id);
    for (const rule of LINK_RULES) expect(rules.getElementById(ruleAnchor(rule.id))?.text).toBe(rule.id);
    expect(rules.querySelectorAll('#metadata-rules ~ ul li').length).toBe(METADATA_RULES.length);
    const duplicate = rules.getElementById(ruleAnchor('steps/duplicate-id'))!.parentNode!;
    expect(duplicate.text).toContain('Finds, for the example below: Step id "login" is used twice (first at line 11)');
    expect(duplicate.text).toContain('Why: Two steps with one id share an anchor and a done tick');
    expect(duplicate.text).toContain('How to fix: Give each step its own id');
  });

  it('highlights code blocks at build time with token classes the themes colour, focusable by keyboard', () => {
    const html = readFileSync(join(build.outDir, 'writing-guides/index.html'), 'utf8');
    expect(html).toMatch(
      /<pre class="language-yaml"[^>]*><code class="language-yaml"><span class="token punctuation">---<\/span>\n<span class="token key[^"]*">title<\/span>/,
    );
    expect(html).toMatch(
      /<pre class="language-md"[^>]*><code class="language-md"><span class="token tag"><span class="token tag"><span class="token punctuation">&lt;<\/span>Steps<\/span>/,
    );
    // Focusable, so a block that scrolls sideways can be scrolled by keyboard.
    const blocks = html.match(/<pre[^>]*>/g) ?? [];
    expect(blocks.length).toBeGreaterThan(5);
    expect(blocks.filter((tag) => !tag.includes(' tabindex="0"'))).toEqual([]);
    // No inline colours: they would ignore the reader's theme.
    expect(html).not.toMatch(/<pre[^>]*\sstyle=|<span[^>]*\sstyle=/);
  });

  it('builds a 404 page and leaves no broken internal link or anchor', () => {
    expect(existsSync(join(build.outDir, '404.html'))).toBe(true);
    expect(brokenReferences(build.outDir, '/')).toEqual([]);
  });

  it('passes `npm run check -- --dist` on the built site', () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'bin/check-links.ts'), '--dist'], {
      cwd: ROOT,
      env: cleanEnv({ STEPDOCS_OUT_DIR: build.outDir }),
      encoding: 'utf8',
    });
    expect(result.stdout).toMatch(/^\d+ files, 0 errors, 0 warnings/);
    expect(result.status).toBe(0);
  });
});

describe('a fixture site under a base path', () => {
  let build: BuildResult;
  beforeAll(() => {
    build = buildSite({ STEPDOCS_CONTENT_DIR: join(ROOT, 'test/fixtures/site'), STEPDOCS_BASE: '/docs/', STEPDOCS_EDIT_URL: '' });
    expect(build.output).toContain('Complete!');
  });

  it('serves every link, asset and script under the base path', () => {
    expect(brokenReferences(build.outDir, '/docs/')).toEqual([]);
    const guide = page(build.outDir, 'latest/first-guide');
    expect(guide.querySelector('link[rel="stylesheet"]')?.getAttribute('href')).toMatch(/^\/docs\/_astro\//);
    expect(guide.querySelector('a.edit-link')).toBeNull();
  });

  it('optimises raster images and keeps SVG as drawn', () => {
    const images = page(build.outDir, 'latest/first-guide').querySelectorAll('img');
    expect(images[0]!.getAttribute('src')).toMatch(/^\/docs\/_astro\/console\.[\w-]+\.webp$/);
    expect(images[0]!.getAttribute('srcset')).toMatch(/\.webp 1x, .*\.webp 2x$/);
    expect([images[0]!.getAttribute('width'), images[0]!.getAttribute('height')]).toEqual(['480', '200']);
    expect(images[0]!.getAttribute('loading')).toBe('lazy');
    expect(images[1]!.getAttribute('src')).toMatch(/^\/docs\/_astro\/flow\.[\w-]+\.svg$/);
  });

  it('orders the sidebar by section and order', () => {
    const sidebar = page(build.outDir, 'latest/first-guide')
      .querySelectorAll('nav.sidebar li a')
      .map((link) => link.text.trim());
    expect(sidebar).toEqual(['Second fixture guide', 'First fixture guide']);
  });
});

describe('broken content fails the build', () => {
  function brokenSite(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'stepdocs-broken-'));
    writeFileSync(join(dir, 'versions.json'), '[{ "id": "latest", "label": "Latest", "status": "current" }]');
    for (const [name, source] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), source);
    }
    return dir;
  }
  const frontmatter =
    '---\ntitle: Broken\ndescription: A guide with a planted defect.\nidp: Okta\nproduct: Keeper SSO Connect Cloud\nlastReviewed: 2026-01-01\nsection: Tests\n---\n';

  it('on redirects that cannot work and a guide-only field on a general page, listing every one', () => {
    const dir = brokenSite({
      'latest/a.mdx': `${frontmatter.replace('---\n', '---\nredirectFrom: [old]\n')}\nText.\n`,
      'latest/b.mdx': `${frontmatter.replace('---\n', '---\nredirectFrom: [old, a]\n')}\nText.\n`,
    });
    const result = buildSite({ STEPDOCS_CONTENT_DIR: dir });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('3 redirects cannot work:');
    expect(result.output).toMatch(
      /latest\/b\.mdx:2:1 error Old path `latest\/old\/` already redirects to `latest\/a\/` \(.*latest\/a\.mdx:2\) \(redirects\/duplicate-source\)/,
    );
    expect(result.output).toMatch(
      /latest\/b\.mdx:2:1 error Old path `latest\/a\/` is a page of the site; a redirect there would hide it \(redirects\/shadows-page\)/,
    );
    expect(result.output).not.toMatch(/\n\s+at /);
    const page = brokenSite({
      'latest/page.mdx': '---\nkind: page\ntitle: Overview\ndescription: A general page with a guide field.\nsection: Tests\nidp: Okta\n---\n\nText.\n',
    });
    const pageResult = buildSite({ STEPDOCS_CONTENT_DIR: page });
    expect(pageResult.status).not.toBe(0);
    expect(pageResult.output).toMatch(
      /latest\/page\.mdx:6:1 error Frontmatter field `idp` belongs to guides, and this is a general page \(`kind: page`\) \(frontmatter\/guide-only-field\)/,
    );
  });

  it('on a duplicate step id, with file, line, rule and hint, and no stack trace', () => {
    const dir = brokenSite({
      'latest/broken.mdx': `${frontmatter}\n<Steps>\n<Step id="a" title="A">\nx\n</Step>\n<Step id="a" title="B">\ny\n</Step>\n</Steps>\n`,
    });
    const result = buildSite({ STEPDOCS_CONTENT_DIR: dir });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(
      'broken.mdx:14:7 error Step id "a" is used twice (first at line 11) (steps/duplicate-id)\n  hint: Give each step its own id',
    );
    expect(result.output).not.toContain('Stack trace');
  });

  it('listing every failing guide at once, with code-running links and images from outside the content folder among the errors', () => {
    const steps = '<Steps>\n<Step id="a" title="A">\nx\n</Step>\n<Step id="a" title="B">\ny\n</Step>\n</Steps>\n';
    const dir = brokenSite({
      'latest/one.mdx': `${frontmatter}\n${steps}\n[Open](java&#9;script:alert(1))\n`,
      'latest/two.mdx': `${frontmatter}\n<Figure src="../../outside.svg" alt="Outside" />\n\n![Also outside](../../outside.svg)\n`,
    });
    writeFileSync(join(dir, '..', 'outside.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>');
    const result = buildSite({ STEPDOCS_CONTENT_DIR: dir });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('4 structural errors in 2 guides:');
    expect(result.output).toMatch(/latest\/one\.mdx:14:7 error Step id "a" is used twice/);
    expect(result.output).toMatch(/latest\/one\.mdx:19:1 error Link uses the `javascript:` scheme .* \(links\/unsupported-scheme\)/);
    expect(result.output).toMatch(
      /latest\/two\.mdx:10:9 error Image `\.\.\/\.\.\/outside\.svg` is outside the content folder, so it is not published \(images\/missing-file\)/,
    );
    expect(result.output).toMatch(/latest\/two\.mdx:12:1 error Image `\.\.\/\.\.\/outside\.svg` is outside the content folder/);
    expect(result.output).not.toMatch(/\n\s+at /);
    const frontmatters = brokenSite({
      'latest/a.mdx': `${frontmatter.replace('lastReviewed: 2026-01-01', 'lastReviewed: soon')}\nBody\n`,
      'latest/b.mdx': `${frontmatter.replace('section: Tests', 'section: 7')}\nBody\n`,
    });
    const both = buildSite({ STEPDOCS_CONTENT_DIR: frontmatters });
    expect(both.status).not.toBe(0);
    expect(both.output).toContain('2 frontmatter errors in 2 guides:');
  });

  it('on a wrong frontmatter field, naming the file, the field and what is expected', () => {
    const dir = brokenSite({ 'latest/broken.mdx': `${frontmatter.replace('lastReviewed: 2026-01-01', 'lastReviewed: soon')}\nBody\n` });
    const result = buildSite({ STEPDOCS_CONTENT_DIR: dir });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(
      'latest/broken.mdx:6:1 error Frontmatter field `lastReviewed` is invalid: expected a date written as YYYY-MM-DD, e.g. `lastReviewed: 2026-11-28` (frontmatter/invalid-field)',
    );
    expect(result.output).not.toContain('Stack trace');
  });

  it('on a figure whose file is missing', () => {
    const dir = brokenSite({ 'latest/broken.mdx': `${frontmatter}\n<Figure src="./images/nope.png" alt="Nothing" />\n` });
    const result = buildSite({ STEPDOCS_CONTENT_DIR: dir });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('broken.mdx:10:9 error Cannot find image file `./images/nope.png` (images/missing-file)');
  });

  it('on a last code block left open, which would swallow the figure imports', () => {
    const dir = brokenSite({
      'latest/broken.mdx': `${frontmatter}\n<Figure src="./images/a.svg" alt="A" />\n\n\`\`\`sh\necho never closed\n`,
      'latest/images/a.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>',
    });
    const result = buildSite({ STEPDOCS_CONTENT_DIR: dir });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(
      'broken.mdx:12:1 error The last code block is never closed, so it swallows the rest of the file\n  hint: end it with a line of three backticks',
    );
    expect(result.output).not.toContain('Stack trace');
  });
});

describe('a site whose current version is not called latest, built with STEPDOCS_SEARCH=off', () => {
  let dir: string;
  let build: BuildResult;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'stepdocs-alias-'));
    writeFileSync(
      join(dir, 'versions.json'),
      JSON.stringify([
        { id: '2.0', label: '2.0', status: 'current' },
        { id: '1.0', label: '1.0', status: 'supported' },
      ]),
    );
    for (const version of ['2.0', '1.0']) {
      mkdirSync(join(dir, version));
      writeFileSync(
        join(dir, version, 'guide.mdx'),
        `---\ntitle: Guide\ndescription: A guide in version ${version} of an aliased site.\nidp: Okta\nproduct: Keeper SSO Connect Cloud\nlastReviewed: 2026-01-01\nsection: Tests\n---\n\n## Heading\n\nSee [the current guide](/latest/guide/#heading).\n`,
      );
    }
    build = buildSite({ STEPDOCS_CONTENT_DIR: dir, STEPDOCS_SEARCH: 'off' });
    expect(build.status).toBe(0);
  });

  it('serves the current guides at /latest/ too, with canonical links to the versioned URL', () => {
    const alias = page(build.outDir, 'latest/guide');
    expect(alias.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://stepdocs.example/2.0/guide/');
    expect(alias.querySelector('.version-banner')).toBeNull();
    // Search lists the versioned page only: the alias has no search body.
    expect(alias.querySelector('[data-pagefind-body]')).toBeNull();
    expect(page(build.outDir, '2.0/guide').querySelector('[data-pagefind-body]')).not.toBeNull();
    expect(existsSync(join(build.outDir, 'latest/index.html'))).toBe(true);
    expect(readFileSync(join(build.outDir, 'sitemap.xml'), 'utf8')).not.toContain('/latest/');
    // The link checker knows the alias: fine from 2.0, leaving the version from 1.0.
    const check = spawnSync(process.execPath, [join(ROOT, 'bin/check-links.ts'), '--format', 'json'], {
      cwd: ROOT,
      env: cleanEnv({ STEPDOCS_CONTENT_DIR: dir }),
      encoding: 'utf8',
    });
    expect(
      JSON.parse(check.stdout).findings.map((finding: { file: string; ruleId: string }) => `${finding.file.split('/').slice(-2).join('/')} ${finding.ruleId}`),
    ).toEqual(['1.0/guide.mdx links/leaves-version']);
  });

  it('writes no search index and offers no search box', () => {
    expect(build.output).not.toContain('search index');
    expect(existsSync(join(build.outDir, 'pagefind'))).toBe(false);
    for (const path of ['2.0/guide', 'latest/guide', '']) {
      const html = page(build.outDir, path);
      expect(html.querySelector('header.site-header')).not.toBeNull();
      expect(html.querySelector('stepdocs-search')).toBeNull();
    }
    expect(brokenReferences(build.outDir, '/')).toEqual([]);
  });
});
