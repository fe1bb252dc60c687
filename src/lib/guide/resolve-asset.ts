/**
 * Resolves an image path as written in a guide (`./images/x.png`, `../shared/x.svg`) against the
 * guide's content id (`latest/jumpcloud`), giving the path below the content folder:
 * `latest/images/x.png`. Pure string work, so pages and checkers agree without touching the disk.
 */
export function resolveGuideAsset(guideId: string, src: string): string {
  const folder = guideId.split('/').slice(0, -1);
  const parts = [...folder];
  for (const segment of decodeURI(src.split(/[?#]/)[0]!).split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') parts.pop();
    else parts.push(segment);
  }
  return parts.join('/');
}
