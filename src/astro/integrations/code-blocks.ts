/**
 * A Sätteri hast plugin that makes code blocks reachable by keyboard (`tabindex="0"`): a long line
 * scrolls the block sideways, and a reader without a mouse must be able to focus it to scroll.
 */

/** Sources without a fence or `<pre>` have no code block; they skip the plugin. */
const MAY_HAVE_A_CODE_BLOCK = /```|~~~|<pre|^(?: {4}|\t)\S/m;

export function codeBlocksPlugin() {
  const plugin = {
    name: 'stepdocs-code-blocks',
    element: {
      filter: ['pre'],
      visit(node: unknown, ctx: { setProperty(node: unknown, key: string, value: unknown): void }) {
        ctx.setProperty(node, 'tabIndex', 0);
      },
    },
  };
  return (document: { source: string }) => (MAY_HAVE_A_CODE_BLOCK.test(document.source) ? plugin : null);
}
