/** What every construct plugin of one page's import shares: the caller's options and the page's report. */
import type { Slugger } from '../slug.ts';
import type { PageReporter } from './page-report.ts';

export interface ConvertOptions {
  /** Source path, for reports. */
  file: string;
  frontmatter: { idp: string; product: string; lastReviewed: string; section: string; order: number; redirectFrom?: string[] };
  /** Rewrites a link target (relative `.md` links, app.gitbook.com links); undefined keeps it. */
  rewriteLink?: ((url: string) => string | undefined) | undefined;
  /** Title of a linked page, for content-ref blocks. */
  titleOf?: ((url: string) => string | undefined) | undefined;
  /** Source of an included file (`.gitbook/includes/…`) and a name for reports; undefined when it is not in the space. */
  readInclude?: ((path: string) => { text: string; name: string } | undefined) | undefined;
  /**
   * The file name a local image gets next to the page (`diagram.svg`), chosen by the caller that sees
   * every page of the import, so two different files never get one name in one folder; undefined
   * for the name from the URL.
   */
  imageName?: ((url: string) => string | undefined) | undefined;
  /** The space's variables (`.gitbook/vars.yaml`), for `space.vars.name` expressions. */
  vars?: Record<string, unknown> | undefined;
}

export interface ImportContext {
  options: ConvertOptions;
  reporter: PageReporter;
  /** Step ids are unique on the page: one slugger for all of its steps. */
  slugger: Slugger;
}

/** The value GitBook shows for an expression (`space.vars.name`), or undefined when it is not a known variable. */
export function expressionValue(expression: string, vars: Record<string, unknown> | undefined): string | undefined {
  const name = /^(?:space\.)?vars\.([\w-]+)$/.exec(expression.trim())?.[1];
  return name !== undefined && vars && Object.hasOwn(vars, name) ? String(vars[name]) : undefined;
}

/** The title GitBook shows on a content-ref card: the linked page's title, else the block's text, else the URL. */
export function contentRefTitle(url: string, innerText: string, options: ConvertOptions): string {
  return options.titleOf?.(url) ?? (innerText.trim() || url);
}
