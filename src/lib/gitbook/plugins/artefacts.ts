/**
 * GitBook's export artefacts, undone where the meaning is certain (each is listed in the README's
 * importer section and normalised the same way by the fidelity check):
 * - autolinks written with doubled backslashes (`<https://…/ext\\_login/\\>`) become the URL the author typed;
 * - a placeholder GitBook wrote as an HTML tag (`<YourSSOIdHere>`) stays text; right after a URL it
 *   joins it as inline code (`https://…/ext_login/<YourSSOIdHere>`), the form readers copy and edit;
 * - empty bold markers (`****`), U+200C in code, a backslash that ends a paragraph, doubled breaks;
 * - block math (`$$` lines), which has no renderer here, becomes a `math` code block.
 */
import { decodeUriSafely } from '../../urls.ts';
import type { ImportContext } from '../context.ts';
import { readTag } from '../html-tags.ts';
import { mapChildren, PHRASING_PARENTS, textOf, walk, type Node } from '../tree.ts';

const ESCAPABLE_BEFORE = /\\{1,2}(?=[!-/:-@[-`{-~]|$)/g;

export function gitbookArtefacts(context: ImportContext) {
  return (tree: Node) => {
    for (const node of walk(tree)) {
      if (node.type === 'code' || node.type === 'inlineCode') node.value = (node.value ?? '').replace(/\u200c/g, '');
      if (node.type === 'text' && node.value?.includes('****')) node.value = node.value.replace(/\*{4,}/g, '');
    }
    mapChildren(tree, (node) => {
      if ((node.type === 'strong' || node.type === 'emphasis') && textOf(node).trim() === '') return node.children?.filter((child) => child.type === 'image');
      if (node.type === 'link' && isAutolink(node)) return unescapeAutolink(node, context);
      if (node.type === 'html') {
        const tag = readTag(node.value ?? '');
        if (tag?.kind === 'placeholder') {
          context.reporter.add('gitbook/placeholder', `\`${tag.text}\` kept as text the reader replaces`, node.position);
          return { type: 'text', value: tag.text, position: node.position! };
        }
      }
      if (node.type === 'paragraph') return blockMath(node, context) ?? node;
      return node;
    });
    for (const node of walk(tree)) if (node.children && PHRASING_PARENTS.has(node.type)) node.children = joinUrlPlaceholders(mergeTexts(node.children));
    for (const node of walk(tree))
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') node.children = trimBreaks(node.children ?? []);
  };
}

/** `<https://…>` as micromark reads it: one text child that is the URL as written. */
export function isAutolink(link: Node): boolean {
  const children = link.children ?? [];
  if (children.length !== 1 || children[0]!.type !== 'text') return false;
  const label = children[0]!.value ?? '';
  return label === decodeUriSafely(link.url ?? '') || label === link.url;
}

function unescapeAutolink(link: Node, context: ImportContext): Node {
  const label = link.children![0]!.value ?? '';
  const clean = label.replace(ESCAPABLE_BEFORE, '');
  if (clean === label) return link;
  context.reporter.add('gitbook/escaping-artefact', `Autolink \`${label}\` written as \`${clean}\` (GitBook doubled its backslashes)`, link.position);
  return { ...link, url: clean, children: [{ type: 'text', value: clean }] };
}

function mergeTexts(nodes: Node[]): Node[] {
  const result: Node[] = [];
  for (const node of nodes) {
    const last = result.at(-1);
    if (node.type === 'text' && last?.type === 'text') result[result.length - 1] = { ...last, value: (last.value ?? '') + (node.value ?? '') };
    else result.push(node);
  }
  return result;
}

/**
 * An autolink followed at once by a `<placeholder>`: one URL the reader completes, as inline code.
 * An autolink with `**` inside and `**` right after it: bold GitBook wrote into the URL; the URL loses it.
 */
function joinUrlPlaceholders(nodes: Node[]): Node[] {
  const result: Node[] = [];
  for (let index = 0; index < nodes.length; index += 1) {
    const node = nodes[index]!;
    const next = nodes[index + 1];
    if (node.type === 'link' && isAutolink(node) && textOf(node).includes('**') && next?.type === 'text' && next.value?.startsWith('**')) {
      const url = textOf(node).replace(/\*\*/g, '');
      result.push({ ...node, url, children: [{ type: 'text', value: url }] });
      nodes[index + 1] = { ...next, value: next.value.slice(2) };
      continue;
    }
    const placeholder = next?.type === 'text' ? /^<[A-Za-z][\w-]*>/.exec(next.value ?? '')?.[0] : undefined;
    if (node.type === 'link' && isAutolink(node) && placeholder) {
      result.push({ type: 'inlineCode', value: `${textOf(node)}${placeholder}`, position: node.position! });
      const rest = next!.value!.slice(placeholder.length);
      if (rest) result.push({ ...next!, value: rest });
      index += 1;
    } else {
      result.push(node);
    }
  }
  return result;
}

/**
 * Breaks: a backslash that ends a paragraph is a hard break with nothing after it (GitBook noise),
 * and GitBook writes a blank line as two breaks in a row, where one keeps the lines apart.
 */
function trimBreaks(nodes: Node[]): Node[] {
  const result = [...nodes];
  const last = result.at(-1);
  if (last?.type === 'text' && last.value?.endsWith('\\')) result[result.length - 1] = { ...last, value: last.value.replace(/\\+$/, '') };
  while (result.length > 0 && (result.at(-1)!.type === 'break' || (result.at(-1)!.type === 'text' && result.at(-1)!.value?.trim() === ''))) result.pop();
  return result.filter((node, index) => !(node.type === 'break' && result[index - 1]?.type === 'break'));
}

function blockMath(node: Node, context: ImportContext): Node | undefined {
  const children = node.children ?? [];
  if (children.length !== 1 || children[0]!.type !== 'text') return undefined;
  const tex = /^\$\$[ \t]*\n([\s\S]*?)\n\$\$$/.exec(children[0]!.value ?? '')?.[1];
  if (tex === undefined) return undefined;
  context.reporter.count('math');
  return { type: 'code', lang: 'math', value: tex.trim(), position: node.position! };
}
