/**
 * One GitBook page (Git Sync markdown) to stepdocs MDX. GitBook's block tags are tokenised first
 * (blocks.ts), the Markdown between them is parsed with mdast-util-from-markdown, constructs are
 * mapped to stepdocs components, and the tree is written back with mdast-util-to-markdown and the
 * MDX extensions, which escape `{` and `<` where MDX needs it. Anything without an equivalent is
 * kept readable (as a fenced block) and reported; nothing is dropped silently.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown, gfmToMarkdown } from 'mdast-util-gfm';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown } from 'mdast-util-to-markdown';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import GithubSlugger from 'github-slugger';
import { parse as parseHtml, type HTMLElement as HtmlElement } from 'node-html-parser';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { abbreviate } from '../findings.ts';
import { placeFinder } from '../text-position.ts';
import { tokenize, type Segment } from './blocks.ts';

// mdast node shapes are kept loose here: the converter builds MDX JSX nodes the base types do not know.
type Node = { type: string; children?: Node[]; value?: string; url?: string; alt?: string | null; title?: string | null; lang?: string | null; meta?: string | null; depth?: number; name?: string; attributes?: unknown[]; position?: { start: { offset?: number } } };

export interface ImportWarning {
  line: number;
  message: string;
}

export interface PageReport {
  /** Constructs converted, by kind: `hint`, `stepper`, `figure` … */
  converted: Record<string, number>;
  warnings: ImportWarning[];
  /** Images the page needs: where they come from and the local path the page now uses. */
  images: Array<{ source: string; target: string; remote: boolean }>;
}

export interface ConvertOptions {
  /** Source path, for reports. */
  file: string;
  frontmatter: { idp: string; product: string; lastReviewed: string; section: string; order: number };
  /** Rewrites a link target (relative `.md` links, app.gitbook.com links); undefined keeps it. */
  rewriteLink?: (url: string) => string | undefined;
  /** Title of a linked page, for content-ref blocks. */
  titleOf?: (url: string) => string | undefined;
  /** Source of an included file (`.gitbook/includes/…`). */
  readInclude?: (path: string) => string | undefined;
  /** The space's variables (`.gitbook/vars.yaml`), for `space.vars.name` expressions. */
  vars?: Record<string, unknown> | undefined;
}

const HINT_TYPES: Record<string, string> = { info: 'info', success: 'success', warning: 'warning', danger: 'danger', tip: 'success', note: 'info' };

