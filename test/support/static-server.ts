/** Serves a built site from disk on a free loopback port, under the site's base path, as a static host would. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { headersFor, type HeaderRule } from '../../src/lib/security-headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface StaticSite {
  /** Origin plus base, ending in `/`: `http://127.0.0.1:43121/docs/`. */
  url: string;
  close(): Promise<void>;
}

/**
 * `headers`: the rules of a `_headers` file, applied as Netlify or Cloudflare Pages would (repeated
 * headers of one path joined with commas); without them, every response allows any origin, like
 * GitHub Pages.
 */
export async function serveStatic(root: string, base = '/', headers?: readonly HeaderRule[]): Promise<StaticSite> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file: string | undefined;
    if (path.startsWith(base)) {
      const candidate = normalize(join(root, path.slice(base.length)));
      if (candidate.startsWith(root)) {
        file = existsSync(candidate) && statSync(candidate).isDirectory() ? join(candidate, 'index.html') : candidate;
      }
    }
    const found = file !== undefined && existsSync(file);
    const served = found ? file! : join(root, '404.html');
    const extra = headers ? Object.fromEntries(headersFor(path, headers)) : { 'access-control-allow-origin': '*' };
    response.writeHead(found ? 200 : 404, { 'content-type': TYPES[extname(served)] ?? 'application/octet-stream', ...extra });
    createReadStream(served).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
