/**
 * Resolves an image path written in a guide against the disk, noticing letter-case mismatches, and
 * refusing files outside the content folder (`../` or a symlink out of it): the build publishes
 * every image a guide names, so only the content's own images may be named.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { AssetStatus } from '../lib/guide/validate-guide.ts';
import { decodeSafely } from '../lib/urls.ts';
import { isInside } from '../node/confine.ts';

export function assetLookup(guideFile: string, contentRoot: string): (src: string) => AssetStatus {
  const folder = dirname(guideFile);
  return (src) => {
    const clean = decodeSafely(src.split(/[?#]/)[0]!);
    const target = resolve(folder, clean);
    if (!isInside(contentRoot, target)) return { status: 'outside' };
    const segments = relative(folder, target).split(sep);
    let current = folder;
    const actual: string[] = [];
    for (const segment of segments) {
      if (segment === '..' || segment === '.') {
        current = join(current, segment);
        actual.push(segment);
        continue;
      }
      let names: string[];
      try {
        names = readdirSync(current);
      } catch {
        return { status: 'missing' };
      }
      if (names.includes(segment)) {
        actual.push(segment);
      } else {
        const other = names.find((name) => name.toLowerCase() === segment.toLowerCase());
        if (!other) return { status: 'missing' };
        actual.push(other);
      }
      current = join(current, actual.at(-1)!);
    }
    if (!existsSync(current)) return { status: 'missing' };
    const written = relative(folder, target).split(sep).join('/');
    const onDisk = actual.join('/');
    if (written === onDisk) return { status: 'ok' };
    return { status: 'case-mismatch', actual: clean.startsWith('./') ? `./${onDisk}` : onDisk };
  };
}
