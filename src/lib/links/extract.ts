/**
 * Phase one of the link check: everything one content file links to, and every anchor it offers.
 * Pure: source text in, references and anchors out, each with its line and column.
 */
import { splitLines } from '../text-position.ts';
import { fromHtml } from 'hast-util-from-html';
import { parse as parseYaml } from 'yaml';
import type { Finding, Place } from '../findings.ts';
import { attribute, attributePlace, attributeString, isJsx, parseContent, startOf, textOf, walk, type MdNode } from '../mdx/mdast.ts';
import { guideOutline } from '../guide/outline.ts';
import { FRONTMATTER_IMAGE_FIELDS, LINK_PROPS } from './link-props.ts';

export interface Reference {
  kind: 'link' | 'image';
  url: string;
  place: Place;
  /** What carries it: `markdown`, `definition`, `autolink`, `jsx:<name>.<attribute>`, `frontmatter:<field>`. */
  via: string;
  /** Link text (links) as a reader sees it. */
  text?: string;
  /** Alt text of an image; null when the image has no alt at all. */
  alt?: string | null;
  /** Set for images explicitly marked decorative (`decorative` prop). */
  decorative?: boolean;
  /** Set for a JSX attribute written as an expression (`href={url}`): its address is unknown until run. */
  dynamic?: boolean;
}

export interface PageExtract {
  file: string;
  references: Reference[];
  /** Every id a `#fragment` may name on the page. */
  anchors: string[];
  /** Headings whose text repeats, so their anchors differ only by a `-1` suffix; placed at the first repeat. */
  duplicateHeadings: Array<{ text: string; ids: string[]; place: Place | undefined }>;
  /** The frontmatter as written (YAML without the `---` lines), for the frontmatter rules. */
  frontmatter?: string;
  /** Findings of the guide rules (structure: steps, hints, tabs …), filled in by the reader of the content folder. */
  structure: Finding[];
  /** Old paths of the page (frontmatter `redirectFrom`), each with its line. */
  redirectFrom: Array<{ path: string; place: Place }>;
  /** `stepdocs-ignore rule-id` comments: rule ids suppressed per line. */
  suppressions: Array<{ line: number; rules: string[] }>;
  parseError?: Finding;
}

