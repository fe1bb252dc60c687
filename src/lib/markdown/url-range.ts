/**
 * Where a link's or image's URL is written in the source, as the parser read it: the exact range of
 * the destination of `[text](url "title")`, `![alt](<url>)`, `[label]: url`, or of a JSX attribute's
 * string value. Tools that change a URL (version cuts, Markdown copies) replace that range and never
 * search the text for the URL, which finds the wrong place when the URL is written with escapes
 * (`foo\_bar`, `&amp;`) or also appears earlier in the same paragraph or a code block.
 */
import { decodeString } from 'micromark-util-decode-string';
import { attribute, attributeRange, type MdNode } from '../mdx/mdast.ts';

export interface UrlRange {
  from: number;
  to: number;
  /** The destination as written, escapes and character references included. */
  raw: string;
}

/**
 * The range of `node`'s URL: a Markdown `link`, `image` or `definition`, or the string value of
 * attribute `name` of a JSX element. Undefined when the source does not read back as the parser's
 * URL (an unusual form this reader does not follow), so the caller can say so instead of guessing.
 */
export function urlRangeOf(node: MdNode, source: string, name?: string): UrlRange | undefined {
  const range = name === undefined ? destinationRange(node, source) : attributeValueRange(node, source, name);
  if (!range) return undefined;
  const expected = name === undefined ? node.url : attribute(node, name);
  // An attribute string decodes character references but not backslash escapes: doubled, they stay.
  const decoded = decodeString(name === undefined ? range.raw : range.raw.replaceAll('\\', '\\\\'));
  return typeof expected === 'string' && decoded === expected ? range : undefined;
}

function attributeValueRange(node: MdNode, source: string, name: string): UrlRange | undefined {
  const range = attributeRange(source, node, name);
  if (!range || range.end - range.valueStart < 2 || !`"'`.includes(source[range.valueStart]!)) return undefined;
  const from = range.valueStart + 1;
  const to = range.end - 1;
  return { from, to, raw: source.slice(from, to) };
}

function destinationRange(node: MdNode, source: string): UrlRange | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  if (node.type === 'definition') {
    const close = labelEnd(source, start, end);
    if (close === undefined || source[close + 1] !== ':') return undefined;
    return destinationAt(source, skipSpace(source, close + 2, end), end);
  }
  if (node.type !== 'link' && node.type !== 'image') return undefined;
  const open = node.type === 'image' ? start + 1 : start;
  if (source[open] !== '[') return undefined;
  // A link's text ends where its last child ends; alt text has no children, so its brackets are matched.
  const lastChild = node.children?.at(-1)?.position?.end.offset;
  const close = lastChild !== undefined && source[lastChild] === ']' ? lastChild : labelEnd(source, open, end);
  if (close === undefined || source[close + 1] !== '(') return undefined;
  return destinationAt(source, skipSpace(source, close + 2, end), end);
}

/** The `]` that closes the `[` at `open`, past escapes and nested brackets. */
function labelEnd(source: string, open: number, limit: number): number | undefined {
  let depth = 0;
  for (let index = open; index < limit; index += 1) {
    const char = source[index];
    if (char === '\\') index += 1;
    else if (char === '[') depth += 1;
    else if (char === ']') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return undefined;
}

function skipSpace(source: string, index: number, limit: number): number {
  while (index < limit && /[ \t\r\n]/.test(source[index]!)) index += 1;
  return index;
}

/** A link destination per CommonMark: `<…>` or a run without spaces whose parentheses balance. */
function destinationAt(source: string, from: number, limit: number): UrlRange | undefined {
  if (source[from] === '<') {
    for (let index = from + 1; index < limit; index += 1) {
      const char = source[index];
      if (char === '\\') index += 1;
      else if (char === '\n' || char === '<') return undefined;
      else if (char === '>') return { from: from + 1, to: index, raw: source.slice(from + 1, index) };
    }
    return undefined;
  }
  let depth = 0;
  let index = from;
  for (; index < limit; index += 1) {
    const char = source[index]!;
    if (char === '\\') index += 1;
    else if (/[ \t\r\n]/.test(char)) break;
    else if (char === '(') depth += 1;
    else if (char === ')') {
      if (depth === 0) break;
      depth -= 1;
    }
  }
  return { from, to: index, raw: source.slice(from, index) };
}

/** `url` written as a link destination: plain when it can be, else in angle brackets, escapes where CommonMark needs them. */
export function writeDestination(url: string): string {
  if (url !== '' && !/[\s()<>\\]/.test(url)) return url;
  return `<${url.replace(/[\\<>]/g, (char) => `\\${char}`)}>`;
}
