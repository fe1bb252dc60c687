/** Where `astro build` writes, checked before the build starts. */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Astro renders into `<root>/.astro/` and then renames the files into the output folder, which the
 * operating system refuses across file systems (EXDEV) after the whole build has run. Said up front
 * instead, with the way out.
 */
export function checkOutDir(root: string, outDir: string, deviceOf: (path: string) => number = (path) => statSync(path).dev): string {
  const project = resolve(root);
  const target = resolve(project, outDir);
  let existing = target;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  if (deviceOf(existing) !== deviceOf(project)) {
    throw new Error(`STEPDOCS_OUT_DIR ${target} is on another file system than the project (${project}), and Astro can only move its output within one. Build into a folder on the project's file system and copy it from there.`);
  }
  return target;
}
