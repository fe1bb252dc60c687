/**
 * `npm run import:gitbook -- <space-folder-or-file> --version <id> [--into <subfolder>] [--dry-run] [--force] [--allow-loss] [--format …]`
 * Imports GitBook (Git Sync) markdown as stepdocs MDX. Every page goes through the fidelity check:
 * when a word GitBook shows is missing from the MDX, nothing is written unless --allow-loss.
 * Nothing is overwritten without --force; every file is written atomically; running it twice on
 * the same input gives the same bytes.
 * Exit codes: 0 imported (or planned), 1 refused, failed or words lost, 2 usage error.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { hasErrors, type Finding } from '../src/lib/findings.ts';
import { IMPORT_RULES } from '../src/lib/gitbook/rules.ts';
import { formatGithub, formatPretty, formatSarif, type FileFindings } from '../src/lib/report-format.ts';
import { loadSiteConfig } from '../src/node/site-config.ts';
import { VERSION_ID_PATTERN } from '../src/lib/versions.ts';
import { commandLine, orUsageError } from '../src/node/cli.ts';
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
const FORMATS = ['pretty', 'json', 'github', 'sarif'];
if (!FORMATS.includes(values.format)) usageError(`unknown format \`${values.format}\`; expected ${FORMATS.join(', ')}`);
let linkMap: Record<string, string> | undefined;
if (values.links) {
  try {
    linkMap = JSON.parse(readFileSync(values.links, 'utf8')) as Record<string, string>;
  } catch (error) {
    usageError(`--links ${values.links}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!linkMap || typeof linkMap !== 'object' || Object.values(linkMap).some((value) => typeof value !== 'string')) usageError(`--links ${values.links}: expected an object of URL prefix → site path strings`);
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
  process.stderr.write(`import:gitbook: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}

async function run(): Promise<void> {
  const plan = planImport({ input: positionals[0]!, into: values.into, idp: values.idp, product: values.product, lastReviewed: values.reviewed, section: values.section, ...(linkMap ? { linkMap } : {}) });
  const outputs = [...plan.pages.map((page) => ({ path: join(versionDir, page.target), content: page.mdx as string | undefined, from: undefined as string | undefined })), ...plan.pages.flatMap((page) => page.copies.map((copy) => ({ path: join(versionDir, copy.to), content: undefined, from: copy.from })))];
  const words = plan.pages.reduce((sum, page) => sum + page.words, 0);
  const lost = plan.pages.reduce((sum, page) => sum + page.lost, 0);
  const findings: Finding[] = [...plan.findings, ...plan.pages.flatMap((page) => page.report.findings)];
  // A lost word, or an error such as an include cycle cut short, leaves a page short of what GitBook shows.
  const refusedForLoss = (lost > 0 || hasErrors(findings)) && !values['allow-loss'];
  const existing = outputs.filter((output) => existsSync(output.path) && (output.content === undefined || readFileSync(output.path, 'utf8') !== output.content));
  if (existing.length > 0 && !values.force && !values['dry-run']) {
    process.stderr.write(`import:gitbook: ${existing.length} file${existing.length === 1 ? '' : 's'} would be overwritten (first: ${show(existing[0]!.path)}); nothing was written. Use --force to overwrite.\n`);
    process.exitCode = 1;
    return;
  }
  const write = !values['dry-run'] && !refusedForLoss;
  const lines: string[] = [];
  const totals: Record<string, number> = {};
  for (const page of plan.pages) {
    for (const [kind, count] of Object.entries(page.report.converted)) totals[kind] = (totals[kind] ?? 0) + count;
    lines.push(`${write ? 'wrote' : 'would write'} ${show(join(versionDir, page.target))} (from ${show(page.source)})`);
  }
  if (write) {
    for (const output of outputs) {
      if (output.content !== undefined) writeFileAtomic(output.path, output.content);
      else {
        mkdirSync(dirname(output.path), { recursive: true });
        copyFileSync(output.from!, output.path);
      }
    }
    let remote = plan.pages.flatMap((page) => page.report.images.filter((image) => image.remote).map((image) => ({ page: page.target, source: image.source, target: image.target })));
    if (values['fetch-images'] && remote.length > 0) {
      const fetched = await fetchImages(remote, (image) => join(versionDir, dirname(image.page), image.target));
      lines.push(`Downloaded ${fetched.size} of ${remote.length} remote images.`);
      remote = remote.filter((image) => !fetched.has(image.source));
    }
    if (remote.length > 0) writeFileAtomic(join(versionDir, values.into, 'gitbook-images-to-fetch.json'), `${JSON.stringify(remote, null, 2)}\n`);
  }
  lines.push('', `Pages: ${plan.pages.length}. Converted: ${Object.entries(totals).sort().map(([kind, count]) => `${kind} ${count}`).join(', ') || 'nothing special'}.`);
  const manifest = join(versionDir, values.into, 'gitbook-images-to-fetch.json');
  const remoteCount = !write || !existsSync(manifest) ? plan.pages.reduce((sum, page) => sum + page.report.images.filter((image) => image.remote).length, 0) : (JSON.parse(readFileSync(manifest, 'utf8')) as unknown[]).length;
  if (remoteCount > 0) lines.push('', `Images still to fetch: ${remoteCount} (listed in ${show(manifest)}; npm run check reports them as missing until they are saved).`);
  const fidelity = `${plan.pages.length} page${plan.pages.length === 1 ? '' : 's'}, ${words} words, ${lost} lost`;
  if (values['dry-run']) lines.push('', 'Dry run: nothing was written.');
  else if (refusedForLoss) lines.push('', 'Errors were found (listed below; words lost are gitbook/dropped-text): nothing was written. Fix the pages by hand after an import with --allow-loss, or report the construct.');
  process.stdout.write(report(findings, lines, fidelity));
  if (refusedForLoss) process.exitCode = 1;
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

/** Downloads images with a timeout each; an image that fails stays in the manifest. Returns the sources saved. */
async function fetchImages(images: Array<{ source: string; page: string; target: string }>, pathOf: (image: { source: string; page: string; target: string }) => string): Promise<Set<string>> {
  const saved = new Set<string>();
  for (const image of images) {
    if (saved.has(image.source)) continue;
    try {
      const response = await fetch(image.source, { signal: AbortSignal.timeout(15_000) });
      if (!response.ok) continue;
      writeFileAtomic(pathOf(image), new Uint8Array(await response.arrayBuffer()));
      saved.add(image.source);
    } catch {
      // Unreachable or too slow: listed in the manifest for later.
    }
  }
  return saved;
}
