/** The Login URL calculator in Chromium: in the guide, on its embed page, and loaded by a third-party page. */
import { describe, expect, it } from 'vitest';
import { useBuiltSite, watch } from '../support/e2e';
import { serveStatic } from '../support/static-server';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeViolations } from '../support/axe';

const e2e = useBuiltSite();

describe('the Login URL calculator', () => {
  it('turns an SP Entity ID into the Login URL in step 4, and copies it', async () => {
    const context = await e2e.browser.newContext({ reducedMotion: 'reduce' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(e2e.site.url).origin });
    const page = await e2e.open('latest/identity-providers/jumpcloud/', { context });
    const step = page.locator('li[data-step-id="set-login-url"]');
    const input = step.getByRole('textbox', { name: 'SP Entity ID or SSO ID' });
    await input.click();
    await page.keyboard.type('https://keepersecurity.eu/api/rest/sso/saml/459561502469');
    const result = step.getByRole('group', { name: 'Login URL' });
    await expect(result.locator('code').first().textContent()).resolves.toBe('https://keepersecurity.eu/api/rest/sso/ext_login/459561502469');
    await expect(step.getByText('SSO ID 459561502469, European Union data center (keepersecurity.eu).').isVisible()).resolves.toBe(true);
    // Typing `/` inside the widget must not open the site search.
    await expect(page.getByRole('dialog', { name: 'Search the guides' }).isVisible()).resolves.toBe(false);
    // Keyboard only: Tab from the input reaches the copy button.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await step.getByRole('status').filter({ hasText: 'Copied' }).waitFor({ timeout: 5000 });
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe('https://keepersecurity.eu/api/rest/sso/ext_login/459561502469');
    await step.getByText('Other Keeper URLs for this SSO ID').click();
    await expect(step.getByText('https://keepersecurity.eu/api/rest/sso/saml/sso/459561502469').isVisible()).resolves.toBe(true);
    // The reader hears the outcome once typing pauses.
    await expect
      .poll(() => step.locator('[aria-live="polite"]').last().textContent(), { timeout: 3000 })
      .toBe('Login URL: https://keepersecurity.eu/api/rest/sso/ext_login/459561502469');
    await context.close();
  });

  it('asks for the data center when only an SSO ID is given', async () => {
    const page = await e2e.open('latest/identity-providers/jumpcloud/');
    const step = page.locator('li[data-step-id="set-login-url"]');
    await step.getByRole('textbox', { name: 'SP Entity ID or SSO ID' }).fill('459561502469');
    const regions = step.getByRole('group', { name: 'Keeper data center' });
    await expect(regions.getByRole('radio', { name: 'United States (keepersecurity.com)' }).isChecked()).resolves.toBe(true);
    await regions.getByRole('radio', { name: 'Japan (keepersecurity.jp)' }).check();
    await expect(step.getByRole('group', { name: 'Login URL' }).locator('code').first().textContent()).resolves.toBe(
      'https://keepersecurity.jp/api/rest/sso/ext_login/459561502469',
    );
    await page.context().close();
  });

  it('refuses a hostile URL with the reason, marked invalid', async () => {
    const page = await e2e.open('latest/identity-providers/jumpcloud/');
    const step = page.locator('li[data-step-id="set-login-url"]');
    const input = step.getByRole('textbox', { name: 'SP Entity ID or SSO ID' });
    await input.fill('https://keepersecurity.com@evil.example/api/rest/sso/saml/459561502469');
    await expect(step.getByText('The URL has a user name before @, so it really points at evil.example').isVisible()).resolves.toBe(true);
    await expect(input.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(step.getByRole('group', { name: 'Login URL' }).isVisible()).resolves.toBe(false);
    await expect(page.getByText('evil.example/api/rest/sso/ext_login').count()).resolves.toBe(0);
    await page.context().close();
  });

  it('works on its embed page, preset by the query string, with no axe violations', async () => {
    const page = await e2e.open('embed/login-url/?region=ca&value=459561502469');
    await expect(page.locator('header, nav, footer').count()).resolves.toBe(0);
    await expect(page.getByRole('group', { name: 'Login URL' }).locator('code').first().textContent()).resolves.toBe(
      'https://keepersecurity.ca/api/rest/sso/ext_login/459561502469',
    );
    await expect(page.locator('meta[name="robots"]').getAttribute('content')).resolves.toBe('noindex');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('works as one ES module on a third-party page, and reports its height to a parent frame', async () => {
    const thirdParty = mkdtempSync(join(tmpdir(), 'stepdocs-third-party-'));
    const moduleUrl = new URL('widgets/stepdocs-login-url.js', e2e.site.url).href;
    writeFileSync(
      join(thirdParty, 'index.html'),
      `<!doctype html><html lang="en"><head><title>Vendor page</title><script type="module" src="${moduleUrl}"></script></head><body><main><h1>Set up SSO</h1><stepdocs-login-url region="eu" value="123456"></stepdocs-login-url><iframe title="Calculator" src="${new URL('embed/login-url/', e2e.site.url).href}" width="600" height="100"></iframe></main></body></html>`,
    );
    const vendor = await serveStatic(thirdParty);
    const page = await e2e.browser.newPage();
    watch(e2e, page, [new URL(vendor.url).origin]);
    const heights: number[] = [];
    await page.exposeFunction('recordHeight', (height: number) => heights.push(height));
    await page.addInitScript(() =>
      addEventListener(
        'message',
        (event) => event.data?.type === 'stepdocs:height' && (window as unknown as { recordHeight(h: number): void }).recordHeight(event.data.height),
      ),
    );
    await page.goto(vendor.url);
    const widget = page.locator('main > stepdocs-login-url');
    await expect(widget.getByRole('group', { name: 'Login URL' }).locator('code').first().textContent()).resolves.toBe(
      'https://keepersecurity.eu/api/rest/sso/ext_login/123456',
    );
    await expect.poll(() => heights.length, { timeout: 5000 }).toBeGreaterThan(0);
    expect(heights[0]).toBeGreaterThan(150);
    await page.close();
    await vendor.close();
  });

  it('made no request to another host and threw no script error', () => {
    expect(e2e.foreignRequests).toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
  });
});