export function convertPage(source: string, options: ConvertOptions): { mdx: string; report: PageReport } {
  const report: PageReport = { converted: {}, warnings: [], images: [] };
  const count = (kind: string) => (report.converted[kind] = (report.converted[kind] ?? 0) + 1);
  const place = placeFinder(source);
  const warn = (offset: number, message: string) => report.warnings.push({ line: place(offset).line, message });

  const { data, body, bodyOffset } = splitFrontmatter(source);
  const slugger = new GithubSlugger();

  const fromSegments = (segments: Segment[], depth: number): Node[] => segments.flatMap((segment) => (segment.kind === 'text' ? fromText(segment.text, segment.offset) : fromBlock(segment, depth)));

  const fromText = (text: string, offset: number): Node[] => {
    if (text.trim() === '') return [];
    // Block math (`$$` lines) has no stepdocs renderer: keep the TeX as a `math` code block.
    const withMath = text.replace(/^\$\$[ \t]*\n([\s\S]*?)\n\$\$[ \t]*$/gm, (_match, tex: string) => {
      count('math');
      return `\`\`\`math\n${tex.trim()}\n\`\`\``;
    });
    const tree = fromMarkdown(withMath.replace(/\u200c/g, ''), { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as unknown as Node;
    return cleanChildren(tree.children ?? [], offset);
  };

  /** `<details><summary>…</summary>` … `</details>` around Markdown: an expandable section. */
  const pairDetails = (nodes: Node[], baseOffset: number): Node[] => {
    const result: Node[] = [];
    for (let index = 0; index < nodes.length; index += 1) {
      const node = nodes[index]!;
      const value = (node.value ?? '').trim();
      if (node.type !== 'html' || !/^<details\b[^>]*>/i.test(value) || /<\/details>\s*$/i.test(value)) {
        result.push(node);
        continue;
      }
      const close = nodes.findIndex((candidate, at) => at > index && candidate.type === 'html' && /^<\/details>$/i.test((candidate.value ?? '').trim()));
      if (close === -1) {
        result.push(node);
        continue;
      }
      let inner = nodes.slice(index + 1, close);
      let summary = /<summary>([\s\S]*?)<\/summary>/i.exec(value)?.[1];
      if (summary === undefined && inner[0]?.type === 'html') {
        summary = /<summary>([\s\S]*?)<\/summary>/i.exec(inner[0].value ?? '')?.[1];
        if (summary !== undefined) inner = inner.slice(1);
      }
      count('details');
      const title = decodeEntities((summary ?? 'Details').replace(/<[^>]+>/g, '').trim());
      result.push({ type: 'mdxJsxFlowElement', name: 'details', attributes: [], children: [{ type: 'mdxJsxFlowElement', name: 'summary', attributes: [], children: [{ type: 'text', value: title }] }, ...cleanChildren(inner, baseOffset)] });
      index = close;
    }
    return result;
  };

  const cleanChildren = (nodes: Node[], baseOffset: number): Node[] =>
    pairDetails(nodes, baseOffset).flatMap((node): Node[] => {
      if (node.type === 'mdxJsxFlowElement') return [node];
      const at = baseOffset + (node.position?.start.offset ?? 0);
      if (node.type === 'html') return fromHtml(node.value ?? '', at, false);
      if (node.type === 'image') return [figure(node.url ?? '', node.alt ?? '', node.title ?? '', at)];
      if (node.type === 'paragraph') {
        const children = cleanInline(node.children ?? [], baseOffset);
        if (children.length === 1 && children[0]!.type === 'mdxJsxFlowElement') return children;
        if (children.every((child) => child.type === 'text' && (child.value ?? '').trim() === '')) return [];
        return [{ ...node, children: trimBreaks(children) }];
      }
      if (node.type === 'link') return [rewriteLinkNode(node, at)];
      if (node.type === 'code') return [{ ...node, value: (node.value ?? '').replace(/\u200c/g, '') }];
      // Headings and table cells hold phrasing content: their HTML is inline HTML.
      if (node.type === 'heading' || node.type === 'tableCell') return [{ ...node, children: trimBreaks(cleanInline(node.children ?? [], baseOffset)) }];
      if (node.children) return [{ ...node, children: cleanChildren(node.children, baseOffset) }];
      return [node];
    });

  /**
   * Inline HTML arrives as separate nodes for the opening tag, the content and the closing tag.
   * Pair them so that `<a href>` stays a link, expressions show their variable's value, and icons go.
   */
  const pairInlineHtml = (nodes: Node[], baseOffset: number): Node[] => {
    const result: Node[] = [];
    for (let index = 0; index < nodes.length; index += 1) {
      const node = nodes[index]!;
      const open = node.type === 'html' ? /^<([a-z][\w-]*)\b([^>]*)>$/i.exec((node.value ?? '').trim()) : null;
      if (!open || /\/$/.test(open[2]!)) {
        result.push(node);
        continue;
      }
      const name = open[1]!.toLowerCase();
      const close = nodes.findIndex((candidate, at) => at > index && candidate.type === 'html' && new RegExp(`^</${name}\\s*>$`, 'i').test((candidate.value ?? '').trim()));
      if (close === -1) {
        result.push(node);
        continue;
      }
      const inner = nodes.slice(index + 1, close);
      const attributes = htmlAttributes(open[2]!);
      const at = baseOffset + (node.position?.start.offset ?? 0);
      index = close;
      if (name === 'a' && attributes.href) {
        if (/\bbutton\b/.test(attributes.class ?? '')) count('button');
        result.push(rewriteLinkNode({ type: 'link', url: attributes.href, children: inner }, at));
      } else if (name === 'code' && /\bexpression\b/.test(attributes.class ?? '')) {
        const expression = toString({ type: 'root', children: inner } as never).trim();
        const variable = /^(?:space\.)?vars\.([\w-]+)$/.exec(expression)?.[1];
        if (variable !== undefined && options.vars && variable in options.vars) {
          count('variable');
          result.push({ type: 'text', value: String(options.vars[variable]) });
        } else {
          warn(at, `Expression kept as code: ${abbreviate(expression)}`);
          result.push({ type: 'inlineCode', value: expression });
        }
      } else if (name === 'i' && /\bfa-/.test(attributes.class ?? '')) {
        count('icon');
      } else if (name === 'picture') {
        if (inner.some((child) => child.type === 'html' && /<source\b[^>]*prefers-color-scheme:\s*dark/i.test(child.value ?? ''))) warn(at, 'A dark-mode variant of an image was not kept; the light image is used in both themes');
        result.push(...inner.filter((child) => !(child.type === 'html' && /^<source\b/i.test((child.value ?? '').trim()))));
      } else {
        if (name === 'button') count('button');
        result.push(...inner);
      }
    }
    return result;
  };

  const cleanInline = (nodes: Node[], baseOffset: number): Node[] =>
    pairInlineHtml(nodes, baseOffset).flatMap((node): Node[] => {
      const at = baseOffset + (node.position?.start.offset ?? 0);
      if (node.type === 'html') return fromHtml(node.value ?? '', at, true);
      if (node.type === 'image') {
        // An image alone in its paragraph becomes a figure; one in a sentence is kept as a Markdown image.
        return nodes.length === 1 ? [figure(node.url ?? '', node.alt ?? '', node.title ?? '', at)] : [{ ...node, url: localImage(node.url ?? '', at) }];
      }
      if (node.type === 'link') return [rewriteLinkNode(node, at)];
      if ((node.type === 'strong' || node.type === 'emphasis') && toString(node as never).trim() === '') return [];
      // GitBook leaves empty bold markers (`****`) behind; Markdown reads them as literal asterisks.
      if (node.type === 'text' && node.value?.includes('****')) return [{ ...node, value: node.value.replace(/\*{4,}/g, '') }];
      if (node.children) return [{ ...node, children: cleanInline(node.children, baseOffset) }];
      return [node];
    });

  const trimBreaks = (nodes: Node[]): Node[] => {
    const result = [...nodes];
    // A backslash that ends a paragraph is a hard break with nothing after it: GitBook noise.
    const last = result.at(-1);
    if (last?.type === 'text' && last.value?.endsWith('\\')) result[result.length - 1] = { ...last, value: last.value.replace(/\\+$/, '') };
    while (result.length > 0 && (result.at(-1)!.type === 'break' || (result.at(-1)!.type === 'text' && result.at(-1)!.value?.trim() === ''))) result.pop();
    // GitBook writes a blank line as two backslash breaks in a row; one break is enough.
    return result.filter((node, index) => !(node.type === 'break' && result[index - 1]?.type === 'break'));
  };

  const rewriteLinkNode = (link: Node, at: number): Node => {
    let node = link;
    const url = node.url ?? '';
    // GitBook marks page mentions with the link title "mention"; the title means nothing to readers.
    if (node.title === 'mention') {
      count('mention');
      node = { ...node, title: null };
    }
    const rewritten = options.rewriteLink?.(url);
    if (rewritten !== undefined) {
      count('link');
      return { ...node, url: rewritten, children: cleanInline(node.children ?? [], 0) };
    }
    if (/app\.gitbook\.com/.test(url)) warn(at, `Link to another GitBook space kept as-is: ${url}`);
    return { ...node, children: cleanInline(node.children ?? [], 0) };
  };

  const localImage = (url: string, at: number): string => {
    const remote = /^https?:\/\//i.test(url);
    const name = imageName(url);
    const target = `./images/${name}`;
    if (!report.images.some((image) => image.source === url)) report.images.push({ source: url, target, remote });
    if (remote) warn(at, `Remote image ${abbreviate(url)} must be downloaded to ${target}`);
    return target;
  };

  const figure = (url: string, alt: string, caption: string, at: number): Node => {
    count('figure');
    const attributes: Array<{ type: string; name: string; value: string | null }> = [jsxAttribute('src', localImage(url, at))];
    // GitBook exports often have empty alt text. Say so rather than invent a description: the page
    // stays as accessible as the original, builds, and the report lists every image to describe.
    if (alt.trim() === '') {
      attributes.push({ type: 'mdxJsxAttribute', name: 'decorative', value: null }, jsxAttribute('alt', ''));
      warn(at, 'Image had no alt text and is marked `decorative`; describe it with `alt="…"` if it shows something the reader needs');
    } else {
      attributes.push(jsxAttribute('alt', alt.trim()));
    }
    if (caption.trim()) attributes.push(jsxAttribute('caption', caption.trim()));
    return { type: 'mdxJsxFlowElement', name: 'Figure', attributes, children: [] };
  };

  const fromHtml = (html: string, at: number, inline: boolean): Node[] => {
    const trimmed = html.trim();
    if (/^<!--[\s\S]*-->$/.test(trimmed)) return [];
    if (/^<br\s*\/?>$/i.test(trimmed)) return inline ? [{ type: 'break' }] : [];
    const img = /<img\b([^>]*)>/i.exec(trimmed);
    if (img && /^<(figure|img|picture|p|div)\b/i.test(trimmed)) {
      if (/<source\b[^>]*prefers-color-scheme:\s*dark/i.test(trimmed)) warn(at, 'A dark-mode variant of an image was not kept; the light image is used in both themes');
      const attrs = htmlAttributes(img[1]!);
      const caption = /<figcaption>([\s\S]*?)<\/figcaption>/i.exec(trimmed)?.[1]?.replace(/<[^>]+>/g, '').trim() ?? '';
      return [figure(attrs.src ?? '', attrs.alt ?? '', decodeEntities(caption), at)];
    }
    if (!inline && /^<table\b/i.test(trimmed)) {
      const table = fromHtmlTable(trimmed);
      if (table) {
        count(table.cards ? 'cards' : 'table');
        return table.nodes;
      }
    }
    if (inline) {
      // Inline formatting tags (<mark>, <kbd>, <sup> …): their text stays, the tag goes.
      count('inline-html');
      return [];
    }
    warn(at, `HTML without a stepdocs equivalent kept as a code block: ${abbreviate(trimmed.split('\n')[0]!)}`);
    count('kept-as-is');
    return [{ type: 'code', lang: 'html', value: trimmed }];
  };

  /**
   * GitBook's HTML tables: a card view (`data-view="cards"`) becomes a list of links, any other table
   * a Markdown table. Cell markup is reduced to text, bold and links; icons and hidden columns go.
   */
  const fromHtmlTable = (html: string): { nodes: Node[]; cards: boolean } | undefined => {
    const table = parseHtml(html).querySelector('table');
    if (!table) return undefined;
    const headers = table.querySelectorAll('thead th');
    const hidden = new Set(headers.flatMap((header, index) => (header.hasAttribute('data-hidden') ? [index] : [])));
    const target = headers.findIndex((header) => header.hasAttribute('data-card-target'));
    const rows = table.querySelectorAll('tbody tr').map((row) => row.querySelectorAll('td'));
    const cellNodes = (cell: HtmlElement | undefined): Node[] => (cell ? phrasingFromHtml(cell) : []);
    if (table.getAttribute('data-view') === 'cards') {
      const items = rows.map((cells) => {
        const link = target === -1 ? undefined : cells[target]?.querySelector('a')?.getAttribute('href');
        const visible = cells.filter((_cell, index) => !hidden.has(index));
        const [titleCell, ...rest] = visible.filter((cell) => cell.text.trim() !== '' && !cell.querySelector('i[class*="fa-"]'));
        const title = cellNodes(titleCell);
        const description = rest.flatMap((cell) => [{ type: 'text', value: ' — ' }, ...cellNodes(cell)]);
        const url = link ? (options.rewriteLink?.(link) ?? link) : undefined;
        const head: Node[] = url ? [{ type: 'link', url, children: title.length ? title : [{ type: 'text', value: url }] }] : title;
        return { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [...head, ...description] }] } as Node;
      });
      return { nodes: [{ type: 'list', ordered: false, spread: false, children: items } as Node], cards: true };
    }
    const headerCells = headers.filter((_header, index) => !hidden.has(index));
    const width = Math.max(headerCells.length, ...rows.map((cells) => cells.length));
    const toRow = (cells: HtmlElement[]): Node => ({ type: 'tableRow', children: Array.from({ length: width }, (_, index) => ({ type: 'tableCell', children: cellNodes(cells[index]) })) });
    const head = headerCells.length > 0 ? toRow(headerCells) : { type: 'tableRow', children: Array.from({ length: width }, () => ({ type: 'tableCell', children: [] })) };
    return { nodes: [{ type: 'table', align: [], children: [head, ...rows.map((cells) => toRow(cells.filter((_cell, index) => !hidden.has(index))))] } as Node], cards: false };
  };

  const phrasingFromHtml = (element: HtmlElement): Node[] =>
    element.childNodes.flatMap((child): Node[] => {
      if (child.nodeType === 3) {
        const text = decodeEntities(child.rawText).replace(/\s+/g, ' ');
        return text.trim() === '' && text !== ' ' ? [] : [{ type: 'text', value: text }];
      }
      const el = child as HtmlElement;
      const tag = el.tagName?.toLowerCase();
      if (tag === 'i' && /fa-/.test(el.getAttribute('class') ?? '')) return [];
      if (tag === 'br') return [{ type: 'text', value: ' ' }];
      const inner = phrasingFromHtml(el);
      if (tag === 'a' && el.getAttribute('href')) {
        const href = el.getAttribute('href')!;
        return [{ type: 'link', url: options.rewriteLink?.(href) ?? href, children: inner }];
      }
      if (tag === 'strong' || tag === 'b') return inner.length ? [{ type: 'strong', children: inner }] : [];
      if (tag === 'em' || tag === 'i') return inner.length ? [{ type: 'emphasis', children: inner }] : [];
      if (tag === 'code') return [{ type: 'inlineCode', value: decodeEntities(el.text) }];
      if (tag === 'img') return [];
      return inner;
    });

  const fromBlock = (block: Extract<Segment, { kind: 'block' }>, depth: number): Node[] => {
    if (!block.closed && block.children.length > 0) warn(block.offset, `\`${block.raw}\` has no end tag; its content runs to the end of the enclosing block`);
    const inner = () => fromSegments(block.children, depth + 1);
    switch (block.name) {
      case 'hint': {
        count('hint');
        const type = HINT_TYPES[block.args.style ?? 'info'] ?? 'info';
        const children = inner();
        const attributes = [jsxAttribute('type', type)];
        const first = children[0];
        if (first?.type === 'heading') {
          attributes.push(jsxAttribute('title', toString(first as never)));
          children.shift();
        }
        return [{ type: 'mdxJsxFlowElement', name: 'Hint', attributes, children }];
      }
      case 'stepper': {
        count('stepper');
        const steps = block.children.filter((child) => child.kind === 'block' && child.name === 'step');
        return [{ type: 'mdxJsxFlowElement', name: 'Steps', attributes: [], children: steps.map((step) => stepFrom(fromSegments([step], depth + 1))) }];
      }
      case 'step': {
        count('step');
        return inner();
      }
      case 'tabs': {
        count('tabs');
        return block.children.flatMap((tab) => {
          if (tab.kind !== 'block') return fromSegments([tab], depth + 1);
          const title = tab.args.title ?? 'Tab';
          return [{ type: 'heading', depth: Math.min(6, 3 + depth), children: [{ type: 'text', value: title }] }, ...fromSegments(tab.children, depth + 1)];
        });
      }
      case 'code': {
        count('code');
        const children = inner();
        const meta = [block.args.title ? `title="${block.args.title.replace(/"/g, "'")}"` : '', block.args.lineNumbers === 'true' ? 'showLineNumbers' : ''].filter(Boolean).join(' ');
        return children.map((child) => (child.type === 'code' && meta ? { ...child, meta } : child));
      }
      case 'content-ref':
      case 'page-ref': {
        count('content-ref');
        const url = block.args.url ?? block.args.page ?? block.args[''] ?? '';
        const target = options.rewriteLink?.(url) ?? url;
        const title = options.titleOf?.(url) ?? (toString({ type: 'root', children: inner() } as never).trim() || url);
        return [{ type: 'paragraph', children: [{ type: 'link', url: target, children: [{ type: 'text', value: title }] }] }];
      }
      case 'embed': {
        count('embed');
        const url = block.args.url ?? '';
        const caption = toString({ type: 'root', children: inner() } as never).trim();
        return [{ type: 'paragraph', children: [{ type: 'link', url, children: [{ type: 'text', value: caption || url }] }] }];
      }
      case 'file': {
        count('file');
        const src = block.args.src ?? '';
        return [{ type: 'paragraph', children: [{ type: 'link', url: src, children: [{ type: 'text', value: toString({ type: 'root', children: inner() } as never).trim() || src.split('/').pop() || src }] }] }];
      }
      case 'include': {
        const path = block.args[''] ?? block.args.path ?? '';
        const included = options.readInclude?.(path);
        if (included === undefined) {
          warn(block.offset, `Include \`${path}\` could not be read; kept as a note`);
          return [{ type: 'paragraph', children: [{ type: 'text', value: `(Included content from ${path} was not found.)` }] }];
        }
        count('include');
        return fromSegments(tokenize(splitFrontmatter(included).body), depth + 1).map((node) => stripPositions(node));
      }
      case 'columns':
      case 'column':
      case 'updates':
      case 'update':
        count(block.name);
        return inner();
      default: {
        warn(block.offset, `\`{% ${block.name} %}\` has no stepdocs equivalent; kept as a code block`);
        count('kept-as-is');
        const raw = sourceOf(block, source);
        return [{ type: 'code', lang: 'text', value: raw }];
      }
    }
  };

  const stepFrom = (children: Node[]): Node => {
    let title = 'Step';
    const first = children[0];
    if (first?.type === 'heading') {
      title = toString(first as never).trim();
      children = children.slice(1);
    } else if (first) {
      title = firstSentence(toString(first as never));
    }
    // Ids are anchors people link to: the first words of the title are enough.
    const words = title.split(/\s+/).slice(0, 6).join(' ');
    const id = slugger.slug(words).replace(/[^a-z0-9-]+/g, '-').replace(/-{2,}/g, '-').replace(/^-|-$/g, '') || slugger.slug('step');
    return { type: 'mdxJsxFlowElement', name: 'Step', attributes: [jsxAttribute('id', id), jsxAttribute('title', title)], children: children.length > 0 ? children : [{ type: 'paragraph', children: [{ type: 'text', value: title }] }] };
  };

  let children = fromSegments(shiftSegments(tokenize(body), bodyOffset), 0);
  // The title comes from frontmatter or the first top-level heading, which the page layout shows.
  let title = typeof data.title === 'string' ? data.title : undefined;
  const h1 = children.findIndex((node) => node.type === 'heading' && node.depth === 1);
  if (h1 !== -1) {
    title ??= toString(children[h1] as never).trim();
    children.splice(h1, 1);
  }
  children = numberedRunsToSteps(children, stepFrom, count);
  children = procedureListsToSteps(children, stepFrom, count);
  const description = typeof data.description === 'string' && data.description.trim().length >= 10 ? data.description.trim().replace(/\s+/g, ' ') : describe(children, title ?? options.file);
  const frontmatter = {
    title: title ?? options.file.split('/').pop()!.replace(/\.md$/, ''),
    description: description.length > 300 ? `${description.slice(0, 297)}…` : description,
    ...options.frontmatter,
  };
  const mdx = toMarkdown({ type: 'root', children } as never, { extensions: [gfmToMarkdown(), mdxToMarkdown()], bullet: '-', emphasis: '_', rule: '-', fences: true, listItemIndent: 'one' });
  return { mdx: `---\n${stringifyYaml(frontmatter, { lineWidth: 0 }).trimEnd()}\n---\n\n${mdx.trimEnd()}\n`, report };
}

