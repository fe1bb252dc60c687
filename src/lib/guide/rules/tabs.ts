/** Tab rules: `<Tabs>` groups of labelled `<Tab>` panels. */
import { attribute, startOf } from '../../mdx/mdast.ts';
import type { PageRule } from '../page-rule.ts';
import { foreignChildren } from './shared.ts';

export const tabRules: PageRule[] = [
  {
    id: 'tabs/tab-outside-tabs',
    severity: 'error',
    description: 'Every `<Tab>` sits directly inside a `<Tabs>` group.',
    why: 'A tab on its own has nothing to switch between and renders as a stray labelled block.',
    fix: 'Wrap the tabs in `<Tabs>` … `</Tabs>`.',
    bad: '<Tab label="EU">\nUse keepersecurity.eu.\n</Tab>',
    good: '<Tabs>\n<Tab label="EU">\nUse keepersecurity.eu.\n</Tab>\n</Tabs>',
    check: {
      stage: 'page',
      run(page, report) {
        for (const { node, parent } of page.elements('Tab')) {
          if (parent?.name !== 'Tabs')
            report(
              startOf(node),
              '`<Tab>` is not directly inside `<Tabs>`',
              'Wrap the tabs in `<Tabs>` … `</Tabs>`; a tab on its own has nothing to switch between.',
            );
        }
      },
    },
  },
  {
    id: 'tabs/unexpected-child',
    severity: 'error',
    description: '`<Tabs>` holds only `<Tab>` elements; text between tabs belongs inside a tab.',
    why: 'Text between tabs belongs to no tab: it is hidden or shown at random when the reader switches.',
    fix: 'Move it inside the tab it belongs to, or out of the `<Tabs>` group.',
    bad: '<Tabs>\nPick one:\n<Tab label="US">\nUS.\n</Tab>\n</Tabs>',
    good: 'Pick one:\n\n<Tabs>\n<Tab label="US">\nUS.\n</Tab>\n</Tabs>',
    check: {
      stage: 'page',
      run(page, report) {
        for (const { node } of page.elements('Tabs')) {
          for (const { child, what } of foreignChildren(node, 'Tab')) report(startOf(child), `\`<Tabs>\` contains ${what}; expected only \`<Tab>\` elements`);
        }
      },
    },
  },
  {
    id: 'tabs/missing-label',
    severity: 'error',
    description: 'Every `<Tab>` has a `label`, the text of its tab.',
    why: 'A tab without a label is a button with no name: nobody can tell what it shows, least of all a screen reader.',
    fix: 'Add `label="…"`: the text of the tab, e.g. `label="EU"`.',
    bad: '<Tabs>\n<Tab>\nUS.\n</Tab>\n</Tabs>',
    good: '<Tabs>\n<Tab label="US">\nUS.\n</Tab>\n</Tabs>',
    check: {
      stage: 'page',
      run(page, report) {
        for (const { node } of page.elements('Tab')) {
          const label = attribute(node, 'label');
          if (typeof label !== 'string' || label.trim() === '') report(startOf(node), '`<Tab>` has no `label`');
        }
      },
    },
  },
];
