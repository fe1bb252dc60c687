/**
 * The EntityDescriptor elements of a metadata document: the root itself, or those inside an
 * EntitiesDescriptor aggregate (nested ones included). Kept apart from the rules and certificates
 * so the Login URL calculator can use it without loading them.
 */
import { NS } from './namespaces.ts';
import type { XmlElement } from './xml-tree.ts';

export function entityElements(root: XmlElement): XmlElement[] {
  if (root.ns !== NS.md) return [];
  if (root.local === 'EntityDescriptor') return [root];
  if (root.local !== 'EntitiesDescriptor') return [];
  const found: XmlElement[] = [];
  const visit = (element: XmlElement, depth: number) => {
    for (const child of element.children) {
      if (child.ns !== NS.md) continue;
      if (child.local === 'EntityDescriptor') found.push(child);
      else if (child.local === 'EntitiesDescriptor' && depth < 16) visit(child, depth + 1);
    }
  };
  visit(root, 0);
  return found;
}

/** Whether a document's root is SAML metadata: an `EntityDescriptor` or `EntitiesDescriptor` in the metadata namespace. */
export function isMetadataRoot(root: XmlElement): boolean {
  return root.ns === NS.md && (root.local === 'EntityDescriptor' || root.local === 'EntitiesDescriptor');
}
