/**
 * What has no stepdocs equivalent, reported and never dropped silently: an unknown `{% … %}` block
 * is kept verbatim as a code block, an end tag without its start is left out and named, a block
 * whose end tag never came is named (its content was read to the end of the enclosing block).
 */
import { abbreviate } from '../../findings.ts';
import { mapChildren, walk, type Node } from '../tree.ts';
import type { ImportContext } from '../context.ts';

export function gitbookUnknownBlocks(context: ImportContext) {
  return (tree: Node) => {
    for (const node of walk(tree)) {
      if (node.type === 'gitbookBlock' && node.closed === false && (node.children ?? []).length > 0) {
        context.reporter.add(
          'gitbook/unclosed-block',
          `\`${abbreviate(node.raw ?? '')}\` has no end tag; its content runs to the end of the enclosing block`,
          node.position,
          `Add \`{% end${node.name} %}\` where the block ends.`,
        );
      }
    }
    mapChildren(tree, (node) => {
      if (node.type === 'gitbookOrphan') {
        context.reporter.add(
          'gitbook/orphan-end-tag',
          `\`${node.raw}\` has no start tag; it is left out`,
          node.position,
          'Check whether a block above lost its start tag.',
        );
        return undefined;
      }
      if (node.type !== 'gitbookBlock') return node;
      context.reporter.count('kept-as-is');
      context.reporter.add(
        'gitbook/unknown-block',
        `\`{% ${node.name} %}\` has no stepdocs equivalent; kept as a code block`,
        node.position,
        'Rewrite it with stepdocs components, or leave it as readable code.',
      );
      return { type: 'code', lang: 'text', value: node.source ?? '', position: node.position! };
    });
  };
}
