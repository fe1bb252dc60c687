/** Rules on what a page offers to links: anchors that can be told apart. */
import type { Place } from '../../findings.ts';
import type { Rule } from '../../rule.ts';
import type { PageExtract } from '../extract.ts';

export type PageExtractCheck = {
  stage: 'page-extract';
  run(extract: PageExtract, report: (place: Place | undefined, reason: string, note?: string) => void): void;
};

export const anchorRules: Array<Rule<PageExtractCheck>> = [
  {
    id: 'anchors/duplicate-heading',
    severity: 'warning',
    description: 'Headings on one page have different text, so their anchors are not told apart by a `-1` suffix.',
    why: "The second heading's anchor is `#name-1`, which changes when a heading is added above it: links to it break silently.",
    fix: 'Give each heading its own text.',
    bad: '## Settings\n\nOne.\n\n## Settings\n\nTwo.',
    good: '## Okta settings\n\nOne.\n\n## Keeper settings\n\nTwo.',
    check: {
      stage: 'page-extract',
      run(extract, report) {
        for (const duplicate of extract.duplicateHeadings) {
          report(
            duplicate.place,
            `${duplicate.ids.length} headings read "${duplicate.text}"; their anchors are ${duplicate.ids.map((id) => `\`#${id}\``).join(', ')}`,
            'Give each heading its own text, so links to the later ones do not depend on a `-1` suffix.',
          );
        }
      },
    },
  },
];
