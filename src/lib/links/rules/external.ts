/**
 * Rules on links to other sites, judged from the answers the external check (external.ts) got:
 * run by `npm run check -- --external`, never in the build (the network is not the author's).
 */
import type { Finding, Place } from '../../findings.ts';
import type { Rule } from '../../rule.ts';
import type { ExternalResult } from '../external.ts';

export interface ExternalLink {
  url: string;
  file: string;
  place: Place;
}

export type ExternalCheck = { stage: 'external'; run(result: ExternalResult, report: (reason: string, note?: string) => void): void };

export const externalRules: Array<Rule<ExternalCheck>> = [
  {
    id: 'links/external-broken',
    severity: 'error',
    description: 'An external link answers with a success status (checked with `--external`).',
    why: 'A vendor page that moved or was removed leaves the reader without the setting the step needs.',
    fix: "Update the link to the page's new address, or remove it.",
    bad: '[JumpCloud provisioning](https://broken.example/scim)',
    good: '[JumpCloud provisioning](https://docs.example.com/scim)',
    check: {
      stage: 'external',
      run(result, report) {
        if (result.status === 'broken')
          report(`External link \`${result.url}\` answers HTTP ${result.code}`, "Update the link to the page's new address, or remove it.");
      },
    },
  },
  {
    id: 'links/external-unreachable',
    severity: 'warning',
    description: 'An external link answers at all (timeouts and network errors, with `--external`).',
    why: 'A host that does not answer may be down for a moment or gone for good; a warning, since the network may be at fault.',
    fix: 'Open the link yourself; if the site is gone, link another source or remove the link.',
    bad: '[JumpCloud provisioning](https://unreachable.example/scim)',
    good: '[JumpCloud provisioning](https://docs.example.com/scim)',
    check: {
      stage: 'external',
      run(result, report) {
        if (result.status === 'timeout') report(`External link \`${result.url}\` did not answer in time`);
        else if (result.status === 'unreachable') report(`External link \`${result.url}\` is unreachable${result.detail ? ` (${result.detail})` : ''}`);
      },
    },
  },
];

/** The findings of the external rules for each link, from the answer its URL got. */
export function externalFindings(links: readonly ExternalLink[], results: readonly ExternalResult[]): Finding[] {
  const byUrl = new Map(results.map((result) => [result.url, result]));
  const findings: Finding[] = [];
  for (const link of links) {
    const result = byUrl.get(link.url);
    if (!result) continue;
    for (const rule of externalRules) {
      rule.check.run(result, (reason, note) =>
        findings.push({
          ruleId: rule.id,
          severity: rule.severity,
          reason,
          file: link.file,
          place: link.place,
          note: note ?? rule.fix,
          source: 'stepdocs-links',
        }),
      );
    }
  }
  return findings;
}
