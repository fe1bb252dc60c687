/**
 * Links: relative `.md` links and mapped app.gitbook.com links point at the imported pages; page
 * mentions lose GitBook's "mention" title; a link into another GitBook space is kept and reported.
 */
import type { ImportContext } from '../context.ts';
import { walk, type Node } from '../tree.ts';

export function gitbookLinks(context: ImportContext) {
  return (tree: Node) => {
    for (const node of walk(tree)) {
      if (node.type !== 'link') continue;
      if (node.title === 'mention') {
        context.reporter.count('mention');
        node.title = null;
      }
      const url = node.url ?? '';
      const rewritten = context.options.rewriteLink?.(url);
      if (rewritten !== undefined) {
        context.reporter.count('link');
        node.url = rewritten;
      } else if (/app\.gitbook\.com/.test(url)) {
        context.reporter.add(
          'gitbook/other-space-link',
          `Link to another GitBook space kept as it is: ${url}`,
          node.position,
          "Map the space's URL prefix to a site path with `--links`.",
        );
      }
    }
  };
}
