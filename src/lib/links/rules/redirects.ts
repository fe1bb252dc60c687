/**
 * Redirect rules: old paths (a page's `redirectFrom`, the configuration's `redirects`) that lead
 * somewhere, once. Checked across the site by collectRedirects and checkRedirects (redirects.ts),
 * which need every page and every redirect at once.
 */
import type { Rule } from '../../rule.ts';

export type RedirectsCheck = { stage: 'redirects' };

const check: RedirectsCheck = { stage: 'redirects' };

export const redirectRules: Array<Rule<RedirectsCheck>> = [
  {
    id: 'redirects/invalid-path',
    severity: 'error',
    description: 'An old path of a redirect is a path below the site base: no URL, query, fragment or `..`.',
    why: 'The site can only answer at its own paths; a URL or a query in an old path never matches a request.',
    fix: 'Write the path of the old page inside this version (`jumpcloud`), or from the site base with a leading `/`.',
    bad: 'redirectFrom: [https://docs.example.com/jumpcloud]',
    good: 'redirectFrom: [jumpcloud-old]',
    check,
  },
  {
    id: 'redirects/duplicate-source',
    severity: 'error',
    description: 'An old path redirects to one place only: two pages (or a page and the configuration) do not claim it.',
    why: 'Only one redirect can be served at a path; the other page silently loses its old address.',
    fix: 'Keep the old path on the page it really moved to, and remove it from the other.',
    bad: 'redirectFrom: [okta-legacy]',
    good: 'redirectFrom: [example-legacy]',
    check,
  },
  {
    id: 'redirects/shadows-page',
    severity: 'error',
    description: "A redirect's old path is not the path of a page that exists.",
    why: "A redirect written at a page's path would replace the page with a jump elsewhere.",
    fix: 'Remove the redirect, or move the page first.',
    bad: 'redirectFrom: [overview]',
    good: 'redirectFrom: [overview-old]',
    check,
  },
  {
    id: 'redirects/missing-target',
    severity: 'error',
    description: 'A redirect points at a page that exists.',
    why: 'A redirect to nowhere turns an old bookmark into a "page not found" after a jump.',
    fix: "Point it at the page's current path.",
    bad: '"redirects": { "old-okta": "/latest/okat/" }',
    good: '"redirects": { "old-okta": "/latest/okta/" }',
    check,
  },
  {
    id: 'redirects/missing-anchor',
    severity: 'error',
    description: "A redirect's `#fragment` names a heading or step of its target page.",
    why: 'The reader lands at the top of the page instead of the step the old address showed.',
    fix: 'Use an anchor the target page has: a heading slug or a step id.',
    bad: '"redirects": { "old-okta": "/latest/okta/#configure-okat" }',
    good: '"redirects": { "old-okta": "/latest/okta/#configure-okta" }',
    check,
  },
  {
    id: 'redirects/chain',
    severity: 'error',
    description: 'A redirect points straight at a page, never at another redirect (one hop at most).',
    why: 'Each hop costs the reader a round trip, and a chain breaks as soon as one link of it changes.',
    fix: 'Point the redirect straight at the page the other redirect leads to.',
    bad: '"redirects": { "old-okta": "/latest/okta-legacy/" }',
    good: '"redirects": { "old-okta": "/latest/okta/" }',
    check,
  },
  {
    id: 'redirects/loop',
    severity: 'error',
    description: 'Redirects never lead back to where they started.',
    why: 'A loop sends the browser back and forth until it gives up: the reader sees an error instead of a page.',
    fix: 'Point every old path straight at a page that exists.',
    bad: '"redirects": { "old-a": "/old-b/", "old-b": "/old-a/" }',
    good: '"redirects": { "old-a": "/latest/okta/", "old-b": "/latest/okta/" }',
    check,
  },
];
