/** The outline of a guide's source, for pages: parse once, never throw (the build validator reports parse errors). */
import { parseContent } from '../mdx/mdast.ts';
import { guideOutline, type OutlineItem } from './outline.ts';

export function outlineOfSource(source: string, file: string): OutlineItem[] {
  const parsed = parseContent(source, file);
  return parsed.ok ? guideOutline(parsed.tree) : [];
}

/**
 * The outline of a rendered guide. Without steps it is just the headings the renderer already
 * collected (with the ids it gave them), so only guides with `<Step>`s are parsed a second time.
 */
export function outlineOfRendered(source: string, file: string, headings: readonly { depth: number; slug: string; text: string }[]): OutlineItem[] {
  if (source.includes('<Step')) return outlineOfSource(source, file);
  return headings.map((heading) => ({ kind: 'heading', depth: heading.depth, id: heading.slug, text: heading.text }));
}
