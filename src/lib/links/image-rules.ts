/**
 * The image rules: one definition and one check for an image wherever it is written (a `<Figure>`,
 * a Markdown image, an `<img>` in a `.md` page). The build checks images page by page with the
 * content folder's files; `npm run check` checks them across the site with its file listing; both
 * call `checkImage` with their own way of looking a path up, so an image gets the same finding.
 */
import { abbreviate, type Place } from '../findings.ts';
import type { Rule } from '../rule.ts';
import { isRemoteReference } from '../guide/resolve-asset.ts';

/** What looking up a local image path found. */
export type ImageStatus =
  | { status: 'ok' }
  | { status: 'missing'; suggestion?: string; publicFolder?: boolean }
  | { status: 'outside' }
  | { status: 'case-mismatch'; actual: string };

/** An image as an engine hands it to `checkImage`, with its way of looking up a local path. */
export interface ImageInput {
  /** The path or URL as written. */
  src: string;
  /** Alt text; undefined or null when the image has none. */
  alt: string | null | undefined;
  decorative: boolean;
  /**
   * False where alt text is left to `npm run check`: the build accepts a Markdown image without alt
   * text (GitBook exports are full of them, and a migration should build first), the check reports it.
   */
  altRequired: boolean;
  /** Where the image is written, and where its path is (a `src` attribute), for findings. */
  place: Place | undefined;
  srcPlace: Place | undefined;
  /** Looks up a local path (no scheme, not protocol-relative); undefined skips file checks. */
  lookup: ((src: string) => ImageStatus) | undefined;
}

/** What the image rules read: the image, and what one lookup of its local path found (undefined for URLs, or without a lookup). */
export interface ImageContext extends Omit<ImageInput, 'lookup'> {
  status: ImageStatus | undefined;
}

export type ImageReport = (place: Place | undefined, reason: string, note?: string) => void;

export type ImageCheck = { stage: 'image'; run(image: ImageContext, report: ImageReport): void };

export type ImageRule = Rule<ImageCheck>;

const shown = (src: string) => abbreviate(src.trim().replace(/\s+/g, ' '), 70);

function hostOf(url: string): string {
  try {
    return new URL(url, 'https://example.invalid').host;
  } catch {
    return url;
  }
}

export const IMAGE_RULES: readonly ImageRule[] = [
  {
    id: 'images/missing-alt',
    severity: 'error',
    description: 'Every image has alt text that says what it shows; a purely decorative one says so with `decorative` and `alt=""`.',
    why: 'Screen readers read the alt text in place of the image, and a reader whose images do not load sees it; a screenshot without it is a gap in the procedure.',
    fix: 'Describe what the image shows (`alt="JumpCloud side menu with the SSO tab selected"`); for a purely decorative image write `<Figure … decorative alt="" />`.',
    bad: '<Figure src="./images/sso-tab.svg" />',
    good: '<Figure src="./images/sso-tab.svg" alt="JumpCloud side menu with the SSO tab selected" />',
    check: {
      stage: 'image',
      run({ src, alt, decorative, altRequired, place }, report) {
        if (!altRequired || decorative || (typeof alt === 'string' && alt.trim() !== '')) return;
        report(place, `Image \`${shown(src)}\` has no alt text`);
      },
    },
  },
  {
    id: 'images/remote',
    severity: 'error',
    description: 'Images are stored with the content, never hotlinked from another host or inlined as a `data:` URL.',
    why: 'A hotlinked screenshot changes or disappears when the other host changes, is fetched from that host by every reader, and is not versioned with the guide.',
    fix: 'Save the image next to the guide (e.g. `./images/`) and point to the local file.',
    bad: '<Figure src="https://example.com/shot.png" alt="The SSO tab" />',
    good: '<Figure src="./images/shot.png" alt="The SSO tab" />',
    check: {
      stage: 'image',
      run({ src, srcPlace, place }, report) {
        const url = src.trim();
        if (/^(?:https?:)?\/\//i.test(url)) report(srcPlace ?? place, `Image \`${shown(url)}\` is hotlinked from \`${hostOf(url)}\``);
        else if (/^[a-z][a-z0-9+.-]*:/i.test(url)) report(srcPlace ?? place, `Image \`${shown(url)}\` is not a file path`);
      },
    },
  },
  {
    id: 'images/missing-file',
    severity: 'error',
    description: 'An image file exists where its path says, inside the content folder (or, for a site-absolute path, in `public/`).',
    why: 'A missing image is a broken picture in the middle of a step, and the build cannot publish it; an image outside the content folder is not published at all.',
    fix: "Check the path: it is relative to the page's folder. Copy an image from elsewhere into the content folder, next to the guide.",
    bad: '<Figure src="./images/sso-tabs.svg" alt="The SSO tab" />',
    good: '<Figure src="./images/sso-tab.svg" alt="The SSO tab" />',
    check: {
      stage: 'image',
      run({ src, srcPlace, place, status: result }, report) {
        if (result?.status === 'outside') {
          report(
            srcPlace ?? place,
            `Image \`${shown(src)}\` is outside the content folder, so it is not published`,
            'Copy the image into the content folder, next to the guide (e.g. `./images/`), and point to the copy.',
          );
        } else if (result?.status === 'missing' && result.publicFolder) {
          report(
            srcPlace ?? place,
            `Cannot find image \`${shown(src)}\` in the site's public folder`,
            'Site-absolute image paths name files in `public/`; keep guide images next to the guide and use a relative path.',
          );
        } else if (result?.status === 'missing') {
          report(
            srcPlace ?? place,
            `Cannot find image file \`${shown(src)}\`${result.suggestion ? `; did you mean \`${result.suggestion}\`?` : ''}`,
            "Check the path: it is relative to this page's folder.",
          );
        }
      },
    },
  },
  {
    id: 'images/case-mismatch',
    severity: 'error',
    description: 'An image path matches the file name letter for letter (macOS forgives case, Linux servers do not).',
    why: "The page works on the author's Mac and shows a broken image once deployed to a Linux server.",
    fix: 'Write the file name exactly as it is on disk.',
    bad: '<Figure src="./images/Login.PNG" alt="The login page" />',
    good: '<Figure src="./images/login.png" alt="The login page" />',
    check: {
      stage: 'image',
      run({ src, srcPlace, place, status: result }, report) {
        if (result?.status !== 'case-mismatch') return;
        report(
          srcPlace ?? place,
          `Image \`${shown(src)}\` differs in letter case from the file \`${result.actual.split('/').pop()}\``,
          `Write \`${result.actual}\`; it works on macOS but breaks on Linux servers.`,
        );
      },
    },
  },
];

/** The lookup of a local path; undefined for URLs (the remote rule's) and when no lookup is given. */
function localLookup(src: string, lookup: ImageInput['lookup']): ImageStatus | undefined {
  const url = src.trim();
  if (!lookup || url === '' || isRemoteReference(url)) return undefined;
  return lookup(url);
}

/** Runs every image rule on one image, its local path looked up once; `report` receives the rule as well. */
export function checkImage({ lookup, ...image }: ImageInput, report: (rule: ImageRule, place: Place | undefined, reason: string, note: string) => void): void {
  const context: ImageContext = { ...image, status: localLookup(image.src, lookup) };
  for (const rule of IMAGE_RULES) rule.check.run(context, (place, reason, note) => report(rule, place, reason, note ?? rule.fix));
}
