import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../src/lib/links/extract';

describe('extractPage', () => {
  it('finds links and images in Markdown, references, JSX props and frontmatter, with positions', () => {
    const source = [
      '---',
      'title: X',
      'image: ./images/card.png',
      '---',
      '',
      '[text](./a.mdx) and ![alt](./i.png) and [ref][r] and https://example.com/x',
      '',
      '<a href="/latest/b/">B</a> <Figure src="./f.svg" alt="F" />',
      '',
      '<iframe src="https://player.example.com/v" title="Video"></iframe>',
      '',
      '[r]: ./r.mdx',
      '[unused]: ./u.mdx',
    ].join('\n');
    const page = extractPage(source, 'x.mdx');
    expect(page.references.map(({ kind, url, place, via }) => `${kind} ${url} ${place.line}:${place.column} ${via}`)).toEqual([
      'image ./images/card.png 3:1 frontmatter:image',
      'link ./a.mdx 6:1 markdown',
      'image ./i.png 6:21 markdown',
      'link ./r.mdx 6:41 reference',
      'link https://example.com/x 6:54 autolink',
      'link /latest/b/ 8:4 jsx:a.href',
      'image ./f.svg 8:36 jsx:Figure.src',
      'link https://player.example.com/v 10:9 jsx:iframe.src',
      'link ./u.mdx 13:1 definition',
    ]);
  });

  it('collects anchors: heading slugs, step ids, explicit ids; and suppressions', () => {
    const source =
      '## Set up SSO\n\n<div id="custom-anchor" />\n\n<Steps>\n<Step id="first" title="First">\nx\n</Step>\n</Steps>\n\n{/* stepdocs-ignore links/missing-page, links/vague-text */}\n';
    const page = extractPage(source, 'x.mdx');
    expect(page.anchors.sort()).toEqual(['custom-anchor', 'first', 'set-up-sso']);
    expect(page.suppressions).toEqual([{ line: 11, rules: ['links/missing-page', 'links/vague-text'] }]);
  });

  it('reports a parse error instead of throwing', () => {
    expect(extractPage('<Steps>\n', 'x.mdx').parseError?.ruleId).toBe('mdx/parse-error');
  });
});
