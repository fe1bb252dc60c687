/**
 * Astro integration that validates every guide's structure before MDX compiles it, in `astro dev`
 * and `astro build` alike. Errors stop the build with `file:line:col`, the rule id and a fix.
 */
import type { AstroIntegration } from 'astro';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatFinding, hasErrors, type Finding } from '../../lib/findings.ts';
import { importFigureImages } from '../../lib/guide/figure-imports.ts';
import { parseContent, startOf } from '../../lib/mdx/mdast.ts';
import { checkGuide } from '../../lib/guide/validate-guide.ts';
import { assetLookup } from './asset-lookup.ts';
import { guideError } from './guide-error.ts';

export function guideValidation(options: { contentDirs: string[]; rulesUrl: string }): AstroIntegration {
  return {
    name: 'stepdocs:guide-validation',
    hooks: {
      'astro:config:setup': ({ updateConfig, config, logger, command }) => {
        // A build lists every failing guide at once: each failing file is noted and compiled empty, and
        // the build stops when the bundle is done. The dev server shows each file's errors as it opens.
        const failures: Array<{ file: string; errors: Finding[] }> = [];
        // fileURLToPath, not `.pathname`: a checkout path with a space or a non-ASCII letter stays a real path.
        const root = config.root instanceof URL ? fileURLToPath(config.root) : String(config.root);
        const contentRoots = options.contentDirs.map((dir) => resolve(root, dir) + sep);
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'stepdocs:validate-guide',
                enforce: 'pre',
                transform(code, id) {
                  // Query ids (`?astroPropagatedAssets` …) are Astro's wrappers, not the author's source.
                  if (id.includes('?') || !/\.mdx?$/.test(id) || !contentRoots.some((contentRoot) => id.startsWith(contentRoot))) return null;
                  const file = id;
                  const shown = relative(root, file).split(sep).join('/');
                  const contentRoot = contentRoots.find((candidate) => id.startsWith(candidate))!;
                  const { findings, tree } = checkGuide(code, { file: shown, checkAsset: assetLookup(file, contentRoot), rulesUrl: options.rulesUrl });
                  for (const finding of findings.filter((candidate) => candidate.severity !== 'error')) {
                    logger.warn(formatFinding(finding));
                  }
                  if (hasErrors(findings)) {
                    const errors = findings.filter((finding) => finding.severity === 'error');
                    if (command === 'build') {
                      failures.push({ file, errors });
                      return { code: '', map: null };
                    }
                    const message = `${errors.length === 1 ? 'A guide has a structural error' : `A guide has ${errors.length} structural errors`}:\n${errors.map(formatFinding).join('\n')}`;
                    throw guideError(message, file, errors[0]!.place);
                  }
                  if (!tree || !file.endsWith('.mdx')) return null;
                  const rewritten = importFigureImages(code, tree);
                  if (rewritten === null) return null;
                  // The imports are appended; a fenced code block left open at the end would swallow them.
                  const check = parseContent(rewritten, file);
                  if (!check.ok || check.tree.children?.at(-1)?.type !== 'mdxjsEsm') {
                    const place = startOf(tree.children?.at(-1) ?? tree);
                    throw guideError(
                      `${shown}${place ? `:${place.line}:${place.column}` : ''} error The last code block is never closed, so it swallows the rest of the file\n  hint: end it with a line of three backticks`,
                      file,
                      place,
                    );
                  }
                  return { code: rewritten, map: null };
                },
                buildEnd() {
                  if (failures.length === 0) return;
                  // Files compile in the bundler's order; the list reads in file order.
                  failures.sort((a, b) => a.file.localeCompare(b.file));
                  const errors = failures.flatMap((failure) => failure.errors);
                  const first = failures[0]!;
                  failures.length = 0;
                  const files = new Set(errors.map((error) => error.file)).size;
                  const heading = `${errors.length} structural error${errors.length === 1 ? '' : 's'} in ${files} guide${files === 1 ? '' : 's'}`;
                  throw guideError(`${heading}:\n${errors.map(formatFinding).join('\n')}`, first.file, first.errors[0]!.place);
                },
              },
            ],
          },
        });
      },
    },
  };
}
