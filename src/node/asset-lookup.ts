/**
 * Resolves an image path written in a guide against the disk, noticing letter-case mismatches, and
 * refusing files outside the content folder (`../` or a symlink out of it): the build publishes
 * every image a guide names, so only the content's own images may be named.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { AssetStatus } from '../lib/guide/validate-guide.ts';
import { decodeSafely } from '../lib/urls.ts';
import { isInside } from './confine.ts';

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
      const listing = listingOf(current);
      if (!listing) return { status: 'missing' };
      if (listing.names.has(segment)) {
        actual.push(segment);
      } else {
        const other = listing.byLowerCase.get(segment.toLowerCase());
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

interface Listing {
  changed: number;
  names: Set<string>;
  byLowerCase: Map<string, string>;
}

/**
 * Folder listings, read once and again only when the folder changes (its modification time moves
 * when a file is added, removed or renamed): 2,000 guides sharing an `images/` folder of 2,000 files
 * would otherwise list it 2,000 times, 4 million names, several seconds of a build.
 */
const listings = new Map<string, Listing>();

function listingOf(folder: string): Listing | undefined {
  let changed: number;
  try {
    changed = statSync(folder).mtimeMs;
  } catch {
    return undefined;
  }
  const known = listings.get(folder);
  if (known && known.changed === changed) return known;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return undefined;
  }
  const listing = { changed, names: new Set(names), byLowerCase: new Map(names.map((name) => [name.toLowerCase(), name])) };
  listings.set(folder, listing);
  return listing;
}
