/**
 * A GitBook space's structure as text: SUMMARY.md's entries in order with their groups, and the
 * file each page becomes in a stepdocs version folder. Pure; src/node/gitbook-space.ts reads the
 * space and plans the import with it.
 */
import { decodeUriSafely } from '../urls.ts';

/** SUMMARY.md: links in order, each with the group heading above it. */
export function readSummary(text: string): Array<{ path: string; title: string; group: string | undefined }> {
  const entries: Array<{ path: string; title: string; group: string | undefined }> = [];
  let group: string | undefined;
  for (const line of text.split('\n')) {
    const heading = /^#{2,}\s+(.+?)\s*$/.exec(line);
    if (heading) {
      group = heading[1]!.replace(/<[^>]+>/g, '').trim();
      continue;
    }
    const link = /^\s*[*-]\s+\[([^\]]*)\]\(<?([^)>]+?)>?\)/.exec(line);
    if (link && !/^[a-z]+:/i.test(link[2]!)) entries.push({ title: link[1]!.trim(), path: decodeUriSafely(link[2]!.trim()), group });
  }
  return entries;
}

/** `guides/README.md` → `guides/index.mdx`; `a/b.md` → `a/b.mdx`; the space's readme → `index.mdx`. */
export function targetOf(path: string, readme = 'README.md'): string {
  if (path === readme) return 'index.mdx';
  return path.replace(/(^|\/)README\.md$/i, '$1index.mdx').replace(/\.md$/i, '.mdx');
}

/**
 * Each page's file in the version folder. Two pages that would become one file (`README.md` and
 * `index.md` both `index.mdx`) are told apart before anything is written: the first in the space's
 * order keeps the name, the next get `-2`, `-3`.
 */
export function pageTargets(files: readonly string[], readme: string): Map<string, string> {
  const taken = new Set<string>();
  const targets = new Map<string, string>();
  // The space's front pages claim their folder's index first, as GitBook shows them there.
  const order = [
    ...files.filter((file) => file === readme || /(^|\/)README\.md$/i.test(file)),
    ...files.filter((file) => !(file === readme || /(^|\/)README\.md$/i.test(file))),
  ];
  for (const file of order) {
    const wanted = targetOf(file, readme);
    let target = wanted;
    for (let number = 2; taken.has(target.toLowerCase()); number += 1) target = wanted.replace(/\.mdx$/, `-${number}.mdx`);
    taken.add(target.toLowerCase());
    targets.set(file, target);
  }
  return targets;
}
