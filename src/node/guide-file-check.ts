/**
 * What the build does with a guide's source before MDX compiles it: the page rules, then the figure
 * images turned into imports. Plain data in and out, so the build can run it in a worker thread
 * (guide-check-worker.ts) while the bundler goes on with other modules, and the dev server in-process.
 */
import { hasErrors, type Finding, type Place } from '../lib/findings.ts';
import { importFigureImages } from '../lib/guide/figure-imports.ts';
import { checkGuide } from '../lib/guide/validate-guide.ts';
import { parseContent, startOf } from '../lib/mdx/mdast.ts';
import { assetLookup } from './asset-lookup.ts';

export interface GuideFileOptions {
  /** Absolute path of the guide. */
  file: string;
  /** The path findings show (`content/latest/okta.mdx`). */
  shown: string;
  /** The content folder the guide's images must stay inside, with a trailing separator. */
  contentRoot: string;
  rulesUrl: string;
}

export interface GuideFileCheck {
  findings: Finding[];
  /** The source with figure images imported, when it has any. */
  code?: string;
  /** A code block left open at the end, which would swallow the appended imports: where it starts. */
  unclosed?: { place: Place | undefined };
}

export function checkGuideFile(code: string, options: GuideFileOptions): GuideFileCheck {
  const { findings, tree } = checkGuide(code, { file: options.shown, checkAsset: assetLookup(options.file, options.contentRoot), rulesUrl: options.rulesUrl });
  if (hasErrors(findings) || !tree || !options.file.endsWith('.mdx')) return { findings };
  const rewritten = importFigureImages(code, tree);
  if (rewritten === null) return { findings };
  const check = parseContent(rewritten, options.file);
  if (!check.ok || check.tree.children?.at(-1)?.type !== 'mdxjsEsm') return { findings, unclosed: { place: startOf(tree.children?.at(-1) ?? tree) } };
  return { findings, code: rewritten };
}
