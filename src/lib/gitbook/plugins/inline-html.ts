/**
 * Inline HTML arrives from the Markdown parser as separate nodes for the opening tag, the content
 * and the closing tag. Pair them and map each element to Markdown: `<a href>` a link, `<strong>`
 * bold, `<code class="expression">` the variable's value, `<i class="fa-…">` icons go (GitBook shows
 * a picture), formatting tags without a Markdown form (`<mark>`, `<kbd>`, `<sup>`) keep their text.
 * A fragment of several tags in one node is read with hast-util-from-html and hast-util-to-mdast.
 */
import type { Element } from 'hast';
import { type ImportContext, expressionValue } from '../context.ts';
import { classOf, isIcon, parseFragment, propertyOf, readTag, type Tag } from '../html-tags.ts';
import { hastToMdast } from '../html-to-mdast.ts';
import { abbreviate } from '../../findings.ts';
import { PHRASING_PARENTS, textOf, walk, type Node } from '../tree.ts';

const WRAPPERS: Record<string, string> = { strong: 'strong', b: 'strong', em: 'emphasis', i: 'emphasis', s: 'delete', del: 'delete' };

export function gitbookInlineHtml(context: ImportContext) {
  return (tree: Node) => {
    for (const node of walk(tree)) if (node.children && PHRASING_PARENTS.has(node.type)) node.children = pairTags(node.children, context);
  };
}

function pairTags(nodes: Node[], context: ImportContext): Node[] {
  return joinCode(pairTagsOnce(nodes, context));
}

/** Code spans side by side (two expressions GitBook shows as one run of text) become one code span. */
function joinCode(nodes: Node[]): Node[] {
  const result: Node[] = [];
  for (const node of nodes) {
    const last = result.at(-1);
    if (node.type === 'inlineCode' && last?.type === 'inlineCode') result[result.length - 1] = { ...last, value: `${last.value ?? ''}${node.value ?? ''}` };
    else result.push(node);
  }
  return result;
}

function pairTagsOnce(nodes: Node[], context: ImportContext): Node[] {
  const result: Node[] = [];
  for (let index = 0; index < nodes.length; index += 1) {
    const node = nodes[index]!;
    if (node.type !== 'html') {
      result.push(node);
      continue;
    }
    const tag = readTag(node.value ?? '');
    if (!tag) {
      result.push(...fragment(node, context));
      continue;
    }
    if (tag.kind !== 'open') {
      if (tag.kind === 'placeholder') result.push({ type: 'text', value: tag.text, position: node.position! });
      continue;
    }
    const close = tag.void ? -1 : findClose(nodes, index, tag.name);
    if (close === -1) {
      result.push(...lone(tag, node, context));
      continue;
    }
    const raw = nodes.slice(index + 1, close);
    if (tag.name === 'picture' && raw.some(isDarkSource)) darkVariant(node, context);
    index = close;
    result.push(...element(tag.element, pairTags(raw, context), node, context));
  }
  return result;
}

/** The index of the tag closing the one at `open`, counting nested tags of the same name. */
function findClose(nodes: Node[], open: number, name: string): number {
  let depth = 0;
  for (let index = open + 1; index < nodes.length; index += 1) {
    if (nodes[index]!.type !== 'html') continue;
    const tag = readTag(nodes[index]!.value ?? '');
    if (tag?.kind === 'open' && tag.name === name && !tag.void) depth += 1;
    if (tag?.kind === 'close' && tag.name === name) {
      if (depth === 0) return index;
      depth -= 1;
    }
  }
  return -1;
}

function element(element: Element, inner: Node[], node: Node, context: ImportContext): Node[] {
  const name = element.tagName;
  const href = propertyOf(element, 'href');
  if (name === 'a' && href) {
    if (/\bbutton\b/.test(classOf(element))) context.reporter.count('button');
    return [{ type: 'link', url: href, title: null, children: inner, position: node.position! }];
  }
  if (name === 'code') return [expression(element, textOf(inner), node, context)];
  if (isIcon(element)) {
    context.reporter.count('icon');
    return [];
  }
  if (name === 'picture') return inner;
  if (WRAPPERS[name]) return inner.length > 0 ? [{ type: WRAPPERS[name], children: inner }] : [];
  context.reporter.count(name === 'button' ? 'button' : 'inline-html');
  return inner;
}

function expression(element: Element, code: string, node: Node, context: ImportContext): Node {
  if (!/\bexpression\b/.test(classOf(element))) return { type: 'inlineCode', value: code, position: node.position! };
  const value = expressionValue(code, context.options.vars);
  if (value !== undefined) {
    context.reporter.count('variable');
    return { type: 'text', value, position: node.position! };
  }
  context.reporter.add(
    'gitbook/expression',
    `Expression \`${abbreviate(code)}\` kept as code: it is not a space variable`,
    node.position,
    'Replace it with the text readers should see.',
  );
  return { type: 'inlineCode', value: code, position: node.position! };
}

/** A tag without its closing tag: `<br>` and `<img>` stand alone; any other is left out, its neighbours kept. */
function lone(tag: Extract<Tag, { kind: 'open' }>, node: Node, context: ImportContext): Node[] {
  const { element: el } = tag;
  if (tag.name === 'br') return [{ type: 'break' }];
  if (tag.name === 'img')
    return [
      { type: 'image', url: propertyOf(el, 'src') ?? '', alt: propertyOf(el, 'alt') ?? '', title: propertyOf(el, 'title') ?? null, position: node.position! },
    ];
  if (tag.name === 'source') return [];
  if (tag.name !== 'wbr') context.reporter.count('inline-html');
  return [];
}

function isDarkSource(node: Node): boolean {
  const tag = node.type === 'html' ? readTag(node.value ?? '') : undefined;
  return tag?.kind === 'open' && tag.name === 'source' && /prefers-color-scheme:\s*dark/i.test(propertyOf(tag.element, 'media') ?? '');
}

function darkVariant(node: Node, context: ImportContext): void {
  context.reporter.add(
    'gitbook/dark-image',
    'A dark-mode variant of an image was not kept; the light image is used in both themes',
    node.position,
    'Add the dark image by hand if the light one does not read on a dark page.',
  );
}

/** Several tags in one node (`<img src="a.png" alt="x"><br>`): read as HTML, mapped to phrasing. */
function fragment(node: Node, context: ImportContext): Node[] {
  const tree = parseFragment(node.value ?? '');
  const nodes = hastToMdast(tree, context, node.position);
  return nodes.flatMap((child) => (child.type === 'paragraph' ? (child.children ?? []) : [child]));
}
