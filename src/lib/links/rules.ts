/** The link and image rules: ids, severities and what each one enforces. */
import type { RuleSummary, Severity } from '../findings.ts';

export type LinkRule = RuleSummary;

export const LINK_RULES = [
  { id: 'links/missing-page', severity: 'error', description: 'A link points at a page that exists.' },
  { id: 'links/missing-anchor', severity: 'error', description: 'A `#fragment` names a heading, step or id that exists on the target page.' },
  { id: 'links/leaves-version', severity: 'error', description: 'A page of one version links to pages of the same version (a site-absolute link must not jump to another version).' },
  { id: 'links/missing-in-version', severity: 'error', description: 'A page links to pages that exist in its own version, not only in the current one.' },
  { id: 'links/unsupported-scheme', severity: 'error', description: 'Links use http(s), mailto, tel or site paths; never `javascript:` or `data:`.' },
  { id: 'links/dynamic-url', severity: 'error', description: 'Link and image addresses are written as strings, not JavaScript expressions (`href={…}`), so they can be checked.' },
  { id: 'links/empty-text', severity: 'warning', description: 'A link has text that says where it goes.' },
  { id: 'links/vague-text', severity: 'warning', description: 'Link text makes sense out of context ("domain reservation guide", not "here").' },
  { id: 'links/malformed-mailto', severity: 'warning', description: 'A `mailto:` link holds an e-mail address.' },
  { id: 'links/malformed-tel', severity: 'warning', description: 'A `tel:` link holds a phone number.' },
  { id: 'links/external-broken', severity: 'error', description: 'An external link answers with a success status (checked with `--external`).' },
  { id: 'links/external-unreachable', severity: 'warning', description: 'An external link answers at all (timeouts and network errors, with `--external`).' },
  { id: 'images/missing-file', severity: 'error', description: 'An image file exists where the path says.' },
  { id: 'images/case-mismatch', severity: 'error', description: 'An image path matches the file name letter for letter (macOS forgives case, Linux servers do not).' },
  { id: 'images/remote', severity: 'error', description: 'Images are stored with the content, never hotlinked from another host.' },
  { id: 'images/missing-alt', severity: 'error', description: 'An image has alt text; a decorative one says so with `decorative` and `alt=""`.' },
  { id: 'images/unused', severity: 'warning', description: 'Every image in the content folder is used by some page.' },
  { id: 'anchors/duplicate-heading', severity: 'warning', description: 'Headings on one page have different text, so their anchors are not told apart by a `-1` suffix.' },
  { id: 'mdx/parse-error', severity: 'error', description: 'The file is valid MDX (other files are still checked).' },
  { id: 'redirects/invalid-path', severity: 'error', description: 'An old path of a redirect is a path below the site base: no URL, query, fragment or `..`.' },
  { id: 'redirects/duplicate-source', severity: 'error', description: 'An old path redirects to one place only: two pages (or a page and the configuration) do not claim it.' },
  { id: 'redirects/shadows-page', severity: 'error', description: 'A redirect\'s old path is not the path of a page that exists.' },
  { id: 'redirects/missing-target', severity: 'error', description: 'A redirect points at a page that exists.' },
  { id: 'redirects/missing-anchor', severity: 'error', description: 'A redirect\'s `#fragment` names a heading or step of its target page.' },
  { id: 'redirects/chain', severity: 'error', description: 'A redirect points straight at a page, never at another redirect (one hop at most).' },
  { id: 'redirects/loop', severity: 'error', description: 'Redirects never lead back to where they started.' },
] as const satisfies readonly LinkRule[];

export type LinkRuleId = (typeof LINK_RULES)[number]['id'];

const SEVERITY = new Map<string, Severity>(LINK_RULES.map((rule) => [rule.id, rule.severity]));

export function linkRuleSeverity(id: LinkRuleId): Severity {
  return SEVERITY.get(id)!;
}
