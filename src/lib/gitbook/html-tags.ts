/**
 * Reading one HTML tag as GitBook exports them inline (`<a href="…">`, `</a>`, `<br>`), with
 * hast-util-from-html doing the attribute parsing, and telling a real element from a placeholder
 * the author typed (`<YourSSOIdHere>`) that GitBook wrote out unescaped.
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { htmlTagNames } from 'html-tag-names';
import { htmlVoidElements } from 'html-void-elements';

const KNOWN = new Set(htmlTagNames);
const VOID = new Set(htmlVoidElements);

export type Tag =
  | { kind: 'open'; name: string; element: Element; void: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'comment' }
  | { kind: 'placeholder'; text: string };

const TAG_SHAPE = /^<(\/?)([A-Za-z][\w:-]*)((?:\s[^<>]*?)?)\s*(\/?)>$/;

// GitBook pages repeat the same few tags (`<td>`, `</a>`) thousands of times, and each read parses HTML.
const readTags = new Map<string, Tag | undefined>();

/** The tag an `html` node holds, or undefined when it holds more than one tag (a fragment). */
export function readTag(value: string): Tag | undefined {
  if (readTags.has(value)) return readTags.get(value);
  const tag = parseTag(value);
  if (readTags.size > 10_000) readTags.clear();
  readTags.set(value, tag);
  return tag;
}

function parseTag(value: string): Tag | undefined {
  const trimmed = value.trim();
  if (/^<!--[\s\S]*-->$/.test(trimmed)) return { kind: 'comment' };
  const match = TAG_SHAPE.exec(trimmed);
  if (!match) return undefined;
  const [, closing, rawName, attributes, selfClosing] = match as unknown as [string, string, string, string, string];
  const name = rawName.toLowerCase();
  if (!KNOWN.has(name)) {
    // An unknown name without attributes is text the author typed: `<YourSSOIdHere>`, `<bucket-name>`.
    return !closing && attributes.trim() === '' ? { kind: 'placeholder', text: trimmed } : undefined;
  }
  if (closing) return { kind: 'close', name };
  const element = parseElement(`<${name}${attributes}>`, name);
  return element ? { kind: 'open', name, element, void: VOID.has(name) || selfClosing === '/' } : undefined;
}

/** Parses HTML as a fragment (the way it sits in a Markdown page). */
export function parseFragment(html: string) {
  return fromHtml(html, { fragment: true });
}

function parseElement(html: string, name: string): Element | undefined {
  const tree = parseFragment(html);
  const element = tree.children.find((child): child is Element => child.type === 'element');
  return element?.tagName === name ? element : undefined;
}

/** Class names of an element, as one string for word tests (`fa-rocket button primary`). */
export function classOf(element: Element): string {
  const value = element.properties.className;
  return Array.isArray(value) ? value.join(' ') : String(value ?? '');
}

export function propertyOf(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  if (value === undefined || value === null || value === false) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

/** A Font Awesome icon (`<i class="fa-rocket">`): GitBook shows a picture, not the text inside. */
export function isIcon(element: Element): boolean {
  return element.tagName === 'i' && /(^|\s)fa-/.test(classOf(element));
}
