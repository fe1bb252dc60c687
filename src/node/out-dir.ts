/** Where `astro build` writes, checked before the build starts. */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isInside } from './confine.ts';

export interface OutDirOptions {
  /** Folders the build must never empty or write into: the content folder, `public/`. */
  keep?: Array<{ path: string; name: string }>;
  deviceOf?: (path: string) => number;
}

/**
 * Astro empties the output folder before it builds. An output folder that is, or holds, the
 * project, the content or `public/` would take them with it, and one inside them would be read
 * back as content: both are refused, links resolved, before anything is deleted.
 * Astro also renders into `<root>/.astro/` and then renames the files into the output folder,
 * which the operating system refuses across file systems (EXDEV) after the whole build has run:
 * said up front, with the way out.
 */
export function checkOutDir(root: string, outDir: string, options: OutDirOptions = {}): string {
  const { keep = [], deviceOf = (path: string) => statSync(path).dev } = options;
  const project = resolve(root);
  const target = resolve(project, outDir);
  for (const { path, name } of [{ path: project, name: 'the project' }, ...keep]) {
    const kept = resolve(project, path);
    if (isInside(target, kept))
      throw new Error(
        `STEPDOCS_OUT_DIR ${target} is or holds ${name} (${kept}), which the build would delete: it empties its output folder first. Choose a folder of its own, such as ./dist.`,
      );
    if (kept !== project && isInside(kept, target))
      throw new Error(
        `STEPDOCS_OUT_DIR ${target} is inside ${name} (${kept}), which the build must not write into. Choose a folder of its own, such as ./dist.`,
      );
  }
  let existing = target;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  if (deviceOf(existing) !== deviceOf(project)) {
    throw new Error(
      `STEPDOCS_OUT_DIR ${target} is on another file system than the project (${project}), and Astro can only move its output within one. Build into a folder on the project's file system and copy it from there.`,
    );
  }
  return target;
}
