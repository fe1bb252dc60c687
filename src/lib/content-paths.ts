/**
 * Which files of the content folder are content, for the build and for every command that reads the
 * folder (the checker, `version:cut`): pages are `.md`/`.mdx` files, and nothing whose path has a
 * segment starting with a dot is content. The build's loader globs `PAGE_PATTERN` without dot-files
 * (tinyglobby's default), so temporary copies (`.cut-1.0-123/`), atomic-write leftovers
 * (`.okta.mdx.123.tmp`) and tool folders (`.git/`) are skipped by both the same way.
 */
export const PAGE_PATTERN = '**/*.{md,mdx}';

/** True for a path (relative to the content folder, `/`-separated) that is content: no dot-segment. */
export function isContentPath(path: string): boolean {
  return path.split('/').every((segment) => !segment.startsWith('.'));
}
