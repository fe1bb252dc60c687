/**
 * Procedures become `<Steps>`: GitBook's `{% stepper %}` / `{% step %}`, paragraphs numbered by hand
 * ("(1) Log in…", "(2) …", as the seed is written), and numbered lists whose items hold more than a
 * sentence (a figure, a code block, several paragraphs). A step's title is its opening heading, or
 * else its first sentence, which then stays in the step too.
 */
import type { ImportContext } from '../context.ts';
import { jsxAttribute, jsxFlow, textOf, walk, type Node } from '../tree.ts';
import { blockPlugin } from './block.ts';

/**
 * Step ids must differ from the page's heading anchors: the slugger learns the headings first,
 * except those that open a step (they become its title) and the page's H1 (it becomes the title).
 */
export function gitbookHeadingSlugs(context: ImportContext) {
  return (tree: Node) => {
    const titles = new Set<Node>();
    const first = tree.children?.find((node) => node.type !== 'yaml');
    if (first?.type === 'heading' && first.depth === 1) titles.add(first);
    for (const node of walk(tree))
      if (node.type === 'gitbookBlock' && node.name === 'step' && node.children?.[0]?.type === 'heading') titles.add(node.children[0]);
    for (const node of walk(tree)) if (node.type === 'heading' && !titles.has(node)) context.slugger.slug(textOf(node).trim());
  };
}

export const gitbookSteppers = blockPlugin(['stepper'], (block, context) => {
  context.reporter.count('stepper');
  // Content between two steps (a figure GitBook shows between them) joins the step before it, in place.
  const before: Node[] = [];
  const steps: Node[][] = [];
  for (const child of block.children ?? []) {
    if (child.type === 'gitbookBlock' && child.name === 'step') {
      context.reporter.count('step');
      steps.push([...(child.children ?? [])]);
    } else if (steps.length > 0) steps.at(-1)!.push(child);
    else before.push(child);
  }
  return [
    ...before,
    {
      ...jsxFlow(
        'Steps',
        [],
        steps.map((step) => stepFrom(step, context)),
      ),
      position: block.position!,
    },
  ];
});

/** Hand-numbered paragraphs and procedure lists, at the top level of the page. */
export function gitbookProcedures(context: ImportContext) {
  return (tree: Node) => {
    tree.children = procedureLists(numberedRuns(tree.children ?? [], context), context);
  };
}

export function stepFrom(content: Node[], context: ImportContext): Node {
  let children = content;
  let title = 'Step';
  const first = children[0];
  if (first?.type === 'heading') {
    title = textOf(first).trim();
    children = children.slice(1);
  } else if (first) {
    title = firstSentence(textOf(first));
  }
  // Ids are anchors people link to: the first words of the title are enough.
  const words = title.split(/\s+/).slice(0, 6).join(' ');
  const id =
    context.slugger
      .slug(words)
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^-|-$/g, '') || context.slugger.slug('step');
  const body = children.length > 0 ? children : [{ type: 'paragraph', children: [{ type: 'text', value: title }] }];
  return jsxFlow('Step', [jsxAttribute('id', id), jsxAttribute('title', title)], body);
}

/** The first sentence of a paragraph, for a step title: up to 80 characters, the rest marked with an ellipsis. */
export function firstSentence(text: string): string {
  const sentence = text
    .trim()
    .replace(/\s+/g, ' ')
    .split(/(?<=[.:!?])\s/)[0]!
    .replace(/[.:]$/, '');
  return sentence.length > 80 ? `${sentence.slice(0, 77)}…` : sentence;
}

const MARKER = /^\s*\((\d+)\)\s*/;

function marker(node: Node | undefined): RegExpExecArray | null {
  return node?.type === 'paragraph' ? MARKER.exec(textOf(node)) : null;
}

/** Paragraphs that start with "(1)", "(2)" … up to the next heading: one step each. */
function numberedRuns(nodes: Node[], context: ImportContext): Node[] {
  const result: Node[] = [];
  let index = 0;
  while (index < nodes.length) {
    const first = marker(nodes[index]);
    if (first?.[1] !== '1') {
      result.push(nodes[index]!);
      index += 1;
      continue;
    }
    const steps: Node[][] = [];
    let expected = 1;
    while (index < nodes.length) {
      const node = nodes[index]!;
      const match = marker(node);
      if (match && Number(match[1]) === expected) {
        steps.push([stripMarker(node)]);
        expected += 1;
      } else if (node.type === 'heading') {
        break;
      } else {
        steps.at(-1)!.push(node);
      }
      index += 1;
    }
    context.reporter.count('numbered-steps');
    result.push(
      jsxFlow(
        'Steps',
        [],
        steps.map((step) => stepFrom(step, context)),
      ),
    );
  }
  return result;
}

function stripMarker(paragraph: Node): Node {
  const children = [...(paragraph.children ?? [])];
  const first = children[0];
  if (first?.type === 'text') children[0] = { ...first, value: (first.value ?? '').replace(MARKER, '') };
  return { ...paragraph, children };
}

/** A numbered list whose items carry more than a sentence is a procedure; a plain numbered list stays a list. */
function procedureLists(nodes: Node[], context: ImportContext): Node[] {
  return nodes.map((node) => {
    const items = node.children ?? [];
    if (node.type !== 'list' || node.ordered !== true || items.length < 2) return node;
    const procedure =
      items.every((item) => item.children?.[0]?.type === 'paragraph') &&
      items.some((item) => (item.children ?? []).some((child) => child.type !== 'paragraph' && child.type !== 'list') || (item.children ?? []).length > 1);
    if (!procedure) return node;
    context.reporter.count('numbered-steps');
    return jsxFlow(
      'Steps',
      [],
      items.map((item) => stepFrom(item.children ?? [], context)),
    );
  });
}
