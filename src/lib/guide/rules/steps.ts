/** Step rules: `<Steps>` lists of `<Step>` elements, each with a stable id, a title and content. */
import type { Place } from '../../findings.ts';
import { slug } from '../../slug.ts';
import { STEP_ID_PATTERN } from '../components.ts';
import { attribute, attributePlace, startOf, type MdNode } from '../../mdx/mdast.ts';
import type { PageRule } from '../page-rule.ts';
import { foreignChildren, isIgnorable } from './shared.ts';

const STEPS = '<Steps>\n  <Step id="login" title="Log in">…</Step>\n</Steps>';

/** A step id suggested from a title: its slug, narrowed to what STEP_ID_PATTERN accepts. */
function stepIdFrom(text: string): string {
  return (
    slug(text)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'step'
  );
}

const stepLabel = (node: MdNode) => {
  const id = attribute(node, 'id');
  return typeof id === 'string' && id ? ` "${id}"` : '';
};

export const stepRules: PageRule[] = [
  {
    id: 'steps/step-outside-steps',
    severity: 'error',
    description: 'Every `<Step>` sits directly inside a `<Steps>` list, which numbers it.',
    why: 'A step outside a list has no number, no done tick and no place in the procedure.',
    fix: 'Wrap the steps of a procedure in `<Steps>` … `</Steps>`; the site numbers them.',
    bad: '<Step id="login" title="Log in">\nOpen the console.\n</Step>',
    good: '<Steps>\n<Step id="login" title="Log in">\nOpen the console.\n</Step>\n</Steps>',
    check: {
      stage: 'page',
      run(page, report) {
        for (const { node, parent } of page.elements('Step')) if (parent?.name !== 'Steps') report(startOf(node), '`<Step>` is not directly inside `<Steps>`');
      },
    },
  },
  {
    id: 'steps/unexpected-child',
    severity: 'error',
    description: '`<Steps>` holds only `<Step>` elements; text between steps belongs inside a step.',
    why: 'Text between steps is rendered between numbered items, where it belongs to no step and breaks the list for screen readers.',
    fix: 'Move it inside the step it belongs to, or out of the `<Steps>` list.',
    bad: '<Steps>\n\nSome text\n\n<Step id="login" title="Log in">\nOpen the console.\n</Step>\n</Steps>',
    good: '<Steps>\n<Step id="login" title="Log in">\nSome text. Open the console.\n</Step>\n</Steps>',
    check: {
      stage: 'page',
      run(page, report) {
        for (const { node } of page.elements('Steps')) {
          for (const { child, what } of foreignChildren(node, 'Step'))
            report(startOf(child), `\`<Steps>\` contains ${what}; expected only \`<Step>\` elements`);
        }
      },
    },
  },
  {
    id: 'steps/empty-steps',
    severity: 'error',
    description: '`<Steps>` holds at least one `<Step>`.',
    why: 'An empty list renders as nothing: a procedure the author meant to write is missing.',
    fix: 'Add `<Step id="…" title="…">…</Step>` children, or remove the empty list.',
    bad: '<Steps></Steps>',
    good: STEPS.replace('…', 'Open the console.'),
    check: {
      stage: 'page',
      run(page, report) {
        for (const { node } of page.elements('Steps'))
          if (!(node.children ?? []).some((child) => child.name === 'Step')) report(startOf(node), '`<Steps>` contains no `<Step>`');
      },
    },
  },
  {
    id: 'steps/missing-id',
    severity: 'error',
    description: "Every step has an `id`: it is the step's anchor (`#upload-metadata`) and the key of its done tick.",
    why: "Without an id, nobody can link to the step, and the reader's done tick is lost when steps are added or reordered.",
    fix: 'Add a stable anchor in lowercase words joined by hyphens, e.g. `id="upload-metadata"`.',
    bad: '<Steps>\n  <Step title="Upload metadata">Upload it.</Step>\n</Steps>',
    good: '<Steps>\n  <Step id="upload-metadata" title="Upload metadata">Upload it.</Step>\n</Steps>',
    check: {
      stage: 'page',
      run(page, report) {
        for (const { node } of page.elements('Step')) {
          const id = attribute(node, 'id');
          if (id !== undefined && id !== true && id !== '') continue;
          const title = attribute(node, 'title');
          const suggestion = typeof title === 'string' ? stepIdFrom(title) : 'log-in';
          report(
            startOf(node),
            '`<Step>` has no `id`',
            `Add a stable anchor, e.g. \`<Step id="${suggestion}" …>\`; readers link to it and their done ticks are kept under it.`,
          );
        }
      },
    },
  },
  {
    id: 'steps/invalid-id',
    severity: 'error',
    description: 'A step id is lowercase letters, digits and single hyphens, written as a plain string, so links to it are stable.',
    why: 'An id with spaces or capitals makes an anchor that differs from what authors type in links, and an expression is not known until the page runs.',
    fix: 'Write the id as a quoted string of lowercase words joined by hyphens.',
    bad: '<Steps>\n  <Step id="Upload Metadata" title="Upload metadata">Upload it.</Step>\n</Steps>',
    good: '<Steps>\n  <Step id="upload-metadata" title="Upload metadata">Upload it.</Step>\n</Steps>',
    check: {
      stage: 'page',
      run(page, report) {
        for (const { node } of page.elements('Step')) {
          const id = attribute(node, 'id');
          const place = attributePlace(page.source, node, 'id');
          if (id === undefined || id === true || id === '') continue;
          if (typeof id !== 'string')
            report(
              place,
              'Step id is an expression; expected a plain string',
              'Write the id as a quoted string, e.g. `id="upload-metadata"`, so anchors are known before the page runs.',
            );
          else if (!STEP_ID_PATTERN.test(id))
            report(place, `Step id \`${id}\` is not a valid anchor; expected lowercase letters, digits and single hyphens`, `Use \`id="${stepIdFrom(id)}"\`.`);
        }
      },
    },
  },
  {
    id: 'steps/duplicate-id',
    severity: 'error',
    description: 'A step id is used once per page and differs from every heading anchor on the page.',
    why: 'Two steps with one id share an anchor and a done tick: a link lands on the first, and ticking one ticks both.',
    fix: "Give each step its own id, different from the page's heading anchors.",
    bad: '<Steps>\n  <Step id="login" title="Log in">Log in.</Step>\n  <Step id="login" title="Log in again">Log in again.</Step>\n</Steps>',
    good: '<Steps>\n  <Step id="login" title="Log in">Log in.</Step>\n  <Step id="login-again" title="Log in again">Log in again.</Step>\n</Steps>',
    check: {
      stage: 'page',
      run(page, report) {
        const seen = new Map<string, Place | undefined>();
        for (const { node } of page.elements('Step')) {
          const id = attribute(node, 'id');
          if (typeof id !== 'string' || !STEP_ID_PATTERN.test(id)) continue;
          const place = attributePlace(page.source, node, 'id');
          if (seen.has(id)) {
            const first = seen.get(id);
            report(
              place,
              `Step id "${id}" is used twice${first ? ` (first at line ${first.line})` : ''}`,
              'Give each step its own id; anchors and done ticks must be unique on a page.',
            );
          } else if (page.headingIds.has(id)) {
            report(
              place,
              `Step id "${id}" is also the anchor of a heading on this page`,
              `Rename the step id or the heading so \`#${id}\` leads to one place.`,
            );
          } else {
            seen.set(id, place);
          }
        }
      },
    },
  },
  {
    id: 'steps/missing-title',
    severity: 'error',
    description: 'Every step has a `title`, shown next to its number and in the page outline.',
    why: 'The title is what a reader scans for and what the outline and search show; a step without one is a number only.',
    fix: 'Add `title="…"`: a short imperative, e.g. `title="Upload Keeper\'s metadata"`.',
    bad: '<Steps>\n  <Step id="login">Log in.</Step>\n</Steps>',
    good: '<Steps>\n  <Step id="login" title="Log in to the admin console">Log in.</Step>\n</Steps>',
    check: {
      stage: 'page',
      run(page, report) {
        for (const { node } of page.elements('Step')) {
          const title = attribute(node, 'title');
          if (typeof title !== 'string' || title.trim() === '') report(startOf(node), '`<Step>` has no `title`');
        }
      },
    },
  },
  {
    id: 'steps/empty-step',
    severity: 'error',
    description: 'A step has content: what the reader does, and usually a figure.',
    why: 'An empty step is a numbered title with nothing to do: the reader cannot tell whether something is missing.',
    fix: 'Say what the reader does in this step, or remove it.',
    bad: '<Steps>\n  <Step id="login" title="Log in"></Step>\n</Steps>',
    good: '<Steps>\n<Step id="login" title="Log in">\nLog in to the JumpCloud administrator console.\n</Step>\n</Steps>',
    check: {
      stage: 'page',
      run(page, report) {
        for (const { node } of page.elements('Step'))
          if ((node.children ?? []).every(isIgnorable)) report(startOf(node), `Step${stepLabel(node)} has no content`);
      },
    },
  },
];
