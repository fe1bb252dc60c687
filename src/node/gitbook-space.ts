/**
 * Reads a GitBook space as Git Sync writes it (or a single page) and plans its import: which file
 * becomes which MDX page, in SUMMARY.md order and groups, with links and assets mapped.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, posix, relative, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Finding } from '../lib/findings.ts';
import { convertPage, type PageReport } from '../lib/gitbook/convert.ts';
import { importRule } from '../lib/gitbook/rules.ts';
import { imageName, shortHash, withTag } from '../lib/gitbook/plugins/figures.ts';
import { fileInside, isInside } from './confine.ts';
import { decodeUriSafely } from '../lib/urls.ts';
import { listFiles } from './content-files.ts';
import { pageTargets, readSummary, targetOf } from '../lib/gitbook/summary.ts';

export interface PlannedPage {
  source: string;
  /** Output path below the version folder: `guides/okta.mdx`. */
  target: string;
  mdx: string;
  report: PageReport;
  /** Words GitBook shows on the page, and how many of them the MDX lost or changed. */
  words: number;
  lost: number;
  /** Local images to copy next to the page: absolute source path → output path. */
  copies: Array<{ from: string; to: string }>;
}

export interface ImportPlan {
  pages: PlannedPage[];
  /** Findings about the space as a whole (`gitbook/space`). */
  findings: Finding[];
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
  /** `.gitbook.yaml` redirects: old path (from the space's URL) → page file. */
  redirects: Record<string, string>;
}