export function extractPage(source: string, file: string): PageExtract {
  const page: PageExtract = { file, references: [], anchors: [], duplicateHeadings: [], structure: [], redirectFrom: [], suppressions: [] };
  const parsed = parseContent(source, file);
  if (!parsed.ok) {
    page.parseError = parsed.finding;
    return page;
  }
  const tree = parsed.tree;
  const outline = guideOutline(tree);
  const texts = new Map<string, { ids: string[]; place: Place | undefined }>();
  for (const item of outline) {
    page.anchors.push(item.id);
    if (item.kind !== 'heading') continue;
    const entry = texts.get(item.text) ?? { ids: [], place: undefined };
    entry.ids.push(item.id);
    // Point at the first repeat: its anchor is the one with the fragile suffix.
    if (entry.ids.length === 2) entry.place = item.place;
    texts.set(item.text, entry);
  }
  for (const [text, entry] of texts) if (entry.ids.length > 1) page.duplicateHeadings.push({ text, ids: entry.ids, place: entry.place });

  const definitions = new Map<string, MdNode>();
  const usedDefinitions = new Set<string>();
  walk(tree, (node) => {
    if (node.type === 'definition' && node.identifier) definitions.set(node.identifier.toLowerCase(), node);
    if ((node.type === 'linkReference' || node.type === 'imageReference') && node.identifier) usedDefinitions.add(node.identifier.toLowerCase());
  });

  walk(tree, (node) => {
    const place = startOf(node) ?? { line: 1, column: 1 };
    switch (node.type) {
      case 'yaml':
        page.frontmatter = node.value ?? '';
        page.references.push(...frontmatterImages(node.value ?? '', place));
        page.redirectFrom.push(...redirectsFrom(node.value ?? '', place));
        return;
      case 'link': {
        const text = textOf(node).trim();
        const autolink = isAutolink(node, source);
        page.references.push({ kind: 'link', url: node.url ?? '', place, via: autolink ? 'autolink' : 'markdown', text: autolink ? (node.url ?? '') : text });
        return;
      }
      case 'linkReference': {
        const definition = definitions.get((node.identifier ?? '').toLowerCase());
        if (definition) page.references.push({ kind: 'link', url: definition.url ?? '', place, via: 'reference', text: textOf(node).trim() });
        return;
      }
      case 'image':
        page.references.push({ kind: 'image', url: node.url ?? '', place, via: 'markdown', alt: node.alt ?? null });
        return;
      case 'imageReference': {
        const definition = definitions.get((node.identifier ?? '').toLowerCase());
        if (definition) page.references.push({ kind: 'image', url: definition.url ?? '', place, via: 'reference', alt: node.alt ?? null });
        return;
      }
      case 'definition':
        // A used definition is checked where it is used; an unused one still gets its target checked.
        if (!usedDefinitions.has((node.identifier ?? '').toLowerCase())) page.references.push({ kind: 'link', url: node.url ?? '', place, via: 'definition' });
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const match = /^\s*\/\*\s*stepdocs-ignore\s+([\w/,\s-]+?)\s*\*\/\s*$/.exec(node.value ?? '');
        if (match) page.suppressions.push({ line: place.line, rules: match[1]!.split(/[\s,]+/).filter(Boolean) });
        return;
      }
      case 'html': {
        const match = /<!--\s*stepdocs-ignore\s+([\w/,\s-]+?)\s*-->/.exec(node.value ?? '');
        if (match) page.suppressions.push({ line: place.line, rules: match[1]!.split(/[\s,]+/).filter(Boolean) });
        page.references.push(...htmlReferences(node.value ?? '', place));
        return;
      }
    }
    if (isJsx(node) && node.name) {
      const id = attribute(node, 'id');
      if (typeof id === 'string' && node.name !== 'Step') page.anchors.push(id);
      const props = LINK_PROPS[node.name] ?? [];
      for (const prop of props) {
        const written = attribute(node, prop.attribute);
        if (written === undefined || written === true) continue;
        const where = attributePlace(source, node, prop.attribute) ?? place;
        // `href={"/x/"}` is a string all the same; any other expression is only known when the page runs.
        const value = attributeString(node, prop.attribute);
        if (value === undefined) {
          page.references.push({ kind: prop.kind, url: '', place: where, via: `jsx:${node.name}.${prop.attribute}`, dynamic: true });
          continue;
        }
        if (prop.kind === 'image') {
          const alt = attribute(node, 'alt');
          const decorative = attribute(node, 'decorative');
          page.references.push({
            kind: 'image',
            url: value,
            place: where,
            via: `jsx:${node.name}.${prop.attribute}`,
            alt: typeof alt === 'string' ? alt : null,
            decorative: decorative === true || decorative === 'true',
          });
        } else {
          // Only an anchor is read out by its text; a frame, form or embed has none to judge.
          const text = node.name === 'a' ? textOf(node).trim() || (attributeString(node, 'aria-label') ?? '') : undefined;
          page.references.push({ kind: 'link', url: value, place: where, via: `jsx:${node.name}.${prop.attribute}`, ...(text === undefined ? {} : { text }) });
        }
      }
    }
  });
  return page;
}

/**
 * Links and images in raw HTML (`.md` pages: in MDX the same tags are JSX), read with an HTML
 * parser and placed at their line inside the HTML block; each attribute LINK_PROPS names is one
 * reference, as for JSX.
 */
