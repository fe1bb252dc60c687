/**
 * The tree the GitBook importer works on: mdast as remark-parse builds it, plus three node types of
 * its own (`gitbookBlock`, `gitbookOrphan`, and MDX JSX elements built on the way), and the helpers
 * every construct plugin uses to build and read nodes.
 */

export interface Point {
  line: number;
  column: number;
  offset?: number;
}

export interface Position {
  start: Point;
  end: Point;
}

export interface JsxAttribute {
  type: 'mdxJsxAttribute';
  name: string;
  value: string | null;
}

/**
 * One loose node shape: plugins turn nodes of one type into another (a `gitbookBlock` into a
 * `Hint`, an `html` node into a table), which mdast's closed unions make more noise than help.
 */
export interface Node {
  type: string;
  children?: Node[];
  value?: string;
  url?: string;
  alt?: string | null;
  title?: string | null;
  lang?: string | null;
  meta?: string | null;
  depth?: number;
  ordered?: boolean | null;
  start?: number | null;
  spread?: boolean | null;
  align?: Array<'left' | 'right' | 'center' | null>;
  /** JSX element name, or the GitBook block's tag name. */
  name?: string | null;
  attributes?: JsxAttribute[];
  /** GitBook block: the tag's arguments, the tag as written, whether its end tag came. */
  args?: Record<string, string>;
  raw?: string;
  closed?: boolean;
  /** GitBook block: the block's whole source, start tag to end tag. */
  source?: string;
  position?: Position;
  data?: Record<string, unknown>;
}

/** The text of nodes as a reader reads it: a line break reads as a space, so two lines never glue together. */
export function textOf(node: Node | Node[]): string {
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (node.type === 'break') return ' ';
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  return node.children ? textOf(node.children) : '';
}

export function jsxAttribute(name: string, value: string | null): JsxAttribute {
  return { type: 'mdxJsxAttribute', name, value };
}

export function jsxFlow(name: string, attributes: JsxAttribute[], children: Node[]): Node {
  return { type: 'mdxJsxFlowElement', name, attributes, children };
}

export function attributeOf(node: Node, name: string): string | null | undefined {
  return node.attributes?.find((attribute) => attribute.name === name)?.value;
}

export function paragraph(children: Node[]): Node {
  return { type: 'paragraph', children };
}

export function text(value: string): Node {
  return { type: 'text', value };
}

/**
 * Rewrites every parent's children bottom-up: `visit(node)` returns what stands in the node's place
 * (itself, nothing, or several nodes). Children are rewritten before their parent sees them.
 */
export function mapChildren(node: Node, visit: (child: Node, parent: Node) => Node | Node[] | undefined): void {
  if (!node.children) return;
  const next: Node[] = [];
  for (const child of node.children) {
    mapChildren(child, visit);
    const result = visit(child, node);
    if (result === undefined) continue;
    if (Array.isArray(result)) next.push(...result);
    else next.push(result);
  }
  node.children = next;
}

/** Every node of the tree, parents before children. */
export function* walk(node: Node): Generator<Node> {
  yield node;
  for (const child of node.children ?? []) yield* walk(child);
}

/** Node types whose children are phrasing (inline) content. */
export const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell', 'strong', 'emphasis', 'delete', 'link', 'linkReference', 'mdxJsxTextElement']);
