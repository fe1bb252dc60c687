/**
 * The docs-site features in a real Chromium: redirect pages, tabs (keyboard, sync across groups and
 * pages, no JavaScript, axe in both themes), the general page, and "Copy page as Markdown".
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../support/e2e';
import { axeViolations } from '../support/axe';

const config = join(mkdtempSync(join(tmpdir(), 'stepdocs-e2e-config-')), 'stepdocs.config.json');
writeFileSync(config, JSON.stringify({ redirects: { 'sso/login-url': 'latest/identity-providers/jumpcloud/#set-login-url' } }));
const e2e = useBuiltSite({ STEPDOCS_CONFIG: config });

const selectedTabs = (page: Page) =>
  page.locator('stepdocs-tabs').evaluateAll((groups) => groups.map((group) => group.querySelector('[role="tab"][aria-selected="true"]')?.textContent));

describe('redirects in Chromium', () => {
  it('land on the moved page, and on the step an anchored redirect names', async () => {
    const page = await e2e.open('latest/jumpcloud/');
    await page.waitForURL(/\/latest\/identity-providers\/jumpcloud\/$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('JumpCloud');
    await page.goto(new URL('sso/login-url/', e2e.site.url).href);
    await page.waitForURL(/\/latest\/identity-providers\/jumpcloud\/#set-login-url$/);
    const top = await page.locator('#set-login-url').evaluate((element) => element.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(200);
    await page.context().close();
  });

  it('land without JavaScript too', async () => {
    const context = await e2e.browser.newContext({ javaScriptEnabled: false });
    const page = await e2e.open('latest/jumpcloud/', { context });
    await page.waitForURL(/\/latest\/identity-providers\/jumpcloud\/$/);
    await context.close();
  });
});

describe('tabs in Chromium', () => {
  it('follow the WAI-ARIA tabs pattern by keyboard, sync groups with one key, and remember the choice', async () => {
    const page = await e2e.open('writing-guides/');
    const first = page.locator('stepdocs-tabs').first();
    await expect(first.getByRole('tab').allTextContents()).resolves.toEqual(['US', 'EU']);
    await expect(selectedTabs(page)).resolves.toEqual(['US', 'US']);
    await expect(first.getByRole('tabpanel').textContent()).resolves.toContain('keepersecurity.com');
    await first.getByRole('tab', { name: 'US' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('EU');
    await expect(selectedTabs(page)).resolves.toEqual(['EU', 'EU']);
    await expect(page.locator('stepdocs-tabs').nth(1).getByRole('tabpanel').textContent()).resolves.toContain('keepersecurity.eu/api/rest/sso/ext_login/');
    await page.keyboard.press('ArrowRight');
    await expect(selectedTabs(page)).resolves.toEqual(['US', 'US']);
    await page.keyboard.press('End');
    await expect(selectedTabs(page)).resolves.toEqual(['EU', 'EU']);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('role'))).resolves.toBe('tabpanel');
    await page.reload();
    await expect(selectedTabs(page)).resolves.toEqual(['EU', 'EU']);
    await page.keyboard.press('Home');
    await page.context().close();
  });

  it('show every panel with its label without JavaScript', async () => {
    const context = await e2e.browser.newContext({ javaScriptEnabled: false });
    const page = await e2e.open('writing-guides/', { context });
    const first = page.locator('stepdocs-tabs').first();
    await expect(first.locator('.tab-panel-label').allTextContents()).resolves.toEqual(['US', 'EU']);
    await expect(first.locator('.tab-panel').evaluateAll((panels) => panels.map((panel) => (panel as HTMLElement).offsetHeight > 0))).resolves.toEqual([
      true,
      true,
    ]);
    await context.close();
  });

  it('have no axe violations in either theme', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await e2e.open('writing-guides/', { colorScheme });
      await page.locator('stepdocs-tabs [role="tab"]').first().waitFor();
      expect(await axeViolations(page, 'stepdocs-tabs')).toEqual([]);
      await page.context().close();
    }
  });
});

describe('general pages and the Markdown copy in Chromium', () => {
  it('copies the page as the same Markdown as its index.md', async () => {
    const context = await e2e.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(e2e.site.url).origin });
    const page = await e2e.open('latest/overview/', { context });
    await expect(page.locator('link[rel="alternate"][type="text/markdown"]').getAttribute('href')).resolves.toBe('/latest/overview/index.md');
    await page.getByRole('button', { name: 'Copy page as Markdown' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied' }).textContent()).resolves.toBe('Copied the page as Markdown');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const file = await (await fetch(new URL('latest/overview/index.md', e2e.site.url))).text();
    expect(copied).toBe(file);
    expect(copied).toMatch(/^# SSO Connect Cloud overview\n/);
    expect(await axeViolations(page)).toEqual([]);
    expect(e2e.foreignRequests).toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
    await context.close();
  });
});
