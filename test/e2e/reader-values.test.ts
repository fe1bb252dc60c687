/**
 * "Your values" in a real Chromium: the reader gives their data center and SSO ID once, and every
 * Keeper URL of every guide shows them; privately (no request carries them, nothing in the URL),
 * kept per tab unless remembered, cleared on demand, and printed as a filled-in runbook.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { computeLoginUrl } from '../../src/lib/keeper/login-url';
import { STORAGE_KEY } from '../../src/lib/keeper/stored-values';
import { useBuiltSite } from '../support/e2e';
import { axeViolations } from '../support/axe';

const e2e = useBuiltSite();
const JUMPCLOUD = 'latest/identity-providers/jumpcloud/';
const OVERVIEW = 'latest/overview/';
const SSO_ID = '459561502469';
const EU_ENTITY_ID = `https://keepersecurity.eu/api/rest/sso/saml/${SSO_ID}`;

async function newContext(): Promise<BrowserContext> {
  const context = await e2e.browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(e2e.site.url).origin });
  return context;
}

/** A page of the site in a tab of `context`, with every request it makes recorded. */
async function openIn(context: BrowserContext, path: string): Promise<{ page: Page; requests: string[] }> {
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(`${request.method()} ${request.url()} ${request.postData() ?? ''}`));
  page.on('pageerror', (error) => e2e.pageErrors.push(error.message));
  await page.goto(new URL(path, e2e.site.url).href);
  return { page, requests };
}

const panelOf = (page: Page) => page.locator('stepdocs-values-panel');
const loginUrlInStep4 = (page: Page) => page.locator('li[data-step-id="set-login-url"] .copy .reader-value');

async function giveValues(page: Page, entityId = EU_ENTITY_ID): Promise<void> {
  await panelOf(page).getByRole('textbox', { name: 'SP Entity ID or SSO ID' }).fill(entityId);
  await expect.poll(() => loginUrlInStep4(page).textContent()).not.toContain('<SSO ID>');
}

