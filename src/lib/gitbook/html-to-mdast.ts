/**
 * GitBook's HTML (figures, card tables, `<details>`, expressions, icons) to mdast, through
 * hast-util-to-mdast with handlers for what GitBook means by its markup. Every element keeps its
 * text; only icons, comments, scripts and styles (which readers never see as text) are left out.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { defaultHandlers, toMdast, type Handle, type State } from 'hast-util-to-mdast';
import { toText } from 'hast-util-to-text';
import { abbreviate } from '../findings.ts';
import { type ImportContext, expressionValue } from './context.ts';
import { classOf, isIcon, propertyOf } from './html-tags.ts';
import { jsxFlow, type Node, type Position } from './tree.ts';

export function hastToMdast(tree: HastRoot, context: ImportContext, position: Position | undefined): Node[] {
  const own = handlers(context, position);
  const unknown = new Set<string>();
  unmapped(tree, own, unknown);
  const mdast = toMdast(tree, { handlers: own, nodeHandlers: { comment: () => undefined } }) as unknown as Node;
  for (const name of unknown)
    context.reporter.add(
      'gitbook/unknown-html',
      `HTML element \`<${name}>\` has no MDX mapping; its text is kept`,
      position,
      'Check the text reads well without the element.',
    );
  const nodes = mdast.type === 'root' ? (mdast.children ?? []) : [mdast];
  for (const node of nodes) place(node, position);
  return nodes;
}

function place(node: Node, position: Position | undefined): void {
  if (position) node.position = position;
  else delete node.position;
  for (const child of node.children ?? []) place(child, position);
}

/** Elements hast-util-to-mdast has no handler for: their text is kept (it converts their children), and they are named. */
function unmapped(node: HastRoot | Element, own: Record<string, Handle>, names: Set<string>): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (!Object.hasOwn(defaultHandlers, child.tagName) && !Object.hasOwn(own, child.tagName)) names.add(child.tagName);
    unmapped(child, own, names);
  }
}

function handlers(context: ImportContext, position: Position | undefined): Record<string, Handle> {
  const image = (element: Element, caption: string | null): Node => ({
    type: 'image',
    url: propertyOf(element, 'src') ?? '',
    alt: propertyOf(element, 'alt') ?? '',
    title: caption,
  });
  const findImage = (element: Element): Element | undefined => {
    for (const child of element.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'img') return child;
      const inner = findImage(child);
      if (inner) return inner;
    }
    return undefined;
  };
  const darkVariant = (element: Element) => {
    const dark = element.children.some(
      (child) => child.type === 'element' && child.tagName === 'source' && /prefers-color-scheme:\s*dark/i.test(propertyOf(child, 'media') ?? ''),
    );
    if (dark)
      context.reporter.add(
        'gitbook/dark-image',
        'A dark-mode variant of an image was not kept; the light image is used in both themes',
        position,
        'Add the dark image by hand if the light one does not read on a dark page.',
      );
  };
  return {
    figure(_state, element) {
      const img = findImage(element);
      const caption = element.children.find((child): child is Element => child.type === 'element' && child.tagName === 'figcaption');
      const picture = element.children.find((child): child is Element => child.type === 'element' && child.tagName === 'picture');
      if (picture) darkVariant(picture);
      const captionText = caption ? toText(caption).trim().replace(/\s+/g, ' ') : '';
      return img ? (image(img, captionText || null) as never) : undefined;
    },
    picture(_state, element) {
      darkVariant(element);
      const img = findImage(element);
      return img ? (image(img, propertyOf(img, 'title') ?? null) as never) : undefined;
    },
    i(state, element) {
      if (isIcon(element)) {
        context.reporter.count('icon');
        return undefined;
      }
      return defaultHandlers.i!(state, element);
    },
    code(state, element) {
      const code = toText(element);
      if (!/\bexpression\b/.test(classOf(element))) return defaultHandlers.code!(state, element);
      const value = expressionValue(code, context.options.vars);
      if (value !== undefined) {
        context.reporter.count('variable');
        return { type: 'text', value } as never;
      }
      context.reporter.add(
        'gitbook/expression',
        `Expression \`${abbreviate(code)}\` kept as code: it is not a space variable`,
        position,
        'Replace it with the text readers should see.',
      );
      return { type: 'inlineCode', value: code } as never;
    },
    details(state, element) {
      context.reporter.count('details');
      const summary = element.children.find((child): child is Element => child.type === 'element' && child.tagName === 'summary');
      const body = { ...element, children: element.children.filter((child) => child !== summary) };
      const title = summary ? toText(summary).trim().replace(/\s+/g, ' ') : '';
      const children = state.toFlow(state.all(body)) as unknown as Node[];
      return jsxFlow('details', [], [jsxFlow('summary', [], title ? [{ type: 'text', value: title }] : []), ...children]) as never;
    },
    table(state, element) {
      return (propertyOf(element, 'dataView') === 'cards' ? cards(state, element, context) : table(state, element)) as never;
    },
    ...Object.fromEntries(
      ['button', 'mark', 'kbd'].map((name) => [
        name,
        ((state: State, element: Element) => {
          context.reporter.count(name === 'button' ? 'button' : 'inline-html');
          return state.all(element);
        }) as Handle,
      ]),
    ),
  } satisfies Record<string, Handle>;

  function table(state: State, element: Element): unknown {
    context.reporter.count('table');
    const hidden = hiddenColumns(element);
    const mdast = defaultHandlers.table!(state, flattenCells(hidden.size === 0 ? element : withoutColumns(element, hidden))) as unknown as Node;
    for (const row of mdast.children ?? []) for (const cell of row.children ?? []) cell.children = tidyCell(cell.children ?? []);
    return mdast;
  }
}

