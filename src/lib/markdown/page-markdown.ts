/**
 * A page's Markdown copy, for AI readers and scripts (`<page>/index.md`, llms-full.txt) and the
 * "Copy page as Markdown" button: the MDX read with Sätteri, stepdocs' components turned into plain
 * Markdown, written with mdast-util-to-markdown. Steps become a numbered list whose items start with
 * the step's title linked to its anchor, hints blockquotes that name their type, figures images with
 * alt text and caption, widgets the text readers without JavaScript get, tabs labelled sections.
 */
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { attribute, parseContent, type MdNode } from '../mdx/mdast.ts';
import { isContentFileLink } from '../links/content-link.ts';
import { isRemoteReference } from '../guide/resolve-asset.ts';
import { widgetFallback } from './widget-fallbacks.ts';
import { urlRangeOf, writeDestination } from './url-range.ts';
import { fillTemplate, isKeeperUrlKind, isValueName, isValuesMeta, valueText } from '../keeper/reader-values.ts';

export interface MarkdownPage {
  title: string;
  description: string;
  /** Absolute URL of the HTML page, for step anchors and relative links. */
  url: string;
  /** The MDX body (after the frontmatter). */
  body: string;
  file: string;
  /** Absolute URL of a content file link (`./okta.mdx#x`) or a site path (`/1.0/okta/`), or undefined to keep it. */
  resolveLink?: (href: string) => string | undefined;
  /** Site URL of a figure's image, or undefined to keep the path as written. */
  resolveImage?: (src: string) => string | undefined;
  /** Absolute URL of the metadata rules page, which the checker's fallback names. */
  rulesUrl: string;
}

const HINT_LABELS: Record<string, string> = { info: 'Note', success: 'Tip', warning: 'Warning', danger: 'Danger' };

export function pageMarkdown(page: MarkdownPage): string {
  const parsed = parseContent(page.body, page.file.replace(/\.md$/, '.mdx'));
  const body = parsed.ok
    ? convertChildren(parsed.tree.children ?? [], { ...page, source: page.body })
    : [{ type: 'paragraph', children: [{ type: 'text', value: page.body }] }];
  const tree = {
    type: 'root',
    children: [
      { type: 'heading', depth: 1, children: [{ type: 'text', value: page.title }] },
      { type: 'blockquote', children: [{ type: 'paragraph', children: [{ type: 'text', value: page.description }] }] },
      ...body,
    ],
  };
  return toMarkdown(tree as never, { extensions: [gfmToMarkdown()], bullet: '-', emphasis: '_', rule: '-', fences: true, listItemIndent: 'one' });
}

type Out = Record<string, unknown> & { type: string };

/**
 * Most of an MDX page already is Markdown: a node with nothing to convert (no component, expression
 * or link to resolve) is copied from the source as written, which is also what the author wrote,
 * and costs a slice instead of a conversion (it keeps a 2,000-page build's copies under a second).
 */
function convertChildren(nodes: readonly MdNode[], page: MarkdownPage & { source?: string }): Out[] {
  return nodes.flatMap((node) => {
    const start = node.position?.start;
    const end = node.position?.end;
    if (page.source === undefined || start?.offset === undefined || end?.offset === undefined || start.column !== 1 || !isMarkdown(node))
      return convert(node, page);
    const edits = urlEdits(node, page);
    if (edits === undefined) return convert(node, page);
    let text = page.source.slice(start.offset, end.offset);
    for (const edit of edits.sort((a, b) => b.from - a.from)) text = text.slice(0, edit.from - start.offset) + edit.text + text.slice(edit.to - start.offset);
    return [{ type: 'html', value: text }];
  });
}

/** True when a node and everything in it is Markdown (no component, expression or raw HTML). */
function isMarkdown(node: MdNode): boolean {
  if (node.type.startsWith('mdx') || node.type === 'yaml' || node.type === 'toml' || node.type === 'html') return false;
  if (node.type === 'code' && isValuesMeta(node.meta)) return false;
  return (node.children ?? []).every(isMarkdown);
}

/**
 * The URLs of links and images inside `node` that the copy must change, as replacements of their
 * exact source ranges (the parser's positions, never a search of the text); undefined when a URL's
 * range cannot be told apart, so the node is converted instead.
 */
function urlEdits(node: MdNode, page: MarkdownPage & { source?: string }): Array<{ from: number; to: number; text: string }> | undefined {
  const edits: Array<{ from: number; to: number; text: string }> = [];
  const visit = (child: MdNode): boolean => {
    const url = child.url ?? '';
    const change = child.type === 'image' ? !isRemoteReference(url) : (child.type === 'link' || child.type === 'definition') && linkNeedsResolving(url);
    if (change) {
      const resolved = child.type === 'image' ? page.resolveImage?.(url) : url.startsWith('#') ? `${page.url}${url}` : page.resolveLink?.(url);
      if (resolved !== undefined && resolved !== url) {
        const range = urlRangeOf(child, page.source!);
        if (!range) return false;
        edits.push({ from: range.from, to: range.to, text: writeDestination(resolved) });
      }
    }
    return (child.children ?? []).every(visit);
  };
  return visit(node) ? edits : undefined;
}