describe("the reader's values in Chromium", () => {
  it('fills step 4 and a second guide after the panel is filled once, and copy buttons copy the filled value', async () => {
    const context = await newContext();
    const { page, requests } = await openIn(context, JUMPCLOUD);
    await expect(loginUrlInStep4(page).textContent()).resolves.toBe('https://keepersecurity.com/api/rest/sso/ext_login/<SSO ID>');
    await giveValues(page);
    await expect(loginUrlInStep4(page).textContent()).resolves.toBe(`https://keepersecurity.eu/api/rest/sso/ext_login/${SSO_ID}`);
    await expect(page.locator('.reader-value[data-reader-value="console"]').textContent()).resolves.toBe('https://keepersecurity.eu/console');
    await expect(panelOf(page).getByRole('combobox', { name: 'Keeper data center' }).inputValue()).resolves.toBe('eu');
    await expect(panelOf(page).locator('.values-summary').textContent()).resolves.toBe(`Filled in below: European Union data center, SSO ID ${SSO_ID}.`);

    await page
      .locator('li[data-step-id="set-login-url"]')
      .getByRole('button', { name: /^Copy “https:\/\/keepersecurity\.eu/ })
      .click();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(`https://keepersecurity.eu/api/rest/sso/ext_login/${SSO_ID}`);

    // Another guide in the same tab: its values code block is filled from the same values.
    await page.goto(new URL(OVERVIEW, e2e.site.url).href);
    const block = page.locator('stepdocs-values-code code');
    await expect(block.textContent()).resolves.toBe(
      `SP Entity ID: https://keepersecurity.eu/api/rest/sso/saml/${SSO_ID}\nLogin URL:    https://keepersecurity.eu/api/rest/sso/ext_login/${SSO_ID}`,
    );

    // Private: the values are in no URL and in no request, and nothing left the site.
    expect(page.url()).not.toContain(SSO_ID);
    expect(requests.filter((request) => request.includes(SSO_ID) || request.includes('keepersecurity.eu'))).toEqual([]);
    expect(requests.filter((request) => !request.split(' ')[1]!.startsWith(e2e.site.url))).toEqual([]);
    await context.close();
  });

  it('keeps values for this tab only, unless "Remember on this device" is ticked; "Clear my values" empties both storages', async () => {
    const context = await newContext();
    const first = await openIn(context, JUMPCLOUD);
    await giveValues(first.page);
    await first.page.reload();
    await expect(loginUrlInStep4(first.page).textContent()).resolves.toContain(SSO_ID);
    // A new tab has its own sessionStorage: not remembered, so the generic form.
    const second = await openIn(context, JUMPCLOUD);
    await expect(loginUrlInStep4(second.page).textContent()).resolves.toBe('https://keepersecurity.com/api/rest/sso/ext_login/<SSO ID>');
    await expect(second.page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).resolves.toBeNull();

    await panelOf(first.page).getByRole('checkbox', { name: 'Remember on this device' }).check();
    await expect(first.page.evaluate((key) => [localStorage.getItem(key) !== null, sessionStorage.getItem(key)], STORAGE_KEY)).resolves.toEqual([true, null]);
    const third = await openIn(context, OVERVIEW);
    await expect(third.page.locator('stepdocs-values-code code').textContent()).resolves.toContain(
      `https://keepersecurity.eu/api/rest/sso/ext_login/${SSO_ID}`,
    );
    await expect(panelOf(third.page).getByRole('checkbox', { name: 'Remember on this device' }).isChecked()).resolves.toBe(true);

    await panelOf(third.page).getByRole('button', { name: 'Clear my values' }).click();
    await expect(third.page.evaluate((key) => [localStorage.getItem(key), sessionStorage.getItem(key)], STORAGE_KEY)).resolves.toEqual([null, null]);
    await expect(third.page.locator('stepdocs-values-code code').textContent()).resolves.toBe(
      'SP Entity ID: https://keepersecurity.com/api/rest/sso/saml/<SSO ID>\nLogin URL:    https://keepersecurity.com/api/rest/sso/ext_login/<SSO ID>',
    );
    await expect(third.page.getByRole('status').filter({ hasText: 'cleared' }).textContent()).resolves.toBe('Your values were cleared from this browser.');
    const fourth = await openIn(context, JUMPCLOUD);
    await expect(loginUrlInStep4(fourth.page).textContent()).resolves.toContain('<SSO ID>');
    await context.close();
  });

  it('refuses what the calculator refuses, with its message, and keeps the previous values', async () => {
    const context = await newContext();
    const { page } = await openIn(context, JUMPCLOUD);
    await giveValues(page);
    const input = panelOf(page).getByRole('textbox', { name: 'SP Entity ID or SSO ID' });
    for (const bad of [
      'https://keepersecurity.com.evil.example/api/rest/sso/saml/1',
      'javascript:alert(document.cookie)',
      'https://admin@keepersecurity.com/api/rest/sso/saml/1',
    ]) {
      await input.fill(bad);
      const error = panelOf(page).locator('#values-keeper-error');
      await expect.poll(() => error.textContent()).toBe((computeLoginUrl(bad) as { message: string }).message.replaceAll('`', ''));
      await expect(error.locator('code').count()).resolves.toBeGreaterThan(0);
      await expect(input.getAttribute('aria-invalid')).resolves.not.toBeNull();
      await expect(input.getAttribute('aria-describedby')).resolves.toBe('values-keeper-help values-keeper-error');
      await expect(loginUrlInStep4(page).textContent()).resolves.toBe(`https://keepersecurity.eu/api/rest/sso/ext_login/${SSO_ID}`);
    }
    expect(await axeViolations(page, 'stepdocs-values-panel')).toEqual([]);
    await context.close();
  });

  it('discards stored values that no longer parse, with a note, and inserts stored text as text', async () => {
    const context = await newContext();
    const { page } = await openIn(context, JUMPCLOUD);
    await page.evaluate(
      (key) => localStorage.setItem(key, JSON.stringify({ format: 1, region: 'us', ssoId: '<img src=x onerror="window.pwned=1">' })),
      STORAGE_KEY,
    );
    await page.reload();
    await expect(panelOf(page).locator('.values-status').textContent()).resolves.toBe(
      'Saved values from an earlier visit could not be read and were removed; enter them again.',
    );
    await expect(page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).resolves.toBeNull();
    await expect(loginUrlInStep4(page).textContent()).resolves.toContain('<SSO ID>');

    await page.evaluate(
      (key) => localStorage.setItem(key, JSON.stringify({ format: 1, region: 'us', ssoId: '7', providerName: '<img src=x onerror="window.pwned=1">' })),
      STORAGE_KEY,
    );
    await page.reload();
    await expect(panelOf(page).locator('.values-summary').textContent()).resolves.toBe(
      'Filled in below: United States data center, SSO ID 7, <img src=x onerror="window.pwned=1">.',
    );
    await expect(panelOf(page).locator('.values-summary img').count()).resolves.toBe(0);
    await expect(page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).resolves.toBeUndefined();
    await context.close();
  });

  it('is fed by the Login URL calculator, and feeds the metadata checker', async () => {
    const context = await newContext();
    const { page } = await openIn(context, JUMPCLOUD);
    await page
      .locator('li[data-step-id="set-login-url"] stepdocs-login-url')
      .getByRole('textbox', { name: 'SP Entity ID or SSO ID' })
      .fill(`https://keepersecurity.com/api/rest/sso/saml/${SSO_ID}`);
    await expect.poll(() => loginUrlInStep4(page).textContent()).toBe(`https://keepersecurity.com/api/rest/sso/ext_login/${SSO_ID}`);
    await expect(panelOf(page).getByRole('textbox', { name: 'SP Entity ID or SSO ID' }).inputValue()).resolves.toBe(
      `https://keepersecurity.com/api/rest/sso/saml/${SSO_ID}`,
    );

    const checker = page.locator('li[data-step-id="upload-jumpcloud-metadata"] stepdocs-metadata-checker');
    const someoneElses = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://keepersecurity.com/api/rest/sso/saml/111111111111"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://keepersecurity.com/api/rest/sso/saml/sso/111111111111" index="0"/></md:SPSSODescriptor></md:EntityDescriptor>`;
    await checker.getByLabel('Or choose a file:').setInputFiles({ name: 'keeper-sp.xml', mimeType: 'application/xml', buffer: Buffer.from(someoneElses) });
    await checker.locator('.verdict').waitFor();
    await expect(
      checker
        .getByText(`This Keeper SP metadata belongs to SSO ID 111111111111 on keepersecurity.com, not to yours (SSO ID ${SSO_ID} on keepersecurity.com)`)
        .count(),
    ).resolves.toBe(1);
    await context.close();
  });

  it('prints a filled-in runbook: values filled, done ticks as checkboxes, no inputs or navigation', async () => {
    const context = await newContext();
    const { page } = await openIn(context, JUMPCLOUD);
    await giveValues(page);
    await page.getByRole('checkbox', { name: 'Done: Log in and open the SSO tab' }).check();
    await page.emulateMedia({ media: 'print' });
    const visible = (selector: string) =>
      page
        .locator(selector)
        .evaluateAll(
          (elements) =>
            elements.filter(
              (element) =>
                (element as HTMLElement).offsetParent !== null || (getComputedStyle(element).display !== 'none' && element.getClientRects().length > 0),
            ).length,
        );
    await expect(page.locator('article').textContent()).resolves.toContain(`https://keepersecurity.eu/api/rest/sso/ext_login/${SSO_ID}`);
    await expect(visible('.values-form input, .values-form select, stepdocs-login-url, stepdocs-metadata-checker, .sidebar, .site-header, .toc')).resolves.toBe(
      0,
    );
    await expect(visible('.step-done input')).resolves.toBe(5);
    await expect(page.getByRole('checkbox', { name: 'Done: Log in and open the SSO tab' }).isChecked()).resolves.toBe(true);
    await expect(page.locator('.values-summary').isVisible()).resolves.toBe(true);
    await expect(
      page
        .locator('.step')
        .first()
        .evaluate((element) => getComputedStyle(element).breakInside),
    ).resolves.toBe('avoid');
    // Links print their target in full.
    await expect(
      page
        .locator('.prose a[href^="https://docs.keeper.io"]')
        .first()
        .evaluate((element) => getComputedStyle(element, '::after').content),
    ).resolves.toMatch(/^" <https:\/\/docs\.keeper\.io\//);
    const pdf = await page.pdf();
    expect(pdf.length).toBeGreaterThan(10_000);
    await context.close();
  });

  it('shows the generic form without JavaScript, with no panel', async () => {
    const context = await e2e.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL(JUMPCLOUD, e2e.site.url).href);
    await expect(loginUrlInStep4(page).textContent()).resolves.toBe('https://keepersecurity.com/api/rest/sso/ext_login/<SSO ID>');
    await expect(panelOf(page).locator('section').isVisible()).resolves.toBe(false);
    await context.close();
  });

  it.each(['light', 'dark'] as const)('has no axe violations with the panel open and filled in the %s theme', async (colorScheme) => {
    const page = await e2e.open(JUMPCLOUD, { colorScheme });
    await giveValues(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('fills 100 placeholders within one frame (16 ms)', async () => {
    const page = await e2e.open(JUMPCLOUD);
    await page.evaluate(() => {
      const prose = document.querySelector('.prose')!;
      for (let index = 0; index < 100; index += 1) {
        const span = document.createElement('span');
        span.className = 'reader-value';
        span.dataset.readerValue = ['loginUrl', 'acs', 'spEntityId', 'console', 'ssoId'][index % 5]!;
        prose.append(span);
      }
      performance.clearMeasures('stepdocs-values-fill');
    });
    await giveValues(page);
    const durations = await page.evaluate(() => performance.getEntriesByName('stepdocs-values-fill').map((entry) => entry.duration));
    await expect(page.locator('.prose > .reader-value[data-reader-value="acs"]').first().textContent()).resolves.toBe(
      `https://keepersecurity.eu/api/rest/sso/saml/sso/${SSO_ID}`,
    );
    const slowest = Math.max(...durations);
    console.log(`filling ${await page.locator('[data-reader-value]').count()} placeholders: slowest of ${durations.length} fills ${slowest.toFixed(2)} ms`);
    expect(slowest).toBeLessThan(16);
    await page.context().close();
  });

  it('requested nothing from another host and threw no script error', () => {
    expect(e2e.foreignRequests).toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
  });
});
