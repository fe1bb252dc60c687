/**
 * The JumpCloud guide in a real Chromium: step ticks, deep links, theme, copy button, menu,
 * accessibility, and no request to any other host.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PAGE_TEMPLATES, useBuiltSite, watch, type OpenOptions } from '../support/e2e';
import { indexBuiltFolder } from '../support/index-folder';
import { serveStatic } from '../support/static-server';
import { axeViolations } from '../support/axe';

const e2e = useBuiltSite();
const open = (path: string, options?: OpenOptions) => e2e.open(path, options);

describe('the JumpCloud guide in Chromium', () => {
  it('keeps step ticks across reloads and counts them', async () => {
    const page = await open('latest/identity-providers/jumpcloud/');
    const progress = page.getByRole('status').filter({ hasText: 'done' });
    await expect(progress.textContent()).resolves.toBe('0 of 5 done');
    await page.getByRole('checkbox', { name: 'Done: Log in and open the SSO tab' }).check();
    await page.getByRole('checkbox', { name: 'Done: Enter the Login URL and activate' }).check();
    await expect(progress.textContent()).resolves.toBe('2 of 5 done');
    await page.reload();
    await expect(page.getByRole('checkbox', { name: 'Done: Log in and open the SSO tab' }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('checkbox', { name: 'Done: Add the Keeper application' }).isChecked()).resolves.toBe(false);
    await expect(progress.textContent()).resolves.toBe('2 of 5 done');
    await page.getByRole('button', { name: 'Clear ticks' }).click();
    await expect(progress.textContent()).resolves.toBe('0 of 5 done');
    await page.context().close();
  });

  it('reads correctly without JavaScript: numbered steps, no dead controls', async () => {
    const context = await e2e.browser.newContext({ javaScriptEnabled: false });
    const page = await open('latest/identity-providers/jumpcloud/', { context });
    await expect(page.locator('.step-number').allTextContents()).resolves.toEqual(['1', '2', '3', '4', '5']);
    await expect(page.getByRole('checkbox').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /Copy/ }).count()).resolves.toBe(0);
    await expect(page.locator('.steps-progress').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('navigation', { name: 'Guides' }).getByRole('link', { name: 'JumpCloud' }).isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('scrolls a deep link to its step', async () => {
    const page = await open('latest/identity-providers/jumpcloud/#set-login-url');
    const top = await page.locator('#set-login-url').evaluate((element) => element.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(200);
    await page.context().close();
  });

  it('toggles the dark theme and remembers it', async () => {
    const page = await open('latest/identity-providers/jumpcloud/');
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    await expect(theme()).resolves.toBe('light');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect(theme()).resolves.toBe('dark');
    await page.goto(new URL('latest/', e2e.site.url).href);
    await expect(theme()).resolves.toBe('dark');
    await expect(page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await page.context().close();
  });

  it('copies a value and confirms it', async () => {
    const context = await e2e.browser.newContext({ reducedMotion: 'reduce' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(e2e.site.url).origin });
    const page = await open('latest/identity-providers/jumpcloud/', { context });
    await page.getByRole('button', { name: 'Copy “Keeper Security Password Manager”' }).click();
    await page.getByRole('status').filter({ hasText: 'Copied' }).waitFor({ timeout: 5000 });
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe('Keeper Security Password Manager');
    await context.close();
  });

  it('opens the guide menu on a phone', async () => {
    const page = await open('latest/identity-providers/jumpcloud/', { width: 390 });
    const link = page.getByRole('navigation', { name: 'Guides' }).getByRole('link', { name: 'JumpCloud' });
    await expect(link.isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(link.isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(link.isVisible()).resolves.toBe(false);
    await page.context().close();
  });

  it.each(['light', 'dark'] as const)('has no axe violations on every page template in the %s theme', async (colorScheme) => {
    for (const path of PAGE_TEMPLATES) {
      const page = await open(path, { colorScheme });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
      expect((await axeViolations(page)).map((violation) => `${path}: ${violation}`)).toEqual([]);
      await page.context().close();
    }
  });

  it('requested nothing from another host and threw no script error', () => {
    expect(e2e.foreignRequests).toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
  });
});

describe('the version switcher in Chromium', () => {
  it('switches the JumpCloud guide to version 1.0 and back, landing on the same guide, by keyboard', async () => {
    const page = await open('latest/identity-providers/jumpcloud/');
    const switcher = page.locator('[data-version-switcher]');
    await switcher.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(switcher.getByRole('link', { name: /^1\.0/ }).isVisible()).resolves.toBe(true);
    await switcher.getByRole('link', { name: /^1\.0/ }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/1\.0\/jumpcloud\/$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('JumpCloud');
    await expect(page.getByRole('note', { name: 'Older version' }).isVisible()).resolves.toBe(true);
    await page.getByRole('link', { name: 'Read this page in the current version, Latest' }).click();
    await page.waitForURL(/\/latest\/identity-providers\/jumpcloud\/$/);
    await page.context().close();
  });

  it('closes the menu with Escape and returns focus to it', async () => {
    const page = await open('latest/identity-providers/jumpcloud/');
    const switcher = page.locator('[data-version-switcher]');
    await switcher.locator('summary').click();
    await page.keyboard.press('Escape');
    await expect(switcher.evaluate((element) => (element as HTMLDetailsElement).open)).resolves.toBe(false);
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('SUMMARY');
    await page.context().close();
  });
});

/**
 * On the JumpCloud guide of the latest version: opens search with `/` and finds the step that sets
 * the display label, scoped to Latest. Gives the dialog and the first result's link.
 */
