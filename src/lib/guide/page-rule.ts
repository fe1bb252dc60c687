/**
 * The shape of a page rule (structure, components, frontmatter) and what its check reads: one parsed
 * page, indexed once so that each rule looks only at the elements it is about. The page engine
 * (validate-guide.ts) builds the context and runs every rule of the table (rules.ts).
 */
import type { Place } from '../findings.ts';
import type { ImageStatus } from '../links/image-rules.ts';
import type { Rule } from '../rule.ts';
import { isJsx, walk, type MdNode } from '../mdx/mdast.ts';
import { guideOutline } from './outline.ts';

export interface PageContext {
  tree: MdNode;
  source: string;
  file: string;
  /** Looks up an image path as written on the page; undefined skips file checks (the editor, the examples). */
  checkAsset: ((src: string) => ImageStatus) | undefined;
  /** Anchors of the page's headings. */
  headingIds: ReadonlySet<string>;
  /** Capitalised JSX elements (components) by name, in document order, with their parents. */
  elements(name: string): ReadonlyArray<Located>;
  /** Every capitalised JSX element, in document order. */
  components(): ReadonlyArray<Located>;
  /** Nodes of one mdast type (`image`, `link`, `code` …), in document order. */
  nodes(type: string): readonly MdNode[];
}

export interface Located {
  node: MdNode;
  parent: MdNode | undefined;
}

export type PageReport = (place: Place | undefined, reason: string, note?: string) => void;

export type PageCheck =
  | { stage: 'page'; run(page: PageContext, report: PageReport): void }
  /** Checked against the frontmatter schema by checkFrontmatter (frontmatter.ts). */
  | { stage: 'frontmatter' }
  /** Reported by the parser itself, before any rule can run. */
  | { stage: 'parse' };

export type PageRule = Rule<PageCheck>;

/** One walk over the tree: components by name, nodes by type, heading anchors. */
export function pageContext(tree: MdNode, source: string, file: string, checkAsset?: (src: string) => ImageStatus): PageContext {
  const byName = new Map<string, Located[]>();
  const all: Located[] = [];
  const byType = new Map<string, MdNode[]>();
  walk(tree, (node, ancestors) => {
    const list = byType.get(node.type) ?? [];
    list.push(node);
    byType.set(node.type, list);
    if (!isJsx(node) || !node.name || !/^[A-Z]/.test(node.name) || node.name.includes('.')) return;
    const located = { node, parent: ancestors.at(-1) };
    all.push(located);
    const named = byName.get(node.name) ?? [];
    named.push(located);
    byName.set(node.name, named);
  });
  const headingIds = new Set(
    guideOutline(tree)
      .filter((item) => item.kind === 'heading')
      .map((item) => item.id),
  );
  return {
    tree,
    source,
    file,
    checkAsset,
    headingIds,
    elements: (name) => byName.get(name) ?? [],
    components: () => all,
    nodes: (type) => byType.get(type) ?? [],
  };
}
