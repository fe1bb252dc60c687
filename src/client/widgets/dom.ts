/** DOM helpers for the widgets, which build their UI without a framework. */

/** Creates an element with attributes and text or element children; text is always set as text, never HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** Text with `backtick` spans shown as code, the way findings are written; everything stays text. */
export function withCode(text: string): Node[] {
  return text
    .split(/(`[^`]+`)/)
    .filter(Boolean)
    .map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 2 ? el('code', {}, part.slice(1, -1)) : document.createTextNode(part)));
}

/** The `heading-level` attribute of a widget, 2 to 5, default 3 (a widget inside a step). */
export function headingLevel(element: Element): number {
  return Math.min(5, Math.max(2, Number(element.getAttribute('heading-level')) || 3));
}