async function searchDisplayLabel(page: Page): Promise<{ dialog: Locator; first: Locator }> {
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search the guides' });
  await expect(dialog.isVisible()).resolves.toBe(true);
  await page.keyboard.type('display label');
  const first = dialog.getByRole('list', { name: 'Search results' }).getByRole('link').first();
  await first.waitFor();
  await expect(dialog.getByRole('status').textContent()).resolves.toBe('1 result for “display label” in Latest.');
  await expect(first.getAttribute('href')).resolves.toBe('/latest/identity-providers/jumpcloud/#upload-keeper-metadata');
  return { dialog, first };
}

/** Widens an open search to every version: the display label is set in both of the site's JumpCloud guides. */
async function widenToAllVersions(dialog: Locator): Promise<void> {
  await dialog.getByRole('checkbox', { name: /All versions/ }).check();
  await expect.poll(() => dialog.getByRole('status').textContent()).toBe('2 results for “display label”.');
}

describe('search in Chromium', () => {
  it('opens with /, finds a step of the JumpCloud guide, scoped to the version, and links to the step', async () => {
    const page = await open('latest/identity-providers/jumpcloud/');
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.waitForLoadState('networkidle');
    expect(requested.filter((url) => url.includes('/pagefind/'))).toEqual([]);
    const { dialog, first } = await searchDisplayLabel(page);
    await expect(first.textContent()).resolves.toBe("JumpCloudSet the display label and upload Keeper's metadata");
    expect(requested.some((url) => url.includes('/pagefind/'))).toBe(true);
    await widenToAllVersions(dialog);
    await first.click();
    await page.waitForURL(/#upload-keeper-metadata$/);
    await page.context().close();
  });

  it('finds and links the step when the index files result fragments two pages to a file, as on a site of over 1,000 pages', async () => {
    // The built site, indexed again as its folder with pairing from two pages on.
    const outDir = mkdtempSync(join(tmpdir(), 'stepdocs-paired-'));
    cpSync(e2e.outDir, outDir, { recursive: true });
    rmSync(join(outDir, 'pagefind'), { recursive: true });
    await indexBuiltFolder(outDir, { pairFragmentsAbove: 1 });
    const fragments = readdirSync(join(outDir, 'pagefind/fragment'));
    const pages = (JSON.parse(readFileSync(join(outDir, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: { en: { page_count: number } } }).languages.en
      .page_count;
    expect(pages).toBeGreaterThan(1);
    expect(fragments.length).toBe(Math.ceil(pages / 2));
    expect(fragments.every((name) => name.startsWith('en_group_'))).toBe(true);

    const site = await serveStatic(outDir);
    try {
      const page = await (await e2e.browser.newContext({ reducedMotion: 'reduce' })).newPage();
      const state = { site, foreignRequests: [] as string[], pageErrors: [] as string[] };
      watch(state, page);
      const requested: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      await page.goto(new URL('latest/identity-providers/jumpcloud/', site.url).href);
      await widenToAllVersions((await searchDisplayLabel(page)).dialog);
      expect(requested.filter((url) => url.includes('/pagefind/fragment/')).every((url) => url.includes('/en_group_'))).toBe(true);
      expect(requested.some((url) => url.includes('/pagefind/fragment/en_group_'))).toBe(true);
      expect(state.pageErrors).toEqual([]);
      expect(state.foreignRequests).toEqual([]);
      await page.context().close();
    } finally {
      await site.close();
      rmSync(outDir, { recursive: true, force: true });
    }
  });

  it('opens with Ctrl+K and has no axe violations while open, in both themes', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await open('1.0/jumpcloud/', { colorScheme });
      await page.keyboard.press('Control+k');
      await page.keyboard.type('enterprise sso');
      await page.getByRole('list', { name: 'Search results' }).getByRole('link').first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog').isVisible()).resolves.toBe(false);
      await page.context().close();
    }
  });
});
