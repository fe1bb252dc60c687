/**
 * Finds a Chromium for browser tests: `CHROMIUM_PATH` when set, else the build that
 * `@sparticuz/chromium` ships inside its npm package, so `npm install` alone is enough on Linux.
 * Never skips: with no usable browser it throws saying how to get one.
 */
import { existsSync } from 'node:fs';
import { chromium as playwright, type Browser } from 'playwright-core';

const HOW_TO_GET_ONE =
  'Browser tests need Chromium. Run `npm install` (it brings @sparticuz/chromium on Linux x64/arm64), ' +
  'or set CHROMIUM_PATH to a Chromium or Chrome binary (e.g. CHROMIUM_PATH=/usr/bin/chromium after `apt-get install chromium`).';

const UNSAFE_FOR_TESTS = [
  '--single-process',
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--disable-site-isolation-trials',
  '--disable-features=',
];

const QUIET_FLAGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export async function launchBrowser(): Promise<Browser> {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    if (!existsSync(override)) throw new Error(`CHROMIUM_PATH is set to \`${override}\`, which does not exist. ${HOW_TO_GET_ONE}`);
    return playwright.launch({ executablePath: override, args: ['--no-sandbox', '--headless=new', ...QUIET_FLAGS] });
  }
  let executablePath: string;
  let args: string[];
  try {
    const { default: sparticuz } = await import('@sparticuz/chromium');
    executablePath = await sparticuz.executablePath();
    // Its Lambda-oriented flags include --single-process (one page at a time, crashes with several
    // contexts) and --disable-web-security (hides real CORS and clipboard behaviour): keep the rest.
    args = [...sparticuz.args.filter((flag) => !UNSAFE_FOR_TESTS.some((unsafe) => flag.startsWith(unsafe))), ...QUIET_FLAGS];
  } catch (error) {
    throw new Error(`No Chromium found (${error instanceof Error ? error.message : String(error)}). ${HOW_TO_GET_ONE}`);
  }
  try {
    return await playwright.launch({ executablePath, args });
  } catch (error) {
    throw new Error(
      `Chromium at \`${executablePath}\` did not start (${error instanceof Error ? error.message.split('\n')[0] : String(error)}). ${HOW_TO_GET_ONE}`,
    );
  }
}
