/**
 * The page engine: parses one page and runs every page rule on it (rules.ts), at build time (see
 * src/astro/integrations/guide-validation.ts), in `npm run check`, in the editor and in the tests. Pure:
 * the caller says how to look up image files, so this also runs in a browser.
 */
import type { Finding, Place } from '../findings.ts';
import { compareFindings } from '../findings.ts';
import { checkImage, type ImageStatus } from '../links/image-rules.ts';
import { htmlReferences } from '../links/extract.ts';
import { LINK_PROPS } from '../links/link-props.ts';
import { SCHEME_RULE } from '../links/url-rules.ts';
import { ruleUrl, type Rule } from '../rule.ts';
import { attribute, attributePlace, attributeString, parseContent, startOf, type MdNode } from '../mdx/mdast.ts';
import { pageContext, type PageContext } from './page-rule.ts';
import { GUIDE_RULES } from './rules.ts';

/** What looking up an image path found; kept under its old name for the build's lookup. */
export type AssetStatus = ImageStatus;

export interface ValidateOptions {
  /** Path shown in findings, e.g. `content/latest/jumpcloud.mdx`. */
  file: string;
  /** Looks up an image path as written in the guide (relative to the guide's folder). */
  checkAsset?: (src: string) => ImageStatus;
  /** Where rule documentation lives, e.g. `/rules/`; findings link to `#rule-…` there. */
  rulesUrl?: string;
}

export function validateGuide(source: string, options: ValidateOptions): Finding[] {
  return checkGuide(source, options).findings;
}

/** The findings, and the parsed tree for callers that go on to transform the guide. */
export function checkGuide(source: string, options: ValidateOptions): { findings: Finding[]; tree?: MdNode } {
  const parsed = parseContent(source, options.file);
  if (!parsed.ok) return { findings: [withUrl(parsed.finding, options)] };
  return { findings: validateTree(parsed.tree, source, options), tree: parsed.tree };
}

export function validateTree(tree: MdNode, source: string, options: ValidateOptions): Finding[] {
  const findings: Finding[] = [];
  const reporter = (rule: Rule) => (place: Place | undefined, reason: string, note?: string) => {
    findings.push(
      withUrl(
        { ruleId: rule.id, severity: rule.severity, reason, file: options.file, ...(place ? { place } : {}), note: note ?? rule.fix, source: 'stepdocs-guide' },
        options,
      ),
    );
  };
  const page = pageContext(tree, source, options.file, options.checkAsset);
  for (const rule of GUIDE_RULES) if (rule.check.stage === 'page') rule.check.run(page, reporter(rule));
  for (const link of pageLinks(page)) SCHEME_RULE.check.run(link, reporter(SCHEME_RULE));
  for (const image of pageImages(page)) checkImage(image, (rule, place, reason, note) => reporter(rule)(place, reason, note));
  return findings.sort(compareFindings);
}

/** Every link address of the page: Markdown links and definitions, raw HTML, and components' link props. */
function pageLinks(page: PageContext): Array<{ url: string; place: Place | undefined }> {
  const links: Array<{ url: string; place: Place | undefined }> = [];
  for (const node of [...page.nodes('link'), ...page.nodes('definition')]) links.push({ url: node.url ?? '', place: startOf(node) });
  for (const node of page.nodes('html')) {
    for (const reference of htmlReferences(node.value ?? '', startOf(node) ?? { line: 1, column: 1 }))
      if (reference.kind === 'link') links.push({ url: reference.url, place: reference.place });
  }
  for (const { node } of page.components()) {
    for (const prop of LINK_PROPS[node.name!] ?? []) {
      const url = attributeString(node, prop.attribute);
      if (url !== undefined) links.push({ url, place: attributePlace(page.source, node, prop.attribute) ?? startOf(node) });
    }
  }
  return links;
}

/** Every image the build publishes from the page: `<Figure>` and Markdown images, in document order. */
function pageImages(page: PageContext) {
  const lookup = page.checkAsset;
  const figures = page.elements('Figure').flatMap(({ node }) => {
    const src = attribute(node, 'src');
    if (typeof src !== 'string' || src.trim() === '') return [];
    const alt = attribute(node, 'alt');
    const decorative = attribute(node, 'decorative');
    return [
      {
        src,
        alt: typeof alt === 'string' ? alt : undefined,
        decorative: decorative === true || decorative === 'true',
        altRequired: true,
        place: startOf(node),
        srcPlace: attributePlace(page.source, node, 'src'),
        lookup,
      },
    ];
  });
  const markdown = page
    .nodes('image')
    .filter((node) => (node.url ?? '') !== '')
    .map((node) => ({ src: node.url!, alt: node.alt, decorative: false, altRequired: false, place: startOf(node), srcPlace: startOf(node), lookup }));
  return [...figures, ...markdown];
}

function withUrl(finding: Finding, options: ValidateOptions): Finding {
  return options.rulesUrl ? { ...finding, url: ruleUrl(options.rulesUrl, finding.ruleId) } : finding;
}
