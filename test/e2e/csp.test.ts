/**
 * The site and the widgets under a strict Content-Security-Policy, in Chromium: the built site served
 * with the headers of its own `_headers` file, and a vendor page on a second origin with a strict
 * policy of its own, embedding the widgets as SRI-pinned modules and as an iframe. Every
 * `securitypolicyviolation` is recorded; there must be none, and the widgets must carry their styles.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile, type HeaderRule } from '../../src/lib/security-headers';
import { launchBrowser } from '../support/browser';
import { buildSite } from '../support/build-site';
import { serveStatic, type StaticSite } from '../support/static-server';
import { axeViolations } from '../support/axe';
import { PAGE_TEMPLATES } from '../support/e2e';

const OKTA = readFileSync(join(import.meta.dirname, '../../../shared/corpus/metadata/okta-idp-metadata.xml'));

let browser: Browser;
let outDir: string;
let rules: HeaderRule[];
let site: StaticSite;
let vendor: StaticSite;
let third: StaticSite;
const pageErrors: string[] = [];

/** Records every CSP violation of a page, from before its first script runs. */
async function strictPage(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await browser.newContext({ colorScheme, reducedMotion: 'reduce', viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { violations: string[] }).violations.push(
        `${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
      ),
    );
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return page;
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { violations: string[] }).violations);

/** The vendor's strict policy, as the Embedding page gives it: its own files, the site's modules, worker and frames. */
function vendorPolicy(siteOrigin: string): string {
  return `default-src 'self'; script-src 'self' ${siteOrigin}; style-src 'self'; img-src 'self'; worker-src blob: ${siteOrigin}; frame-src ${siteOrigin}; object-src 'none'; base-uri 'self'`;
}

beforeAll(async () => {
  const build = buildSite();
  expect(build.output).toContain('Complete!');
  outDir = build.outDir;
  rules = parseHeadersFile(readFileSync(join(outDir, '_headers'), 'utf8'));
  site = await serveStatic(outDir, '/', rules);
  const siteOrigin = new URL(site.url).origin;
  const manifest = JSON.parse(readFileSync(join(outDir, 'widgets/manifest.json'), 'utf8')) as {
    modules: Record<string, { immutable: string; integrity: string }>;
  };
  const pinned = (name: string) =>
    `<script type="module" src="${new URL(manifest.modules[name]!.immutable, site.url).href}" integrity="${manifest.modules[name]!.integrity}" crossorigin="anonymous"></script>`;

  const thirdDir = mkdtempSync(join(tmpdir(), 'stepdocs-third-origin-'));
  writeFileSync(
    join(thirdDir, 'index.html'),
    '<!doctype html><html lang="en"><head><title>Other</title><script src="post.js"></script></head><body>Other</body></html>',
  );
  writeFileSync(join(thirdDir, 'post.js'), "parent.postMessage({ type: 'stepdocs:height', height: 5 }, '*');");
  third = await serveStatic(thirdDir);

  const vendorDir = mkdtempSync(join(tmpdir(), 'stepdocs-vendor-'));
  vendor = await serveStatic(vendorDir, '/', [
    { path: '/*', headers: [['Content-Security-Policy', vendorPolicy(siteOrigin).replace('frame-src ', `frame-src ${new URL(third.url).origin} `)]] },
  ]);
  writeFileSync(
    join(vendorDir, 'vendor.css'),
    'body { font-family: Georgia, serif; } .themed { --stepdocs-accent: rgb(109, 40, 217); --stepdocs-radius: 2px; }',
  );
  writeFileSync(
    join(vendorDir, 'vendor.js'),
    "window.events = []; window.messages = []; for (const name of ['stepdocs-login-url', 'stepdocs-metadata-check']) document.addEventListener(name, (event) => window.events.push({ name, detail: JSON.parse(JSON.stringify(event.detail)) })); addEventListener('message', (event) => window.messages.push({ origin: event.origin, data: event.data }));",
  );
  writeFileSync(
    join(vendorDir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Vendor admin</title><link rel="stylesheet" href="vendor.css"><script src="vendor.js"></script>
${pinned('stepdocs-login-url')}
${pinned('stepdocs-metadata-checker')}
${pinned('stepdocs-embed')}
</head><body><main><h1>Set up SSO</h1>
<stepdocs-login-url heading-level="2"></stepdocs-login-url>
<div class="themed"><stepdocs-login-url id="themed" heading-level="2" theme="dark" value="459561502469"></stepdocs-login-url></div>
<stepdocs-metadata-checker heading-level="2"></stepdocs-metadata-checker>
<iframe id="frame" data-stepdocs-embed height="100" title="Keeper Login URL calculator" src="${new URL(`embed/login-url/?parent-origin=${encodeURIComponent(new URL(vendor.url).origin)}`, site.url).href}"></iframe>
<iframe id="other" title="Another site" height="50" src="${third.url}"></iframe>
</main></body></html>`,
  );
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([site?.close(), vendor?.close(), third?.close()]);
});

