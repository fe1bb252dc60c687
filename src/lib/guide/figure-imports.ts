/**
 * Turns each `<Figure src="./images/x.png">` of a guide into `<Figure src={__stepdocsFigure0}>` and
 * appends `import __stepdocsFigure0 from "./images/x.png";`, so the bundler sees exactly the images
 * guides use. (A glob of the content folder made every image of every version a module of every
 * build, used or not: 500 unused diagrams cost about a second.)
 *
 * The imports go at the end of the file, so every line an author sees in an error keeps its number;
 * only columns after a rewritten `src` on the same line move.
 */
import { decodeUriSafely } from '../urls.ts';
import { attribute, attributeRange, isJsx, walk, type MdNode } from '../mdx/mdast.ts';
import { isRemoteReference } from './resolve-asset.ts';

const FIGURE_IMPORT_PREFIX = '__stepdocsFigure';

/** The rewritten source, or null when the guide has no local `<Figure src="…">`. */
export function importFigureImages(source: string, tree: MdNode): string | null {
  const names = new Map<string, string>();
  const edits: { start: number; end: number; text: string }[] = [];
  walk(tree, (node) => {
    if (!isJsx(node) || node.name !== 'Figure') return;
    const src = attribute(node, 'src');
    if (typeof src !== 'string' || src.trim() === '' || isRemoteReference(src)) return;
    const range = attributeRange(source, node, 'src');
    if (!range || range.valueStart === range.end) return;
    let name = names.get(src);
    if (!name) {
      name = `${FIGURE_IMPORT_PREFIX}${names.size}`;
      names.set(src, name);
    }
    edits.push({ start: range.valueStart, end: range.end, text: `{${name}}` });
  });
  if (edits.length === 0) return null;
  let rewritten = '';
  let cursor = 0;
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    rewritten += source.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  rewritten += source.slice(cursor);
  const imports = [...names].map(([src, name]) => `import ${name} from ${JSON.stringify(asModulePath(src))};`);
  return `${rewritten.replace(/\s*$/, '')}\n\n${imports.join('\n')}\n`;
}

/** `images/x.png` is a bare module name to a bundler; the author meant the file next to the guide. */
function asModulePath(src: string): string {
  const path = decodeUriSafely(src.split(/[?#]/)[0]!);
  return path.startsWith('./') || path.startsWith('../') || path.startsWith('/') ? path : `./${path}`;
}
