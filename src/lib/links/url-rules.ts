/**
 * The rule on a link's address itself, applied wherever a link is written (Markdown, a component's
 * `href`, raw HTML): the build's page check and `npm run check` both run it on every link.
 */
import { abbreviate, type Place } from '../findings.ts';
import type { Rule } from '../rule.ts';
import { isDangerousUrl, urlScheme } from '../urls.ts';

export interface UrlContext {
  url: string;
  place: Place | undefined;
}

export type UrlCheck = { stage: 'url'; run(link: UrlContext, report: (place: Place | undefined, reason: string, note?: string) => void): void };

/** Schemes a guide may link to; everything else is refused. */
export const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

export const SCHEME_RULE: Rule<UrlCheck> = {
  id: 'links/unsupported-scheme',
  severity: 'error',
  description:
    'Links go to web pages, e-mail, phone numbers or site pages (`http(s):`, `mailto:`, `tel:`, paths); never to `javascript:`, `vbscript:`, `data:`, `file:` or `blob:` URLs, however they are written (`java&#9;script:` is judged as a browser reads it).',
  why: "A `javascript:` or `data:` link runs code or shows attacker-controlled content on the docs site's origin when a reader clicks it; other schemes open programs the reader did not expect.",
  fix: 'Link to http(s) pages, e-mail (`mailto:`), phone (`tel:`) or site pages only.',
  bad: '[Open the console](javascript:alert(document.cookie))',
  good: '[Read the Okta guide](./okta.mdx)',
  check: {
    stage: 'url',
    run({ url, place }, report) {
      const scheme = urlScheme(url);
      if (scheme === undefined || LINK_SCHEMES.has(scheme)) return;
      if (isDangerousUrl(url))
        report(place, `Link uses the \`${scheme}:\` scheme (\`${abbreviate(url, 40)}\`), which runs code or carries content instead of linking`);
      else report(place, `Link uses the \`${scheme}:\` scheme`);
    },
  },
};
