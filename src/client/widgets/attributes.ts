/**
 * The widgets' attributes: each documented with the values it takes, reflected as a property, and
 * validated. A value outside its set is ignored (the default applies) with one console warning that
 * names the element and the attribute, so a vendor's typo is found without breaking the page.
 */
import { THEMES } from './widget-style.ts';

export interface AttributeSpec {
  /** The values it takes, as the warning says them. */
  expected: string;
  valid(value: string): boolean;
}

export const HEADING_LEVEL: AttributeSpec = { expected: 'a heading level from 2 to 5', valid: (value) => /^[2-5]$/.test(value.trim()) };
export const THEME: AttributeSpec = { expected: THEMES.join(', '), valid: (value) => (THEMES as readonly string[]).includes(value) };

export function oneOf(values: readonly string[]): AttributeSpec {
  return { expected: values.join(', '), valid: (value) => values.includes(value.toLowerCase()) };
}

/** The attribute's value when valid, else null (with a warning when it was set but is not valid). */
export function validAttribute(element: HTMLElement, name: string, spec: AttributeSpec): string | null {
  const value = element.getAttribute(name);
  if (value === null || spec.valid(value)) return value;
  console.warn(`<${element.localName}>: ignoring ${name}="${value}"; expected ${spec.expected}.`);
  return null;
}

/** Defines `property` on the element class as a reflection of `attribute` (null removes it). */
export function reflect(target: { prototype: HTMLElement }, property: string, attribute: string): void {
  Object.defineProperty(target.prototype, property, {
    configurable: true,
    enumerable: true,
    get(this: HTMLElement) {
      return this.getAttribute(attribute);
    },
    set(this: HTMLElement, value: unknown) {
      if (value === null || value === undefined) this.removeAttribute(attribute);
      else this.setAttribute(attribute, String(value));
    },
  });
}
