/**
 * Links between content files, written as file paths (`./okta.mdx`, `../1.0/jumpcloud.mdx#step`),
 * turned into site routes. The site's Markdown pipeline and the link checker both use this, so a
 * link the checker accepts is a link the site renders.
 */
import { decodeUriSafely } from '../urls.ts';
import { isRemoteReference } from '../guide/resolve-asset.ts';
import { addressOf, guidePath, withBase } from '../routes.ts';
import type { Version } from '../versions.ts';

/** True for `./x.mdx`, `../a/b.md#c`: relative links to content files. */
export function isContentFileLink(href: string): boolean {
  if (isRemoteReference(href) || href.startsWith('/') || href.startsWith('#')) return false;
  return /\.mdx?(?:[#?]|$)/.test(href);
}

/** Content id a file link points at, from the linking file's id: (`latest/a/b`, `../c.mdx`) → `latest/c`. */
export function contentIdOfFileLink(fromId: string, href: string): string {
  const path = href.split(/[#?]/)[0]!;
  const parts = fromId.split('/').slice(0, -1);
  for (const segment of decodeUriSafely(path).split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') parts.pop();
    else parts.push(segment);
  }
  return parts.join('/').replace(/\.mdx?$/, '');
}

/** The site URL of a file link, or undefined when it does not name a page of a declared version. */
export function routeOfFileLink(fromId: string, href: string, base: string, versions: readonly Version[]): string | undefined {
  const fragment = href.includes('#') ? href.slice(href.indexOf('#')) : '';
  try {
    return withBase(base, guidePath(addressOf(contentIdOfFileLink(fromId, href), versions))) + fragment;
  } catch {
    return undefined;
  }
}
