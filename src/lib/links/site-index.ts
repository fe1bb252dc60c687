/**
 * The site as the link check sees it: every page's route (from the site's own route table), the
 * static routes, the content folder's images, and how one written address resolves against them.
 * Built once per check; each reference is then resolved here and judged by the rules.
 */
import { decodeSafely, urlScheme } from '../urls.ts';
import { joinAssetPath } from '../guide/resolve-asset.ts';
import { addressOf, aliasPath, guidePath, hasCurrentAlias, pathBelowBase, STATIC_ROUTES } from '../routes.ts';
import { Suggester } from '../text-distance.ts';
import type { Version } from '../versions.ts';
import { currentVersion, CURRENT_ALIAS } from '../versions.ts';
import { contentIdOfFileLink, isContentFileLink } from './content-link.ts';
import type { ImageStatus } from './image-rules.ts';
import type { PageExtract } from './extract.ts';

export interface SitePage {
  /** Content id: `latest/jumpcloud`. */
  id: string;
  extract: PageExtract;
}

export interface SiteInput {
  pages: SitePage[];
  /** Files in the content folder that are not pages, relative to it: `latest/images/x.png`. */
  assets: string[];
  /** Files served at the site root (the public folder), relative to it: `favicon.svg`. */
  publicFiles: string[];
  versions: readonly Version[];
  /** Site base path, `/` or `/docs/`. */
  base: string;
}

export interface SiteIndex {
  input: SiteInput;
  current: Version;
  pagesById: Map<string, SitePage>;
  /** Route path (below base, trailing slash) → page; `latest/…` aliases the current version. */
  routes: Map<string, SitePage>;
  staticRoutes: Set<string>;
  routesByVersion: Map<string, Suggester>;
  assets: Set<string>;
  assetsByLowerCase: Map<string, string>;
  /** "Did you mean" for images: files of the same folder and type. */
  imagesByFolder: Map<string, Suggester>;
}

export const IMAGE_FILE = /\.(?:png|jpe?g|gif|webp|avif|svg)$/i;

/** A typo in an image name rarely changes its folder or extension: suggestions come from files sharing both. */
function imageKey(path: string): string {
  return `${path.slice(0, path.lastIndexOf('/') + 1)}*${path.slice(path.lastIndexOf('.')).toLowerCase()}`;
}

export function siteIndex(input: SiteInput): SiteIndex {
  const current = currentVersion(input.versions);
  const routes = new Map<string, SitePage>();
  for (const page of input.pages) {
    try {
      routes.set(guidePath(addressOf(page.id, input.versions)), page);
    } catch {
      // A file outside the declared versions has no route; the build reports it.
    }
  }
  if (hasCurrentAlias(current, input.versions)) {
    for (const [route, page] of [...routes]) if (route.startsWith(`${current.id}/`)) routes.set(aliasPath(route), page);
  }
  const routesByVersion = new Map<string, Suggester>();
  for (const version of input.versions)
    routesByVersion.set(version.id, new Suggester([...routes.keys()].filter((route) => route.startsWith(`${version.id}/`))));
  const imageLists = new Map<string, string[]>();
  for (const asset of input.assets) {
    if (!IMAGE_FILE.test(asset)) continue;
    const list = imageLists.get(imageKey(asset));
    if (list) list.push(asset);
    else imageLists.set(imageKey(asset), [asset]);
  }
  return {
    input,
    current,
    pagesById: new Map(input.pages.map((page) => [page.id, page])),
    routes,
    staticRoutes: new Set<string>([...STATIC_ROUTES, ...input.versions.map((version) => `${version.id}/`), `${CURRENT_ALIAS}/`, ...input.publicFiles]),
    routesByVersion,
    assets: new Set(input.assets),
    assetsByLowerCase: new Map(input.assets.map((asset) => [asset.toLowerCase(), asset])),
    imagesByFolder: new Map([...imageLists].map(([folder, list]) => [folder, new Suggester(list)])),
  };
}

/** Where a page is: its route and version (both unknown for a file outside the declared versions). */
export interface PagePlace {
  page: SitePage;
  route: string;
  version: Version | undefined;
}

export function placeOf(site: SiteIndex, page: SitePage): PagePlace {
  try {
    const address = addressOf(page.id, site.input.versions);
    return { page, route: guidePath(address), version: address.version };
  } catch {
    return { page, route: '', version: undefined };
  }
}

