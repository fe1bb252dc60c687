/**
 * `npm run import:gitbook -- <space-folder-or-file> --version <id> [--into <subfolder>] [--dry-run] [--force] [--allow-loss] [--format …]`
 * Imports GitBook (Git Sync) markdown as stepdocs MDX. Every page goes through the fidelity check:
 * when a word GitBook shows is missing from the MDX, nothing is written unless --allow-loss.
 * Nothing is overwritten without --force; every file is written atomically; running it twice on
 * the same input gives the same bytes.
 * Exit codes: 0 imported (or planned), 1 refused, failed or words lost, 2 usage error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { hasErrors, type Finding } from '../src/lib/findings.ts';
import { IMPORT_RULES } from '../src/lib/gitbook/rules.ts';
import { formatGithub, formatPretty, formatSarif, type FileFindings } from '../src/lib/report-format.ts';
import { loadSiteConfig } from '../src/node/site-config.ts';
import { VERSION_ID_PATTERN } from '../src/lib/versions.ts';
import { CommandExit, commandLine, orUsageError } from '../src/node/cli.ts';
import { isInside } from '../src/node/confine.ts';
import { withContentLock } from '../src/node/lock.ts';
import { planImport } from '../src/node/gitbook-space.ts';
import { writeFileAtomic } from '../src/node/write-file.ts';

const USAGE = `Usage: npm run import:gitbook -- <space-folder-or-file> --version <id> [--into <subfolder>] [--dry-run] [--force] [--allow-loss] [--format pretty|json|github|sarif]

  --version      version folder to import into, e.g. latest
  --into         subfolder of the version folder (default: the version folder itself)
  --idp          identity provider for the guides' frontmatter (default "Generic SAML 2.0")
  --product      product for the frontmatter (default "Keeper SSO Connect Cloud")
  --section      sidebar section for pages SUMMARY.md does not group (default "Imported")
  --reviewed     lastReviewed date (default today)
  --links        JSON file mapping app.gitbook.com URL prefixes (other spaces) to site paths
  --fetch-images download remote images next to the pages (otherwise they are only listed)
  --dry-run      print the plan and write nothing
  --force        overwrite existing files
  --allow-loss   write the pages even when words were lost or another error was found
  --format       report as pretty text (default), json, github (workflow annotations) or sarif`;

const { values, positionals, usageError } = commandLine('import:gitbook', USAGE, {
  version: { type: 'string' },
  into: { type: 'string', default: '' },
  idp: { type: 'string', default: 'Generic SAML 2.0' },
  product: { type: 'string', default: 'Keeper SSO Connect Cloud' },
  section: { type: 'string', default: 'Imported' },
  reviewed: { type: 'string', default: new Date().toISOString().slice(0, 10) },
  links: { type: 'string' },
  'fetch-images': { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  'allow-loss': { type: 'boolean', default: false },
  format: { type: 'string', default: 'pretty' },
});
/** Screenshots are well below this; a larger answer is not an image a guide should carry. */
const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
const FORMATS = ['pretty', 'json', 'github', 'sarif'];
if (!FORMATS.includes(values.format)) usageError(`unknown format \`${values.format}\`; expected ${FORMATS.join(', ')}`);
let linkMap: Record<string, string> | undefined;
if (values.links) {
  try {
    linkMap = JSON.parse(readFileSync(values.links, 'utf8')) as Record<string, string>;
  } catch (error) {
    usageError(`--links ${values.links}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!linkMap || typeof linkMap !== 'object' || Object.values(linkMap).some((value) => typeof value !== 'string'))
    usageError(`--links ${values.links}: expected an object of URL prefix → site path strings`);
}
if (positionals.length !== 1) usageError(positionals.length === 0 ? 'missing <space-folder-or-file>' : `expected one input, got ${positionals.length}`);
const version = values.version;
if (!version) usageError('missing --version');
if (!VERSION_ID_PATTERN.test(version!)) usageError(`\`${version}\` is not a version id`);
if (!/^\d{4}-\d{2}-\d{2}$/.test(values.reviewed)) usageError(`--reviewed \`${values.reviewed}\` is not a date written as YYYY-MM-DD`);
if (!existsSync(positionals[0]!)) usageError(`no such file or folder: ${positionals[0]}`);

const site = orUsageError(usageError, () => loadSiteConfig(process.env));
const versionDir = resolve(site.contentDir, version!);
const show = (path: string) => relative(process.cwd(), path) || path;
try {
  await run();
} catch (error) {
  if (error instanceof CommandExit) throw error;
  process.stderr.write(`import:gitbook: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}

async function run(): Promise<void> {
  const plan = planImport({
    input: positionals[0]!,
    into: values.into,
    idp: values.idp,
    product: values.product,
    lastReviewed: values.reviewed,
    section: values.section,
    ...(linkMap ? { linkMap } : {}),
  });
  const words = plan.pages.reduce((sum, page) => sum + page.words, 0);
  const lost = plan.pages.reduce((sum, page) => sum + page.lost, 0);
  const findings: Finding[] = [...plan.findings, ...plan.pages.flatMap((page) => page.report.findings)];
  // A lost word, or an error such as an include cycle cut short, leaves a page short of what GitBook shows.
  const refusedForLoss = (lost > 0 || hasErrors(findings)) && !values['allow-loss'];
  const remote = uniqueBy(
    plan.pages.flatMap((page) =>
      page.report.images
        .filter((image) => image.remote)
        .map((image) => ({ page: page.target, source: image.source, target: image.target, path: join(versionDir, dirname(page.target), image.target) })),
    ),
    (image) => image.path,
  );
  const manifest = join(versionDir, values.into, 'gitbook-images-to-fetch.json');
  const outputs: Output[] = [
    ...plan.pages.map((page) => ({ path: join(versionDir, page.target), content: page.mdx })),
    ...plan.pages.flatMap((page) => page.copies.map((copy) => ({ path: join(versionDir, copy.to), from: copy.from }))),
    ...(values['fetch-images'] ? remote.map((image) => ({ path: image.path, url: image.source })) : []),
    ...(remote.length > 0 ? [{ path: manifest, content: manifestText(remote) }] : []),
  ];
  // Every file this run would write is checked before the first is: inside the version folder, one source each, nothing replaced without --force.
  const outside = outputs.find((output) => !isInside(versionDir, output.path));
  if (outside)
    throw new CommandExit(2, `import:gitbook: ${show(outside.path)} is outside the version folder ${show(versionDir)} (check --into); nothing was written.`);
  const clash = clashOf(outputs);
  if (clash) throw new CommandExit(1, `import:gitbook: two inputs would be written to ${show(clash)}; nothing was written. Rename one of them in the space.`);
  const existing = outputs.filter((output) => existsSync(output.path) && !sameContent(output));
  if (existing.length > 0 && !values.force && !values['dry-run']) {
    throw new CommandExit(
      1,
      `import:gitbook: ${existing.length} file${existing.length === 1 ? '' : 's'} would be overwritten (first: ${show(existing[0]!.path)}); nothing was written. Use --force to overwrite.`,
    );
  }
  const write = !values['dry-run'] && !refusedForLoss;
  const lines: string[] = [];
  const totals: Record<string, number> = {};
  for (const page of plan.pages) {
    for (const [kind, count] of Object.entries(page.report.converted)) totals[kind] = (totals[kind] ?? 0) + count;
    lines.push(`${write ? 'wrote' : 'would write'} ${show(join(versionDir, page.target))} (from ${show(page.source)})`);
  }
  let stillRemote = remote;
  if (write) {
    await withContentLock(resolve(site.contentDir), 'import:gitbook', async () => {
      for (const output of outputs) {
        if (output.content !== undefined && output.path !== manifest) writeFileAtomic(output.path, output.content);
        else if (output.from !== undefined) copyFileAtomic(output.from, output.path);
      }
      if (values['fetch-images'] && remote.length > 0) {
        const fetched = await fetchImages(remote);
        lines.push(`Downloaded ${fetched.size} of ${remote.length} remote images.`);
        stillRemote = remote.filter((image) => !fetched.has(image.path));
      }
      if (stillRemote.length > 0) writeFileAtomic(manifest, manifestText(stillRemote));
    });
  }
  lines.push(
    '',
    `Pages: ${plan.pages.length}. Converted: ${
      Object.entries(totals)
        .sort()
        .map(([kind, count]) => `${kind} ${count}`)
        .join(', ') || 'nothing special'
    }.`,
  );
  if (stillRemote.length > 0)
    lines.push(
      '',
      `Images still to fetch: ${stillRemote.length} (${write ? 'listed' : 'to be listed'} in ${show(manifest)}; npm run check reports them as missing until they are saved).`,
    );
  const fidelity = `${plan.pages.length} page${plan.pages.length === 1 ? '' : 's'}, ${words} words, ${lost} lost`;
  if (values['dry-run']) lines.push('', 'Dry run: nothing was written.');
  else if (refusedForLoss)
    lines.push(
      '',
      'Errors were found (listed below; words lost are gitbook/dropped-text): nothing was written. Fix the pages by hand after an import with --allow-loss, or report the construct.',
    );
  if (refusedForLoss) process.exitCode = 1;
  process.stdout.write(report(findings, lines, fidelity));
}

/** A file the import writes: text, a copy of a file of the space, or an image to download. */
interface Output {
  path: string;
  content?: string;
  from?: string;
  url?: string;
}

/** The first path two different outputs would write. */
function clashOf(outputs: readonly Output[]): string | undefined {
  const seen = new Map<string, Output>();
  for (const output of outputs) {
    const key = output.path.toLowerCase();
    const other = seen.get(key);
    if (other && (other.content !== output.content || other.from !== output.from || other.url !== output.url)) return output.path;
    seen.set(key, output);
  }
  return undefined;
}

/** True when the file already holds exactly what would be written (a re-run is no overwrite). */
function sameContent(output: Output): boolean {
  if (output.content !== undefined) return readFileSync(output.path, 'utf8') === output.content;
  if (output.from !== undefined) return readFileSync(output.path).equals(readFileSync(output.from));
  return false;
}

function manifestText(images: ReadonlyArray<{ page: string; source: string; target: string }>): string {
  return `${JSON.stringify(
    images.map(({ page, source, target }) => ({ page, source, target })),
    null,
    2,
  )}\n`;
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && Boolean(seen.add(key(item))));
}

function copyFileAtomic(from: string, to: string): void {
  writeFileAtomic(to, new Uint8Array(readFileSync(from)));
}

/** The findings in the chosen format; pretty text also carries what was written and the fidelity line last. */
function report(findings: Finding[], lines: string[], fidelity: string): string {
  if (values.format === 'json') return `${JSON.stringify({ findings, summary: fidelity }, null, 2)}\n`;
  if (values.format === 'github') return formatGithub(findings);
  if (values.format === 'sarif') return formatSarif(findings, { name: 'stepdocs-import', rules: IMPORT_RULES });
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) groups.set(finding.file, [...(groups.get(finding.file) ?? []), finding]);
  const byFile: FileFindings[] = [...groups].map(([file, list]) => ({ file, findings: list }));
  const findingsText = byFile.length > 0 ? formatPretty(byFile, { color: false }) : '';
  return `${lines.join('\n')}\n\n${findingsText}${fidelity}\n`;
}

/** Downloads images with a timeout and a size cap each; an image that fails stays in the manifest. Returns the paths saved. */
async function fetchImages(images: ReadonlyArray<{ source: string; path: string }>): Promise<Set<string>> {
  const saved = new Set<string>();
  for (const image of images) {
    try {
      const response = await fetch(image.source, { signal: AbortSignal.timeout(15_000) });
      if (!response.ok) continue;
      const length = Number(response.headers.get('content-length') ?? 0);
      if (length > MAX_IMAGE_BYTES) continue;
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes.byteLength > MAX_IMAGE_BYTES) continue;
      writeFileAtomic(image.path, bytes);
      saved.add(image.path);
    } catch {
      // Unreachable or too slow: listed in the manifest for later.
    }
  }
  return saved;
}
