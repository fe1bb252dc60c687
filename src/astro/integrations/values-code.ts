/**
 * A Sätteri mdast plugin for code blocks that hold the reader's values (```` ```text values ````):
 * the block is built with each `{{name}}` in its generic form (`<SSO ID>`, keepersecurity.com) and
 * wrapped in `<stepdocs-values-code data-template="…">`, whose template the "Your values" panel fills
 * in the browser. Unknown names stay as written; the guide checks report them (values/unknown-name).
 */
import { fillTemplate, isValuesMeta } from '../../lib/keeper/reader-values.ts';

interface CodeNode {
  type: 'code';
  value: string;
  lang?: string | null;
  meta?: string | null;
}

interface Context {
  setProperty(node: unknown, key: string, value: unknown): void;
  wrapNode(node: unknown, parent: unknown): void;
}

/** Sources without a `values` fence skip the plugin. */
const MAY_HAVE_VALUES = /(?:```|~~~)[^\n]*[ \t]values\b/;

export function valuesCodePlugin() {
  const plugin = {
    name: 'stepdocs-values-code',
    code(node: CodeNode, ctx: Context) {
      if (!isValuesMeta(node.meta)) return;
      const template = node.value;
      ctx.setProperty(node, 'meta', node.meta!.replace(/(?:^|\s)values(?=\s|$)/, '').trim() || null);
      ctx.setProperty(node, 'value', fillTemplate(template, undefined));
      ctx.wrapNode(node, { type: 'valuesCode', children: [], data: { hName: 'stepdocs-values-code', hProperties: { dataTemplate: template } } });
    },
  };
  return (document: { source: string }) => (MAY_HAVE_VALUES.test(document.source) ? plugin : null);
}
