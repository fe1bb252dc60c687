/** The shape of a plugin for GitBook block tags: each `gitbookBlock` of the named tags, innermost first. */
import type { ImportContext } from '../context.ts';
import { mapChildren, type Node } from '../tree.ts';

export type BlockPlugin = ((context: ImportContext) => (tree: Node) => void) & { blocks: readonly string[] };

export function blockPlugin(names: readonly string[], convert: (block: Node, context: ImportContext) => Node | Node[] | undefined): BlockPlugin {
  const plugin = (context: ImportContext) => (tree: Node) => {
    mapChildren(tree, (node) => (node.type === 'gitbookBlock' && names.includes(node.name ?? '') ? convert(node, context) : node));
  };
  return Object.assign(plugin, { blocks: names });
}
