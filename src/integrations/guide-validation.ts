/**
 * Astro integration that validates every guide's structure before MDX compiles it, in `astro dev`
 * and `astro build` alike. Errors stop the build with `file:line:col`, the rule id and a fix.
 */
import type { AstroIntegration } from 'astro';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatFinding, hasErrors } from '../lib/findings.ts';
import { importFigureImages } from '../lib/guide/figure-imports.ts';
import { parseContent, startOf } from '../lib/guide/mdast.ts';
import { checkGuide } from '../lib/guide/validate-guide.ts';
import { assetLookup } from './asset-lookup.ts';
import { guideError } from './guide-error.ts';

export function guideValidation(options: { contentDirs: string[]; rulesUrl: string }): AstroIntegration {
  return {
    name: 'stepdocs:guide-validation',
    hooks: {
      'astro:config:setup': ({ updateConfig, config, logger }) => {
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
                    const first = errors[0]!;
                    const message = `${errors.length === 1 ? 'A guide has a structural error' : `A guide has ${errors.length} structural errors`}:\n${errors.map(formatFinding).join('\n')}`;
                    throw guideError(message, file, first.place);
                  }
                  if (!tree || !file.endsWith('.mdx')) return null;
                  const rewritten = importFigureImages(code, tree);
                  if (rewritten === null) return null;
                  // The imports are appended; a fenced code block left open at the end would swallow them.
                  const check = parseContent(rewritten, file);
                  if (!check.ok || check.tree.children?.at(-1)?.type !== 'mdxjsEsm') {
                    const place = startOf(tree.children?.at(-1) ?? tree);
                    throw guideError(`${shown}${place ? `:${place.line}:${place.column}` : ''} error The last code block is never closed, so it swallows the rest of the file\n  hint: end it with a line of three backticks`, file, place);
                  }
                  return { code: rewritten, map: null };
                },
              },
            ],
          },
        });
      },
    },
  };
}

