/**
 * Phase two of the link check: every reference of every page resolved against the site's own route
 * table, slugs and versions (site-index.ts), and judged by the link engine's rules (rules.ts). A page
 * whose findings cannot have changed since the last run is not resolved again.
 */
import type { Finding, Place } from '../findings.ts';
import { compareFindings } from '../findings.ts';
import { isRemoteReference } from '../guide/resolve-asset.ts';
import type { Rule } from '../rule.ts';
import { checkImage, type ImageInput } from './image-rules.ts';
import type { Reference } from './extract.ts';
import { anchorRules } from './rules/page.ts';
import { referenceRules, type LinkContext } from './rules/references.ts';
import { assetRules } from './rules/site.ts';
import { IMAGE_FILE, imageLookup, imageTarget, placeOf, resolveLink, siteIndex, type SiteIndex, type SiteInput, type SitePage } from './site-index.ts';
import { SCHEME_RULE } from './url-rules.ts';

export type { SitePage } from './site-index.ts';

export interface LinkCheckInput extends SiteInput {
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

export function checkLinks(input: LinkCheckInput): LinkCheckResult {
  const site = siteIndex(input);
  const shown = (file: string) => !input.only || input.only(file);
  const usedAssets = new Set<string>();
  const findings: Finding[] = [];
  const external: ExternalReference[] = [];
  const byPage = new Map<string, Finding[]>();
  let references = 0;

  for (const page of input.pages) {
    references += page.extract.references.length;
    const reused = input.reuse?.(page);
    const pageFindings = reused ?? checkPage(site, page, input.exclude ?? [], usedAssets, external);
    if (reused) noteReusedPage(site, page, input.exclude ?? [], usedAssets, external);
    byPage.set(page.id, pageFindings);
    findings.push(...pageFindings.filter((finding) => shown(finding.file)));
  }
  findings.push(...unusedImageFindings(input, usedAssets).filter((finding) => shown(finding.file)));
  return { findings: findings.sort(compareFindings), references, external, byPage };
}

/** Every finding of one page: its anchors, and each of its references resolved and judged. */
function checkPage(site: SiteIndex, page: SitePage, exclude: RegExp[], usedAssets: Set<string>, external: ExternalReference[]): Finding[] {
  const { extract } = page;
  if (extract.parseError) return [extract.parseError];
  const pageFindings: Finding[] = [];
  const reporter = (rule: Rule) => (place: Place | undefined, reason: string, note?: string) => {
    if (place && extract.suppressions.some((entry) => (entry.line === place.line || entry.line === place.line - 1) && entry.rules.includes(rule.id))) return;
    pageFindings.push({
      ruleId: rule.id,
      severity: rule.severity,
      reason,
      file: extract.file,
      ...(place ? { place } : {}),
      note: note ?? rule.fix,
      source: 'stepdocs-links',
    });
  };
  for (const rule of anchorRules) rule.check.run(extract, reporter(rule));
  const from = placeOf(site, page);
  const folder = folderOf(page);
  const lookup = imageLookup(site, folder);
  for (const reference of extract.references) {
    const url = reference.url.trim();
    if (!reference.dynamic && exclude.some((pattern) => pattern.test(url))) continue;
    if (reference.kind === 'image' && !reference.dynamic) {
      noteUsedImage(site, folder, url, usedAssets);
      checkImage(imageOf(reference, lookup), (rule, place, reason, note) => reporter(rule)(place, reason, note));
      continue;
    }
    const link: LinkContext = { reference, url, resolved: reference.dynamic ? undefined : resolveLink(site, from, url), from, site };
    if (link.resolved?.kind === 'external') external.push({ url: link.resolved.url, file: extract.file, place: reference.place });
    if (link.resolved?.kind === 'scheme') SCHEME_RULE.check.run({ url, place: reference.place }, reporter(SCHEME_RULE));
    for (const rule of referenceRules) if (!reference.dynamic || rule.id === 'links/dynamic-url') rule.check.run(link, reporter(rule));
  }
  return pageFindings;
}

function imageOf(reference: Reference, lookup: ImageInput['lookup']): ImageInput {
  return {
    src: reference.url.trim(),
    alt: reference.alt,
    decorative: reference.decorative === true,
    altRequired: true,
    place: reference.place,
    srcPlace: reference.place,
    lookup,
  };
}

/** For a page whose findings were reused: the images it uses (so none is called unused) and its external links. */
function noteReusedPage(site: SiteIndex, page: SitePage, exclude: RegExp[], usedAssets: Set<string>, external: ExternalReference[]): void {
  const folder = folderOf(page);
  for (const reference of page.extract.references) {
    const url = reference.url.trim();
    if (reference.dynamic || exclude.some((pattern) => pattern.test(url))) continue;
    if (reference.kind === 'image') noteUsedImage(site, folder, url, usedAssets);
    else if (/^(?:https?:)?\/\//i.test(url)) {
      external.push({ url: url.startsWith('//') ? `https:${url}` : url, file: page.extract.file, place: reference.place });
    }
  }
}

function noteUsedImage(site: SiteIndex, folder: string, url: string, usedAssets: Set<string>): void {
  if (isRemoteReference(url)) return;
  const target = imageTarget(site, folder, url);
  if (target.kind === 'asset' && target.actual) usedAssets.add(target.actual);
}

function unusedImageFindings(input: LinkCheckInput, usedAssets: Set<string>): Finding[] {
  const unused = input.assets.filter((asset) => IMAGE_FILE.test(asset) && !usedAssets.has(asset));
  const findings: Finding[] = [];
  for (const rule of assetRules) {
    rule.check.run(unused, (asset, reason, note) =>
      findings.push({
        ruleId: rule.id,
        severity: rule.severity,
        reason,
        file: `${input.contentPrefix.replace(/\/?$/, '/')}${asset}`,
        note: note ?? rule.fix,
        source: 'stepdocs-links',
      }),
    );
  }
  return findings;
}

function folderOf(page: SitePage): string {
  return page.id.split('/').slice(0, -1).join('/');
}
