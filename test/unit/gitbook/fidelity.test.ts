/** The importer's fidelity check: it passes what the importer keeps and catches every planted loss. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertPage, lostWords, pageDifferences, parsePage } from '../../../src/lib/gitbook/convert';
import { compareWords } from '../../../src/lib/gitbook/fidelity';

const OPTIONS = {
  file: 'page.md',
  frontmatter: { idp: 'Okta', product: 'Keeper SSO Connect Cloud', lastReviewed: '2026-11-28', section: 'Imported', order: 10 },
};
const SEED = readFileSync(resolve(import.meta.dirname, '../../../../shared/seed/jumpcloud.gitbook.md'), 'utf8');
const SHOWN = { title: true, description: false };

/** The differences after `plant` changed the MDX the importer wrote for `source`. */
function planted(source: string, plant: (mdx: string) => string) {
  const { mdx, lost } = convertPage(source, OPTIONS);
  expect(lost).toBe(0);
  const changed = plant(mdx);
  expect(changed).not.toBe(mdx);
  return pageDifferences(parsePage(source, OPTIONS), changed, OPTIONS, SHOWN);
}

describe('fidelity check', () => {
  it('finds no loss in the seed, and counts its words', () => {
    const page = convertPage(SEED, { ...OPTIONS, file: 'jumpcloud.gitbook.md' });
    expect(page.lost).toBe(0);
    expect(page.words).toBeGreaterThan(400);
    expect(page.report.findings.filter((finding) => finding.ruleId === 'gitbook/dropped-text')).toEqual([]);
  });

  it.each([
    ['a word deleted from a step', (mdx: string) => mdx.replace('Select the **SSO** tab', 'Select **SSO** tab'), ['the'], []],
    [
      'two sentences glued together',
      (mdx: string) => mdx.replace('section set the Display Label:\\\n    **Keeper', 'section set the Display Label:**Keeper'),
      ['Label:', 'Keeper'],
      ['Label:Keeper'],
    ],
    ['a hint title dropped', (mdx: string) => mdx.replace(' title="User Provisioning SSO+SCIM"', ''), ['User', 'Provisioning', 'SSO+SCIM'], []],
    [
      'the placeholder dropped from the Login URL',
      (mdx: string) => mdx.replace('ext_login/<YourSSOIdHere>', 'ext_login/'),
      ['https://keepersecurity.com/api/rest/sso/ext_login/<YourSSOIdHere>.'],
      ['https://keepersecurity.com/api/rest/sso/ext_login/.'],
    ],
    [
      'a figure caption dropped',
      (mdx: string) => mdx.replace(` caption="Initially select 'Enterprise SSO Login'"`, ''),
      ['Initially', 'select', "'Enterprise", 'SSO', "Login'"],
      [],
    ],
    [
      'a paragraph added',
      (mdx: string) => mdx.replace('#### Move existing', 'An invented sentence.\n\n#### Move existing'),
      [],
      ['An', 'invented', 'sentence.'],
    ],
  ])('catches %s in the seed', (_name, plant, dropped, added) => {
    const differences = planted(SEED, plant);
    expect(differences.map((difference) => [difference.dropped.map((word) => word.text), difference.added.map((word) => word.text)])).toEqual([
      [dropped, added],
    ]);
    expect(lostWords(differences)).toBe(Math.max(dropped.length, added.length));
  });

  it('names the source line and the output line of a loss', () => {
    const differences = planted('# T\n\nFirst paragraph here.\n\nSecond paragraph here.\n', (mdx) => mdx.replace('Second paragraph here.', 'Second here.'));
    expect(differences).toEqual([{ dropped: [{ text: 'paragraph', line: 5 }], added: [], sourceLine: 5, outputLine: 13 }]);
  });

  it('compares words in order, so a moved sentence is a loss and a gain', () => {
    const word = (text: string, line: number) => ({ text, line });
    const differences = compareWords([word('a', 1), word('b', 2), word('c', 3)], [word('b', 1), word('c', 2), word('a', 3)]);
    expect(differences.map((difference) => [difference.dropped.map((w) => w.text), difference.added.map((w) => w.text)])).toEqual([
      [['a'], []],
      [[], ['a']],
    ]);
  });

  it('a clean conversion has no findings at all', () => {
    const { report, lost } = convertPage('# T\n\n{% hint style="info" %}\nKept.\n{% endhint %}\n', OPTIONS);
    expect(lost).toBe(0);
    expect(report.findings).toEqual([]);
  });
});
