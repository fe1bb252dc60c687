/**
 * Dist mode: every `href`, `src` and `srcset` in the built HTML, so links that come from layouts,
 * the sidebar, the version switcher and components are checked too, against the files really built.
 */
import { decodeSafely, isDangerousUrl, urlScheme } from '../urls.ts';
import { parse } from 'node-html-parser';
import type { Finding } from '../findings.ts';
import { compareFindings } from '../findings.ts';
import { closest } from '../text-distance.ts';
import { normaliseBase } from '../site-config.ts';
import { placeFinder } from '../text-position.ts';
import type { ExternalReference } from './check-links.ts';
import { linkRuleSeverity, type LinkRuleId } from './rules.ts';

export interface BuiltPage {
  /** Path below the output folder: `latest/jumpcloud/index.html`. */
  path: string;
  html: string;
}

export interface DistCheckInput {
  pages: BuiltPage[];
  /** Every file in the output folder, relative to it. */
  files: string[];
  base: string;
  /** How the output folder is shown in findings, e.g. `dist`. */
  displayPrefix: string;
  exclude?: RegExp[];
}

export function checkDist(input: DistCheckInput): { findings: Finding[]; references: number; external: ExternalReference[] } {
  const files = new Set(input.files);
  const ids = new Map<string, Set<string>>();
  const roots = input.pages.map((page) => ({ page, root: parse(page.html) }));
  for (const { page, root } of roots) ids.set(page.path, new Set(root.querySelectorAll('[id]').map((element) => element.getAttribute('id')!)));
  const findings: Finding[] = [];
  const external: ExternalReference[] = [];
  let references = 0;
  const base = normaliseBase(input.base);

  for (const { page, root } of roots) {
    const file = `${input.displayPrefix.replace(/\/?$/, '/')}${page.path}`;
    const lines = placeFinder(page.html);
    const report = (ruleId: LinkRuleId, offset: number, reason: string) =>
      findings.push({ ruleId, severity: linkRuleSeverity(ruleId), reason, file, place: lines(offset), source: 'stepdocs-links' });
    const pageUrl = new URL(`http://site${base}${page.path.replace(/index\.html$/, '')}`);
    for (const element of root.querySelectorAll('[href], [src], [srcset], [action], [formaction], [data]')) {
      const values: Array<[string, string]> = [];
      for (const name of URL_ATTRIBUTES) {
        const value = element.getAttribute(name);
        if (value !== undefined) values.push([name, value]);
      }
      const srcset = element.getAttribute('srcset');
      if (srcset) for (const candidate of srcset.split(',')) values.push(['srcset', candidate.trim().split(/\s+/)[0]!]);
      const offset = element.range[0];
      for (const [attribute, raw] of values) {
        references += 1;
        const value = raw.trim();
        if (value === '' || input.exclude?.some((pattern) => pattern.test(value))) continue;
        if (/^(?:https?:)?\/\//i.test(value)) {
          if (element.tagName === 'LINK' && element.getAttribute('rel') === 'canonical') continue;
          external.push({ url: value.startsWith('//') ? `https:${value}` : value, file, place: lines(offset) });
          continue;
        }
        if (isDangerousUrl(value)) {
          report(
            'links/unsupported-scheme',
            offset,
            `\`${abbreviate(value)}\` (${attribute} of \`<${element.tagName.toLowerCase()}>\`) uses the \`${urlScheme(value)}:\` scheme, which runs code or carries content instead of linking`,
          );
          continue;
        }
        if (urlScheme(value) !== undefined) continue;
        const url = new URL(value, pageUrl);
        let path = decodeSafely(url.pathname);
        if (!path.startsWith(base)) {
          report(
            attribute === 'href' ? 'links/missing-page' : 'images/missing-file',
            offset,
            `\`${value}\` (${attribute}) is outside the site's base path \`${base}\``,
          );
          continue;
        }
        path = path.slice(base.length);
        const target =
          path === '' || path.endsWith('/') ? `${path}index.html` : files.has(path) ? path : files.has(`${path}/index.html`) ? `${path}/index.html` : path;
        if (!files.has(target)) {
          const suggestion = closest(
            target,
            input.files.filter((candidate) => candidate.endsWith('.html')),
          );
          report(
            attribute === 'href' && element.tagName !== 'LINK' ? 'links/missing-page' : 'images/missing-file',
            offset,
            `\`${value}\` (${attribute} of \`<${element.tagName.toLowerCase()}>\`) leads to no built file${suggestion ? `; did you mean \`${base}${suggestion.replace(/index\.html$/, '')}\`?` : ''}`,
          );
          continue;
        }
        const fragment = url.hash.slice(1);
        if (fragment && fragment !== '_top' && target.endsWith('.html') && !ids.get(target)?.has(decodeSafely(fragment))) {
          report('links/missing-anchor', offset, `\`${value}\`: no element on \`${target}\` has the id \`${decodeSafely(fragment)}\``);
        }
      }
    }
  }
  return { findings: findings.sort(compareFindings), references, external };
}

/** Attributes that hold a URL a browser follows or loads; `srcset` is read separately. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'data'];

function abbreviate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
