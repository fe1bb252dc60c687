/**
 * Rules on one link of one page, resolved against the site (site-index.ts): where it goes, that it
 * arrives, and that its text says where.
 */
import { abbreviate, type Place } from '../../findings.ts';
import type { Rule } from '../../rule.ts';
import { closest } from '../../text-distance.ts';
import type { Reference } from '../extract.ts';
import type { PagePlace, Resolution, SiteIndex } from '../site-index.ts';

export interface LinkContext {
  reference: Reference;
  /** The address as written, trimmed. */
  url: string;
  /** Undefined for an address written as an expression (`href={…}`), which cannot be resolved. */
  resolved: Resolution | undefined;
  from: PagePlace;
  site: SiteIndex;
}

export type LinkReport = (place: Place | undefined, reason: string, note?: string) => void;

export type ReferenceCheck = { stage: 'reference'; run(link: LinkContext, report: LinkReport): void };

export type ReferenceRule = Rule<ReferenceCheck>;

const VAGUE = new Set([
  'here',
  'click here',
  'this',
  'link',
  'this link',
  'more',
  'read more',
  'this page',
  'page',
  'go',
  'see here',
  'can be found here',
  'learn more',
]);
const MAILTO = /^mailto:[^@\s?]+@[^@\s?]+\.[^@\s?]+(?:\?.*)?$/i;
const TEL = /^tel:\+?[0-9][0-9 ().-]{2,}$/i;

/** Link text as the text rules judge it, or undefined where a link has no text of its own. */
function judgedText(reference: Reference): string | undefined {
  if (reference.kind !== 'link' || reference.text === undefined || reference.via === 'definition' || reference.via === 'autolink') return undefined;
  return reference.text
    .trim()
    .toLowerCase()
    .replace(/[.!:]+$/, '');
}

/** The fragment a link names and the anchors of the page it names, when it names one that is there. */
function fragmentTarget(link: LinkContext): { fragment: string; anchors: string[]; where: string } | undefined {
  const resolved = link.resolved;
  if (resolved?.kind === 'this-page' && resolved.fragment) return { fragment: resolved.fragment, anchors: link.from.page.extract.anchors, where: 'this page' };
  if (resolved?.kind === 'page' && resolved.fragment)
    return { fragment: resolved.fragment, anchors: resolved.target.extract.anchors, where: `\`${resolved.target.id}\`` };
  return undefined;
}

