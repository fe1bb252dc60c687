/**
 * Images: one alone in its paragraph becomes a `<Figure>` (its title or figcaption the caption),
 * one inside a sentence stays a Markdown image; both point at a file next to the page, and the
 * report lists every image to copy or download. An image without alt text is marked `decorative`
 * rather than given an invented description.
 */
import { decodeSafely } from '../../urls.ts';
import type { ImportContext } from '../context.ts';
import { jsxAttribute, jsxFlow, mapChildren, walk, type Node, type Position } from '../tree.ts';

export function gitbookFigures(context: ImportContext) {
  return (tree: Node) => {
    mapChildren(tree, (node) => {
      const images = (node.children ?? []).filter((child) => child.type === 'image');
      const alone =
        node.type === 'paragraph' &&
        images.length === 1 &&
        (node.children ?? []).every(
          (child) => child.type === 'image' || child.type === 'break' || (child.type === 'text' && (child.value ?? '').trim() === ''),
        );
      return alone ? figure(images[0]!, context, node.position) : node;
    });
    // Images inside sentences stay Markdown images, pointing at the local copy.
    for (const node of walk(tree)) if (node.type === 'image') node.url = localImage(node.url ?? '', context, node.position);
  };
}

function figure(image: Node, context: ImportContext, at: Position | undefined): Node {
  context.reporter.count('figure');
  const attributes = [jsxAttribute('src', localImage(image.url ?? '', context, at ?? image.position))];
  const alt = (image.alt ?? '').trim();
  if (alt === '') {
    attributes.push(jsxAttribute('decorative', null), jsxAttribute('alt', ''));
    context.reporter.add(
      'gitbook/missing-alt',
      'Image had no alt text and is marked `decorative`',
      at ?? image.position,
      'Describe it with `alt="…"` if it shows something the reader needs.',
    );
  } else {
    attributes.push(jsxAttribute('alt', alt));
  }
  const caption = (image.title ?? '').trim();
  if (caption) attributes.push(jsxAttribute('caption', caption));
  return { ...jsxFlow('Figure', attributes, []), ...(at ? { position: at } : {}) };
}

function localImage(url: string, context: ImportContext, at: Position | undefined): string {
  const remote = /^https?:\/\//i.test(url);
  const images = context.reporter.report.images;
  const known = images.find((image) => image.source === url);
  if (known) return known.target;
  let target = `./images/${(remote ? undefined : context.options.imageName?.(url)) ?? imageName(url)}`;
  // Two sources with one file name (`a/diagram.svg`, `b/diagram.svg`): the later one gets a name of its own.
  if (images.some((image) => image.target === target)) target = withTag(target, shortHash(url));
  images.push({ source: url, target, remote });
  if (remote)
    context.reporter.add(
      'gitbook/remote-image',
      `Remote image ${url.length > 80 ? `${url.slice(0, 79)}…` : url} must be downloaded to ${target}`,
      at,
      'Run the import with `--fetch-images`, or save the image there by hand.',
    );
  return target;
}

/** `images/diagram.svg` with a tag before the extension: `images/diagram-1a2b3c4d.svg`. */
export function withTag(name: string, tag: string): string {
  return name.replace(/(\.[\w]+)?$/, (extension) => `-${tag}${extension}`);
}

/** A stable local file name for an image: the last path segment of its URL, made file-system safe. */
export function imageName(url: string): string {
  const path = decodeSafely(url.split(/[?#]/)[0]!);
  const last = path.split('/').pop() || 'image';
  return (
    last
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'image'
  );
}

/** Eight hex digits from the text (FNV-1a): a deterministic, file-name-safe tag. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}
