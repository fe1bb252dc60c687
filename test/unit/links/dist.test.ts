import { describe, expect, it } from 'vitest';
import { formatFinding } from '../../../src/lib/findings';
import { checkDist } from '../../../src/lib/links/check-dist';

const page = (body: string) =>
  `<!doctype html><html><head><link rel="stylesheet" href="/docs/_astro/site.css"><link rel="canonical" href="https://docs.example.com/docs/latest/a/"></head>\n<body>${body}</body></html>`;

describe('checkDist', () => {
  it('checks href, src and srcset of the built pages against the built files and ids', () => {
    const result = checkDist({
      base: '/docs/',
      displayPrefix: 'dist',
      files: ['index.html', 'latest/a/index.html', 'latest/b/index.html', '_astro/site.css', '_astro/x.webp'],
      pages: [
        { path: 'index.html', html: page('<a href="/docs/latest/a/">A</a>\n<a href="latest/b/#there">B</a>') },
        {
          path: 'latest/a/index.html',
          html: page(
            [
              '<h2 id="here">Here</h2>',
              '<a href="#here">ok</a> <a href="#nowhere">bad fragment</a>',
              '<a href="../b/">relative ok</a> <a href="/docs/latest/c/">missing page</a>',
              '<img src="/docs/_astro/x.webp" srcset="/docs/_astro/x.webp 1x, /docs/_astro/x@2.webp 2x" alt="x">',
              '<a href="/elsewhere/">outside the base</a> <a href="https://example.com/">external</a> <a href="mailto:a@b.example">mail</a>',
            ].join('\n'),
          ),
        },
        { path: 'latest/b/index.html', html: page('<p id="there">B</p>') },
      ],
    });
    expect(result.findings.map(formatFinding)).toEqual([
      'dist/latest/a/index.html:3:24 error `#nowhere`: no element on `latest/a/index.html` has the id `nowhere` (links/missing-anchor)',
      'dist/latest/a/index.html:4:33 error `/docs/latest/c/` (href of `<a>`) leads to no built file; did you mean `/docs/latest/a/`? (links/missing-page)',
      'dist/latest/a/index.html:5:1 error `/docs/_astro/x@2.webp` (srcset of `<img>`) leads to no built file (images/missing-file)',
      "dist/latest/a/index.html:6:1 error `/elsewhere/` (href) is outside the site's base path `/docs/` (links/missing-page)",
    ]);
    expect(result.external.map((reference) => reference.url)).toEqual(['https://example.com/']);
  });
});
