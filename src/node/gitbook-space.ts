/**
 * Reads a GitBook space as Git Sync writes it (or a single page) and plans its import: which file
 * becomes which MDX page, in SUMMARY.md order and groups, with links and assets mapped.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, posix, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { convertPage, imageName, splitFrontmatter, type PageReport } from '../lib/gitbook/convert.ts';
import { listFiles } from './content-files.ts';

export interface PlannedPage {
  source: string;
  /** Output path below the version folder: `guides/okta.mdx`. */
  target: string;
  mdx: string;
  report: PageReport;
  /** Local images to copy next to the page: absolute source path → output path. */
  copies: Array<{ from: string; to: string }>;
}

export interface ImportPlan {
  pages: PlannedPage[];
  warnings: string[];
}

export interface ImportOptions {
  input: string;
  /** Folder below the version folder to write into (`--into`). */
  into: string;
  idp: string;
  product: string;
  lastReviewed: string;
  /** Section for pages that SUMMARY.md does not group. */
  section: string;
  /** Links to other GitBook spaces (`https://app.gitbook.com/…` prefixes) and the site paths they now live at. */
  linkMap?: Record<string, string>;
}

interface SpaceLayout {
  root: string;
  summary: string | undefined;
  readme: string;
  redirects: number;
}

function readLayout(space: string): SpaceLayout {
  const config = join(space, '.gitbook.yaml');
  let root = space;
  let summary = 'SUMMARY.md';
  let readme = 'README.md';
  let redirects = 0;
  if (existsSync(config)) {
    const data = (parseYaml(readFileSync(config, 'utf8')) ?? {}) as { root?: string; structure?: { summary?: string; readme?: string }; redirects?: Record<string, string> };
    if (typeof data.root === 'string') root = resolve(space, data.root);
    if (typeof data.structure?.summary === 'string') summary = data.structure.summary;
    if (typeof data.structure?.readme === 'string') readme = data.structure.readme;
    redirects = data.redirects && typeof data.redirects === 'object' ? Object.keys(data.redirects).length : 0;
  }
  return { root, summary: existsSync(join(root, summary)) ? join(root, summary) : undefined, readme, redirects };
}

/** SUMMARY.md: links in order, each with the group heading above it. */
export function readSummary(text: string): Array<{ path: string; title: string; group: string | undefined }> {
  const entries: Array<{ path: string; title: string; group: string | undefined }> = [];
  let group: string | undefined;
  for (const line of text.split('\n')) {
    const heading = /^#{2,}\s+(.+?)\s*$/.exec(line);
    if (heading) {
      group = heading[1]!.replace(/<[^>]+>/g, '').trim();
      continue;
    }
    const link = /^\s*[*-]\s+\[([^\]]*)\]\(<?([^)>]+?)>?\)/.exec(line);
    if (link && !/^[a-z]+:/i.test(link[2]!)) entries.push({ title: link[1]!.trim(), path: decodeURI(link[2]!.trim()), group });
  }
  return entries;
}

/** `guides/README.md` → `guides/index.mdx`; `a/b.md` → `a/b.mdx`; the space's readme → `index.mdx`. */
function targetOf(path: string, readme = 'README.md'): string {
  if (path === readme) return 'index.mdx';
  return path.replace(/(^|\/)README\.md$/i, '$1index.mdx').replace(/\.md$/i, '.mdx');
}