function readLayout(space: string): SpaceLayout {
  const config = join(space, '.gitbook.yaml');
  let root = space;
  let summary = 'SUMMARY.md';
  let readme = 'README.md';
  let redirects: Record<string, string> = {};
  if (existsSync(config)) {
    const data = (parseYaml(readFileSync(config, 'utf8')) ?? {}) as {
      root?: string;
      structure?: { summary?: string; readme?: string };
      redirects?: Record<string, string>;
    };
    if (typeof data.root === 'string') root = resolve(space, data.root);
    if (!isInside(space, root)) throw new Error(`.gitbook.yaml: root \`${data.root}\` is outside the space; only folders inside it are imported`);
    if (typeof data.structure?.summary === 'string') summary = data.structure.summary;
    if (typeof data.structure?.readme === 'string') readme = data.structure.readme;
    if (data.redirects && typeof data.redirects === 'object')
      redirects = Object.fromEntries(Object.entries(data.redirects).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  }
  return { root, summary: existsSync(join(root, summary)) ? join(root, summary) : undefined, readme, redirects };
}

export function planImport(options: ImportOptions): ImportPlan {
  const input = resolve(options.input);
  if (!existsSync(input)) throw new Error(`No such file or folder: ${options.input}`);
  const findings: Finding[] = [];
  // `path`: where the finding is, as an absolute path.
  const spaceFinding = (path: string, reason: string) =>
    findings.push({
      ruleId: 'gitbook/space',
      severity: importRule('gitbook/space').severity,
      reason,
      file: relative(process.cwd(), path) || path,
      source: 'stepdocs-import',
    });
  const isFile = statSync(input).isFile();
  const layout: SpaceLayout = isFile ? { root: dirname(input), summary: undefined, readme: 'README.md', redirects: {} } : readLayout(input);
  const markdown = isFile
    ? [basename(input)]
    : listFiles(layout.root).filter((file) => /\.md$/i.test(file) && !file.startsWith('.gitbook/') && !/^SUMMARY\.md$/i.test(file));
  const summary = layout.summary ? readSummary(readFileSync(layout.summary, 'utf8')) : [];
  const ordered = [
    ...summary.filter((entry) => markdown.includes(entry.path)).map((entry) => entry.path),
    ...markdown.filter((file) => !summary.some((entry) => entry.path === file)),
  ];
  for (const entry of summary)
    if (!markdown.includes(entry.path))
      spaceFinding(layout.summary ?? join(layout.root, 'SUMMARY.md'), `SUMMARY.md lists ${entry.path}, which is not in the space`);
  const titles = new Map(ordered.map((file) => [file, titleOf(join(layout.root, file))]));
  const into = options.into.replace(/^\/+|\/+$/g, '');
  // `.gitbook.yaml` redirects become `redirectFrom` on the page they lead to, below the folder the space goes into.
  const redirectsTo = new Map<string, string[]>();
  for (const [old, target] of Object.entries(layout.redirects)) {
    const file = posix.normalize(target.replace(/^\.\//, ''));
    if (!markdown.includes(file)) {
      spaceFinding(join(input, '.gitbook.yaml'), `Redirect \`${old}\` → \`${target}\`: that page is not in the space, so the redirect is not kept`);
      continue;
    }
    const path = old.replace(/^\/+|\/+$/g, '');
    redirectsTo.set(file, [...(redirectsTo.get(file) ?? []), into ? `${into}/${path}` : path]);
  }

  const targets = isFile ? new Map([[markdown[0]!, basename(markdown[0]!).replace(/\.gitbook\.md$|\.md$/i, '.mdx')]]) : pageTargets(ordered, layout.readme);
  for (const [file, target] of targets) {
    const naive = targetOf(file, layout.readme);
    if (!isFile && target !== naive)
      spaceFinding(join(layout.root, file), `${file} would become ${naive}, which another page of the space becomes too; it was written as ${target}`);
  }
  // Which file each image name in an output folder stands for: a second file with the same name gets a name of its own.
  const imageOwners = new Map<string, string>();
  const imageSourceOf = (page: string, url: string): string | undefined => {
    const path = decodeUriSafely(url.split(/[?#]/)[0]!);
    return [join(dirname(page), path), join(layout.root, path.replace(/^(\.\.\/)+/, ''))].find((option) => fileInside(layout.root, option));
  };

  const pages = ordered.map((file, index): PlannedPage => {
    const absolute = join(layout.root, file);
    const group = summary.find((entry) => entry.path === file)?.group;
    const fileTarget = targets.get(file)!;
    const target = into ? `${into}/${fileTarget}` : fileTarget;
    const resolveLink = (url: string): string | undefined => {
      const mapped = Object.entries(options.linkMap ?? {}).find(([prefix]) => url.startsWith(prefix));
      if (mapped) return mapped[1] + url.slice(mapped[0].length);
      const [path, hash] = url.split('#') as [string, string | undefined];
      if (/^[a-z]+:|^\/\//i.test(path) || !/\.md$/i.test(path)) return undefined;
      const linked = posix.normalize(posix.join(posix.dirname(file), decodeUriSafely(path)));
      if (!markdown.includes(linked)) return undefined;
      const relativeTarget = posix.relative(posix.dirname(fileTarget), targets.get(linked) ?? targetOf(linked, layout.readme));
      return `${relativeTarget.startsWith('.') ? '' : './'}${relativeTarget}${hash ? `#${hash}` : ''}`;
    };
    const { mdx, report, words, lost } = convertPage(readFileSync(absolute, 'utf8'), {
      file: relative(process.cwd(), absolute),
      frontmatter: {
        idp: options.idp,
        product: options.product,
        lastReviewed: options.lastReviewed,
        section: group ?? options.section,
        order: (index + 1) * 10,
        ...(redirectsTo.has(file) ? { redirectFrom: redirectsTo.get(file)! } : {}),
      },
      rewriteLink: resolveLink,
      titleOf: (url) => {
        const path = url.split('#')[0]!;
        return titles.get(posix.normalize(posix.join(posix.dirname(file), decodeUriSafely(path))));
      },
      vars: varsFor(absolute, layout.root),
      imageName: (url) => {
        const from = imageSourceOf(absolute, url);
        if (!from) return undefined;
        const name = imageName(url);
        const folder = posix.join(posix.dirname(target), 'images');
        const owner = imageOwners.get(posix.join(folder, name));
        const chosen = owner === undefined || owner === from ? name : withTag(name, shortHash(relative(layout.root, from).split(sep).join('/')));
        imageOwners.set(posix.join(folder, chosen), from);
        return chosen;
      },
      // Includes are read only from inside the space: `../` and links out of it are refused.
      readInclude: (path) => {
        const candidate = [join(dirname(absolute), path), join(layout.root, path), join(layout.root, '.gitbook/includes', basename(path))].find((option) =>
          fileInside(layout.root, option),
        );
        return candidate ? { text: readFileSync(candidate, 'utf8'), name: relative(layout.root, candidate) } : undefined;
      },
    });
    const copies: Array<{ from: string; to: string }> = [];
    for (const image of report.images) {
      if (image.remote) continue;
      const from = imageSourceOf(absolute, image.source);
      if (from) copies.push({ from, to: posix.join(posix.dirname(target), image.target) });
      else spaceFinding(absolute, `Image ${image.source} is not in the space (or leaves it through a link); it was not copied`);
    }
    return { source: absolute, target, mdx, report, words, lost, copies };
  });
  return { pages, findings };
}

function titleOf(file: string): string | undefined {
  const text = readFileSync(file, 'utf8');
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  let data: unknown;
  try {
    data = frontmatter ? parseYaml(frontmatter[1]!) : undefined;
  } catch {
    data = undefined;
  }
  const title = data && typeof data === 'object' ? (data as { title?: unknown }).title : undefined;
  if (typeof title === 'string') return title;
  return /^#\s+(.+)$/m.exec(frontmatter ? text.slice(frontmatter[0].length) : text)?.[1]?.trim();
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

export { readSummary };
