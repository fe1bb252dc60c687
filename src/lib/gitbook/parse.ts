/**
 * The importer's parser: remark-parse's Markdown reading (with the micromark extensions the processor
 * was given: GFM, frontmatter), with GitBook's block tags split out first. A tag becomes a
 * `gitbookBlock` node holding the Markdown between its start and end tags, an end tag without a
 * start a `gitbookOrphan` node. Includes are read here, so that everything after parsing (the
 * construct plugins and the fidelity check) sees the page as GitBook shows it.
 */
import { fromMarkdown, type Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import type { Extension as MicromarkExtension } from 'micromark-util-types';
import type { Processor } from 'unified';
import { placeFinder } from '../text-position.ts';
import { tokenize, type Segment } from './blocks.ts';
import type { PageReporter } from './page-report.ts';
import type { Node, Position } from './tree.ts';

/** Includes deeper than this, or more of them on one page, are not read (a self-include would never end). */
export const MAX_INCLUDE_DEPTH = 8;
export const MAX_INCLUDES = 200;

export interface ParseOptions {
  reporter: PageReporter;
  /** Source of an included file (`.gitbook/includes/…`), with a name for reports; undefined when it is not in the space. */
  readInclude?: ((path: string) => { text: string; name: string } | undefined) | undefined;
}

interface Extensions {
  micromark: MicromarkExtension[];
  fromMarkdown: FromMarkdownExtension[];
}

/** unified plugin: replaces remark-parse's parser with one that knows GitBook's block tags. */
export function gitbookParse(this: Processor, options: ParseOptions): void {
  const data = this.data() as { micromarkExtensions?: MicromarkExtension[]; fromMarkdownExtensions?: Array<FromMarkdownExtension | FromMarkdownExtension[]> };
  // Copies taken now: remark-mdx, attached later, adds its syntax to the same lists, and GitBook pages are not MDX.
  const extensions: Extensions = { micromark: [...(data.micromarkExtensions ?? [])], fromMarkdown: (data.fromMarkdownExtensions ?? []).flat() };
  this.parser = (document) => parseGitbook(String(document), extensions, options) as never;
}

export function parseGitbook(source: string, extensions: Extensions, options: ParseOptions): Node {
  const state = { includes: 0, extensions, options };
  return { type: 'root', children: parseSource(source, state, [], undefined) };
}

interface ParseState {
  includes: number;
  extensions: Extensions;
  options: ParseOptions;
}

/**
 * `chain`: the includes that led here (for limits and reports); `at`: the include tag's position,
 * given to every node of an included file so that findings point at the page's own line.
 */
function parseSource(source: string, state: ParseState, chain: string[], at: Position | undefined): Node[] {
  const place = placeFinder(source);
  const position = (start: number, end: number): Position => at ?? { start: { ...place(start), offset: start }, end: { ...place(end), offset: end } };
  const markdown = (text: string) =>
    fromMarkdown(text, { extensions: state.extensions.micromark, mdastExtensions: state.extensions.fromMarkdown }) as unknown as Node;

  const fromSegments = (segments: Segment[]): Node[] =>
    segments.flatMap((segment): Node[] => {
      if (segment.kind === 'text') {
        const nodes = markdown(segment.text).children ?? [];
        for (const node of nodes) shift(node, segment.offset, place, at);
        return nodes;
      }
      if (segment.kind === 'orphan')
        return [{ type: 'gitbookOrphan', name: segment.name, raw: segment.raw, position: position(segment.offset, segment.offset + segment.raw.length) }];
      const node: Node = {
        type: 'gitbookBlock',
        name: segment.name,
        args: segment.args,
        raw: segment.raw,
        closed: segment.closed,
        source: source.slice(segment.offset, segment.end).trim(),
        position: position(segment.offset, segment.end),
        children: fromSegments(segment.children),
      };
      if (segment.name === 'include') node.children = include(segment.args[''] ?? segment.args.path ?? '', node.position!);
      return [node];
    });

  const include = (path: string, where: Position): Node[] => {
    const { reporter, readInclude } = state.options;
    if (chain.length >= MAX_INCLUDE_DEPTH || state.includes >= MAX_INCLUDES) {
      const why = chain.length >= MAX_INCLUDE_DEPTH ? `nested ${MAX_INCLUDE_DEPTH} deep` : `more than ${MAX_INCLUDES} on the page`;
      reporter.add(
        'gitbook/include-limit',
        `Include \`${path}\` not read: includes ${why} (${[...chain, path].join(' → ')})`,
        where,
        'Break the include cycle or merge the included files.',
      );
      return [];
    }
    const included = readInclude?.(path);
    if (included === undefined) {
      reporter.add(
        'gitbook/include-missing',
        `Include \`${path}\` could not be read; a note stands in its place`,
        where,
        'Add the file to the space, or write its content into the page.',
      );
      return [{ type: 'paragraph', children: [{ type: 'text', value: `(Included content from ${path} was not found.)` }] }];
    }
    state.includes += 1;
    const body = included.text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n?/, '');
    return parseSource(body, state, [...chain, included.name], where);
  };

  // Finding code ranges costs a parse of the whole page: only worth it when there are tags to tell apart.
  return fromSegments(source.includes('{%') ? tokenize(source, codeRanges(markdown(source))) : [{ kind: 'text', text: source, offset: 0 }]);
}

/** Offsets of fenced code blocks and code spans, as the Markdown parser reads them. */
function codeRanges(tree: Node): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const visit = (node: Node) => {
    if ((node.type === 'code' || node.type === 'inlineCode') && node.position) ranges.push([node.position.start.offset!, node.position.end.offset!]);
    else for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return ranges;
}

/** Moves a node parsed from a slice of the source to the slice's place in the whole source. */
function shift(node: Node, by: number, place: (offset: number) => { line: number; column: number }, at: Position | undefined): void {
  if (at) node.position = at;
  else if (node.position) {
    const start = node.position.start.offset! + by;
    const end = node.position.end.offset! + by;
    node.position = { start: { ...place(start), offset: start }, end: { ...place(end), offset: end } };
  }
  for (const child of node.children ?? []) shift(child, by, place, at);
}