/** Links a copy must change: to an anchor, a site path or a content file (other relative links resolve as on the page). */
function linkNeedsResolving(href: string): boolean {
  return href.startsWith('#') || (href.startsWith('/') && !href.startsWith('//')) || isContentFileLink(href);
}

function text(value: string): Out {
  return { type: 'text', value };
}

function stringAttribute(node: MdNode, name: string): string {
  const value = attribute(node, name);
  return typeof value === 'string' ? value : '';
}

function convert(node: MdNode, page: MarkdownPage): Out[] {
  switch (node.type) {
    case 'mdxjsEsm':
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
    case 'yaml':
    case 'toml':
      return [];
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return component(node, page);
    case 'image': {
      const src = node.url ?? '';
      return [{ ...withoutPosition(node), url: isRemoteReference(src) ? src : (page.resolveImage?.(src) ?? src) }];
    }
    case 'code':
      // A copy has no reader: placeholders show their generic form, as on the page before values are given.
      if (!isValuesMeta(node.meta)) return [withoutPosition(node)];
      return [
        {
          ...withoutPosition(node),
          meta: (node.meta ?? '').replace(/(?:^|\s)values(?=\s|$)/, '').trim() || null,
          value: fillTemplate(node.value ?? '', undefined),
        },
      ];
    case 'link': {
      const href = node.url ?? '';
      const sitePath = href.startsWith('/') && !href.startsWith('//');
      const resolved = isContentFileLink(href) || sitePath ? page.resolveLink?.(href) : href.startsWith('#') ? `${page.url}${href}` : undefined;
      return [{ ...withoutPosition(node), url: resolved ?? href, children: convertChildren(node.children ?? [], page) }];
    }
    default: {
      const copy: Out = withoutPosition(node);
      if (node.children) copy.children = convertChildren(node.children, page);
      return [copy];
    }
  }
}

function withoutPosition(node: MdNode): Out {
  const { position: _position, children: _children, ...rest } = node;
  return rest as Out;
}

function component(node: MdNode, page: MarkdownPage): Out[] {
  const children = () => convertChildren(node.children ?? [], page);
  switch (node.name) {
    case 'Steps':
      return [
        {
          type: 'list',
          ordered: true,
          start: 1,
          spread: true,
          children: (node.children ?? []).filter((child) => child.name === 'Step').map((step) => stepItem(step, page)),
        },
      ];
    case 'Step':
      return [{ type: 'list', ordered: true, spread: true, children: [stepItem(node, page)] }];
    case 'Hint': {
      const type = stringAttribute(node, 'type') || 'info';
      const title = stringAttribute(node, 'title');
      const label = `${HINT_LABELS[type] ?? 'Note'}${title ? `: ${title}` : ''}`;
      return [{ type: 'blockquote', children: [{ type: 'paragraph', children: [{ type: 'strong', children: [text(label)] }] }, ...children()] }];
    }
    case 'Figure': {
      const src = stringAttribute(node, 'src');
      const caption = stringAttribute(node, 'caption');
      const image: Out = { type: 'image', url: page.resolveImage?.(src) ?? src, alt: stringAttribute(node, 'alt'), title: caption || null };
      return [
        { type: 'paragraph', children: [image] },
        ...(caption ? [{ type: 'paragraph', children: [{ type: 'emphasis', children: [text(caption)] }] }] : []),
      ];
    }
    case 'Ui':
      return [{ type: 'strong', children: children() }];
    case 'Copy':
      return [{ type: 'inlineCode', value: plainText(node) }];
    case 'Tabs':
      return (node.children ?? [])
        .filter((child) => child.name === 'Tab')
        .flatMap((tab) => [
          { type: 'paragraph', children: [{ type: 'strong', children: [text(stringAttribute(tab, 'label'))] }] },
          ...convertChildren(tab.children ?? [], page),
        ]);
    case 'LoginUrlCalculator':
    case 'MetadataChecker':
      return widgetFallback(node.name, page.rulesUrl);
    case 'KeeperUrl':
    case 'Value':
      return [text(placeholderText(node))];
    default:
      return children();
  }
}

/** The generic form of a `<KeeperUrl>` or `<Value>`: what the page shows before the reader gives values. */
function placeholderText(node: MdNode): string {
  const name = stringAttribute(node, node.name === 'KeeperUrl' ? 'kind' : 'name');
  if (node.name === 'KeeperUrl' ? !isKeeperUrlKind(name) : !isValueName(name)) return '';
  const fallback = attribute(node, 'fallback');
  return valueText(name as never, undefined, typeof fallback === 'string' ? fallback : undefined);
}

function stepItem(step: MdNode, page: MarkdownPage): Out {
  const id = stringAttribute(step, 'id');
  const title = stringAttribute(step, 'title');
  const heading: Out = {
    type: 'paragraph',
    children: [{ type: 'strong', children: [id ? { type: 'link', url: `${page.url}#${id}`, children: [text(title)] } : text(title)] }],
  };
  return { type: 'listItem', spread: true, children: [heading, ...convertChildren(step.children ?? [], page)] };
}

function plainText(node: MdNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  if (node.name === 'KeeperUrl' || node.name === 'Value') return placeholderText(node);
  return (node.children ?? []).map(plainText).join('');
}
