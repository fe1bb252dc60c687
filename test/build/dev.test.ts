/** `npm run dev` serves the guides and logs no error, and shows a guide's error in the browser until it is fixed. */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { cleanEnv, ROOT } from '../support/build-site';
import { launchBrowser } from '../support/browser';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

it('serves the JumpCloud guide and the widget modules in development without logging an error', async () => {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: cleanEnv({ STEPDOCS_CACHE_DIR: mkdtempSync(join(tmpdir(), 'stepdocs-dev-')) }),
  });
  // A cache folder of its own, so the test does not share a content store with builds.
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  try {
    const deadline = Date.now() + 60_000;
    while (!/ready in/.test(log) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(log).toMatch(/ready in/);
    for (const path of ['/latest/identity-providers/jumpcloud/', '/1.0/jumpcloud/', '/writing-guides/']) {
      const response = await fetch(`http://127.0.0.1:${port}${path}`);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toMatch(/<h1[\s>]/);
    }
    // The published widget modules are served at their production URLs, built on request; the
    // guide's pages load the same modules.
    const guide = await (await fetch(`http://127.0.0.1:${port}/latest/identity-providers/jumpcloud/`)).text();
    for (const name of ['stepdocs-login-url', 'stepdocs-metadata-checker']) {
      expect(guide).toContain(`<script type="module" src="/widgets/${name}.js?v=dev"></script>`);
      const module = await fetch(`http://127.0.0.1:${port}/widgets/${name}.js?v=dev`);
      expect(module.status, name).toBe(200);
      expect(await module.text(), name).toContain('customElements');
    }
    const worker = await fetch(`http://127.0.0.1:${port}/widgets/stepdocs-metadata-worker.js?v=dev`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toContain('text/javascript');
    expect(await worker.text()).toContain('EntityDescriptor');
    expect((await fetch(`http://127.0.0.1:${port}/widgets/no-such-widget.js`)).status).toBe(404);
    // Let background work (dependency optimisation) finish before reading the log.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(log).not.toContain('[ERROR]');
  } finally {
    // Wait for the server to exit: it may still be writing caches under the run's temporary folder.
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill();
    await exited;
  }
});

it("shows a duplicate step id in the browser's error overlay with file, line, rule and fix, and recovers on the next save without a restart", async () => {
  const content = mkdtempSync(join(tmpdir(), 'stepdocs-dev-content-'));
  cpSync(join(ROOT, 'test/fixtures/site'), content, { recursive: true });
  const guide = join(content, 'latest/first-guide.mdx');
  const original = readFileSync(guide, 'utf8');
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: cleanEnv({ STEPDOCS_CONTENT_DIR: content, STEPDOCS_CACHE_DIR: mkdtempSync(join(tmpdir(), 'stepdocs-dev-')) }),
  });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const browser = await launchBrowser();
  try {
    const deadline = Date.now() + 60_000;
    while (!/ready in/.test(log) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/latest/first-guide/`);
    await page.locator('h1').first().waitFor();

    writeFileSync(guide, original.replace('<Step id="second"', '<Step id="first"'));
    // The server notices the save after its file watcher does: load the page until the error shows.
    const overlay = page.locator('vite-error-overlay');
    for (let tries = 0; tries < 60 && (await overlay.count()) === 0; tries += 1) {
      await page.reload();
      await overlay.waitFor({ state: 'attached', timeout: 500 }).catch(() => undefined);
    }
    // Vite may reload the page once more while the overlay is read: read it again until it holds the finding.
    let text = '';
    for (let tries = 0; tries < 40 && !text.includes('steps/duplicate-id'); tries += 1) {
      text = await overlay.evaluate((element) => element.shadowRoot?.textContent ?? '', undefined, { timeout: 5_000 }).catch(() => '');
      if (!text.includes('steps/duplicate-id')) await page.waitForTimeout(250);
    }
    expect(text).toMatch(/first-guide\.mdx:\d+:\d+ error Step id "first" is used twice \(first at line \d+\) \(steps\/duplicate-id\)/);
    expect(text).toContain('hint: Give each step its own id');

    writeFileSync(guide, original);
    // The next save is picked up by the running server: the page renders again, without the overlay.
    for (let tries = 0; tries < 40; tries += 1) {
      await page.reload();
      if ((await page.locator('vite-error-overlay').count()) === 0 && (await page.locator('h1').count()) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await expect(page.locator('vite-error-overlay').count()).resolves.toBe(0);
    await expect(page.locator('h1').first().textContent()).resolves.toBeTruthy();
  } finally {
    await browser.close();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill();
    await exited;
  }
});