const BLOCKS = new Set([
  'p',
  'div',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'figure',
  'figcaption',
  'br',
  'hr',
  'dl',
  'dt',
  'dd',
]);

/**
 * A Markdown table cell holds one line of phrasing: paragraphs, lists and breaks inside a cell are
 * laid out on that line, kept apart by spaces (list items by `•`), so no two words glue together.
 */
function flattenCells(node: Element): Element {
  const isCell = node.tagName === 'td' || node.tagName === 'th';
  const children = node.children.map((child) => (child.type === 'element' ? flattenCells(child) : child));
  return { ...node, children: isCell ? inline(children) : children };
}

function inline(nodes: ElementContent[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type !== 'element' || !BLOCKS.has(node.tagName)) return [node];
    const prefix: ElementContent[] = node.tagName === 'li' ? [{ type: 'text', value: ' • ' }] : [{ type: 'text', value: ' ' }];
    return [...prefix, ...inline(node.children), { type: 'text', value: ' ' }];
  });
}

/** One line of phrasing: neighbouring texts joined, runs of spaces made one, the ends trimmed. */
function tidyCell(nodes: Node[]): Node[] {
  const joined: Node[] = [];
  for (const node of nodes) {
    const last = joined.at(-1);
    if (node.type === 'text' && last?.type === 'text') last.value = `${last.value ?? ''}${node.value ?? ''}`;
    else joined.push(node.type === 'text' ? { ...node } : node);
  }
  for (const node of joined) if (node.type === 'text') node.value = (node.value ?? '').replace(/\s+/g, ' ');
  const first = joined[0];
  const last = joined.at(-1);
  if (first?.type === 'text') first.value = (first.value ?? '').trimStart();
  if (last?.type === 'text') last.value = (last.value ?? '').trimEnd();
  return joined.filter((node) => !(node.type === 'text' && node.value === ''));
}

/** Column indexes of `<th data-hidden>` headers: GitBook does not show them. */
function hiddenColumns(table: Element): Set<number> {
  const headers = rows(table, 'thead')[0]?.filter((cell) => cell.tagName === 'th') ?? [];
  return new Set(headers.flatMap((header, index) => (header.properties.dataHidden !== undefined ? [index] : [])));
}

function rows(table: Element, section: 'thead' | 'tbody'): Element[][] {
  const group = table.children.find((child): child is Element => child.type === 'element' && child.tagName === section);
  return (group?.children ?? [])
    .filter((row): row is Element => row.type === 'element' && row.tagName === 'tr')
    .map((row) => row.children.filter((cell): cell is Element => cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th')));
}

function withoutColumns(table: Element, hidden: Set<number>): Element {
  const strip = (node: ElementContent): ElementContent => {
    if (node.type !== 'element') return node;
    if (node.tagName === 'tr') {
      let index = -1;
      return {
        ...node,
        children: node.children.filter((cell) =>
          cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th') ? !hidden.has((index += 1)) : true,
        ),
      };
    }
    return { ...node, children: node.children.map(strip) };
  };
  return { ...table, children: table.children.map(strip) };
}

/**
 * A card view (`data-view="cards"`): each row a card, linking to its target column. Written as a list
 * of links with the card's visible text, icons and hidden columns left out, as GitBook shows them.
 */
function cards(state: State, table: Element, context: ImportContext): unknown {
  context.reporter.count('cards');
  const headers = rows(table, 'thead')[0] ?? [];
  const hidden = hiddenColumns(table);
  const target = headers.findIndex((header) => header.properties.dataCardTarget !== undefined);
  const items = rows(table, 'tbody').map((cells) => {
    const href = target === -1 ? undefined : cells[target]?.children.length ? findHref(cells[target]!) : undefined;
    const visible = cells.filter((cell, index) => !hidden.has(index) && toText(withoutIcons(cell)).trim() !== '');
    const [titleCell, ...rest] = visible.map((cell) => phrasing(state, withoutIcons(cell)));
    const title = titleCell ?? [];
    const description = rest.flatMap((cell) => [{ type: 'text', value: ' — ' }, ...cell]);
    const head: Node[] = href
      ? [{ type: 'link', url: href, title: null, children: title.length ? withoutLinks(title) : [{ type: 'text', value: href }] }]
      : title;
    return { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [...head, ...description] }] } as Node;
  });
  return { type: 'list', ordered: false, spread: false, children: items };
}

/** Phrasing with links unwrapped to their text: a card's title is itself the link. */
function withoutLinks(nodes: Node[]): Node[] {
  return nodes.flatMap((node) =>
    node.type === 'link' ? withoutLinks(node.children ?? []) : node.children ? [{ ...node, children: withoutLinks(node.children) }] : [node],
  );
}

function findHref(element: Element): string | undefined {
  if (element.tagName === 'a') return propertyOf(element, 'href');
  for (const child of element.children)
    if (child.type === 'element') {
      const href = findHref(child);
      if (href) return href;
    }
  return undefined;
}

function withoutIcons(element: Element): Element {
  return {
    ...element,
    children: element.children
      .filter((child) => !(child.type === 'element' && isIcon(child)))
      .map((child) => (child.type === 'element' ? withoutIcons(child) : child)),
  };
}

/** A cell's content as phrasing: paragraphs inside a card cell are joined with spaces. */
function phrasing(state: State, cell: Element): Node[] {
  const nodes = state.all(cell) as unknown as Node[];
  return nodes.flatMap((node, index) => {
    const inner = node.type === 'paragraph' ? (node.children ?? []) : [node];
    return index > 0 ? [{ type: 'text', value: ' ' }, ...inner] : inner;
  });
}
