import { launchBrowser } from './browser.ts';
const [url, out, width, theme, full] = process.argv.slice(2);
const browser = await launchBrowser();
const page = await browser.newPage({
  viewport: { width: Number(width ?? 1280), height: 900 },
  colorScheme: (theme as 'light' | 'dark' | undefined) ?? 'light',
  reducedMotion: 'reduce',
});
page.on('console', (m) => console.log('console:', m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(url!);
await page.waitForTimeout(300);
await page.screenshot({ path: out!, fullPage: full === 'full' });
await browser.close();
