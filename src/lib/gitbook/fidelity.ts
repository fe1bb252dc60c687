/**
 * The importer's fidelity check: the words a reader sees on the GitBook page, in order, against the
 * words of the MDX written for it, rendered to text the same way. Every word dropped, added or
 * changed becomes a `gitbook/dropped-text` finding with the source line and the output line.
 *
 * "Seen in GitBook" is read from the parsed page before any conversion: Markdown text, code, alt
 * text and captions; HTML rendered to text (hast-util-to-text); GitBook blocks' content and the
 * arguments GitBook shows (tab and code titles, an update's date and tags, a content-ref's page
 * title); an unknown block verbatim (the importer keeps it so). Left out on both sides, because
 * GitBook does not show them as text: tags, comments, icons, hidden table columns, link targets.
 * A word is a run of non-space characters with a letter or digit in it.
 *
 * Documented transformations the check accepts, normalised on the source side: GitBook's doubled
 * backslashes in autolinks, empty bold markers (`****`), U+200C, a backslash that ends a
 * paragraph, and hand numbers ("(1) ") that become step numbers; on the output side a step title
 * taken from the step's first sentence (it repeats that sentence, so it counts once).
 */
import { diffArrays } from 'diff';
import type { Element, Root as HastRoot, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { abbreviate } from '../findings.ts';
import { type ConvertOptions, contentRefTitle, expressionValue } from './context.ts';
import { classOf, isIcon, parseFragment, propertyOf, readTag } from './html-tags.ts';
import type { PageReporter } from './page-report.ts';
import { embedCaption, fileCaption } from './plugins/references.ts';
import { updateLabel } from './plugins/containers.ts';
import { attributeOf, textOf, type Node } from './tree.ts';

export interface Word {
  text: string;
  line: number;
}

/** A run of words the output lost or gained, with where it stands on both sides. */
export interface Difference {
  dropped: Word[];
  added: Word[];
  sourceLine: number;
  outputLine: number;
}

/** The words of a text: runs of non-space characters with a letter or digit in them. */
export function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/** Text with the line it came from; `break` marks a word boundary. */
class TextSink {
  readonly #parts: Array<{ text: string; line: number; code: boolean }> = [];
  line = 1;

  /** `code`: text shown as code, which no normalisation touches. */
  add(text: string, code = false): void {
    this.#parts.push({ text, line: this.line, code });
  }

  boundary(): void {
    this.#parts.push({ text: ' ', line: this.line, code: false });
  }

  words(normalise: (word: string) => string = (word) => word): Word[] {
    const words: Word[] = [];
    let current = '';
    let line = 0;
    let code = false;
    const flush = () => {
      if (/[\p{L}\p{N}]/u.test(current)) words.push({ text: code ? current : normalise(current), line });
      current = '';
      code = false;
    };
    for (const part of this.#parts) {
      for (const char of part.text.normalize('NFC').replace(/[\u200b-\u200d\ufeff]/g, '')) {
        if (/\s/.test(char)) flush();
        else {
          if (current === '') line = part.line;
          code ||= part.code;
          current += char;
        }
      }
    }
    flush();
    return words;
  }
}

export interface SourceTextOptions {
  options: ConvertOptions;
  /** Names of the GitBook blocks the importer maps; any other is kept verbatim, and compared so. */
  knownBlocks: ReadonlySet<string>;
}

/** The words GitBook shows for a parsed page (the tree `gitbookParse` builds, before conversion). */
export function sourceWords(tree: Node, settings: SourceTextOptions): Word[] {
  const sink = new TextSink();
  const { options, knownBlocks } = settings;

  const flow = (node: Node): void => {
    if (node.position) sink.line = node.position.start.line;
    switch (node.type) {
      case 'yaml':
      case 'gitbookOrphan':
      case 'thematicBreak':
      case 'definition':
        return;
      case 'paragraph':
      case 'heading':
      case 'tableCell':
        sink.boundary();
        phrasing(node.type === 'paragraph' ? withoutHandNumber(node.children ?? []) : (node.children ?? []), true);
        sink.boundary();
        return;
      case 'code':
        sink.boundary();
        sink.add((node.value ?? '').replace(/\u200c/g, ''), true);
        sink.boundary();
        return;
      case 'html':
        sink.boundary();
        htmlText(node.value ?? '');
        sink.boundary();
        return;
      case 'gitbookBlock':
        block(node);
        return;
      default:
        if (node.children) for (const child of node.children) flow(child);
        else phrasing([node], false);
    }
  };

  const block = (node: Node): void => {
    const name = node.name ?? '';
    const args = node.args ?? {};
    const shown = (text: string) => {
      sink.boundary();
      sink.add(text);
      sink.boundary();
    };
    if (!knownBlocks.has(name)) {
      shown(node.source ?? '');
      return;
    }
    if (name === 'tab' || name === 'code') shown(args.title ?? '');
    if (name === 'update') shown(updateLabel(args));
    const inner = textOf(node.children ?? []);
    const caption =
      name === 'content-ref' || name === 'page-ref'
        ? contentRefTitle(args.url ?? args.page ?? args[''] ?? '', inner, options)
        : name === 'embed'
          ? embedCaption(args.url ?? '', inner)
          : name === 'file'
            ? fileCaption(args.src ?? '', inner)
            : undefined;
    if (caption !== undefined) {
      shown(caption);
      return;
    }
    for (const child of node.children ?? []) flow(child);
  };

  const phrasing = (nodes: Node[], endsParagraph: boolean): void => {
    for (let index = 0; index < nodes.length; index += 1) {
      const node = nodes[index]!;
      const last = endsParagraph && index === nodes.length - 1;
      switch (node.type) {
        case 'text':
          sink.add(cleanText(node.value ?? '', last));
          break;
        case 'inlineCode':
          sink.add((node.value ?? '').replace(/\u200c/g, ''), true);
          break;
        case 'break':
          sink.add(' ');
          break;
        case 'image':
          sink.boundary();
          sink.add(`${node.alt ?? ''} ${node.title ?? ''}`);
          sink.boundary();
          break;
        case 'link':
          phrasing(node.children ?? [], false);
          break;
        case 'html':
          index = inlineHtml(nodes, index);
          break;
        default:
          if (node.children) phrasing(node.children, false);
      }
    }
  };

  /** An inline tag: most show nothing themselves; returns the index of the last node it covers. */
  const inlineHtml = (nodes: Node[], index: number): number => {
    const value = nodes[index]!.value ?? '';
    const tag = readTag(value);
    if (!tag) {
      htmlText(value);
      return index;
    }
    if (tag.kind === 'placeholder') sink.add(tag.text);
    if (tag.kind !== 'open') return index;
    if (tag.name === 'br') sink.add(' ');
    if (tag.name === 'img') sink.add(` ${propertyOf(tag.element, 'alt') ?? ''} `);
    const icon = isIcon(tag.element);
    const expression = tag.name === 'code' && /\bexpression\b/.test(classOf(tag.element));
    if (!icon && !expression) return index;
    const close = nodes.findIndex(
      (node, at) =>
        at > index && node.type === 'html' && readTag(node.value ?? '')?.kind === 'close' && (readTag(node.value ?? '') as { name: string }).name === tag.name,
    );
    if (close === -1) return index;
    if (expression) {
      const code = textOf(nodes.slice(index + 1, close));
      sink.add(expressionValue(code, options.vars) ?? code);
    }
    return close;
  };

  const htmlText = (html: string): void => {
    const tree = parseFragment(html);
    sink.add(toText(visibleHtml(tree, options) as HastRoot, { whitespace: 'normal' }));
  };

  flow(tree);
  return sink.words(cleanUrl);
}

/** GitBook's artefacts in URLs: doubled backslashes before punctuation, bold markers written into an autolink. */
function cleanUrl(word: string): string {
  return word.includes('://') ? word.replace(/\\{1,2}(?=[!-/:-@[-`{-~]|$)/g, '').replace(/\*\*/g, '') : word;
}

/** The HTML a reader sees as text: icons and hidden columns out, images as their alt text, expressions as their values. */
function visibleHtml<T extends HastRoot | Element>(node: T, options: ConvertOptions): T {
  const hidden = node.type === 'element' && node.tagName === 'table' ? hiddenColumnIndexes(node) : undefined;
  const children = node.children.flatMap((child): RootContent[] => {
    if (child.type === 'comment') return [];
    if (child.type !== 'element') return [child];
    if (isIcon(child)) return [];
    if (child.tagName === 'img') return [{ type: 'text', value: ` ${propertyOf(child, 'alt') ?? ''} ` }];
    if (child.tagName === 'code' && /\bexpression\b/.test(classOf(child))) {
      const code = toText(child);
      return [{ type: 'text', value: expressionValue(code, options.vars) ?? code }];
    }
    const visible = visibleHtml(child, options);
    return [hidden ? withoutHidden(visible, hidden) : visible];
  });
  return { ...node, children } as T;
}

function hiddenColumnIndexes(table: Element): Set<number> {
  const head = table.children.find((child): child is Element => child.type === 'element' && child.tagName === 'thead');
  const row = head?.children.find((child): child is Element => child.type === 'element' && child.tagName === 'tr');
  const cells = (row?.children ?? []).filter((cell): cell is Element => cell.type === 'element' && cell.tagName === 'th');
  return new Set(cells.flatMap((cell, index) => (cell.properties.dataHidden !== undefined ? [index] : [])));
}

function withoutHidden(node: Element, hidden: Set<number>): Element {
  if (node.tagName !== 'tr') return { ...node, children: node.children.map((child) => (child.type === 'element' ? withoutHidden(child, hidden) : child)) };
  let index = -1;
  return {
    ...node,
    children: node.children.filter((cell) => (cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th') ? !hidden.has((index += 1)) : true)),
  };
}

/** GitBook's artefacts in text: empty bold markers, U+200C, a paragraph's trailing backslash. */
function cleanText(text: string, endsParagraph: boolean): string {
  const value = text.replace(/\*{4,}/g, '').replace(/\u200c/g, '');
  return endsParagraph ? value.replace(/\\+$/, '') : value;
}

function withoutHandNumber(children: Node[]): Node[] {
  const first = children[0];
  if (first?.type !== 'text' || !/^\s*\(\d+\)\s/.test(first.value ?? '')) return children;
  return [{ ...first, value: (first.value ?? '').replace(/^\s*\(\d+\)\s*/, '') }, ...children.slice(1)];
}

const mdxReader = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** The words a reader sees on the imported page: the MDX rendered to text as stepdocs shows it. */
export function outputWords(mdx: string, shown: { title: boolean; description: boolean }): Word[] {
  const sink = new TextSink();
  const tree = mdxReader.parse(mdx) as unknown as Node;

  const flow = (node: Node): void => {
    if (node.position) sink.line = node.position.start.line;
    sink.boundary();
    switch (node.type) {
      case 'yaml': {
        const data = (parseYaml(node.value ?? '') ?? {}) as { title?: unknown; description?: unknown };
        if (shown.title) sink.add(String(data.title ?? ''));
        sink.boundary();
        if (shown.description) sink.add(String(data.description ?? ''));
        break;
      }
      case 'code':
        sink.add(/(?:^|\s)title="([^"]*)"/.exec(node.meta ?? '')?.[1] ?? '');
        sink.boundary();
        sink.add(node.value ?? '');
        break;
      case 'mdxJsxFlowElement':
        jsx(node);
        break;
      default:
        if (node.children && !isPhrasingParent(node)) for (const child of node.children) flow(child);
        else phrasing(node.children ?? [node]);
    }
    sink.boundary();
  };

  const jsx = (node: Node): void => {
    const attribute = (name: string) => attributeOf(node, name) ?? '';
    if (node.name === 'Figure') {
      sink.add(`${attribute('alt')} ${attribute('caption')}`);
      return;
    }
    if (node.name === 'Hint') sink.add(attribute('title'));
    if (node.name === 'Tab') sink.add(attribute('label'));
    if (node.name === 'Step') {
      const title = attribute('title').replace(/…$/, '').replace(/\s+/g, ' ').trim();
      const body = textOf(node.children ?? [])
        .replace(/\s+/g, ' ')
        .trim();
      if (!body.startsWith(title)) sink.add(attribute('title'));
    }
    sink.boundary();
    for (const child of node.children ?? []) isPhrasing(child) ? phrasing([child]) : flow(child);
  };

  const phrasing = (nodes: Node[]): void => {
    for (const node of nodes) {
      if (node.type === 'text' || node.type === 'inlineCode') sink.add(node.value ?? '');
      else if (node.type === 'break') sink.add(' ');
      else if (node.type === 'image') sink.add(` ${node.alt ?? ''} ${node.title ?? ''} `);
      else if (node.type === 'mdxJsxTextElement' && node.name === 'Figure')
        sink.add(` ${attributeOf(node, 'alt') ?? ''} ${attributeOf(node, 'caption') ?? ''} `);
      else if (node.children) phrasing(node.children);
    }
  };

  flow(tree);
  return sink.words();
}

function isPhrasingParent(node: Node): boolean {
  return node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell';
}

function isPhrasing(node: Node): boolean {
  return ['text', 'inlineCode', 'break', 'image', 'emphasis', 'strong', 'delete', 'link', 'mdxJsxTextElement'].includes(node.type);
}

/** Word-by-word differences, in order (Myers' diff over the two word lists). */
export function compareWords(source: Word[], output: Word[]): Difference[] {
  const changes = diffArrays(source, output, { comparator: (left, right) => left.text === right.text });
  const differences: Difference[] = [];
  let sourceIndex = 0;
  let outputIndex = 0;
  let pending: Difference | undefined;
  const flush = () => {
    if (pending) differences.push(pending);
    pending = undefined;
  };
  for (const change of changes) {
    if (!change.added && !change.removed) {
      flush();
      sourceIndex += change.count;
      outputIndex += change.count;
      continue;
    }
    pending ??= {
      dropped: [],
      added: [],
      sourceLine: source[sourceIndex]?.line ?? source.at(-1)?.line ?? 1,
      outputLine: output[outputIndex]?.line ?? output.at(-1)?.line ?? 1,
    };
    if (change.removed) {
      pending.dropped.push(...change.value);
      sourceIndex += change.count;
    } else {
      pending.added.push(...change.value);
      outputIndex += change.count;
    }
  }
  flush();
  return differences;
}

/** Reports each difference as a finding at its source line, naming the output line. */
export function reportDifferences(differences: Difference[], reporter: PageReporter, output: string): void {
  const quote = (words: Word[]) => `\`${abbreviate(words.map((word) => word.text).join(' '), 100)}\``;
  for (const difference of differences) {
    const { dropped, added } = difference;
    const what =
      dropped.length > 0 && added.length > 0
        ? `${quote(dropped)} became ${quote(added)}`
        : dropped.length > 0
          ? `${plural(dropped.length)} dropped: ${quote(dropped)}`
          : `${plural(added.length)} added: ${quote(added)}`;
    reporter.add(
      'gitbook/dropped-text',
      `${what} (${output}:${difference.outputLine})`,
      { start: { line: difference.sourceLine, column: 1 }, end: { line: difference.sourceLine, column: 1 } },
      'Fix the page by hand after the import, or report the construct so the importer learns it.',
    );
  }
}

function plural(count: number): string {
  return `${count} word${count === 1 ? '' : 's'}`;
}