export const referenceRules: ReferenceRule[] = [
  {
    id: 'links/missing-page',
    severity: 'error',
    description: 'A link points at a page that exists.',
    why: 'A broken link strands the reader in the middle of a setup, usually where the guide sends them for a prerequisite.',
    fix: 'Link an existing page: relative file paths (`./okta.mdx`) and site paths (`/latest/okta/`) both work.',
    bad: 'Set up [Okta](./okat.mdx) first.',
    good: 'Set up [Okta](./okta.mdx) first.',
    check: {
      stage: 'reference',
      run({ reference, url, resolved, site }, report) {
        if (resolved?.kind === 'empty') report(reference.place, 'Link has an empty target', 'Fill in the address or remove the link.');
        if (resolved?.kind !== 'missing' || resolved.inCurrent) return;
        const suggestion = site.routesByVersion.get(resolved.versionId ?? '')?.suggest(resolved.route);
        report(reference.place, `Cannot find page \`${url}\`${suggestion ? `; did you mean \`/${suggestion}\`?` : ''}`);
      },
    },
  },
  {
    id: 'links/missing-anchor',
    severity: 'error',
    description: 'A `#fragment` names a heading, step or id that exists on the target page.',
    why: 'A link to a missing anchor lands at the top of the page, and the reader has to find the step themselves.',
    fix: 'Use the anchor as the page makes it: heading slugs (lowercase, hyphens), step ids and explicit `id` attributes.',
    bad: 'See [the Okta settings](./okta.mdx#configure-okat).',
    good: 'See [the Okta settings](./okta.mdx#configure-okta).',
    check: {
      stage: 'reference',
      run(link, report) {
        const target = fragmentTarget(link);
        if (!target || target.fragment === '_top' || target.anchors.includes(target.fragment)) return;
        const suggestion = closest(target.fragment, target.anchors);
        report(
          link.reference.place,
          `Cannot find heading or step \`#${target.fragment}\` in ${target.where}${suggestion ? `; did you mean \`#${suggestion}\`?` : ''}`,
        );
      },
    },
  },
  {
    id: 'links/leaves-version',
    severity: 'error',
    description: 'A page of one version links to pages of the same version (a site-absolute link must not jump to another version).',
    why: 'A reader of version 1.0 who follows a link into the current version finds steps that do not match their console.',
    fix: "Link within the page's version (a relative link such as `./page.mdx` stays in its version), or mark a deliberate cross-version link with `{/* stepdocs-ignore links/leaves-version */}`.",
    bad: 'Compare with [version 1.0](/1.0/jumpcloud/).',
    good: 'Compare with [the Okta guide](./okta.mdx).',
    check: {
      stage: 'reference',
      run({ reference, url, resolved, from }, report) {
        const into = resolved?.kind === 'page' || resolved?.kind === 'missing' ? resolved.crossesInto : undefined;
        if (!into || !from.version) return;
        report(
          reference.place,
          `Link \`${url}\` from version \`${from.version.id}\` leads into version \`${into}\``,
          `Link within \`${from.version.id}\` (a relative link such as \`./page.mdx\` stays in its version), or mark a deliberate cross-version link with \`{/* stepdocs-ignore links/leaves-version */}\`.`,
        );
      },
    },
  },
  {
    id: 'links/missing-in-version',
    severity: 'error',
    description: 'A page links to pages that exist in its own version, not only in the current one.',
    why: 'A page added after a version was cut does not exist in that version; the link breaks for its readers.',
    fix: "Remove the link from this version, or link the current version's page deliberately with its full path.",
    bad: 'Read the [overview](./overview.mdx).',
    good: 'Read the [JumpCloud guide](./jumpcloud.mdx).',
    check: {
      stage: 'reference',
      run({ reference, resolved, from, site }, report) {
        if (resolved?.kind !== 'missing' || !resolved.inCurrent || !from.version) return;
        report(
          reference.place,
          `Page \`${resolved.route}\` exists in version \`${site.current.id}\` but not in \`${from.version.id}\``,
          `Remove the link from this version, or link the ${site.current.id} page deliberately as \`${resolved.inCurrent}\`.`,
        );
      },
    },
  },
  {
    id: 'links/dynamic-url',
    severity: 'error',
    description: 'Link and image addresses are written as strings, not JavaScript expressions (`href={…}`), so they can be checked.',
    why: 'An address computed when the page runs cannot be followed by any check, so a broken or unsafe one is published unnoticed.',
    fix: 'Write the address as a string (`href="/latest/okta/"`).',
    bad: 'Set up <a href={"./okta" + suffix}>Okta</a> first.',
    good: 'Set up <a href="./okta.mdx">Okta</a> first.',
    check: {
      stage: 'reference',
      run({ reference }, report) {
        if (reference.dynamic)
          report(
            reference.place,
            `\`${reference.via.slice(4)}\` is a JavaScript expression, which no check can follow`,
            'Write the address as a string (`href="/latest/okta/"`), so the checker can follow it and refuse unsafe schemes.',
          );
      },
    },
  },
  {
    id: 'links/empty-text',
    severity: 'warning',
    description: 'A link has text that says where it goes.',
    why: 'Screen readers announce a link by its text; a link without text is announced as its address, or not at all.',
    fix: 'Write link text that says where the link goes.',
    bad: 'Set up [](./okta.mdx) first.',
    good: 'Set up [Okta](./okta.mdx) first.',
    check: {
      stage: 'reference',
      run({ reference }, report) {
        if (judgedText(reference) === '')
          report(
            reference.place,
            `Link to \`${abbreviate(reference.url, 70)}\` has no text`,
            'Write link text that says where the link goes; screen readers announce links by their text.',
          );
      },
    },
  },
  {
    id: 'links/vague-text',
    severity: 'warning',
    description: 'Link text makes sense out of context ("domain reservation guide", not "here").',
    why: 'Readers scan links, and screen reader users list them out of context: a page of "here" links says nothing.',
    fix: 'Name the destination, e.g. "domain reservation guide".',
    bad: 'Okta is set up [here](./okta.mdx).',
    good: 'Set up Okta with the [Okta guide](./okta.mdx).',
    check: {
      stage: 'reference',
      run({ reference }, report) {
        const text = judgedText(reference);
        if (text !== undefined && VAGUE.has(text))
          report(
            reference.place,
            `Link text "${reference.text!.trim()}" does not say where it goes`,
            'Name the destination, e.g. "domain reservation guide", so the link makes sense when read on its own.',
          );
      },
    },
  },
  {
    id: 'links/malformed-mailto',
    severity: 'warning',
    description: 'A `mailto:` link holds an e-mail address.',
    why: 'A malformed address opens an empty message, or none.',
    fix: 'Check the address after `mailto:`.',
    bad: 'Write to [support](mailto:support).',
    good: 'Write to [support](mailto:support@example.com).',
    check: {
      stage: 'reference',
      run({ reference, url, resolved }, report) {
        if (resolved?.kind === 'mailto' && !MAILTO.test(url))
          report(reference.place, `\`${url}\` is not a valid e-mail link; expected \`mailto:name@example.com\``);
      },
    },
  },
  {
    id: 'links/malformed-tel',
    severity: 'warning',
    description: 'A `tel:` link holds a phone number.',
    why: 'A malformed number dials nothing, or the wrong line.',
    fix: 'Write the number in international form after `tel:`.',
    bad: 'Call [support](tel:support).',
    good: 'Call [support](tel:+1-555-0100).',
    check: {
      stage: 'reference',
      run({ reference, url, resolved }, report) {
        if (resolved?.kind === 'tel' && !TEL.test(url))
          report(reference.place, `\`${url}\` is not a valid phone link; expected \`tel:\` and digits, e.g. \`tel:+1-555-0100\``);
      },
    },
  },
];