export function planImport(options: ImportOptions): ImportPlan {
  const input = resolve(options.input);
  if (!existsSync(input)) throw new Error(`No such file or folder: ${options.input}`);
  const warnings: string[] = [];
  const isFile = statSync(input).isFile();
  const layout: SpaceLayout = isFile ? { root: dirname(input), summary: undefined, readme: 'README.md', redirects: 0 } : readLayout(input);
  if (layout.redirects > 0) warnings.push(`.gitbook.yaml has ${layout.redirects} redirects; stepdocs serves no redirects, so old URLs of the space will not forward`);
  const markdown = isFile ? [basename(input)] : listFiles(layout.root).filter((file) => /\.md$/i.test(file) && !file.startsWith('.gitbook/') && !/^SUMMARY\.md$/i.test(file));
  const summary = layout.summary ? readSummary(readFileSync(layout.summary, 'utf8')) : [];
  const ordered = [...summary.filter((entry) => markdown.includes(entry.path)).map((entry) => entry.path), ...markdown.filter((file) => !summary.some((entry) => entry.path === file))];
  for (const entry of summary) if (!markdown.includes(entry.path)) warnings.push(`SUMMARY.md lists ${entry.path}, which is not in the space`);
  const titles = new Map(ordered.map((file) => [file, titleOf(join(layout.root, file))]));
  const into = options.into.replace(/^\/+|\/+$/g, '');

  const pages = ordered.map((file, index): PlannedPage => {
    const absolute = join(layout.root, file);
    const group = summary.find((entry) => entry.path === file)?.group;
    const fileTarget = isFile ? basename(file).replace(/\.gitbook\.md$|\.md$/i, '.mdx') : targetOf(file, layout.readme);
    const target = into ? `${into}/${fileTarget}` : fileTarget;
    const resolveLink = (url: string): string | undefined => {
      const mapped = Object.entries(options.linkMap ?? {}).find(([prefix]) => url.startsWith(prefix));
      if (mapped) return mapped[1] + url.slice(mapped[0].length);
      const [path, hash] = url.split('#') as [string, string | undefined];
      if (/^[a-z]+:|^\/\//i.test(path) || !/\.md$/i.test(path)) return undefined;
      const linked = posix.normalize(posix.join(posix.dirname(file), decodeURI(path)));
      if (!markdown.includes(linked)) return undefined;
      const relativeTarget = posix.relative(posix.dirname(fileTarget), targetOf(linked, layout.readme));
      return `${relativeTarget.startsWith('.') ? '' : './'}${relativeTarget}${hash ? `#${hash}` : ''}`;
    };
    const { mdx, report } = convertPage(readFileSync(absolute, 'utf8'), {
      file: relative(process.cwd(), absolute),
      frontmatter: { idp: options.idp, product: options.product, lastReviewed: options.lastReviewed, section: group ?? options.section, order: (index + 1) * 10 },
      rewriteLink: resolveLink,
      titleOf: (url) => {
        const path = url.split('#')[0]!;
        return titles.get(posix.normalize(posix.join(posix.dirname(file), decodeURI(path))));
      },
      vars: varsFor(absolute, layout.root),
      readInclude: (path) => {
        const candidate = [join(dirname(absolute), path), join(layout.root, path), join(layout.root, '.gitbook/includes', basename(path))].find((option) => existsSync(option) && statSync(option).isFile());
        return candidate ? readFileSync(candidate, 'utf8') : undefined;
      },
    });
    const copies: Array<{ from: string; to: string }> = [];
    for (const image of report.images) {
      if (image.remote) continue;
      const from = [join(dirname(absolute), decodeURI(image.source)), join(layout.root, decodeURI(image.source).replace(/^(\.\.\/)+/, ''))].find((option) => existsSync(option) && statSync(option).isFile());
      if (from) copies.push({ from, to: posix.join(posix.dirname(target), 'images', imageName(image.source)) });
      else warnings.push(`${file}: image ${image.source} is not in the space`);
    }
    return { source: absolute, target, mdx, report, copies };
  });
  return { pages, warnings };
}

function titleOf(file: string): string | undefined {
  const text = readFileSync(file, 'utf8');
  const { data, body } = splitFrontmatter(text);
  if (typeof data.title === 'string') return data.title;
  return /^#\s+(.+)$/m.exec(body)?.[1]?.trim();
}

/** The nearest `.gitbook/vars.yaml` from the page up to the space root (monorepos hold one per space). */
function varsFor(file: string, root: string): Record<string, unknown> | undefined {
  for (let folder = dirname(file); folder.startsWith(root); folder = dirname(folder)) {
    const candidate = join(folder, '.gitbook/vars.yaml');
    if (existsSync(candidate)) {
      const data = parseYaml(readFileSync(candidate, 'utf8')) as unknown;
      return data && typeof data === 'object' ? (data as Record<string, unknown>) : undefined;
    }
    if (folder === dirname(folder)) break;
  }
  return undefined;
}
