/**
 * The outline of a guide: its headings with the anchors the site gives them, and its steps with
 * their numbers. The on-this-page list, the link checker and the step validator all read it, so the
 * anchors they know are the anchors the page has.
 */
import { slugger as newSlugger } from '../slug.ts';
import { attribute, startOf, textOf, walk, type MdNode } from '../mdx/mdast.ts';
import type { Place } from '../findings.ts';

export interface OutlineHeading {
  kind: 'heading';
  depth: number;
  id: string;
  text: string;
  place?: Place;
}

export interface OutlineStep {
  kind: 'step';
  id: string;
  title: string;
  /** 1-based position inside its `<Steps>` list. */
  number: number;
  place?: Place;
}

export type OutlineItem = OutlineHeading | OutlineStep;

/**
 * Headings are slugged with github-slugger in document order, as Astro's Markdown processor does for
 * the rendered page; a step's anchor is its `id` attribute.
 */
export function guideOutline(tree: MdNode): OutlineItem[] {
  const slugger = newSlugger();
  const items: OutlineItem[] = [];
  walk(tree, (node, ancestors) => {
    if (node.type === 'heading') {
      const text = textOf(node).trim();
      items.push({ kind: 'heading', depth: node.depth ?? 2, id: slugger.slug(text), text, ...placeOf(node) });
      return;
    }
    if (node.name === 'Step' && ancestors.at(-1)?.name === 'Steps') {
      const id = attribute(node, 'id');
      const title = attribute(node, 'title');
      if (typeof id !== 'string') return;
      const siblings = ancestors.at(-1)!.children!.filter((child) => child.name === 'Step');
      items.push({
        kind: 'step',
        id,
        title: typeof title === 'string' ? title : id,
        number: siblings.indexOf(node) + 1,
        ...placeOf(node),
      });
    }
  });
  return items;
}

function placeOf(node: MdNode): { place?: Place } {
  const place = startOf(node);
  return place ? { place } : {};
}
