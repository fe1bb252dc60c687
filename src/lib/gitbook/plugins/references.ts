/**
 * Blocks that point elsewhere: `{% content-ref %}` (a card titled with the linked page's title),
 * `{% embed url %}` (a link captioned with the block's text, else the URL), `{% file src %}` (a link
 * to the file, captioned with the block's text, else the file name).
 */
import { contentRefTitle } from '../context.ts';
import { paragraph, text, textOf } from '../tree.ts';
import { blockPlugin } from './block.ts';

export const gitbookContentRefs = blockPlugin(['content-ref', 'page-ref'], (block, context) => {
  context.reporter.count('content-ref');
  const url = block.args?.url ?? block.args?.page ?? block.args?.[''] ?? '';
  const target = context.options.rewriteLink?.(url) ?? url;
  return {
    ...paragraph([{ type: 'link', url: target, title: null, children: [text(contentRefTitle(url, textOf(block.children ?? []), context.options))] }]),
    position: block.position!,
  };
});

export const gitbookEmbeds = blockPlugin(['embed'], (block, context) => {
  context.reporter.count('embed');
  const url = block.args?.url ?? '';
  return { ...paragraph([{ type: 'link', url, title: null, children: [text(embedCaption(url, textOf(block.children ?? [])))] }]), position: block.position! };
});

export const gitbookFiles = blockPlugin(['file'], (block, context) => {
  context.reporter.count('file');
  const src = block.args?.src ?? '';
  return {
    ...paragraph([{ type: 'link', url: src, title: null, children: [text(fileCaption(src, textOf(block.children ?? [])))] }]),
    position: block.position!,
  };
});

export function embedCaption(url: string, inner: string): string {
  return inner.trim() || url;
}

export function fileCaption(src: string, inner: string): string {
  return inner.trim() || src.split('/').pop() || src;
}
