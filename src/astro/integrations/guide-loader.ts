/**
 * The guides loader: Astro's glob loader, with frontmatter checked by stepdocs first so a bad field
 * fails the build as `content/latest/x.mdx:4:1 error Frontmatter field \`idp\` …` instead of
 * Astro's generic schema error without a line.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { PAGE_PATTERN } from '../../lib/content-paths';
import { formatFinding, type Finding } from '../../lib/findings';
import { checkFrontmatter } from '../../lib/guide/frontmatter';
import { contentSchemaFor, type SchemaOptions } from '../../lib/guide/schema';
import { guideError } from './guide-error';

export function guideLoader(options: { contentDir: string; rulesUrl?: string; schemaOptions: SchemaOptions }): Loader {
  const schema = contentSchemaFor(options.schemaOptions);
  const inner = glob({
    pattern: PAGE_PATTERN,
    base: options.contentDir,
    // Ids are the written paths, so `latest/jumpcloud` maps to its route without a second slugging.
    generateId: ({ entry }) => entry.replace(/\.mdx?$/, ''),
  });
  return {
    ...inner,
    name: 'stepdocs-guides',
    // Every file is read before the sync fails, so one run lists the frontmatter errors of all guides.
    load: async (context) => {
      const failures: Array<{ file: string; findings: Finding[] }> = [];
      await inner.load({
        ...context,
        parseData: async (props) => {
          try {
            return await context.parseData(props);
          } catch (error) {
            // Only a failing file is read again and checked by stepdocs, to name the field, line and fix.
            if (!props.filePath || schema.safeParse(props.data).success) throw error;
            const source = readFileSync(resolve(props.filePath), 'utf8');
            const findings = checkFrontmatter(props.data, source, props.filePath, options.rulesUrl, options.schemaOptions);
            if (findings.length === 0) throw error;
            failures.push({ file: resolve(props.filePath), findings });
            // Kept unvalidated only until the load ends, which then fails: no page is built from it.
            return props.data;
          }
        },
      });
      if (failures.length === 0) return;
      const findings = failures.flatMap((failure) => failure.findings);
      const heading = `${findings.length} frontmatter error${findings.length === 1 ? '' : 's'} in ${failures.length} guide${failures.length === 1 ? '' : 's'}`;
      throw guideError(`${heading}:\n${findings.map(formatFinding).join('\n')}`, failures[0]!.file, failures[0]!.findings[0]!.place);
    },
  };
}
