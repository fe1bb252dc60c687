/** `{% code title="…" lineNumbers="true" %}` around a fenced block → the fence's meta (`title="…" showLineNumbers`). */
import { blockPlugin } from './block.ts';

export const gitbookCodeTitles = blockPlugin(['code'], (block, context) => {
  context.reporter.count('code');
  const title = block.args?.title;
  const meta = [title ? `title="${title.replace(/"/g, "'")}"` : '', block.args?.lineNumbers === 'true' ? 'showLineNumbers' : ''].filter(Boolean).join(' ');
  return (block.children ?? []).map((child) => (child.type === 'code' && meta ? { ...child, meta } : child));
});
