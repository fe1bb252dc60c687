/**
 * Blocks whose content simply flows into the page: includes (read by the parser), columns, and
 * `{% if %}` visibility conditions (reported: the content is shown to every reader). A changelog's
 * `{% update date tags %}` keeps its date and tags as a line above the entry.
 */
import { paragraph, text } from '../tree.ts';
import { blockPlugin } from './block.ts';

export const gitbookContainers = blockPlugin(['include', 'columns', 'column', 'updates', 'if'], (block, context) => {
  context.reporter.count(block.name!);
  if (block.name === 'if')
    context.reporter.add(
      'gitbook/condition',
      `Visibility condition \`${block.args?.[''] ?? block.raw}\` not kept: its content is shown to every reader`,
      block.position,
      'Remove the content if it was meant for some readers only.',
    );
  return block.children ?? [];
});

export const gitbookUpdates = blockPlugin(['update'], (block, context) => {
  context.reporter.count('update');
  return [{ ...paragraph([{ type: 'emphasis', children: [text(updateLabel(block.args ?? {}))] }]), position: block.position! }, ...(block.children ?? [])];
});

/** `2026-04-29 · payments · platform`: what GitBook shows above a changelog entry. */
export function updateLabel(args: Record<string, string>): string {
  return [args.date ?? '', ...(args.tags ?? '').split(',').map((tag) => tag.trim())].filter(Boolean).join(' · ');
}
