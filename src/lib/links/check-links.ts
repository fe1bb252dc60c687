/**
 * Phase two of the link check: resolve every reference of every page against the site's own route
 * table, slugs and versions (imported, not re-implemented), and report what does not resolve.
 */
import { decodeSafely, urlScheme } from '../urls.ts';
import type { Finding, Place } from '../findings.ts';
import { abbreviate, compareFindings } from '../findings.ts';
import { joinAssetPath } from '../guide/resolve-asset.ts';
import { addressOf, guidePath, pathBelowBase, STATIC_ROUTES } from '../routes.ts';
import { closest, Suggester } from '../text-distance.ts';
import type { Version } from '../versions.ts';
import { currentVersion, CURRENT_ALIAS } from '../versions.ts';
import { contentIdOfFileLink, isContentFileLink } from './content-link.ts';
import type { PageExtract, Reference } from './extract.ts';
import { linkRuleSeverity, type LinkRuleId } from './rules.ts';

export interface SitePage {
  /** Content id: `latest/jumpcloud`. */
  id: string;
  extract: PageExtract;
}

export interface LinkCheckInput {
  pages: SitePage[];
  /** Files in the content folder that are not pages, relative to it: `latest/images/x.png`. */
  assets: string[];
  /** Files served at the site root (the public folder), relative to it: `favicon.svg`. */
  publicFiles: string[];
  versions: readonly Version[];
  /** Site base path, `/` or `/docs/`. */
  base: string;
  /** URLs matching any of these are neither checked nor reported. */
  exclude?: RegExp[];
  /** How the content folder is shown in findings: `content` gives `content/latest/images/x.png`. */
  contentPrefix: string;
  /** Only report findings in these page files (all pages are still resolved against). */
  only?: (file: string) => boolean;
  /**
   * Findings of a page from an earlier run, when neither the page nor anything it can link to has
   * changed since (the caller decides, by content hashes); such pages are not resolved again.
   */
  reuse?: (page: SitePage) => Finding[] | undefined;
}

export interface ExternalReference {
  url: string;
  file: string;
  place: Place;
}

export interface LinkCheckResult {
  findings: Finding[];
  references: number;
  external: ExternalReference[];
  /** Findings per page id, for reuse by the next run. */
  byPage: Map<string, Finding[]>;
}

const IMAGE_FILE = /\.(?:png|jpe?g|gif|webp|avif|svg)$/i;
const VAGUE = new Set(['here', 'click here', 'this', 'link', 'this link', 'more', 'read more', 'this page', 'page', 'go', 'see here', 'can be found here', 'learn more']);
const MAILTO = /^mailto:[^@\s?]+@[^@\s?]+\.[^@\s?]+(?:\?.*)?$/i;
const TEL = /^tel:\+?[0-9][0-9 ().-]{2,}$/i;

