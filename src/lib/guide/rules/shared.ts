/** What several page rules need to describe what they found. */
import { abbreviate } from '../../findings.ts';
import { isJsx, textOf, type MdNode } from '../../mdx/mdast.ts';

/** Author text quoted in a message: one line, at most 40 characters. */
export function quote(text: string): string {
  return abbreviate(text.trim().replace(/\s+/g, ' '), 40);
}

/** Whitespace and `{/* comments *\/}`: nothing a reader sees. */
export function isIgnorable(node: MdNode): boolean {
  return (node.type === 'text' && (node.value ?? '').trim() === '') || (node.type === 'mdxFlowExpression' && /^\s*\/\*[\s\S]*\*\/\s*$/.test(node.value ?? ''));
}

/** Children of a list component (`<Steps>`, `<Tabs>`) other than its items, each described as an author reads it. */
export function foreignChildren(node: MdNode, item: string): Array<{ child: MdNode; what: string }> {
  return (node.children ?? [])
    .filter((child) => child.name !== item && !isIgnorable(child))
    .map((child) => ({
      child,
      what: isJsx(child) ? `\`<${child.name ?? '>'}>\`` : child.type === 'paragraph' ? `text \`${quote(textOf(child))}\`` : `a ${child.type}`,
    }));
}
