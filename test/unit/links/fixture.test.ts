/**
 * The planted-defect fixture (test/fixtures/links): every line marked `{/* expect: rule-id *\/}` must be
 * reported with that rule, and nothing else may be reported. Exact messages and positions are
 * asserted for every finding.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFinding } from '../../../src/lib/findings';
import { checkLinks } from '../../../src/lib/links/check-links';
import { listFiles, readContentFolder } from '../../../src/node/content-files';
import { readVersions } from '../../../src/node/read-versions';

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/links');
const PREFIX = 'test/fixtures/links';

function run(options: { only?: (file: string) => boolean } = {}) {
  const content = readContentFolder(FIXTURE, PREFIX, undefined);
  return checkLinks({
    pages: content.pages,
    assets: content.assets,
    publicFiles: ['favicon.svg'],
    versions: readVersions(FIXTURE),
    base: '/',
    contentPrefix: PREFIX,
    ...options,
  });
}

/** `file:line rule` for every `expect:` marker in the fixture sources. */
function expectations(): string[] {
  const expected: string[] = [];
  for (const file of listFiles(FIXTURE).filter((name) => name.endsWith('.mdx'))) {
    readFileSync(join(FIXTURE, file), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        for (const match of line.matchAll(/expect: ([a-z]+\/[a-z-]+)/g)) expected.push(`${PREFIX}/${file}:${index + 1} ${match[1]}`);
      });
  }
  return expected.sort();
}

describe('the link checker on the planted-defect fixture', () => {
  it('reports exactly the marked defects: nothing missed, nothing extra', () => {
    const found = run()
      .findings.filter((finding) => finding.ruleId !== 'images/unused')
      .map((finding) => `${finding.file}:${finding.place?.line} ${finding.ruleId}`)
      .sort();
    expect(found).toEqual(expectations());
    expect(expectations().length).toBeGreaterThanOrEqual(20);
  });

  it('finds the image no page uses', () => {
    expect(
      run()
        .findings.filter((finding) => finding.ruleId === 'images/unused')
        .map(formatFinding),
    ).toEqual([
      'test/fixtures/links/latest/images/orphan.png warning Image `latest/images/orphan.png` is not used by any page (images/unused)\n  hint: Delete it, or reference it from the guide it was made for.',
    ]);
  });

  it('says exactly what is wrong, where', () => {
    expect(
      run().findings.map(
        (finding) =>
          `${finding.file.replace(`${PREFIX}/`, '')}:${finding.place?.line ?? '-'}:${finding.place?.column ?? '-'} ${finding.ruleId} ${finding.reason}`,
      ),
    ).toEqual([
      '1.0/guide.mdx:12:36 links/leaves-version Link `/latest/guide/` from version `1.0` leads into version `latest`',
      '1.0/guide.mdx:13:50 links/missing-in-version Page `1.0/okta-setup/` exists in version `latest` but not in `1.0`',
      'latest/broken.mdx:13:1 mdx/parse-error Cannot parse MDX: Unexpected closing tag `</Steps>`, expected corresponding closing tag for `<Step>` (11:1)',
      'latest/guide.mdx:24:31 links/missing-page Cannot find page `./okta-setp.mdx`; did you mean `/latest/okta-setup/`?',
      'latest/guide.mdx:25:36 links/missing-page Cannot find page `/latest/missing-page/`',
      'latest/guide.mdx:26:36 links/missing-anchor Cannot find heading or step `#stepone` in this page; did you mean `#step-one`?',
      'latest/guide.mdx:27:39 links/missing-anchor Cannot find heading or step `#configure-okt` in `latest/okta-setup`; did you mean `#configure-okta`?',
      'latest/guide.mdx:30:23 links/empty-text Link to `./okta-setup.mdx` has no text',
      'latest/guide.mdx:31:22 links/vague-text Link text "here" does not say where it goes',
      'latest/guide.mdx:32:25 links/malformed-mailto `mailto:someone` is not a valid e-mail link; expected `mailto:name@example.com`',
      'latest/guide.mdx:33:24 links/malformed-tel `tel:call-me` is not a valid phone link; expected `tel:` and digits, e.g. `tel:+1-555-0100`',
      'latest/guide.mdx:35:18 links/unsupported-scheme Link uses the `javascript:` scheme (`javascript:alert(1)`), which runs code or carries content instead of linking',
      'latest/guide.mdx:36:38 links/missing-page Cannot find page `./gone.mdx`; did you mean `/latest/guide/`?',
      'latest/guide.mdx:40:24 links/missing-page Cannot find page `/latest/nowhere/`',
      'latest/guide.mdx:48:1 images/missing-file Cannot find image file `./images/nope.png`; did you mean `./images/orphan.png`?',
      'latest/guide.mdx:50:1 images/case-mismatch Image `./images/Diagram.svg` differs in letter case from the file `diagram.svg`',
      'latest/guide.mdx:52:1 images/remote Image `https://cdn.example.com/x.png` is hotlinked from `cdn.example.com`',
      'latest/guide.mdx:54:1 images/missing-alt Image `./images/diagram.svg` has no alt text',
      'latest/guide.mdx:56:9 images/missing-alt Image `./images/diagram.svg` has no alt text',
      'latest/guide.mdx:64:1 anchors/duplicate-heading 2 headings read "Notes"; their anchors are `#notes`, `#notes-1`',
      'latest/images/orphan.png:-:- images/unused Image `latest/images/orphan.png` is not used by any page',
    ]);
  });

  it('collects external links for --external without touching the network', () => {
    expect(run().external.map((reference) => reference.url)).toEqual(['https://example.com/docs']);
  });

  it('limits the report to the given files but still resolves against all', () => {
    const findings = run({ only: (file) => file.startsWith(`${PREFIX}/1.0/`) }).findings;
    expect(findings.map((finding) => finding.ruleId)).toEqual(['links/leaves-version', 'links/missing-in-version']);
  });
});
