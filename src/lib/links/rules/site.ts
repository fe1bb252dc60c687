/** Rules on the content folder as a whole: nothing in it that no page uses. */
import type { Rule } from '../../rule.ts';

export type AssetsCheck = { stage: 'assets'; run(unused: readonly string[], report: (file: string, reason: string, note?: string) => void): void };

export const assetRules: Array<Rule<AssetsCheck>> = [
  {
    id: 'images/unused',
    severity: 'warning',
    description: 'Every image in the content folder is used by some page.',
    why: 'Unused screenshots are published with the site, go stale unseen, and make the folder harder to keep.',
    fix: 'Delete the image, or reference it from the page it was made for.',
    bad: 'The guide no longer shows `./images/old-diagram.svg`, which is still in its folder.',
    good: '![The old diagram](./images/old-diagram.svg)',
    check: {
      stage: 'assets',
      run(unused, report) {
        for (const file of unused) report(file, `Image \`${file}\` is not used by any page`, 'Delete it, or reference it from the guide it was made for.');
      },
    },
  },
];
