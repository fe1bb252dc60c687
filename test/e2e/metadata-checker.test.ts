/** The metadata checker in Chromium: pick, drop and paste files, hostile values, a large aggregate in the worker, a third-party page. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltSite, watch } from '../support/e2e';
import { serveStatic } from '../support/static-server';
import { ROOT } from '../support/build-site';
import { idpMetadata } from '../unit/saml/fixtures';
import { axeViolations } from '../support/axe';

const e2e = useBuiltSite();
const OKTA = readFileSync(resolve(ROOT, '../shared/corpus/metadata/okta-idp-metadata.xml'));

async function openStep(): Promise<{ page: Page; requests: Request[] }> {
  const page = await e2e.open('latest/identity-providers/jumpcloud/');
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  return { page, requests };
}

describe('the metadata checker', () => {
  it('checks a picked file: verdict, findings by severity with fixes and rule links, entity summary', async () => {
    const { page, requests } = await openStep();
    const checker = page.locator('li[data-step-id="upload-jumpcloud-metadata"] stepdocs-metadata-checker');
    await expect(checker.getByText('Your file is checked here, in your browser. It is never uploaded or sent anywhere.').isVisible()).resolves.toBe(true);
    await checker.getByLabel('Or choose a file:').setInputFiles({ name: 'okta.xml', mimeType: 'application/xml', buffer: OKTA });
    const verdict = checker.locator('.verdict');
    await verdict.waitFor();
    await expect(verdict.textContent()).resolves.toBe('Identity provider (IdP) metadata: 0 errors, 0 warnings, 3 notes. Ready to upload.');
    await expect(checker.getByRole('region', { name: 'Information' }).getByRole('listitem').count()).resolves.toBe(3);
    await expect(checker.getByText('http://www.okta.com/exkppsa1qwuFV4D7z0h7').isVisible()).resolves.toBe(true);
    await expect(
      checker.getByText('D4:0D:F0:1C:CE:DE:49:D2:07:CB:6D:8A:BD:15:77:0A:4B:6E:CA:14:A8:54:48:C2:95:9A:98:F8:5D:C3:1E:D4').isVisible(),
    ).resolves.toBe(true);
    const link = checker.getByRole('link', { name: 'keeper/single-logout' });
    await expect(link.getAttribute('href')).resolves.toBe('/rules/metadata/#keeper-single-logout');
    await expect(checker.getByRole('status').textContent()).resolves.toContain('okta.xml checked.');
    // Nothing about the file left the page: the only requests after the page load are script chunks.
    const afterLoad = requests.filter((request) => !request.url().endsWith('/latest/identity-providers/jumpcloud/'));
    expect(afterLoad.every((request) => request.method() === 'GET' && request.resourceType() === 'script')).toBe(true);
    await page.context().close();
  });

  it("recognises Keeper's own SP metadata dropped onto it, and offers the Login URL", async () => {
    const { page } = await openStep();
    const checker = page.locator('li[data-step-id="upload-jumpcloud-metadata"] stepdocs-metadata-checker');
    const sp =
      '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://keepersecurity.com/api/rest/sso/saml/459561502469"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></md:EntityDescriptor>';
    const transfer = await page.evaluateHandle((xml) => {
      const data = new DataTransfer();
      data.items.add(new File([xml], 'keeper-sp.xml', { type: 'application/xml' }));
      return data;
    }, sp);
    await checker.locator('.drop').dispatchEvent('drop', { dataTransfer: transfer });
    const errors = checker.getByRole('region', { name: 'Errors' });
    await errors.waitFor();
    await expect(errors.getByText("This is Keeper's own SP metadata (SSO ID 459561502469, United States data center)").isVisible()).resolves.toBe(true);
    await expect(errors.getByText('Your Login URL is https://keepersecurity.com/api/rest/sso/ext_login/459561502469.').isVisible()).resolves.toBe(true);
    await expect(checker.locator('.verdict').textContent()).resolves.toContain('Fix the errors before uploading it.');
    await page.context().close();
  });

  it('shows an entityID with markup as text and runs nothing from the file', async () => {
    const { page } = await openStep();
    const checker = page.locator('li[data-step-id="upload-jumpcloud-metadata"] stepdocs-metadata-checker');
    const hostile = idpMetadata({ entityId: '&lt;script&gt;window.pwned=1&lt;/script&gt;&lt;img src=x onerror=&quot;window.pwned=2&quot;&gt;' });
    await checker.getByLabel('Paste metadata XML').fill(hostile);
    await checker.getByRole('button', { name: 'Check pasted XML' }).click();
    await checker.locator('.verdict').waitFor();
    await expect(checker.locator('.entity code').first().textContent()).resolves.toBe('<script>window.pwned=1</script><img src=x onerror="window.pwned=2">');
    await expect(checker.locator('script, img').count()).resolves.toBe(0);
    await expect(page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).resolves.toBeUndefined();
    await page.context().close();
  });

  it('checks a large aggregate in the Web Worker, with progress, without freezing the page', async () => {
    const { page } = await openStep();
    const checker = page.locator('li[data-step-id="upload-jumpcloud-metadata"] stepdocs-metadata-checker');
    const entity = (index: number) =>
      idpMetadata({ entityId: `https://idp${index}.example.com` })
        .replace(/^<\?xml[^>]*>\n/, '')
        .replace(' xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#"', '');
    const aggregate = `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">\n${Array.from({ length: 400 }, (_, index) => entity(index)).join('\n')}\n</md:EntitiesDescriptor>`;
    expect(aggregate.length).toBeGreaterThan(600_000);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await checker.evaluate((element) => {
      const seen: string[] = ((window as unknown as { statuses: string[] }).statuses = []);
      const status = element.shadowRoot!.querySelector('[role="status"]')!;
      new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
    });
    await checker.getByLabel('Or choose a file:').setInputFiles({ name: 'aggregate.xml', mimeType: 'application/xml', buffer: Buffer.from(aggregate) });
    await checker.locator('.verdict').waitFor({ timeout: 30_000 });
    expect(workers.length).toBe(1);
    // The published worker module, with the build's hash of the bundles so no cache serves an old one.
    expect(workers[0]).toMatch(/\/widgets\/stepdocs-metadata-worker\.js\?v=[0-9a-f]{12}$/);
    const statuses = await page.evaluate(() => (window as unknown as { statuses: string[] }).statuses);
    expect(statuses).toContain('Checking… 400 of 400 entities read');
    await expect(checker.locator('.verdict').textContent()).resolves.toMatch(/^An aggregate of several entities: 1 error/);
    await expect(checker.getByText('The file holds 400 identity providers (https://idp0.example.com').isVisible()).resolves.toBe(true);
    await expect(checker.getByText('What the file contains (first 200 of 400)').isVisible()).resolves.toBe(true);
    await page.context().close();
  });

  it('shows 20 findings of a rule and counts the rest, so an aggregate with a finding per entity renders at once', async () => {
    const { page } = await openStep();
    const checker = page.locator('li[data-step-id="upload-jumpcloud-metadata"] stepdocs-metadata-checker');
    const sso = (index: number) =>
      `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="http://idp${index}.example.com/sso"/>`;
    const entity = (index: number) =>
      idpMetadata({ entityId: `https://idp${index}.example.com`, sso: sso(index) })
        .replace(/^<\?xml[^>]*>\n/, '')
        .replace(' xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#"', '');
    const aggregate = `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">\n${Array.from({ length: 300 }, (_, index) => entity(index)).join('\n')}\n</md:EntitiesDescriptor>`;
    await checker.getByLabel('Or choose a file:').setInputFiles({ name: 'aggregate.xml', mimeType: 'application/xml', buffer: Buffer.from(aggregate) });
    await checker.locator('.verdict').waitFor({ timeout: 30_000 });
    const errors = checker.locator('section[aria-label="Errors"]');
    await expect(errors.locator('li').filter({ hasText: 'uses http; expected https' }).count()).resolves.toBe(20);
    await expect(errors.getByText('… and 280 more sso/insecure-location findings;').isVisible()).resolves.toBe(true);
    await page.context().close();
  });

  it('works on its embed page with no axe violations', async () => {
    const page = await e2e.open('embed/metadata-checker/');
    const checker = page.locator('stepdocs-metadata-checker');
    await checker.getByLabel('Or choose a file:').setInputFiles({ name: 'okta.xml', mimeType: 'application/xml', buffer: OKTA });
    await checker.locator('.verdict').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('works as an ES module on a third-party page, its worker started from the site it came from', async () => {
    const thirdParty = mkdtempSync(join(tmpdir(), 'stepdocs-third-party-'));
    const moduleUrl = new URL('widgets/stepdocs-metadata-checker.js', e2e.site.url).href;
    writeFileSync(
      join(thirdParty, 'index.html'),
      `<!doctype html><html lang="en"><head><title>Vendor page</title><script type="module" src="${moduleUrl}"></script></head><body><main><h1>Check your metadata</h1><stepdocs-metadata-checker heading-level="2"></stepdocs-metadata-checker></main></body></html>`,
    );
    const vendor = await serveStatic(thirdParty);
    const page = await e2e.browser.newPage();
    watch(e2e, page, [new URL(vendor.url).origin]);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.goto(vendor.url);
    const checker = page.locator('stepdocs-metadata-checker');
    await checker.getByLabel('Or choose a file:').setInputFiles({ name: 'okta.xml', mimeType: 'application/xml', buffer: OKTA });
    await checker.locator('.verdict').waitFor();
    await expect(checker.locator('.verdict').textContent()).resolves.toBe('Identity provider (IdP) metadata: 0 errors, 0 warnings, 3 notes. Ready to upload.');
    // The page's own origin runs a blob that imports the worker module from the site.
    expect(workers).toHaveLength(1);
    expect(workers[0]).toMatch(/^blob:/);
    await expect(checker.getByRole('link', { name: 'keeper/single-logout' }).getAttribute('href')).resolves.toBe(
      new URL('rules/metadata/#keeper-single-logout', e2e.site.url).href,
    );
    await page.close();
    await vendor.close();
  });

  it('made no request to another host and threw no script error', () => {
    expect(e2e.foreignRequests).toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
  });
});
