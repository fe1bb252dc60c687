/**
 * One GitBook page (Git Sync markdown) to stepdocs MDX, as a unified processor: remark-parse (with
 * GFM and frontmatter) reading GitBook's block tags (`gitbookParse`), one transform plugin per
 * GitBook construct, then remark-mdx and remark-stringify, which escape `{` and `<` where MDX needs
 * it. After conversion the fidelity check compares the words GitBook shows with the words of the
 * MDX written, so nothing is dropped silently.
 */
import { slugger } from '../slug.ts';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { ConvertOptions, ImportContext } from './context.ts';
import { compareWords, outputWords, reportDifferences, sourceWords, wordsOf, type Difference, type Word } from './fidelity.ts';
import { PageReporter, type PageReport } from './page-report.ts';
import { gitbookParse } from './parse.ts';
import { gitbookArtefacts } from './plugins/artefacts.ts';
import type { BlockPlugin } from './plugins/block.ts';
import { gitbookCodeTitles } from './plugins/code-titles.ts';
import { gitbookContainers, gitbookUpdates } from './plugins/containers.ts';
import { gitbookFigures } from './plugins/figures.ts';
import { gitbookHints } from './plugins/hints.ts';
import { gitbookHtmlBlocks } from './plugins/html-blocks.ts';
import { gitbookInlineHtml } from './plugins/inline-html.ts';
import { gitbookLinks } from './plugins/links.ts';
import { gitbookContentRefs, gitbookEmbeds, gitbookFiles } from './plugins/references.ts';
import { gitbookHeadingSlugs, gitbookProcedures, gitbookSteppers } from './plugins/steppers.ts';
import { gitbookTabs } from './plugins/tabs.ts';
import { gitbookUnknownBlocks } from './plugins/unknown-blocks.ts';
import { textOf, walk, type Node } from './tree.ts';

export type { ConvertOptions } from './context.ts';
export type { PageReport } from './page-report.ts';

/** The block plugins, innermost constructs first; `step`, `tab` are read by their parents' plugins. */
const BLOCK_PLUGINS: BlockPlugin[] = [
  gitbookHints,
  gitbookCodeTitles,
  gitbookContentRefs,
  gitbookEmbeds,
  gitbookFiles,
  gitbookUpdates,
  gitbookContainers,
  gitbookTabs,
  gitbookSteppers,
];

/** GitBook blocks the importer maps to something of stepdocs'; any other is kept verbatim. */
export const KNOWN_BLOCKS: ReadonlySet<string> = new Set([...BLOCK_PLUGINS.flatMap((plugin) => plugin.blocks), 'step', 'tab']);

const STRINGIFY = { bullet: '-', emphasis: '_', rule: '-', fences: true, listItemIndent: 'one' } as const;

function processor(context: ImportContext) {
  let pipeline = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkFrontmatter, ['yaml'])
    .use(gitbookParse, { reporter: context.reporter, readInclude: context.options.readInclude })
    .use(gitbookArtefacts, context)
    .use(gitbookInlineHtml, context)
    .use(gitbookHtmlBlocks, context)
    .use(gitbookFigures, context)
    .use(gitbookLinks, context);
  for (const plugin of BLOCK_PLUGINS)
    pipeline = plugin === gitbookSteppers ? pipeline.use(gitbookHeadingSlugs, context).use(plugin, context) : pipeline.use(plugin, context);
  return pipeline.use(gitbookUnknownBlocks, context).use(gitbookProcedures, context).use(remarkMdx).use(remarkStringify, STRINGIFY);
}

export interface ConvertedPage {
  mdx: string;
  report: PageReport;
  /** Words GitBook shows on the page, and how many of them the MDX lost or changed. */
  words: number;
  lost: number;
}

/** The page as GitBook shows it, parsed but not converted: what the fidelity check reads the source words from. */
export function parsePage(source: string, options: ConvertOptions): Node {
  const context: ImportContext = { options, reporter: new PageReporter(options.file, source), slugger: slugger() };
  return processor(context).parse(source) as unknown as Node;
}

/** The fidelity check alone: the differences between a parsed page's words and an MDX text's. */
export function pageDifferences(parsed: Node, mdx: string, options: ConvertOptions, shown: { title: boolean; description: boolean }): Difference[] {
  return pageFidelity(parsed, mdx, options, shown).differences;
}