export function checkLinks(input: LinkCheckInput): LinkCheckResult {
  const current = currentVersion(input.versions);
  const pagesById = new Map(input.pages.map((page) => [page.id, page]));
  // The route table of the content: route path (below base, trailing slash) → page.
  const routes = new Map<string, SitePage>();
  for (const page of input.pages) {
    try {
      routes.set(guidePath(addressOf(page.id, input.versions)), page);
    } catch {
      // A file outside the declared versions has no route; the build reports it.
    }
  }
  // `/latest/…` is the stable alias of the current version when the current version has another id.
  if (current.id !== CURRENT_ALIAS) {
    for (const [route, page] of [...routes]) if (route.startsWith(`${current.id}/`)) routes.set(`${CURRENT_ALIAS}/${route.slice(current.id.length + 1)}`, page);
  }
  const staticRoutes = new Set<string>([...STATIC_ROUTES, ...input.versions.map((version) => `${version.id}/`), `${CURRENT_ALIAS}/`, ...input.publicFiles]);
  const routesByVersion = new Map<string, Suggester>();
  for (const version of input.versions) routesByVersion.set(version.id, new Suggester([...routes.keys()].filter((route) => route.startsWith(`${version.id}/`))));
  // "Did you mean" for images looks among files of the same folder and type: a typo in a name
  // rarely changes the folder or the extension, and thousands of other images are no help.
  const imageKey = (path: string) => `${path.slice(0, path.lastIndexOf('/') + 1)}*${path.slice(path.lastIndexOf('.')).toLowerCase()}`;
  const imageLists = new Map<string, string[]>();
  for (const asset of input.assets) {
    if (!IMAGE_FILE.test(asset)) continue;
    const folder = imageKey(asset);
    const list = imageLists.get(folder);
    if (list) list.push(asset);
    else imageLists.set(folder, [asset]);
  }
  const imagesByFolder = new Map([...imageLists].map(([folder, list]) => [folder, new Suggester(list)]));
  const assets = new Set(input.assets);
  const assetsByLowerCase = new Map(input.assets.map((asset) => [asset.toLowerCase(), asset]));
  const usedAssets = new Set<string>();
  const findings: Finding[] = [];
  const external: ExternalReference[] = [];
  let references = 0;

  const byPage = new Map<string, Finding[]>();
  for (const page of input.pages) {
    const { extract } = page;
    const reused = input.reuse?.(page);
    if (reused) {
      byPage.set(page.id, reused);
      findings.push(...reused.filter((finding) => !input.only || input.only(finding.file)));
      markUsedImages(page);
      references += extract.references.length;
      for (const reference of extract.references) {
        if (reference.kind === 'link' && /^(?:https?:)?\/\//i.test(reference.url.trim())) external.push({ url: reference.url.trim().startsWith('//') ? `https:${reference.url.trim()}` : reference.url.trim(), file: extract.file, place: reference.place });
      }
      continue;
    }
    const pageFindings: Finding[] = [];
    byPage.set(page.id, pageFindings);
    const report = (ruleId: LinkRuleId, place: Place | undefined, reason: string, note?: string) => {
      const suppressed = place && extract.suppressions.some((entry) => (entry.line === place.line || entry.line === place.line - 1) && entry.rules.includes(ruleId));
      if (suppressed) return;
      const finding: Finding = { ruleId, severity: linkRuleSeverity(ruleId), reason, file: extract.file, ...(place ? { place } : {}), ...(note ? { note } : {}), source: 'stepdocs-links' };
      pageFindings.push(finding);
      if (!input.only || input.only(extract.file)) findings.push(finding);
    };
    if (extract.parseError) {
      pageFindings.push(extract.parseError);
      if (!input.only || input.only(extract.file)) findings.push(extract.parseError);
      continue;
    }
    let pageVersion: Version | undefined;
    let pageRoute = '';
    try {
      const address = addressOf(page.id, input.versions);
      pageVersion = address.version;
      pageRoute = guidePath(address);
    } catch {
      pageVersion = undefined;
    }
    for (const duplicate of extract.duplicateHeadings) {
      report('anchors/duplicate-heading', duplicate.place, `${duplicate.ids.length} headings read "${duplicate.text}"; their anchors are ${duplicate.ids.map((id) => `\`#${id}\``).join(', ')}`, 'Give each heading its own text, so links to the later ones do not depend on a `-1` suffix.');
    }
    const folder = page.id.split('/').slice(0, -1).join('/');

    for (const reference of extract.references) {
      references += 1;
      if (reference.dynamic) {
        report('links/dynamic-url', reference.place, `\`${reference.via.slice(4)}\` is a JavaScript expression, which no check can follow`, 'Write the address as a string (`href="/latest/okta/"`), so the checker can follow it and refuse unsafe schemes.');
        continue;
      }
      const url = reference.url.trim();
      if (input.exclude?.some((pattern) => pattern.test(url))) continue;
      if (reference.kind === 'image') {
        checkImage(reference, url);
        continue;
      }
      checkLinkText(reference);
      checkLink(reference, url);
    }

    function checkImage(reference: Reference, url: string) {
      if (!reference.decorative && (reference.alt === null || reference.alt === undefined || reference.alt.trim() === '')) {
        report('images/missing-alt', reference.place, `Image \`${abbreviate(url, 70)}\` has no alt text`, 'Describe what the image shows in the alt text; for a purely decorative image use `<Figure … decorative alt="" />`.');
      }
      const image = resolveImage(folder, url);
      if (image.kind === 'remote') {
        report('images/remote', reference.place, `Image \`${abbreviate(url, 70)}\` is hotlinked from \`${hostOf(url)}\``, 'Save the image next to the guide and link the local file; remote images break when the other host changes.');
        return;
      }
      if (image.kind === 'scheme') {
        report('images/remote', reference.place, `Image \`${abbreviate(url, 70)}\` is not a file path`, 'Save the image next to the guide and link the local file.');
        return;
      }
      if (image.kind === 'public') {
        if (!input.publicFiles.includes(image.path)) report('images/missing-file', reference.place, `Cannot find image \`${url}\` in the site's public folder`, 'Site-absolute image paths name files in `public/`; keep guide images next to the guide and use a relative path.');
        return;
      }
      const { target, actual } = image;
      if (actual) usedAssets.add(actual);
      if (actual === target) return;
      if (actual) {
        report('images/case-mismatch', reference.place, `Image \`${url}\` differs in letter case from the file \`${actual.split('/').pop()}\``, `Write the name exactly as on disk; it works on macOS but breaks on Linux servers.`);
        return;
      }
      const suggestion = imagesByFolder.get(imageKey(target))?.suggest(target);
      report('images/missing-file', reference.place, `Cannot find image file \`${url}\`${suggestion ? `; did you mean \`${relativeTo(folder, suggestion)}\`?` : ''}`, "Check the path: it is relative to this guide's folder.");
    }

    function checkLinkText(reference: Reference) {
      if (reference.text === undefined || reference.via === 'definition' || reference.via === 'autolink') return;
      const text = reference.text.trim().toLowerCase().replace(/[.!:]+$/, '');
      if (text === '') report('links/empty-text', reference.place, `Link to \`${abbreviate(reference.url, 70)}\` has no text`, 'Write link text that says where the link goes; screen readers announce links by their text.');
      else if (VAGUE.has(text)) report('links/vague-text', reference.place, `Link text "${reference.text.trim()}" does not say where it goes`, 'Name the destination, e.g. "domain reservation guide", so the link makes sense when read on its own.');
    }

    function checkLink(reference: Reference, url: string) {
      if (url === '') {
        report('links/missing-page', reference.place, 'Link has an empty target', 'Fill in the address or remove the link.');
        return;
      }
      // The scheme a browser would follow: `java&#9;script:` and leading control characters do not hide it.
      const scheme = urlScheme(url);
      if (scheme === 'http' || scheme === 'https' || url.startsWith('//')) {
        external.push({ url: url.startsWith('//') ? `https:${url}` : url, file: extract.file, place: reference.place });
        return;
      }
      if (scheme === 'mailto') {
        if (!MAILTO.test(url)) report('links/malformed-mailto', reference.place, `\`${url}\` is not a valid e-mail link; expected \`mailto:name@example.com\``, 'Check the address after `mailto:`.');
        return;
      }
      if (scheme === 'tel') {
        if (!TEL.test(url)) report('links/malformed-tel', reference.place, `\`${url}\` is not a valid phone link; expected \`tel:\` and digits, e.g. \`tel:+1-555-0100\``, 'Write the number in international form after `tel:`.');
        return;
      }
      if (scheme) {
        report('links/unsupported-scheme', reference.place, `Link uses the \`${scheme}:\` scheme`, 'Link to http(s) pages, e-mail (`mailto:`), phone (`tel:`) or site pages only.');
        return;
      }
      const hashIndex = url.indexOf('#');
      const fragment = hashIndex === -1 ? undefined : decodeSafely(url.slice(hashIndex + 1));
      const path = hashIndex === -1 ? url : url.slice(0, hashIndex);
      if (path === '' || path.startsWith('?')) {
        if (fragment !== undefined) checkAnchor(reference, page, fragment, 'this page');
        return;
      }
      let targetPage: SitePage | undefined;
      let targetRoute: string;
      if (isContentFileLink(path)) {
        const id = contentIdOfFileLink(page.id, path);
        targetPage = pagesById.get(id) ?? pagesById.get(`${id}/index`);
        try {
          targetRoute = guidePath(addressOf(id, input.versions));
        } catch {
          targetRoute = `${id}/`;
        }
      } else {
        const absolute = path.startsWith('/') ? pathBelowBase(input.base, path.split('?')[0]!) : resolveRelative(pageRoute, path.split('?')[0]!);
        targetRoute = normaliseRoute(decodeSafely(absolute));
        targetPage = routes.get(targetRoute);
        if (!targetPage && (staticRoutes.has(targetRoute) || staticRoutes.has(targetRoute.replace(/\/$/, '')))) return;
      }
      const writtenVersionId = targetRoute.split('/')[0];
      const targetVersionId = writtenVersionId === CURRENT_ALIAS && !input.versions.some((version) => version.id === CURRENT_ALIAS) ? current.id : writtenVersionId;
      if (pageVersion && path.startsWith('/') && targetVersionId !== pageVersion.id && input.versions.some((version) => version.id === targetVersionId)) {
        report('links/leaves-version', reference.place, `Link \`${url}\` from version \`${pageVersion.id}\` leads into version \`${targetVersionId}\``, `Link within \`${pageVersion.id}\` (a relative link such as \`./page.mdx\` stays in its version), or mark a deliberate cross-version link with \`{/* stepdocs-ignore links/leaves-version */}\`.`);
      }
      if (!targetPage) {
        const inCurrent = pageVersion && pageVersion.id !== current.id && targetVersionId === pageVersion.id ? routes.get(`${current.id}/${targetRoute.slice(pageVersion.id.length + 1)}`) : undefined;
        if (inCurrent && pageVersion) {
          report('links/missing-in-version', reference.place, `Page \`${targetRoute}\` exists in version \`${current.id}\` but not in \`${pageVersion.id}\``, `Remove the link from this version, or link the ${current.id} page deliberately as \`/${current.id}/${targetRoute.slice(pageVersion.id.length + 1)}\`.`);
          return;
        }
        const suggestion = routesByVersion.get(targetVersionId ?? '')?.suggest(targetRoute);
        report('links/missing-page', reference.place, `Cannot find page \`${url}\`${suggestion ? `; did you mean \`/${suggestion}\`?` : ''}`, 'Link an existing guide: relative file paths (`./okta.mdx`) and site paths (`/latest/okta/`) both work.');
        return;
      }
      if (fragment !== undefined && fragment !== '') checkAnchor(reference, targetPage, fragment, `\`${targetPage.id}\``);
    }

    function checkAnchor(reference: Reference, target: SitePage, fragment: string, where: string) {
      if (fragment === '' || fragment === '_top' || target.extract.anchors.includes(fragment)) return;
      const suggestion = closest(fragment, target.extract.anchors);
      report('links/missing-anchor', reference.place, `Cannot find heading or step \`#${fragment}\` in ${where}${suggestion ? `; did you mean \`#${suggestion}\`?` : ''}`, 'Anchors are heading slugs (lowercase, hyphens), step ids and explicit `id` attributes.');
    }
  }

  /** For pages whose findings were reused: note the images they use, so none is called unused. */
  function markUsedImages(page: SitePage) {
    const folder = page.id.split('/').slice(0, -1).join('/');
    for (const reference of page.extract.references) {
      const url = reference.url.trim();
      if (reference.kind !== 'image' || input.exclude?.some((pattern) => pattern.test(url))) continue;
      const image = resolveImage(folder, url);
      if (image.kind === 'asset' && image.actual) usedAssets.add(image.actual);
    }
  }

  /** Where an image path leads: another host, another scheme, the public folder, or a file of the content folder (as on disk, if it exists). */
  function resolveImage(folder: string, url: string): { kind: 'remote' } | { kind: 'scheme' } | { kind: 'public'; path: string } | { kind: 'asset'; target: string; actual: string | undefined } {
    if (/^(?:https?:)?\/\//i.test(url)) return { kind: 'remote' };
    if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return { kind: 'scheme' };
    const clean = decodeSafely(url.split(/[?#]/)[0]!);
    if (clean.startsWith('/')) return { kind: 'public', path: pathBelowBase(input.base, clean) };
    const target = joinAssetPath(folder, clean);
    return { kind: 'asset', target, actual: assets.has(target) ? target : assetsByLowerCase.get(target.toLowerCase()) };
  }

  for (const asset of input.assets) {
    if (!IMAGE_FILE.test(asset) || usedAssets.has(asset)) continue;
    const display = `${input.contentPrefix.replace(/\/?$/, '/')}${asset}`;
    if (input.only && !input.only(display)) continue;
    findings.push({ ruleId: 'images/unused', severity: linkRuleSeverity('images/unused'), reason: `Image \`${asset}\` is not used by any page`, file: display, note: 'Delete it, or reference it from the guide it was made for.', source: 'stepdocs-links' });
  }

  return { findings: findings.sort(compareFindings), references, external, byPage };
}

/** `latest/jumpcloud`, `latest/jumpcloud.mdx`, `latest/jumpcloud/` → `latest/jumpcloud/`. */
function normaliseRoute(path: string): string {
  let route = path.replace(/^\/+/, '').replace(/\/index\.html?$/, '/').replace(/\.mdx?$/, '').replace(/\/+$/, '');
  if (/\.[a-z0-9]+$/i.test(route)) return route;
  route = route === '' ? '' : `${route}/`;
  return route;
}

/** Resolves a relative URL against a page route (`latest/a/`), as a browser does. */
function resolveRelative(pageRoute: string, path: string): string {
  const resolved = new URL(path, `http://site/${pageRoute}`).pathname;
  return resolved.slice(1);
}

function relativeTo(folder: string, asset: string): string {
  const prefix = folder === '' ? '' : `${folder}/`;
  return asset.startsWith(prefix) ? `./${asset.slice(prefix.length)}` : asset;
}

function hostOf(url: string): string {
  try {
    return new URL(url.startsWith('//') ? `https:${url}` : url).host;
  } catch {
    return url;
  }
}

