/** Rules of MDX itself: a page that parses, and only the components stepdocs provides. */
import { closest } from '../../text-distance.ts';
import { GUIDE_COMPONENTS } from '../components.ts';
import { startOf } from '../../mdx/mdast.ts';
import type { PageRule } from '../page-rule.ts';

export const mdxRules: PageRule[] = [
  {
    id: 'mdx/parse-error',
    severity: 'error',
    description: 'A page is valid MDX: every tag is closed and literal `{` or `<` in prose is escaped.',
    why: 'A page that does not parse cannot be built; its other checks cannot run either.',
    fix: 'Close the tag the finding names, or escape a literal `{` or `<` in prose as `\\{` or `\\<`.',
    bad: '<Steps>\n<Step id="login" title="Log in">\nOpen the console.\n</Steps>',
    good: '<Steps>\n<Step id="login" title="Log in">\nOpen the console.\n</Step>\n</Steps>',
    check: { stage: 'parse' },
  },
  {
    id: 'mdx/unknown-component',
    severity: 'error',
    description: 'Components used in a guide are ones stepdocs provides (they need no import).',
    why: 'MDX fails on a component it does not know with an error that names no line; a typo (`<Hnit>`) should say what was meant.',
    fix: 'Use one of the components stepdocs provides, spelled as the Writing guides page shows.',
    bad: '<Hnit type="info">Note</Hnit>',
    good: '<Hint type="info">Note</Hint>',
    check: {
      stage: 'page',
      run(page, report) {
        for (const { node } of page.components()) {
          if ((GUIDE_COMPONENTS as readonly string[]).includes(node.name!)) continue;
          const suggestion = closest(node.name!, GUIDE_COMPONENTS);
          report(
            startOf(node),
            `Unknown component \`<${node.name}>\`${suggestion ? `; did you mean \`<${suggestion}>\`?` : ''}`,
            `Use one of ${GUIDE_COMPONENTS.map((component) => `\`<${component}>\``).join(', ')}; they need no import.`,
          );
        }
      },
    },
  },
];
