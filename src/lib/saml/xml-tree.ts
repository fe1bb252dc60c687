/**
 * XML text to a namespace-resolved element tree with source offsets, using fast-xml-parser.
 *
 * Well-formedness is checked first with fast-xml-parser's XMLValidator: its parser alone returns
 * partial trees from truncated or mismatched input, and the validator reports line and column.
 * (It is deprecated in v5 but kept in the package; it is also three times faster than parsing.)
 * Entities are never expanded and a DOCTYPE is rejected before any of this runs.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Place } from '../findings.ts';
import { placeFinder } from '../text-position.ts';
import { NS } from './namespaces.ts';

export interface XmlAttribute {
  /** The name as written, `xsi:type`. */
  name: string;
  local: string;
  /** Namespace URI; `''` for unprefixed attributes (which belong to no namespace). */
  ns: string;
  value: string;
}

export interface XmlElement {
  name: string;
  local: string;
  /** Namespace URI, or `null` when the element is in no namespace or its prefix is undeclared. */
  ns: string | null;
  prefix: string;
  attributes: XmlAttribute[];
  children: XmlElement[];
  /** Concatenated text content of this element's own text nodes. */
  text: string;
  /** Character offset of `<` in the source. */
  offset: number;
}

export type ParseXmlResult = { ok: true; root: XmlElement; roots: number } | { ok: false; message: string; place?: Place };

/**
 * Elements no rule reads inside, kept as unparsed text (their presence and offset remain): signatures,
 * extensions, contact data and WS-Federation role descriptors, which are most of a large aggregate.
 * Names are matched as written, so the usual prefixes are listed; another prefix is only slower.
 */
const OPAQUE = ['Signature', 'Extensions', 'Organization', 'ContactPerson', 'RoleDescriptor'];
const OPAQUE_PREFIXES = ['', 'md:', 'ds:', 'dsig:', 'md2:', 'saml2md:', 'm:'];

const parser = new XMLParser({
  stopNodes: OPAQUE.flatMap((name) => OPAQUE_PREFIXES.map((prefix) => `*.${prefix}${name}`)),
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  captureMetaData: true,
});
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

type RawNode = Record<string, unknown> & { ':@'?: Record<string, string> };

export function parseXml(text: string): ParseXmlResult {
  const validation = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    // The validator lists the tags still open at the end of a truncated file as a JSON array.
    const unclosed = /^Invalid '\[([\s\S]*)\]' found\.?$/.exec(msg);
    if (unclosed) {
      const names = [...unclosed[1]!.matchAll(/"([^"]+)"/g)].map((match) => `\`<${match[1]}>\``);
      return { ok: false, message: `the file ends with ${names.join(', ')} still open (truncated or cut short)`, place: placeFinder(text)(text.length) };
    }
    return { ok: false, message: msg.replace(/\.$/, ''), place: { line, column: col ?? 1 } };
  }
  let raw: RawNode[];
  try {
    raw = parser.parse(text) as RawNode[];
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const elements = raw.filter((node) => elementName(node) !== undefined);
  if (elements.length === 0) return { ok: false, message: 'The document has no root element', place: { line: 1, column: 1 } };
  const root = build(elements[0]!, new Map([['xml', NS.xml]]));
  return { ok: true, root, roots: elements.length };
}

function elementName(node: RawNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@' && key !== '#text' && !key.startsWith('?') && !key.startsWith('!'));
}

function build(node: RawNode, parentScope: Map<string, string>): XmlElement {
  const name = elementName(node)!;
  const rawAttributes = node[':@'] ?? {};
  let scope = parentScope;
  for (const [attribute, value] of Object.entries(rawAttributes)) {
    if (attribute === 'xmlns' || attribute.startsWith('xmlns:')) {
      if (scope === parentScope) scope = new Map(parentScope);
      scope.set(attribute === 'xmlns' ? '' : attribute.slice(6), value);
    }
  }
  const [prefix, local] = splitName(name);
  const ns = scope.get(prefix);
  const attributes: XmlAttribute[] = [];
  for (const [attribute, value] of Object.entries(rawAttributes)) {
    if (attribute === 'xmlns' || attribute.startsWith('xmlns:')) continue;
    const [attrPrefix, attrLocal] = splitName(attribute);
    attributes.push({ name: attribute, local: attrLocal, ns: attrPrefix === '' ? '' : (scope.get(attrPrefix) ?? ''), value: decodeReferences(String(value)) });
  }
  const children: XmlElement[] = [];
  let text = '';
  const content = node[name];
  if (Array.isArray(content)) {
    for (const child of content as RawNode[]) {
      if (typeof child['#text'] === 'string' || typeof child['#text'] === 'number') text += String(child['#text']);
      else if (elementName(child) !== undefined) children.push(build(child, scope));
    }
  }
  const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[META];
  return {
    name,
    local,
    ns: ns === undefined || ns === '' ? null : ns,
    prefix,
    attributes,
    children,
    text: decodeReferences(text),
    offset: meta?.startIndex ?? 0,
  };
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * The parser leaves entity processing off (it is the entity-expansion attack surface), so decode
 * here what XML defines without a DTD: the five predefined entities and character references.
 * Each reference maps to one character; nothing can expand.
 */
export function decodeReferences(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(
    /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot|apos));/g,
    (match, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
      if (name) return PREDEFINED[name]!;
      const code = hex ? Number.parseInt(hex, 16) : Number(decimal);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : match;
    },
  );
}

function splitName(name: string): [string, string] {
  const colon = name.indexOf(':');
  return colon === -1 ? ['', name] : [name.slice(0, colon), name.slice(colon + 1)];
}

/** An attribute in no namespace (how SAML metadata attributes are written). */
export function attr(element: XmlElement, local: string): string | undefined {
  return element.attributes.find((attribute) => attribute.local === local && attribute.ns === '')?.value;
}

export function childrenOf(element: XmlElement, ns: string, local: string): XmlElement[] {
  return element.children.filter((child) => child.ns === ns && child.local === local);
}

/** Children with this local name in any namespace, for explaining namespace mistakes. */
export function childrenByLocalName(element: XmlElement, local: string): XmlElement[] {
  return element.children.filter((child) => child.local === local);
}

/** Turns character offsets into line and column, with one scan of the text done on first use. */
export class Locator {
  readonly text: string;
  readonly place: (offset: number) => Place;
  constructor(text: string) {
    this.text = text;
    this.place = placeFinder(text);
  }

  /** Place of `name=` inside the start tag at `offset`, else of the tag itself. */
  attributePlace(element: XmlElement, name: string): Place {
    const end = this.text.indexOf('>', element.offset);
    const index = this.text.slice(element.offset, end === -1 ? undefined : end).search(new RegExp(`\\s${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=`));
    return this.place(index === -1 ? element.offset : element.offset + index + 1);
  }
}