describe('the site under its own Content-Security-Policy', () => {
  it('serves the policy of its _headers file: strict resources, framing by the site only, /embed/ framable', async () => {
    const page = await strictPage();
    const response = await page.goto(new URL('latest/identity-providers/jumpcloud/', site.url).href);
    const csp = response!.headers()['content-security-policy']!;
    expect(csp).toBe(headersFor('/latest/identity-providers/jumpcloud/', rules).get('Content-Security-Policy'));
    expect(csp).toMatch(/^default-src 'self'; script-src 'self' 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'; style-src 'self';/);
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response!.headers()['x-content-type-options']).toBe('nosniff');
    expect(response!.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
    const embed = await page.goto(new URL('embed/login-url/', site.url).href);
    expect(embed!.headers()['content-security-policy']).toContain('frame-ancestors *');
    expect(embed!.headers()['content-security-policy']).not.toContain("frame-ancestors 'self'");
    await page.context().close();
  });

  it.each(['light', 'dark'] as const)(
    'shows no violation on any page template in the %s theme, with search open and both widgets used',
    async (colorScheme) => {
      for (const path of [...PAGE_TEMPLATES, 'embed/login-url/', 'embed/metadata-checker/']) {
        const page = await strictPage(colorScheme);
        await page.goto(new URL(path, site.url).href);
        if (path === 'latest/identity-providers/jumpcloud/') {
          await page.keyboard.press('/');
          await page.keyboard.type('display label');
          await page.getByRole('dialog', { name: 'Search the guides' }).getByRole('list', { name: 'Search results' }).getByRole('link').first().waitFor();
          await page.keyboard.press('Escape');
          await page.locator('stepdocs-login-url').getByRole('textbox', { name: 'SP Entity ID or SSO ID' }).fill('459561502469');
          const checker = page.locator('stepdocs-metadata-checker');
          await checker.getByLabel('Or choose a file:').setInputFiles({ name: 'okta.xml', mimeType: 'application/xml', buffer: OKTA });
          await checker.locator('.verdict').waitFor();
        }
        if (path === 'embedding/') await page.locator('stepdocs-embed-playground input[name="accent"]').fill('#6d28d9');
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
        await expect(violations(page), path).resolves.toEqual([]);
        await page.context().close();
      }
    },
  );

  it('keeps the axe checks clean on the Embedding page in both themes', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await strictPage(colorScheme);
      await page.goto(new URL('embedding/', site.url).href);
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    }
  });
});