/** Paragraphs that start with "(1)", "(2)" … are GitBook's hand-numbered procedures: make them steps. */
function numberedRunsToSteps(nodes: Node[], stepFrom: (children: Node[]) => Node, count: (kind: string) => void): Node[] {
  const marker = (node: Node | undefined) => (node?.type === 'paragraph' ? /^\s*\((\d+)\)\s*/.exec(toString(node as never)) : null);
  const result: Node[] = [];
  let index = 0;
  while (index < nodes.length) {
    const first = marker(nodes[index]);
    if (!first || first[1] !== '1') {
      result.push(nodes[index]!);
      index += 1;
      continue;
    }
    const steps: Node[][] = [];
    let expected = 1;
    while (index < nodes.length) {
      const node = nodes[index]!;
      const match = marker(node);
      if (match && Number(match[1]) === expected) {
        steps.push([stripMarker(node)]);
        expected += 1;
      } else if (node.type === 'heading') {
        break;
      } else {
        steps.at(-1)!.push(node);
      }
      index += 1;
    }
    count('numbered-steps');
    result.push({ type: 'mdxJsxFlowElement', name: 'Steps', attributes: [], children: steps.map((step) => stepFrom(step)) });
  }
  return result;
}

/**
 * A numbered list whose items carry more than a sentence (a figure, a code block, several
 * paragraphs) is a procedure: make it steps. Plain numbered lists stay lists.
 */
