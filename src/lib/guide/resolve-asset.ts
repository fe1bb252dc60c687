/**
 * Joins a folder and an image path as written in a guide (`./images/x.png`, `../shared/x.svg`),
 * normalising `.` and `..`: (`/content/latest`, `./images/x.png`) → `/content/latest/images/x.png`.
 * Pure string work, so components and checkers agree without touching the disk.
 */
import { decodeUriSafely } from '../urls.ts';
export function joinAssetPath(folder: string, src: string): string {
  const absolute = folder.startsWith('/');
  const parts = folder.split('/').filter((part) => part !== '' && part !== '.');
  for (const segment of decodeUriSafely(src.split(/[?#]/)[0]!).split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && parts.length > 0 && parts.at(-1) !== '..') parts.pop();
    else parts.push(segment);
  }
  return (absolute ? '/' : '') + parts.join('/');
}

/** True for a reference to another host: a URL with a scheme (`https:`, `data:`) or protocol-relative (`//cdn…`). */
export function isRemoteReference(reference: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(reference);
}
