/**
 * One content page as `npm run check` reads it: its links, anchors and redirects (extract.ts), and the
 * findings of the page rules the build applies, except those the link engine reports itself (its
 * twins: images, link schemes, parse errors). The content folder reader and the rule examples share it.
 */
import { parse as parseYaml } from 'yaml';
import type { Finding } from '../findings.ts';
import { checkFrontmatter } from '../guide/frontmatter.ts';
import type { SchemaOptions } from '../guide/schema.ts';
import { checkGuide } from '../guide/validate-guide.ts';
import { extractPage, type PageExtract } from './extract.ts';
import { LINK_RULE_TWINS } from './rules.ts';

export function readPage(source: string, file: string, schemaOptions: SchemaOptions): PageExtract {
  const extract = extractPage(source, file);
  if (extract.parseError) return extract;
  return {
    ...extract,
    structure: [
      ...frontmatterFindings(extract, schemaOptions),
      ...checkGuide(source, { file }).findings.filter((finding) => !LINK_RULE_TWINS.has(finding.ruleId)),
    ],
  };
}

/** The frontmatter rules, on the frontmatter as written (line numbers count from the file's first line). */
function frontmatterFindings(extract: PageExtract, options: SchemaOptions): Finding[] {
  let data: unknown = {};
  try {
    data = parseYaml(extract.frontmatter ?? '', { schema: 'yaml-1.1' }) ?? {};
  } catch {
    // YAML that does not parse is reported by the build's own YAML error.
  }
  return checkFrontmatter(data, `---\n${extract.frontmatter ?? ''}\n---\n`, extract.file, undefined, options);
}
