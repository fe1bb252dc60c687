/**
 * Block-level HTML: comments go; `<details>` and wrapper tags (`<div align="center">` … `</div>`)
 * around Markdown are paired across the Markdown between them; any other fragment (figures, tables,
 * card views, headings, paragraphs) is parsed with hast-util-from-html and converted to mdast.
 */
import type { ImportContext } from '../context.ts';
import { parseFragment, readTag } from '../html-tags.ts';
import { hastToMdast } from '../html-to-mdast.ts';
import { jsxFlow, mapChildren, PHRASING_PARENTS, type Node } from '../tree.ts';

const PHRASING = new Set(['text', 'emphasis', 'strong', 'delete', 'inlineCode', 'break', 'link', 'image', 'html']);

export function gitbookHtmlBlocks(context: ImportContext) {
  return (tree: Node) => {
    pairContainers(tree, context);
    mapChildren(tree, (node, parent) => {
      if (node.type !== 'html' || PHRASING_PARENTS.has(parent.type)) return node;
      const tag = readTag(node.value ?? '');
      if (tag?.kind === 'comment') return undefined;
      // A start or end tag on its own whose partner never came: the tag goes, the Markdown around it stays.
      if ((tag?.kind === 'open' && !tag.void) || tag?.kind === 'close') return undefined;
      return toFlow(hastToMdast(parseFragment(node.value ?? ''), context, node.position));
    });
  };
}

/** `<details>` … `</details>` and other start/end tags in sibling html nodes, with Markdown between. */
function pairContainers(node: Node, context: ImportContext): void {
  if (!node.children || PHRASING_PARENTS.has(node.type)) return;
  const result: Node[] = [];
  const nodes = node.children;
  for (let index = 0; index < nodes.length; index += 1) {
    const child = nodes[index]!;
    const open = child.type === 'html' ? openingOf(child.value ?? '') : undefined;
    const close = open
      ? nodes.findIndex(
          (candidate, at) => at > index && candidate.type === 'html' && new RegExp(`^</${open.name}\\s*>$`, 'i').test((candidate.value ?? '').trim()),
        )
      : -1;
    if (!open || close === -1) {
      pairContainers(child, context);
      result.push(child);
      continue;
    }
    const inner = nodes.slice(index + 1, close);
    const wrapper: Node = { type: 'root', children: inner };
    pairContainers(wrapper, context);
    index = close;
    if (open.name !== 'details') {
      result.push(...(open.rest ? toFlow(hastToMdast(parseFragment(open.rest), context, child.position)) : []), ...wrapper.children!);
      continue;
    }
    context.reporter.count('details');
    let summary = open.summary;
    let body = wrapper.children!;
    if (summary === undefined && body[0]?.type === 'html') {
      summary = /<summary>([\s\S]*?)<\/summary>/i.exec(body[0].value ?? '')?.[1];
      if (summary !== undefined) body = body.slice(1);
    }
    const title = summary === undefined ? [] : toFlow(hastToMdast(parseFragment(summary), context, child.position)).flatMap((part) => part.children ?? []);
    result.push(jsxFlow('details', [], [jsxFlow('summary', [], title), ...body]));
  }
  node.children = result;
}

/** `<details>` / `<details><summary>…</summary>` / `<div class="x">`: a block opening whose end comes later. */
function openingOf(html: string): { name: string; summary?: string; rest?: string } | undefined {
  const trimmed = html.trim();
  const match = /^<([a-z][\w-]*)\b[^>]*>/i.exec(trimmed);
  if (!match) return undefined;
  const name = match[1]!.toLowerCase();
  if (new RegExp(`</${name}\\s*>`, 'i').test(trimmed)) return undefined;
  const rest = trimmed.slice(match[0].length).trim();
  if (name === 'details') {
    const summary = /^<summary>([\s\S]*?)<\/summary>/i.exec(rest);
    return summary ? { name, summary: summary[1]! } : rest === '' ? { name } : undefined;
  }
  return rest === '' ? { name } : { name, rest };
}

/** Nodes as flow content: runs of phrasing nodes become paragraphs. */
export function toFlow(nodes: Node[]): Node[] {
  const result: Node[] = [];
  for (const node of nodes) {
    if (!PHRASING.has(node.type)) {
      result.push(node);
      continue;
    }
    const last = result.at(-1);
    if (last?.type === 'paragraph' && last.data?.fromHtml) last.children!.push(node);
    else result.push({ type: 'paragraph', children: [node], data: { fromHtml: true }, ...(node.position ? { position: node.position } : {}) });
  }
  return result.filter(
    (node) => !(node.type === 'paragraph' && (node.children ?? []).every((child) => child.type === 'text' && (child.value ?? '').trim() === '')),
  );
}