describe('a vendor page on another origin with a strict policy', () => {
  let page: Page;
  beforeAll(async () => {
    page = await strictPage();
    await page.goto(vendor.url);
    await page.locator('stepdocs-login-url').first().getByRole('textbox', { name: 'SP Entity ID or SSO ID' }).waitFor();
  });

  it('runs the SRI-pinned widgets with their own styles and no violation', async () => {
    const calculator = page.locator('stepdocs-login-url').first();
    await calculator.getByRole('textbox', { name: 'SP Entity ID or SSO ID' }).fill('https://keepersecurity.eu/api/rest/sso/saml/459561502469');
    await expect(calculator.locator('[part="login-url"]').textContent()).resolves.toBe('https://keepersecurity.eu/api/rest/sso/ext_login/459561502469');
    const input = await calculator.locator('[part="input"]').evaluate((element) => {
      const style = getComputedStyle(element);
      return { radius: style.borderTopLeftRadius, font: style.fontFamily, padding: style.paddingLeft, width: element.getBoundingClientRect().width };
    });
    expect(input.radius).toBe('6px');
    expect(input.font).toContain('monospace');
    expect(input.padding).toBe('9.6px');
    expect(input.width).toBeGreaterThan(300);
    const panel = await calculator
      .locator('[part="panel"]')
      .evaluate((element) => ({ padding: getComputedStyle(element).paddingTop, border: getComputedStyle(element).borderTopStyle }));
    expect(panel).toEqual({ padding: '16px', border: 'solid' });
    await expect(calculator.locator('[part~="copy-button"]').evaluate((element) => getComputedStyle(element).backgroundColor)).resolves.toBe(
      'rgb(31, 95, 191)',
    );
    // The host page's font is inherited, as documented: the widget is not left with the browser's default styles.
    await expect(calculator.locator('[part="panel"]').evaluate((element) => getComputedStyle(element).fontFamily)).resolves.toBe('Georgia, serif');
    await expect(violations(page)).resolves.toEqual([]);
  });

  it("takes the vendor's theme: custom properties and the dark palette", async () => {
    const themed = page.locator('#themed');
    await expect(themed.locator('[part~="copy-button"]').evaluate((element) => getComputedStyle(element).backgroundColor)).resolves.toBe('rgb(109, 40, 217)');
    await expect(themed.locator('[part="input"]').evaluate((element) => getComputedStyle(element).borderTopLeftRadius)).resolves.toBe('2px');
    await expect(themed.locator('[part="panel"]').evaluate((element) => getComputedStyle(element).backgroundColor)).resolves.toBe('rgb(20, 23, 28)');
  });

  it('dispatches the documented events with their payloads', async () => {
    const events = () => page.evaluate(() => (window as unknown as { events: Array<{ name: string; detail: Record<string, unknown> }> }).events);
    await page
      .locator('stepdocs-login-url')
      .first()
      .getByRole('textbox', { name: 'SP Entity ID or SSO ID' })
      .fill('https://keepersecurity.eu/api/rest/sso/saml/459561502469');
    const login = (await events()).filter((event) => event.name === 'stepdocs-login-url').at(-1)!;
    expect(login.detail).toEqual({
      ok: true,
      ssoId: '459561502469',
      region: { id: 'eu', label: 'European Union', host: 'keepersecurity.eu' },
      regionSource: 'input',
      input: 'sp-entity-id',
      urls: {
        spEntityId: 'https://keepersecurity.eu/api/rest/sso/saml/459561502469',
        acs: 'https://keepersecurity.eu/api/rest/sso/saml/sso/459561502469',
        slo: 'https://keepersecurity.eu/api/rest/sso/saml/slo/459561502469',
        metadata: 'https://keepersecurity.eu/api/rest/sso/saml/metadata/459561502469',
        loginUrl: 'https://keepersecurity.eu/api/rest/sso/ext_login/459561502469',
      },
      notes: [],
    });
    await page.locator('stepdocs-login-url').first().getByRole('textbox', { name: 'SP Entity ID or SSO ID' }).fill('javascript:alert(1)');
    const refusal = (await events()).filter((event) => event.name === 'stepdocs-login-url').at(-1)!;
    expect(refusal.detail).toMatchObject({ ok: false, code: 'dangerous-scheme' });
    expect(typeof refusal.detail.message).toBe('string');

    const checker = page.locator('stepdocs-metadata-checker');
    await checker.getByLabel('Or choose a file:').setInputFiles({ name: 'okta.xml', mimeType: 'application/xml', buffer: OKTA });
    await checker.locator('[part="verdict"]').waitFor();
    const check = (await events()).find((event) => event.name === 'stepdocs-metadata-check')!;
    expect(check.detail).toMatchObject({ file: 'okta.xml', verdict: 'ok', kind: 'idp', counts: { error: 0, warning: 0, info: 3 }, entityCount: 1 });
    expect((check.detail.entities as Array<{ roles: string[] }>)[0]!.roles).toEqual(['IdP']);
    await expect(violations(page)).resolves.toEqual([]);
  });

  it('validates attributes: a bad value is ignored with a console warning naming it, properties reflect attributes', async () => {
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await page.evaluate(() => {
      const element = document.querySelector('stepdocs-login-url')!;
      element.setAttribute('region', 'mars');
      (element as unknown as { theme: string }).theme = 'neon';
    });
    await expect
      .poll(() => warnings)
      .toEqual([
        '<stepdocs-login-url>: ignoring region="mars"; expected us, eu, au, ca, jp, gov.',
        '<stepdocs-login-url>: ignoring theme="neon"; expected light, dark, auto.',
      ]);
    await expect(page.evaluate(() => document.querySelector('stepdocs-login-url')!.getAttribute('theme'))).resolves.toBe('neon');
    await expect(page.evaluate(() => (document.querySelector('stepdocs-metadata-checker') as unknown as { headingLevel: string }).headingLevel)).resolves.toBe(
      '2',
    );
  });

  it("resizes the iframe through embed.js from height-only messages sent to the vendor's origin, and ignores a third origin", async () => {
    await expect.poll(() => page.locator('#frame').getAttribute('height')).not.toBe('100');
    const height = Number(await page.locator('#frame').getAttribute('height'));
    expect(height).toBeGreaterThan(250);
    const messages = await page.evaluate(() => (window as unknown as { messages: Array<{ origin: string; data: Record<string, unknown> }> }).messages);
    const fromSite = messages.filter((message) => message.origin === new URL(site.url).origin);
    expect(fromSite.length).toBeGreaterThan(0);
    for (const message of fromSite) expect(Object.keys(message.data).sort()).toEqual(['height', 'type']);
    // The third origin's frame did post a height; nothing took it.
    expect(messages.some((message) => message.origin === new URL(third.url).origin)).toBe(true);
    await expect(page.locator('#other').getAttribute('height')).resolves.toBe('50');
    await page.evaluate(() => window.postMessage({ type: 'stepdocs:height', height: 7 }, '*'));
    await page.waitForTimeout(100);
    await expect(page.locator('#frame').getAttribute('height')).resolves.toBe(String(height));
    await expect(violations(page)).resolves.toEqual([]);
  });

  it("sends the embed page's height to no one when the parent origin is not the embedding page", async () => {
    const other = await strictPage();
    await other.goto(vendor.url);
    await other.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.id = 'wrong';
      frame.title = 'Wrong origin';
      frame.dataset.stepdocsEmbed = '';
      frame.height = '100';
      frame.src = src;
      document.body.append(frame);
    }, new URL('embed/login-url/?parent-origin=https%3A%2F%2Fadmin.example.com', site.url).href);
    await other.waitForTimeout(1500);
    await expect(other.locator('#wrong').getAttribute('height')).resolves.toBe('100');
    await other.context().close();
  });

  it('threw no script error anywhere', () => {
    expect(pageErrors).toEqual([]);
  });
});
