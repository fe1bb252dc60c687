/**
 * `{% tabs %}` / `{% tab title="…" %}`: stepdocs has no tabs component yet, so each tab becomes a
 * heading with its title and its content below it (the report says so); every panel stays readable.
 */
import { walk, type Node } from '../tree.ts';
import { blockPlugin } from './block.ts';

export const gitbookTabs = blockPlugin(['tabs'], (block, context) => {
  context.reporter.count('tabs');
  context.reporter.add('gitbook/tabs-as-headings', 'Tabs written as one heading per tab, each panel below its heading', block.position, 'Nothing to do: every panel stays readable.');
  const depth = headingDepth(block);
  return (block.children ?? []).flatMap((tab): Node[] => {
    if (tab.type !== 'gitbookBlock' || tab.name !== 'tab') return [tab];
    return [{ type: 'heading', depth, children: [{ type: 'text', value: tab.args?.title ?? 'Tab' }], position: tab.position! }, ...(tab.children ?? [])];
  });
});

/** Level 3, or one above the panels' own headings where they use level 3 (never above level 2). */
function headingDepth(block: Node): number {
  let shallowest = 7;
  for (const node of walk(block)) if (node.type === 'heading' && node !== block) shallowest = Math.min(shallowest, node.depth ?? 7);
  return Math.max(2, Math.min(3, shallowest - 1));
}