/** A local image path of a page: the content file it names, or the public file for a site-absolute path. */
export function imageTarget(
  site: SiteIndex,
  folder: string,
  url: string,
): { kind: 'public'; path: string } | { kind: 'asset'; target: string; actual: string | undefined } {
  const clean = decodeSafely(url.split(/[?#]/)[0]!);
  if (clean.startsWith('/')) return { kind: 'public', path: pathBelowBase(site.input.base, clean) };
  const target = joinAssetPath(folder, clean);
  return { kind: 'asset', target, actual: site.assets.has(target) ? target : site.assetsByLowerCase.get(target.toLowerCase()) };
}

/** The image lookup of the image rules, for a page in `folder` (content-relative). */
export function imageLookup(site: SiteIndex, folder: string): (src: string) => ImageStatus {
  return (src) => {
    const image = imageTarget(site, folder, src);
    if (image.kind === 'public') return site.input.publicFiles.includes(image.path) ? { status: 'ok' } : { status: 'missing', publicFolder: true };
    if (image.actual === image.target) return { status: 'ok' };
    if (image.actual) return { status: 'case-mismatch', actual: relativeTo(folder, image.actual) };
    const suggestion = site.imagesByFolder.get(imageKey(image.target))?.suggest(image.target);
    return { status: 'missing', ...(suggestion ? { suggestion: relativeTo(folder, suggestion) } : {}) };
  };
}

/** How a written address resolves: what it is, and for a site page, which page and anchor. */
export type Resolution =
  | { kind: 'empty' }
  | { kind: 'external'; url: string }
  | { kind: 'mailto' }
  | { kind: 'tel' }
  | { kind: 'scheme'; scheme: string }
  | { kind: 'this-page'; fragment: string | undefined }
  | { kind: 'static' }
  | { kind: 'page'; target: SitePage; route: string; fragment: string | undefined; crossesInto: string | undefined }
  | { kind: 'missing'; route: string; versionId: string | undefined; inCurrent: string | undefined; crossesInto: string | undefined };

export function resolveLink(site: SiteIndex, from: PagePlace, url: string): Resolution {
  if (url === '') return { kind: 'empty' };
  // The scheme a browser would follow: `java&#9;script:` and leading control characters do not hide it.
  const scheme = urlScheme(url);
  if (scheme === 'http' || scheme === 'https' || url.startsWith('//')) return { kind: 'external', url: url.startsWith('//') ? `https:${url}` : url };
  if (scheme === 'mailto') return { kind: 'mailto' };
  if (scheme === 'tel') return { kind: 'tel' };
  if (scheme) return { kind: 'scheme', scheme };
  const hashIndex = url.indexOf('#');
  const fragment = hashIndex === -1 ? undefined : decodeSafely(url.slice(hashIndex + 1));
  const path = hashIndex === -1 ? url : url.slice(0, hashIndex);
  if (path === '' || path.startsWith('?')) return { kind: 'this-page', fragment };
  let target: SitePage | undefined;
  let route: string;
  if (isContentFileLink(path)) {
    const id = contentIdOfFileLink(from.page.id, path);
    target = site.pagesById.get(id) ?? site.pagesById.get(`${id}/index`);
    try {
      route = guidePath(addressOf(id, site.input.versions));
    } catch {
      route = `${id}/`;
    }
  } else {
    const absolute = path.startsWith('/') ? pathBelowBase(site.input.base, path.split('?')[0]!) : resolveRelative(from.route, path.split('?')[0]!);
    route = normaliseRoute(decodeSafely(absolute));
    target = site.routes.get(route);
    if (!target && (site.staticRoutes.has(route) || site.staticRoutes.has(route.replace(/\/$/, '')))) return { kind: 'static' };
  }
  const written = route.split('/')[0];
  const versionId = written === CURRENT_ALIAS && !site.input.versions.some((version) => version.id === CURRENT_ALIAS) ? site.current.id : written;
  const crossesInto =
    from.version && path.startsWith('/') && versionId !== from.version.id && site.input.versions.some((version) => version.id === versionId)
      ? versionId
      : undefined;
  if (target) return { kind: 'page', target, route, fragment, crossesInto };
  const version = from.version;
  const inCurrent =
    version && version.id !== site.current.id && versionId === version.id && site.routes.has(`${site.current.id}/${route.slice(version.id.length + 1)}`)
      ? `/${site.current.id}/${route.slice(version.id.length + 1)}`
      : undefined;
  return { kind: 'missing', route, versionId, inCurrent, crossesInto };
}

/** `latest/jumpcloud`, `latest/jumpcloud.mdx`, `latest/jumpcloud/` → `latest/jumpcloud/`. */
function normaliseRoute(path: string): string {
  const route = path
    .replace(/^\/+/, '')
    .replace(/\/index\.html?$/, '/')
    .replace(/\.mdx?$/, '')
    .replace(/\/+$/, '');
  if (/\.[a-z0-9]+$/i.test(route)) return route;
  return route === '' ? '' : `${route}/`;
}

/** Resolves a relative URL against a page route (`latest/a/`), as a browser does. */
function resolveRelative(pageRoute: string, path: string): string {
  return new URL(path, `http://site/${pageRoute}`).pathname.slice(1);
}

/** A content path as the page in `folder` would write it: `latest/images/a.png` from `latest` → `./images/a.png`. */
export function relativeTo(folder: string, path: string): string {
  const from = folder === '' ? [] : folder.split('/');
  const to = path.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common += 1;
  const up = from.length - common;
  return `${up === 0 ? './' : '../'.repeat(up)}${to.slice(common).join('/')}`;
}
