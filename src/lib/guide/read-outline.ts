/** The outline of a guide's source, for pages: parse once, never throw (the build validator reports parse errors). */
import { parseContent } from './mdast.ts';
import { guideOutline, type OutlineItem } from './outline.ts';

export function outlineOfSource(source: string, file: string): OutlineItem[] {
  const parsed = parseContent(source, file);
  return parsed.ok ? guideOutline(parsed.tree) : [];
}