export function htmlReferences(html: string, place: Place): Reference[] {
  if (!/<[a-z]/i.test(html)) return [];
  const references: Reference[] = [];
  const visit = (node: HastNode) => {
    if (node.type === 'element') {
      const line = place.line + (node.position?.start.line ?? 1) - 1;
      const column = (node.position?.start.line ?? 1) === 1 ? place.column + (node.position?.start.column ?? 1) - 1 : (node.position?.start.column ?? 1);
      const at = { line, column };
      for (const prop of LINK_PROPS[node.tagName] ?? []) {
        const value = node.properties?.[propertyName(prop.attribute)];
        if (typeof value !== 'string') continue;
        const via = `html:${node.tagName}.${prop.attribute}`;
        if (prop.kind === 'image') {
          const alt = node.properties?.alt;
          references.push({ kind: 'image', url: value, place: at, via, alt: typeof alt === 'string' ? alt : null });
        } else {
          references.push({ kind: 'link', url: value, place: at, via, ...(node.tagName === 'a' ? { text: hastText(node).trim() } : {}) });
        }
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(fromHtml(html, { fragment: true }) as unknown as HastNode);
  return references;
}

interface HastNode {
  type: string;
  tagName: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
  value?: string;
  position?: { start: { line: number; column: number } };
}

/** hast names properties in camel case: `formaction` is `formAction`. */
function propertyName(attribute: string): string {
  return attribute === 'formaction' ? 'formAction' : attribute;
}

function hastText(node: HastNode): string {
  return node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(hastText).join('');
}

function isAutolink(node: MdNode, source: string): boolean {
  const offset = node.position?.start.offset;
  if (offset === undefined) return false;
  if (source[offset] === '<') return true;
  // GFM bare URLs: the link text is the URL itself and there is no `[` before it.
  return source[offset] !== '[' && textOf(node) === (node.url ?? '').replace(/^mailto:/, '');
}

/** `redirectFrom: [a, b]` or a YAML list: each old path with the line it is written on. */
export function redirectsFrom(yaml: string, place: Place): Array<{ path: string; place: Place }> {
  let data: unknown;
  try {
    data = parseYaml(yaml);
  } catch {
    return [];
  }
  const list = data && typeof data === 'object' ? (data as { redirectFrom?: unknown }).redirectFrom : undefined;
  if (!Array.isArray(list)) return [];
  const lines = splitLines(yaml);
  const fieldLine = Math.max(
    lines.findIndex((line) => /^redirectFrom\s*:/.test(line)),
    0,
  );
  return list
    .filter((path): path is string => typeof path === 'string')
    .map((path) => {
      const at = lines.findIndex((line, index) => index >= fieldLine && line.includes(path));
      return { path, place: { line: place.line + 1 + (at === -1 ? fieldLine : at), column: 1 } };
    });
}

function frontmatterImages(yaml: string, place: Place): Reference[] {
  let data: unknown;
  try {
    data = parseYaml(yaml);
  } catch {
    return [];
  }
  if (!data || typeof data !== 'object') return [];
  const references: Reference[] = [];
  const lines = splitLines(yaml);
  for (const field of FRONTMATTER_IMAGE_FIELDS) {
    const value = (data as Record<string, unknown>)[field];
    const url =
      typeof value === 'string'
        ? value
        : value && typeof value === 'object' && typeof (value as { src?: unknown }).src === 'string'
          ? (value as { src: string }).src
          : undefined;
    if (!url) continue;
    const index = lines.findIndex((line) => new RegExp(`^\\s*${field}\\s*:`).test(line));
    const alt = value && typeof value === 'object' && typeof (value as { alt?: unknown }).alt === 'string' ? (value as { alt: string }).alt : undefined;
    references.push({
      kind: 'image',
      url,
      place: { line: place.line + 1 + Math.max(index, 0), column: 1 },
      via: `frontmatter:${field}`,
      alt: alt ?? ((data as Record<string, unknown>)[`${field}Alt`] as string) ?? null,
    });
  }
  return references;
}
