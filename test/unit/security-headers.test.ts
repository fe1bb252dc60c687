/** The `_headers` file the build writes: what each kind of page is served with, and reading it back. */
import { describe, expect, it } from 'vitest';
import { formatHeadersFile, headersFor, parseHeadersFile, securityHeaderRules } from '../../src/lib/security-headers';
import { resolveSiteConfig } from '../../src/lib/site-config';

const rules = securityHeaderRules({
  base: '/docs/',
  scriptHashes: ['sha256-abc='],
  embedFrameAncestors: ['https://admin.example.com'],
  framedPaths: ['latest/', 'rules/', '404.html'],
  widgetsVersion: '0123456789ab',
});

describe('security headers', () => {
  it('gives site pages a strict resource policy and framing by the site only', () => {
    const headers = headersFor('/docs/latest/okta/', rules);
    expect(headers.get('Content-Security-Policy')).toBe(
      "default-src 'self'; script-src 'self' 'sha256-abc=' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self', frame-ancestors 'self'",
    );
    expect(headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
    expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(headersFor('/docs/', rules).get('X-Frame-Options')).toBe('SAMEORIGIN');
  });

  it('lets the configured origins frame the embed pages, and only them', () => {
    const headers = headersFor('/docs/embed/login-url/', rules);
    expect(headers.get('Content-Security-Policy')).toMatch(/, frame-ancestors https:\/\/admin\.example\.com$/);
    expect(headers.has('X-Frame-Options')).toBe(false);
    expect(securityHeaderRules({ base: '/', scriptHashes: [], embedFrameAncestors: ['*'], framedPaths: [] }).at(-1)).toEqual({
      path: '/widgets/*',
      headers: [['Access-Control-Allow-Origin', '*']],
    });
  });

  it('serves widget modules to other origins, the versioned folder as immutable', () => {
    expect(headersFor('/docs/widgets/v1/stepdocs-login-url.js', rules).get('Access-Control-Allow-Origin')).toBe('*');
    expect(headersFor('/docs/widgets/0123456789ab/stepdocs-login-url.js', rules).get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(headersFor('/docs/widgets/v1/stepdocs-login-url.js', rules).has('Cache-Control')).toBe(false);
  });

  it('reads back what it writes, and names the line of a malformed file', () => {
    expect(parseHeadersFile(formatHeadersFile(rules))).toEqual(rules);
    expect(() => parseHeadersFile('/*\nnot indented: x\n  Broken line\n')).toThrow('_headers:3: expected `  Name: value` under a path');
  });

  it('takes frame-ancestors origins from the configuration, refusing anything but origins and *', () => {
    expect(resolveSiteConfig({ file: {} }).embedFrameAncestors).toEqual(['*']);
    expect(resolveSiteConfig({ file: { embed: { frameAncestors: ['https://admin.example.com', 'https://*.example.org'] } } }).embedFrameAncestors).toEqual([
      'https://admin.example.com',
      'https://*.example.org',
    ]);
    expect(() => resolveSiteConfig({ file: { embed: { frameAncestors: ["'self'; script-src *"] } } })).toThrow(
      'stepdocs.config.json: `embed.frameAncestors.0`: expected `*` or an origin such as `https://admin.example.com`',
    );
  });
});
