/**
 * Astro integration that validates every guide's structure before MDX compiles it, in `astro dev`
 * and `astro build` alike. Errors stop the build with `file:line:col`, the rule id and a fix.
 * A large build checks in a worker thread (about 0.2 ms a page that the bundler's thread spends on
 * other modules meanwhile); the dev server checks the one file it compiles in-process.
 */
import type { AstroIntegration } from 'astro';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatFinding, hasErrors, type Finding } from '../../lib/findings.ts';
import type { GuideCheckRequest } from '../../node/guide-check-worker.ts';
import { checkGuideFile, type GuideFileCheck, type GuideFileOptions } from '../../node/guide-file-check.ts';
import { startWorker } from '../../node/worker-requests.ts';
import { guideError } from './guide-error.ts';

/**
 * A build checks its first guides in-process and starts the worker only beyond them: the worker's
 * start (a thread, and the page engine loaded a second time) costs about 0.3 s, more than a small
 * site's checks take.
 */
const IN_PROCESS_CHECKS = 200;

export function guideValidation(options: { contentDirs: string[]; rulesUrl: string; workers?: 'auto' | 'always' | 'never' }): AstroIntegration {
  const inProcessChecks = { auto: IN_PROCESS_CHECKS, always: 0, never: Number.POSITIVE_INFINITY }[options.workers ?? 'auto'];
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
        let checker: ReturnType<typeof startChecker> | undefined;
        let checked = 0;
        const check = async (code: string, fileOptions: GuideFileOptions): Promise<GuideFileCheck> => {
          checked += 1;
          if (command !== 'build' || checked <= inProcessChecks) return checkGuideFile(code, fileOptions);
          checker ??= startChecker();
          return checker.check(code, fileOptions);
        };
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'stepdocs:validate-guide',
                enforce: 'pre',
                async transform(code, id) {
                  // Query ids (`?astroPropagatedAssets` …) are Astro's wrappers, not the author's source.
                  if (id.includes('?') || !/\.mdx?$/.test(id) || !contentRoots.some((contentRoot) => id.startsWith(contentRoot))) return null;
                  const file = id;
                  const shown = relative(root, file).split(sep).join('/');
                  const contentRoot = contentRoots.find((candidate) => id.startsWith(candidate))!;
                  const { findings, code: rewritten, unclosed } = await check(code, { file, shown, contentRoot, rulesUrl: options.rulesUrl });
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
                  // The imports are appended; a fenced code block left open at the end would swallow them.
                  if (unclosed) {
                    const { place } = unclosed;
                    throw guideError(
                      `${shown}${place ? `:${place.line}:${place.column}` : ''} error The last code block is never closed, so it swallows the rest of the file\n  hint: end it with a line of three backticks`,
                      file,
                      place,
                    );
                  }
                  return rewritten === undefined ? null : { code: rewritten, map: null };
                },
                async buildEnd() {
                  await checker?.stop();
                  checker = undefined;
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

/** The build's checker thread: answers arrive by request, in whatever order the bundler asked. */
function startChecker() {
  const worker = startWorker<GuideCheckRequest, GuideFileCheck>(new URL('../../node/guide-check-worker.ts', import.meta.url));
  return {
    check: async (code: string, options: GuideFileOptions) => {
      try {
        return await worker.ask({ code, options });
      } catch (error) {
        throw new Error(`stepdocs: the guide checks failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    stop: () => worker.stop(),
  };
}
