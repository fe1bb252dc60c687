/**
 * Confinement: a path an author's input names (an include, an image, `.gitbook.yaml`'s `root`) is
 * used only if its real path, links resolved, lies inside the allowed root. `../` and symlinks that
 * leave the root are refused the same way.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';

/** True when `path` is `root` or below it, after resolving links of the part of each that exists (neither need exist). */
export function isInside(root: string, path: string): boolean {
  const realRoot = realExisting(resolve(root));
  const real = realExisting(resolve(path));
  const rel = relative(realRoot, real);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The existing file at `path` when it lies inside `root`; undefined when it is missing, not a file, or outside. */
export function fileInside(root: string, path: string): string | undefined {
  if (!existsSync(path) || !isInside(root, path)) return undefined;
  return statSync(path).isFile() ? path : undefined;
}

/** The real path of the longest existing prefix of `path`, with the rest appended. */
function realExisting(path: string): string {
  let existing = path;
  const rest: string[] = [];
  while (!existsSync(existing)) {
    const parent = resolve(existing, '..');
    if (parent === existing) return path;
    rest.unshift(relative(parent, existing));
    existing = parent;
  }
  return resolve(realpathSync.native(existing), ...rest);
}

/**
 * For many lookups under one root (a build's images): the existing file's real path when it lies
 * inside `realRoot` (already a real path), else undefined. One native realpath call and one stat.
 */
export function realFileInside(realRoot: string, path: string): string | undefined {
  let real: string;
  try {
    real = realpathSync.native(path);
  } catch {
    return undefined;
  }
  const rel = relative(realRoot, real);
  if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return statSync(real).isFile() ? real : undefined;
}
