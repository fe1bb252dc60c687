/**
 * The starting file `npm run new` writes: valid frontmatter for a guide or a general page, and for a
 * guide a `<Steps>` skeleton of two steps, so the file passes `npm run check` as written and the
 * author replaces words rather than looks up syntax.
 */
import { stringify } from 'yaml';

export type ScaffoldKind = 'guide' | 'page';

export interface ScaffoldOptions {
  kind: ScaffoldKind;
  title: string;
  section: string;
  /** YYYY-MM-DD. */
  lastReviewed: string;
  /** Guides only. */
  idp?: string;
  product?: string;
}

/** A page path below a version folder: lowercase words joined by `-`, folders by `/` (`identity-providers/okta`). */
export const PAGE_PATH_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/;

/** `identity-providers/google-workspace` → `Google Workspace`. */
export function titleFromPath(path: string): string {
  const last = path.split('/').at(-1) ?? path;
  return last
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

export function scaffoldPage(options: ScaffoldOptions): string {
  const guide = options.kind === 'guide';
  const frontmatter = guide
    ? {
        title: options.title,
        description: `Configure ${options.idp} as the SAML 2.0 identity provider for ${options.product}.`,
        idp: options.idp,
        product: options.product,
        lastReviewed: options.lastReviewed,
        section: options.section,
      }
    : {
        kind: 'page',
        title: options.title,
        description: `What ${options.title} covers, in one or two sentences.`,
        section: options.section,
        lastReviewed: options.lastReviewed,
      };
  const body = guide ? guideBody(options) : pageBody();
  return `---\n${stringify(frontmatter, { lineWidth: 0 }).trimEnd()}\n---\n\n${body}`;
}

function guideBody(options: ScaffoldOptions): string {
  return `Say in a sentence or two what the reader sets up and what works afterwards.

## Before you start

<Hint type="info">List what the reader needs first: admin access to ${options.idp} and to the Keeper Admin Console.</Hint>

## Configure ${options.idp}

<Steps>
<Step id="create-the-application" title="Create the application in ${options.idp}">

Say where to click, with each label as the console shows it: <Ui>Applications</Ui>. Put a screenshot in \`./images/\` and show it with \`<Figure src="./images/….png" alt="…" />\`.

</Step>
<Step id="upload-the-metadata" title="Upload the metadata to Keeper">

Say what the reader copies from one console to the other, and where it goes.

</Step>
</Steps>
`;
}

function pageBody(): string {
  return `Say in a sentence or two what this page explains and who it is for.

## First section

Write the page here. Components such as \`<Hint>\`, \`<Tabs>\` and \`<Figure>\` work on general pages too.
`;
}
