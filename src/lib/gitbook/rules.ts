/**
 * What the GitBook importer reports, one id per kind of finding, in the project's finding shape.
 * The table is what `--format sarif` lists as the tool's rules.
 */
import type { RuleSummary } from '../findings.ts';

export type ImportRule = RuleSummary;

export const IMPORT_RULES = [
  {
    id: 'gitbook/dropped-text',
    severity: 'error',
    description: 'A word the reader sees in GitBook is missing from the imported page, or one was added or changed.',
  },
  { id: 'gitbook/orphan-end-tag', severity: 'warning', description: 'An end tag (`{% endhint %}`) without its start tag; it is left out of the page.' },
  {
    id: 'gitbook/unclosed-block',
    severity: 'warning',
    description: 'A block tag whose end tag never comes; its content runs to the end of the enclosing block.',
  },
  { id: 'gitbook/unknown-block', severity: 'warning', description: 'A `{% … %}` block with no stepdocs equivalent, kept verbatim as a code block.' },
  { id: 'gitbook/condition', severity: 'warning', description: 'A `{% if %}` visibility condition; its content is kept and shown to every reader.' },
  { id: 'gitbook/unknown-html', severity: 'warning', description: 'An HTML element without an MDX mapping; its text is kept, the element is not.' },
  { id: 'gitbook/placeholder', severity: 'info', description: 'A `<placeholder>` GitBook exported as an HTML tag, kept as text the reader replaces.' },
  { id: 'gitbook/escaping-artefact', severity: 'info', description: 'A GitBook escaping artefact undone (doubled backslashes in an autolink).' },
  { id: 'gitbook/include-missing', severity: 'warning', description: 'An `{% include %}` whose file is not in the space; a note stands in its place.' },
  {
    id: 'gitbook/include-limit',
    severity: 'error',
    description: 'Includes nested too deep, or too many of them: the chain is named and the rest is not read.',
  },
  { id: 'gitbook/expression', severity: 'warning', description: 'A GitBook expression that is not a space variable, kept as code.' },
  { id: 'gitbook/remote-image', severity: 'warning', description: 'An image hosted elsewhere; it must be downloaded next to the page.' },
  { id: 'gitbook/missing-alt', severity: 'warning', description: 'An image without alt text, marked `decorative` until someone describes it.' },
  { id: 'gitbook/dark-image', severity: 'warning', description: 'A dark-mode variant of an image, not kept: the light image shows in both themes.' },
  { id: 'gitbook/other-space-link', severity: 'warning', description: 'A link into another GitBook space, kept as it is (map it with `--links`).' },
  {
    id: 'gitbook/space',
    severity: 'warning',
    description: 'Something about the space as a whole: a SUMMARY entry without its page, an image not in the space, a redirect to a page not in the space.',
  },
] as const satisfies readonly ImportRule[];

export type ImportRuleId = (typeof IMPORT_RULES)[number]['id'];

export function importRule(id: ImportRuleId): ImportRule {
  return IMPORT_RULES.find((rule) => rule.id === id)!;
}
