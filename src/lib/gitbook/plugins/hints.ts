/** `{% hint style="…" %}` → `<Hint type="…">`; a heading that opens the hint becomes its title. */
import { jsxAttribute, jsxFlow, textOf } from '../tree.ts';
import { blockPlugin } from './block.ts';

const HINT_TYPES: Record<string, string> = { info: 'info', success: 'success', warning: 'warning', danger: 'danger', tip: 'success', note: 'info' };

export const gitbookHints = blockPlugin(['hint'], (block, context) => {
  context.reporter.count('hint');
  const children = [...(block.children ?? [])];
  const attributes = [jsxAttribute('type', HINT_TYPES[block.args?.style ?? 'info'] ?? 'info')];
  if (children[0]?.type === 'heading') attributes.push(jsxAttribute('title', textOf(children.shift()!).trim()));
  return { ...jsxFlow('Hint', attributes, children), position: block.position! };
});
