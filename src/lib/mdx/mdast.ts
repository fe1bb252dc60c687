/**
 * Reads MDX as mdast with Sätteri (the Rust parser Astro 7 already uses), and the few tree helpers
 * every content check needs. Parse failures come back as a finding, never as a thrown error.
 */
import { splitLines } from '../text-position.ts';
import { mdxToMdast, markdownToMdast } from 'satteri';
import type { Finding, Place } from '../findings.ts';

/** The mdast node shape Sätteri materialises (unist-compatible). */
export interface MdNode {
  type: string;
  name?: string | null;
  value?: string;
  url?: string;
  alt?: string | null;
  title?: string | null;
  /** A fenced code block's info string after the language: ```` ```text values ```` → `values`. */
  meta?: string | null;
  lang?: string | null;
  depth?: number;
  identifier?: string;
  label?: string;
  attributes?: MdAttribute[];
  children?: MdNode[];
  position?: { start: Place & { offset?: number }; end: Place & { offset?: number } };
  data?: Record<string, unknown>;
}

export interface MdAttribute {
  type: string;
  name?: string;
  value?: string | { type: string; value: string } | null;
}

export type ParseResult = { ok: true; tree: MdNode } | { ok: false; finding: Finding };

/** Parses `.mdx` as MDX and anything else as CommonMark + GFM, both with frontmatter. */
export function parseContent(source: string, file: string): ParseResult {
  const parse = file.endsWith('.mdx') ? mdxToMdast : markdownToMdast;
  try {
    return { ok: true, tree: parse(source) as unknown as MdNode };
  } catch (error) {
    return { ok: false, finding: parseErrorFinding(error, file) };
  }
}

/** Sätteri reports `3:1: Unexpected closing tag … (mdx-jsx:unexpected-character)`; keep the place, drop the noise. */
function parseErrorFinding(error: unknown, file: string): Finding {
  const raw = error instanceof Error ? error.message : String(error);
  const match = /^(\d+):(\d+)(?:-\d+:\d+)?:\s*([\s\S]*?)(?:\s*\(([a-z-]+:[a-z-]+)\))?$/.exec(raw.trim());
  const place = match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
  const detail = match ? match[3]! : raw;
  return {
    ruleId: 'mdx/parse-error',
    severity: 'error',
    reason: `Cannot parse MDX: ${detail.replace(/\.$/, '')}`,
    file,
    ...(place ? { place } : {}),
    note: 'Check that every JSX tag is closed (`<Step …>` … `</Step>`), that `{` and `<` in prose are escaped as `\\{` and `\\<`, and that attribute values are quoted.',
    source: 'stepdocs-guide',
  };
}

/** Calls `visit` for every node in document order, with its ancestors (nearest last). */
export function walk(node: MdNode, visit: (node: MdNode, ancestors: readonly MdNode[]) => void, ancestors: MdNode[] = []): void {
  visit(node, ancestors);
  if (!node.children) return;
  ancestors.push(node);
  for (const child of node.children) walk(child, visit, ancestors);
  ancestors.pop();
}

export function isJsx(node: MdNode): boolean {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

/**
 * An attribute's string value, also when written as a JavaScript string literal without escapes or
 * substitutions (`href={"/x/"}`); undefined when absent, bare or any other expression.
 */
export function attributeString(node: MdNode, name: string): string | undefined {
  const value = attribute(node, name);
  if (typeof value === 'string') return value;
  if (typeof value !== 'object') return undefined;
  return /^\s*(["'`])((?:(?!\1)[^\\$])*)\1\s*$/.exec(value.expression)?.[2];
}

/** The attribute as written: a string for `a="x"`, `true` for a bare `a`, an expression marker for `a={x}`, undefined when absent. */
export function attribute(node: MdNode, name: string): string | true | { expression: string } | undefined {
  const attr = node.attributes?.find((candidate) => candidate.type === 'mdxJsxAttribute' && candidate.name === name);
  if (!attr) return undefined;
  if (attr.value === null || attr.value === undefined) return true;
  if (typeof attr.value === 'string') return attr.value;
  return { expression: attr.value.value };
}

/** Plain text of a node, as a reader would see it. */
export function textOf(node: MdNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  if (node.type === 'image') return node.alt ?? '';
  return (node.children ?? []).map(textOf).join('');
}

export function startOf(node: MdNode): Place | undefined {
  const start = node.position?.start;
  return start ? { line: start.line, column: start.column } : undefined;
}

/**
 * Sätteri gives attributes no position, so find `name=` inside the element's opening tag; falls back to
 * the element's start. Positions are what authors jump to, so they are worth the small scan.
 */
export function attributePlace(source: string, node: MdNode, name: string): Place | undefined {
  const start = node.position?.start;
  const range = attributeRange(source, node, name);
  if (!start || start.offset === undefined || !range) return startOf(node);
  // Count from the element's own start: a tag spans a few lines, the file may span thousands.
  const between = splitLines(source.slice(start.offset, range.start));
  return between.length === 1
    ? { line: start.line, column: start.column + between[0]!.length }
    : { line: start.line + between.length - 1, column: between.at(-1)!.length + 1 };
}

/**
 * Offsets of `name="value"` (or a bare `name`) inside the element's opening tag: `start` at the name,
 * `valueStart`/`end` around the value with its quotes or braces. Undefined when the tag lacks it.
 */
export function attributeRange(source: string, node: MdNode, name: string): { start: number; valueStart: number; end: number } | undefined {
  const from = node.position?.start.offset;
  if (from === undefined) return undefined;
  const tagEnd = findTagEnd(source, from);
  const pattern = new RegExp(`[\\s{]${name}(?=\\s*=|[\\s/>])`, 'g');
  pattern.lastIndex = from;
  const match = pattern.exec(source);
  if (!match || match.index >= tagEnd) return undefined;
  const nameStart = match.index + 1;
  const value = /^\s*=\s*("[^"]*"|'[^']*'|\{)/.exec(source.slice(nameStart + name.length, tagEnd));
  if (!value) return { start: nameStart, valueStart: nameStart + name.length, end: nameStart + name.length };
  const valueStart = nameStart + name.length + value[0].length - value[1]!.length;
  const end = value[1] === '{' ? findTagEnd(source, valueStart, '}') + 1 : valueStart + value[1]!.length;
  return { start: nameStart, valueStart, end };
}

/** The offset of the `close` character that ends what starts at `from`, skipping quoted text and `{…}`. */
function findTagEnd(source: string, from: number, close = '>'): number {
  let quote: string | null = null;
  let braces = 0;
  for (let index = from; index < source.length; index += 1) {
    const char = source[index];
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '{') braces += 1;
    else if (char === '}') {
      braces -= 1;
      if (close === '}' && braces === 0) return index;
    } else if (char === close && braces === 0) return index;
  }
  return source.length;
}
