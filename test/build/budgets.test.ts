/**
 * Page-weight budgets on the built output (sizes are deterministic, unlike times), and HTML that
 * does not grow with the number of guides in other sections.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../support/build-site';
import { pageWeight } from '../support/page-weight';

const KB = 1024;

describe('page weight of the real site', () => {
  let build: BuildResult;
  beforeAll(() => {
    build = buildSite();
    expect(build.output).toContain('Complete!');
  });

  it('a plain guide page (1.0, no widgets) ships at most 5 KB of gzipped JavaScript, none of it search code', () => {
    const weight = pageWeight(build.outDir, '1.0/jumpcloud/index.html');
    expect(weight.jsGzip).toBeLessThanOrEqual(5 * KB);
    expect(weight.scripts.some((script) => script.includes('pagefind'))).toBe(false);
    expect(readFileSync(join(build.outDir, '1.0/jumpcloud/index.html'), 'utf8')).not.toMatch(/fast-xml-parser|pagefind\.js["']\)/);
  });

  it('the JumpCloud guide with both widgets ships at most 60 KB of gzipped JavaScript', () => {
    const weight = pageWeight(build.outDir, 'latest/identity-providers/jumpcloud/index.html');
    expect(weight.jsGzip).toBeLessThanOrEqual(60 * KB);
    // The widget code is really counted: the Login URL calculator's chunk includes the XML parser.
    expect(weight.jsGzip).toBeGreaterThan(20 * KB);
  });

  it('the "Your values" panel and placeholders add at most 4 KB of gzipped JavaScript to a page that uses them, and nothing to one that does not', () => {
    const withValues = pageWeight(build.outDir, 'latest/overview/index.html');
    const panel = withValues.scripts.filter((script) => script.includes('ValuesPanel'));
    expect(panel).toHaveLength(1);
    const panelGzip = gzipSync(readFileSync(join(build.outDir, panel[0]!.slice(1)))).length;
    // The parser the calculator shares loads only when the reader types a value (a dynamic import).
    const parser = /import\(`\.\/(keeper-value\.[\w-]+\.js)`\)/.exec(readFileSync(join(build.outDir, panel[0]!.slice(1)), 'utf8'))?.[1];
    expect(parser).toBeDefined();
    const parserGzip = gzipSync(readFileSync(join(build.outDir, '_astro', parser!))).length;
    console.log(
      `"Your values": ${(panelGzip / KB).toFixed(2)} KB gzip on page load, ${(parserGzip / KB).toFixed(2)} KB more when the reader first types a value`,
    );
    expect(panelGzip).toBeLessThanOrEqual(4 * KB);
    for (const page of ['1.0/jumpcloud/index.html', 'index.html', 'writing-guides/index.html']) {
      expect(
        pageWeight(build.outDir, page).scripts.some((script) => script.includes('ValuesPanel')),
        page,
      ).toBe(false);
      expect(readFileSync(join(build.outDir, page), 'utf8'), page).not.toContain('stepdocs-values-panel');
    }
  });

  it('the two widget modules a guide loads grow by at most 2 KB gzip for the embed kit (33,265 bytes before it, at 7abcb51)', () => {
    const modules = ['stepdocs-login-url', 'stepdocs-metadata-checker'].map(
      (name) => gzipSync(readFileSync(join(build.outDir, 'widgets', `${name}.js`)), { level: 9 }).length,
    );
    const total = modules.reduce((sum, size) => sum + size, 0);
    console.log(
      `widget modules: ${modules.map((size) => `${(size / KB).toFixed(2)} KB`).join(' + ')} = ${total} bytes gzip (${total - 33_265 >= 0 ? '+' : ''}${total - 33_265} bytes since the embed kit)`,
    );
    expect(total).toBeLessThanOrEqual(33_265 + 2 * KB);
  });

  it('every page keeps CSS under 12 KB gzipped and has no render-blocking script', () => {
    for (const page of [
      'index.html',
      'latest/index.html',
      'latest/identity-providers/jumpcloud/index.html',
      '1.0/jumpcloud/index.html',
      'writing-guides/index.html',
      'rules/metadata/index.html',
      '404.html',
      'embed/login-url/index.html',
      'embed/metadata-checker/index.html',
    ]) {
      const weight = pageWeight(build.outDir, page);
      expect(weight.cssGzip, page).toBeLessThanOrEqual(12 * KB);
      expect(weight.blockingScripts, page).toEqual([]);
    }
  });

  it('images have width and height, and load lazily below the fold', () => {
    const html = readFileSync(join(build.outDir, 'latest/identity-providers/jumpcloud/index.html'), 'utf8');
    const images = [...html.matchAll(/<img[^>]*>/g)].map((match) => match[0]);
    expect(images.length).toBe(6);
    for (const image of images) expect(image).toMatch(/\swidth="\d+"[\s\S]*\sheight="\d+"|\sheight="\d+"[\s\S]*\swidth="\d+"/);
    expect(images.filter((image) => image.includes('loading="lazy"'))).toHaveLength(5);
    expect(images[0]).toContain('loading="eager"');
  });
});

describe('HTML size does not grow with other sections', () => {
  function site(otherGuides: number): string {
    const dir = mkdtempSync(join(tmpdir(), 'stepdocs-sections-'));
    writeFileSync(join(dir, 'versions.json'), '[{ "id": "latest", "label": "Latest", "status": "current" }]');
    mkdirSync(join(dir, 'latest'));
    const guide = (name: string, section: string) => {
      mkdirSync(join(dir, 'latest', name, '..'), { recursive: true });
      writeFileSync(
        join(dir, 'latest', `${name}.mdx`),
        `---\ntitle: Guide ${name}\ndescription: A guide used to measure page size.\nidp: Okta\nproduct: Keeper SSO Connect Cloud\nlastReviewed: 2026-01-01\nsection: ${section}\n---\n\n## Heading\n\nText.\n`,
      );
    };
    guide('measured', 'Mine');
    guide('neighbour', 'Mine');
    // The other sections are nested three folders deep: a folder page, its sub-pages, and theirs.
    for (let index = 0; index < otherGuides; index += 1) {
      const folder = `other-${index % 3}`;
      const group = `group-${Math.floor(index / 9)}`;
      guide(
        index % 9 === 0 ? `${folder}/${group}/index` : index % 3 === 0 ? `${folder}/${group}/deep/page-${index}` : `${folder}/${group}/page-${index}`,
        `Other ${index % 3}`,
      );
    }
    return dir;
  }

  it('a page is the same size next to 3 or 60 guides in other sections', () => {
    const small = buildSite({ STEPDOCS_CONTENT_DIR: site(3) });
    const large = buildSite({ STEPDOCS_CONTENT_DIR: site(60) });
    const size = (build: BuildResult) => readFileSync(join(build.outDir, 'latest/measured/index.html'), 'utf8').replace(/\(\d+\)/g, '(n)').length;
    expect(size(large)).toBe(size(small));
  });
});
