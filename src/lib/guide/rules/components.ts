/** Rules of the small components: hints, figures and values to copy. */
import { closest } from '../../text-distance.ts';
import { HINT_TYPES } from '../components.ts';
import { attribute, attributePlace, startOf, textOf } from '../../mdx/mdast.ts';
import type { PageRule } from '../page-rule.ts';

export const componentRules: PageRule[] = [
  {
    id: 'hint/invalid-type',
    severity: 'error',
    description: "A hint's `type` is one of `info`, `success`, `warning` or `danger` (GitBook's four styles).",
    why: "The type sets the hint's colour, icon and the word screen readers announce; an unknown type shows as a plain note and hides a warning.",
    fix: 'Use `type="info"` for notes, `success` for outcomes, `warning` for pitfalls, `danger` for what can break access.',
    bad: '<Hint type="note">Check the host.</Hint>',
    good: '<Hint type="info">Check the host.</Hint>',
    check: {
      stage: 'page',
      run(page, report) {
        for (const { node } of page.elements('Hint')) {
          const type = attribute(node, 'type');
          if (type === undefined || (typeof type === 'string' && (HINT_TYPES as readonly string[]).includes(type))) continue;
          const written = typeof type === 'string' ? `\`${type}\`` : 'not a plain string';
          const suggestion = typeof type === 'string' ? closest(type, HINT_TYPES) : undefined;
          report(
            attributePlace(page.source, node, 'type'),
            `Hint type ${written} is not one of ${HINT_TYPES.map((value) => `\`${value}\``).join(', ')}${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`,
          );
        }
      },
    },
  },
  {
    id: 'figure/missing-src',
    severity: 'error',
    description: 'A figure names its image with `src`, a path relative to the guide.',
    why: 'A figure without an image is an empty box with a caption.',
    fix: 'Add `src="./images/…"`, a path relative to this guide.',
    bad: '<Figure alt="The SSO tab" />',
    good: '<Figure src="./images/sso-tab.svg" alt="The SSO tab" />',
    check: {
      stage: 'page',
      run(page, report) {
        for (const { node } of page.elements('Figure')) {
          const src = attribute(node, 'src');
          if (typeof src !== 'string' || src.trim() === '') report(startOf(node), '`<Figure>` has no `src`');
        }
      },
    },
  },
  {
    id: 'copy/empty',
    severity: 'error',
    description: '`<Copy>` wraps the exact value the reader copies.',
    why: 'An empty `<Copy>` shows a copy button that copies nothing.',
    fix: 'Put the exact value between the tags: `<Copy>Keeper Security Password Manager</Copy>`.',
    bad: '<Copy></Copy>',
    good: '<Copy>Keeper Security Password Manager</Copy>',
    check: {
      stage: 'page',
      run(page, report) {
        for (const { node } of page.elements('Copy')) {
          const hasPlaceholder = (node.children ?? []).some((child) => child.name === 'KeeperUrl' || child.name === 'Value');
          if (textOf(node).trim() === '' && typeof attribute(node, 'value') !== 'string' && !hasPlaceholder)
            report(startOf(node), '`<Copy>` has no value to copy');
        }
      },
    },
  },
];
