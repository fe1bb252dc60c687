/**
 * `{% tabs %}` / `{% tab title="…" %}` → `<Tabs>` with a `<Tab label="…">` per tab; anything GitBook
 * put between the tabs follows the group.
 */
import { jsxAttribute, jsxFlow, type Node } from '../tree.ts';
import { blockPlugin } from './block.ts';

export const gitbookTabs = blockPlugin(['tabs'], (block, context) => {
  context.reporter.count('tabs');
  const children = block.children ?? [];
  const isTab = (node: Node) => node.type === 'gitbookBlock' && node.name === 'tab';
  const tabs = children
    .filter(isTab)
    .map((tab) => ({ ...jsxFlow('Tab', [jsxAttribute('label', tab.args?.title ?? 'Tab')], tab.children ?? []), position: tab.position! }));
  return [{ ...jsxFlow('Tabs', [], tabs), position: block.position! }, ...children.filter((node) => !isTab(node))];
});