function procedureListsToSteps(nodes: Node[], stepFrom: (children: Node[]) => Node, count: (kind: string) => void): Node[] {
  return nodes.map((node) => {
    const ordered = (node as { ordered?: boolean }).ordered === true;
    const items = node.children ?? [];
    if (node.type !== 'list' || !ordered || items.length < 2) return node;
    const procedure = items.every((item) => item.children?.[0]?.type === 'paragraph') && items.some((item) => (item.children ?? []).some((child) => child.type !== 'paragraph' && child.type !== 'list') || (item.children ?? []).length > 1);
    if (!procedure) return node;
    count('numbered-steps');
    return { type: 'mdxJsxFlowElement', name: 'Steps', attributes: [], children: items.map((item) => stepFrom(item.children ?? [])) };
  });
}

function stripMarker(paragraph: Node): Node {
  const children = [...(paragraph.children ?? [])];
  const first = children[0];
  if (first?.type === 'text') children[0] = { ...first, value: (first.value ?? '').replace(/^\s*\(\d+\)\s*/, '') };
  return { ...paragraph, children };
}

function firstSentence(text: string): string {
  const sentence = text.trim().split(/(?<=[.:!?])\s/)[0]!.replace(/[.:]$/, '');
  return sentence.length > 80 ? `${sentence.slice(0, 77)}…` : sentence;
}