/** The differences, and how many words GitBook shows on the page (its description included when the page shows it). */
function pageFidelity(
  parsed: Node,
  mdx: string,
  options: ConvertOptions,
  shown: { title: boolean; description: boolean },
): { differences: Difference[]; words: number } {
  const data = frontmatterOf(parsed);
  const description = typeof data.description === 'string' ? data.description.trim().replace(/\s+/g, ' ') : '';
  const first = parsed.children?.find((node) => node.type !== 'yaml');
  const h1 = first?.type === 'heading' && first.depth === 1 ? textOf(first).trim() : '';
  const body = sourceWords(parsed, { options, knownBlocks: KNOWN_BLOCKS });
  const words = shown.description ? withDescription(body, description, h1) : body;
  return { differences: compareWords(words, outputWords(mdx, shown)), words: words.length };
}

export function convertPage(source: string, options: ConvertOptions): ConvertedPage {
  const reporter = new PageReporter(options.file, source);
  const context: ImportContext = { options, reporter, slugger: slugger() };
  const pipeline = processor(context);
  const tree = pipeline.parse(source) as unknown as Node;
  const before = structuredClone(tree);
  pipeline.runSync(tree as never);

  const data = frontmatterOf(tree);
  const body = (tree.children ?? []).filter((node) => node.type !== 'yaml');
  const first = body[0];
  const titleFromH1 = first?.type === 'heading' && first.depth === 1 ? textOf(body.shift()!).trim() : undefined;
  for (const node of body) if (node.type === 'heading' && node.depth === 1) node.depth = 2;
  const title =
    titleFromH1 ||
    (typeof data.title === 'string' && data.title.trim()) ||
    options.file
      .split('/')
      .pop()!
      .replace(/(\.gitbook)?\.md$/i, '');
  const sourceDescription = typeof data.description === 'string' ? data.description.trim().replace(/\s+/g, ' ') : '';
  const descriptionFits = sourceDescription.length >= 10 && sourceDescription.length <= 300;
  if (sourceDescription.length > 300) body.unshift({ type: 'paragraph', children: [{ type: 'text', value: sourceDescription }] });
  const description = descriptionFits ? sourceDescription : describe(body, title);
  const frontmatter = { title, description, ...options.frontmatter };
  const markdown = pipeline.stringify({ type: 'root', children: body } as never);
  const mdx = `---\n${stringifyYaml(frontmatter, { lineWidth: 0 }).trimEnd()}\n---\n\n${markdown.trimEnd()}\n`;

  const shown = { title: titleFromH1 !== undefined, description: descriptionFits };
  const { differences, words } = pageFidelity(before, mdx, options, shown);
  reportDifferences(differences, reporter, options.file.replace(/(\.gitbook)?\.md$/i, '.mdx'));
  return { mdx, report: reporter.report, words, lost: lostWords(differences) };
}

/** Words lost: for each difference, the longer of what was dropped and what was added in its place. */
export function lostWords(differences: Difference[]): number {
  return differences.reduce((sum, difference) => sum + Math.max(difference.dropped.length, difference.added.length), 0);
}

/** GitBook shows a page's frontmatter description under its title: first after the H1, before the body. */
function withDescription(words: Word[], description: string, title: string): Word[] {
  const titleWords = wordsOf(title).length;
  return [...words.slice(0, titleWords), ...wordsOf(description).map((text) => ({ text, line: 1 })), ...words.slice(titleWords)];
}

function frontmatterOf(tree: Node): Record<string, unknown> {
  const yaml = tree.children?.find((node) => node.type === 'yaml');
  if (!yaml) return {};
  try {
    const data = parseYaml(yaml.value ?? '') as unknown;
    return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The page's first paragraph in reading order (never a later one), as one line of at most 300 characters. */
function describe(body: Node[], title: string): string {
  let paragraph: Node | undefined;
  for (const node of body) {
    for (const inner of walk(node))
      if (inner.type === 'paragraph') {
        paragraph = inner;
        break;
      }
    if (paragraph) break;
  }
  const text = paragraph ? textOf(paragraph).trim().replace(/\s+/g, ' ') : '';
  if (text.length < 10) return `${title}: imported from GitBook.`;
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}
