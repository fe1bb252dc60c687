/** `npm run dev` serves the guides and logs no error. */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { cleanEnv, ROOT } from '../support/build-site';

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
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], { cwd: ROOT, env: cleanEnv({ STEPDOCS_CACHE_DIR: mkdtempSync(join(tmpdir(), 'stepdocs-dev-')) }) });
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
