/**
 * One built site, one static server and one Chromium per test file, with every request to another
 * host and every script error recorded so a test can assert there were none.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchBrowser } from './browser';
import { buildSite } from './build-site';
import { serveStatic, type StaticSite } from './static-server';

export interface E2E {
  browser: Browser;
  site: StaticSite;
  outDir: string;
  foreignRequests: string[];
  pageErrors: string[];
  open(path: string, options?: OpenOptions): Promise<Page>;
}

export interface OpenOptions {
  width?: number;
  colorScheme?: 'light' | 'dark';
  context?: BrowserContext;
}

export function useBuiltSite(env: Record<string, string> = {}, base = '/'): E2E {
  const state = { foreignRequests: [], pageErrors: [] } as unknown as E2E;
  beforeAll(async () => {
    const build = buildSite(env);
    expect(build.output).toContain('Complete!');
    state.outDir = build.outDir;
    state.site = await serveStatic(build.outDir, base);
    state.browser = await launchBrowser();
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.site?.close();
  });
  state.open = async (path, options = {}) => {
    const context =
      options.context ??
      (await state.browser.newContext({
        viewport: { width: options.width ?? 1280, height: 800 },
        colorScheme: options.colorScheme ?? 'light',
        reducedMotion: 'reduce',
      }));
    const page = await context.newPage();
    watch(state, page);
    await page.goto(new URL(path, state.site.url).href);
    return page;
  };
  return state;
}

/** Records requests that leave the site's origin and uncaught script errors of a page. */
export function watch(state: Pick<E2E, 'site' | 'foreignRequests' | 'pageErrors'>, page: Page, allowedOrigins: string[] = []): void {
  const origins = [new URL(state.site.url).origin, ...allowedOrigins];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && !origins.some((origin) => url.startsWith(origin))) state.foreignRequests.push(url);
  });
  page.on('pageerror', (error) => state.pageErrors.push(error.message));
}

/** One page of each of the site's page templates (the embed pages aside), by path below the site. */
export const PAGE_TEMPLATES = [
  '',
  'latest/',
  'latest/identity-providers/jumpcloud/',
  '1.0/jumpcloud/',
  'writing-guides/',
  'embedding/',
  'rules/',
  'rules/metadata/',
  'no-such-page/',
];