function describe(children: Node[], fallback: string): string {
  const paragraph = children.find((node) => node.type === 'paragraph' && toString(node as never).trim().length >= 10);
  return paragraph ? toString(paragraph as never).trim().replace(/\s+/g, ' ') : `${fallback}: imported from GitBook.`;
}

export function splitFrontmatter(source: string): { data: Record<string, unknown>; body: string; bodyOffset: number } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) return { data: {}, body: source, bodyOffset: 0 };
  let data: unknown;
  try {
    data = parseYaml(match[1]!);
  } catch {
    data = {};
  }
  return { data: data && typeof data === 'object' ? (data as Record<string, unknown>) : {}, body: source.slice(match[0].length), bodyOffset: match[0].length };
}

function jsxAttribute(name: string, value: string): { type: string; name: string; value: string | null } {
  return { type: 'mdxJsxAttribute', name, value };
}

function htmlAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of text.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attributes[match[1]!.toLowerCase()] = decodeEntities(match[2] ?? match[3] ?? '');
  return attributes;
}

function decodeEntities(text: string): string {
  return text.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16))).replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal))).replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** A stable local file name for an image: the last path segment of its URL, made file-system safe. */
export function imageName(url: string): string {
  let path = url.split(/[?#]/)[0]!;
  try {
    path = decodeURIComponent(path);
  } catch {
    // Keep it encoded.
  }
  const last = path.split('/').pop() || 'image';
  return last.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'image';
}

function sourceOf(block: Extract<Segment, { kind: 'block' }>, source: string): string {
  const endTag = new RegExp(`\\{%\\s*end${block.name.replace(/[^\w-]/g, '')}\\s*%\\}`, 'g');
  endTag.lastIndex = block.offset;
  const end = block.closed ? endTag.exec(source) : null;
  return source.slice(block.offset, end ? end.index + end[0].length : block.offset + block.raw.length).trim();
}

/** Segment offsets measured from the start of the file, so warnings name the file's own lines. */
function shiftSegments(segments: Segment[], by: number): Segment[] {
  return segments.map((segment) => (segment.kind === 'text' ? { ...segment, offset: segment.offset + by } : { ...segment, offset: segment.offset + by, children: shiftSegments(segment.children, by) }));
}

function stripPositions(node: Node): Node {
  const { position: _position, ...rest } = node;
  return rest.children ? { ...rest, children: rest.children.map(stripPositions) } : rest;
}
