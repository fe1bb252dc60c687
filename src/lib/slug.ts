/**
 * The one way stepdocs turns text into an anchor or a path segment: GitHub's (github-slugger), as
 * Astro's Markdown processor slugs headings, so anchors stepdocs computes match the ones pages get.
 * Rule: lowercase; letters, digits, `-` and `_` kept (any script); spaces become `-`; everything
 * else dropped (`SSO & SCIM` → `sso--scim`). Headings of one page share a `slugger()`, which adds
 * `-1`, `-2` … to repeats; a section's anchor is the slug of its label alone.
 */
import GithubSlugger, { slug as githubSlug } from 'github-slugger';

export function slug(text: string): string {
  return githubSlug(text);
}

/** A slugger for one page: repeated texts get `-1`, `-2` … as they do in the rendered page. */
export function slugger(): GithubSlugger {
  return new GithubSlugger();
}

export type { GithubSlugger as Slugger };
