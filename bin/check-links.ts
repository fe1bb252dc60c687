/**
 * `npm run check [-- <paths…>] [--format pretty|json|github|sarif] [--external] [--dist]`
 * Checks every link, anchor and image of every version. Exit: 0 clean, 1 errors found, 2 usage error.
 * Configuration (excluded URL patterns): `stepdocs.config.json` → `{ "links": { "exclude": ["^https://…"] } }`,
 * read with the rest of the site configuration.
 */
import { existsSync, readFileSync, statSync, watch } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { formatFinding, type Finding } from '../src/lib/findings.ts';
import { isContentPath } from '../src/lib/content-paths.ts';
import type { ExternalReference } from '../src/lib/links/check-links.ts';
import { PAGE_ENGINE_RULES } from '../src/lib/guide/rules.ts';
import { ruleUrl } from '../src/lib/rule.ts';
import { checkDist } from '../src/lib/links/check-dist.ts';
import { checkExternal, type CacheEntry } from '../src/lib/links/external.ts';
import { externalFindings } from '../src/lib/links/rules/external.ts';
import { LINK_RULES } from '../src/lib/links/rules.ts';
import { formatGithub, formatPretty, formatSarif, printable } from '../src/lib/report-format.ts';
import { loadSiteConfig } from '../src/node/site-config.ts';
import { listFiles } from '../src/node/content-files.ts';
import { readVersions } from '../src/node/read-versions.ts';
import { writeFileAtomic } from '../src/node/write-file.ts';
import { commandLine, orUsageError } from '../src/node/cli.ts';
import { checkContent, rulesPageUrl } from '../src/node/check-content.ts';

const USAGE = `Usage: npm run check -- [<paths…>] [--format pretty|json|github|sarif] [--external] [--dist]

  <paths…>    report only on these files or folders (all content is still read to resolve links)
  --format    pretty (default), json, github (workflow annotations) or sarif
  --external  also check http(s) links over the network (cached for a day in .stepdocs-cache/)
  --dist      check the built site in dist/ (run npm run build first) instead of the MDX sources
  --watch     check again on every save and print only what changed (pretty format, sources only)
  --config    configuration file (default stepdocs.config.json)`;

const { values, positionals, usageError } = commandLine('check', USAGE, {
  format: { type: 'string', default: 'pretty' },
  external: { type: 'boolean', default: false },
  dist: { type: 'boolean', default: false },
  watch: { type: 'boolean', default: false },
  config: { type: 'string' },
});
const FORMATS = ['pretty', 'json', 'github', 'sarif'];
if (!FORMATS.includes(values.format)) usageError(`unknown format \`${values.format}\`; expected ${FORMATS.join(', ')}`);
if (values.watch && (values.dist || values.external || values.format !== 'pretty'))
  usageError('--watch checks the sources and prints pretty text; it cannot be combined with --dist, --external or --format');

const root = process.cwd();
const site = orUsageError(usageError, () => loadSiteConfig(process.env, root, values.config));
const exclude = site.linkExclude.map((pattern) =>
  orUsageError(usageError, () => {
    try {
      return new RegExp(pattern);
    } catch {
      throw new Error(`${values.config ?? 'stepdocs.config.json'}: links.exclude has an invalid regular expression \`${pattern}\``);
    }
  }),
);
for (const path of positionals) if (!existsSync(path)) usageError(`no such file or folder: ${path}`);
const only =
  positionals.length === 0
    ? undefined
    : (file: string) =>
        positionals.some((path) => {
          const wanted = relative(root, resolve(path)).split(sep).join('/');
          return file === wanted || file.startsWith(`${wanted}/`);
        });

const started = performance.now();
let findings: Finding[];
let external: ExternalReference[];
let fileCount: number;
let references: number;

if (values.dist) {
  const outDir = resolve(process.env.STEPDOCS_OUT_DIR || 'dist');
  if (!existsSync(outDir)) usageError(`no built site at ${relative(root, outDir) || outDir}; run \`npm run build\` first`);
  const files = listFiles(outDir);
  const pages = files.filter((file) => file.endsWith('.html')).map((path) => ({ path, html: readFileSync(resolve(outDir, path), 'utf8') }));
  const result = checkDist({ pages, files, base: site.base, displayPrefix: relative(root, outDir).split(sep).join('/') || outDir, exclude });
  findings = (only ? result.findings.filter((finding) => only(finding.file)) : result.findings).map((finding) => ({
    ...finding,
    url: ruleUrl(rulesPageUrl(site), finding.ruleId),
  }));
  ({ external, references } = result);
  fileCount = pages.length;
} else {
  const contentDir = resolve(site.contentDir);
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) usageError(`no content folder at ${site.contentDir}`);
  ({ findings, external, references, fileCount } = checkSources(contentDir));
  if (values.watch) {
    printPretty(findings, fileCount, references, ((performance.now() - started) / 1000).toFixed(2));
    watchSources(contentDir, findings);
  }
}

// With --watch the command keeps running: each save is checked again by watchSources.
if (!values.watch) {
  if (values.external) findings = [...findings, ...(await checkExternalLinks(external))];
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  // Set before the report is written: a reader that stops early (`| head`) still gets the verdict.
  process.exitCode = findings.some((finding) => finding.severity === 'error') ? 1 : 0;
  switch (values.format) {
    case 'json':
      process.stdout.write(`${JSON.stringify({ files: fileCount, references, findings }, null, 2)}\n`);
      break;
    case 'github':
      process.stdout.write(formatGithub(findings));
      break;
    case 'sarif':
      process.stdout.write(
        formatSarif(findings, { name: 'stepdocs-links', rules: [...new Map([...PAGE_ENGINE_RULES, ...LINK_RULES].map((rule) => [rule.id, rule])).values()] }),
      );
      break;
    default:
      printPretty(findings, fileCount, references, seconds);
  }
}

/** Every page of every version, as `npm run check` and the editor's remark preset both check it. */
function checkSources(contentDir: string): { findings: Finding[]; external: ExternalReference[]; references: number; fileCount: number } {
  // A versions.json that is missing or wrong is the author's to fix (exit 2); anything else thrown is a bug.
  orUsageError(usageError, () => readVersions(contentDir));
  return checkContent({ root, site: { ...site, contentDir }, exclude, rulesUrl: rulesPageUrl(site), ...(only ? { only } : {}) });
}

function printPretty(list: Finding[], files: number, referenceCount: number, seconds: string): void {
  const byFile = new Map<string, Finding[]>();
  for (const finding of list) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const groups = [...byFile].map(([file, entries]) => ({ file, findings: entries }));
  const text = formatPretty(groups, { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR });
  // Clean files are not listed; the summary still counts every file checked.
  const lines = text.trimEnd().split('\n');
  lines[lines.length - 1] = lines.at(-1)!.replace(/^\d+ files?/, `${files} file${files === 1 ? '' : 's'}`);
  process.stdout.write(`${lines.join('\n')} (${referenceCount} references, ${seconds} s)\n`);
}

/**
 * `--watch`: checks again after each save (changes within 100 ms are one save) and prints what
 * changed: `+` for a new finding, `-` for one fixed, then the new totals. Runs until interrupted.
 */
function watchSources(contentDir: string, first: Finding[]): void {
  let previous = new Map(first.map((finding) => [findingKey(finding), finding]));
  let timer: NodeJS.Timeout | undefined;
  const recheck = () => {
    const startedAt = performance.now();
    const next = checkSources(contentDir);
    const current = new Map(next.findings.map((finding) => [findingKey(finding), finding]));
    const added = [...current].filter(([key]) => !previous.has(key)).map(([, finding]) => finding);
    const fixed = [...previous].filter(([key]) => !current.has(key)).map(([, finding]) => finding);
    previous = current;
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(2);
    const errors = next.findings.filter((finding) => finding.severity === 'error').length;
    // Each line made printable on its own: a finding's text comes from the page, its hint line from the rule.
    const shown = (finding: Finding) => formatFinding(finding).split('\n').map(printable);
    const lines = [...added.flatMap((finding) => `+ ${shown(finding).join('\n')}`), ...fixed.map((finding) => `- fixed: ${shown(finding)[0]}`)];
    process.stdout.write(
      `${lines.length > 0 ? `${lines.join('\n')}\n` : ''}${new Date().toLocaleTimeString('en-GB')} ${added.length} new, ${fixed.length} fixed; ${errors} error${errors === 1 ? '' : 's'}, ${next.findings.length - errors} other in ${next.fileCount} files (${seconds} s)\n`,
    );
  };
  watch(contentDir, { recursive: true }, (_event, name) => {
    // Only content: dot-files (editors' swap files, a cut in progress) are not pages or images.
    if (name && !isContentPath(String(name).split(sep).join('/'))) return;
    clearTimeout(timer);
    timer = setTimeout(recheck, 100);
  });
  process.stdout.write(`Watching ${relative(root, contentDir) || contentDir} for changes; Ctrl+C stops.\n`);
}

function findingKey(finding: Finding): string {
  return `${finding.file}:${finding.place?.line ?? 0}:${finding.place?.column ?? 0} ${finding.ruleId} ${finding.reason}`;
}

async function checkExternalLinks(references: ExternalReference[]): Promise<Finding[]> {
  const cacheFile = resolve('.stepdocs-cache/external.json');
  const cache = new Map<string, CacheEntry>(
    existsSync(cacheFile) ? Object.entries(safeJson(readFileSync(cacheFile, 'utf8')) as Record<string, CacheEntry>) : [],
  );
  const tty = process.stderr.isTTY;
  const ttl = Number(process.env.STEPDOCS_EXTERNAL_TTL_HOURS ?? 24) * 3600_000;
  const results = await checkExternal(
    references.map((reference) => reference.url),
    {
      cache,
      cacheTtlMs: ttl,
      ...(process.env.STEPDOCS_EXTERNAL_TIMEOUT_MS ? { timeoutMs: Number(process.env.STEPDOCS_EXTERNAL_TIMEOUT_MS) } : {}),
      ...(process.env.STEPDOCS_EXTERNAL_BACKOFF_MS ? { backoffMs: Number(process.env.STEPDOCS_EXTERNAL_BACKOFF_MS) } : {}),
      onProgress: (done, total) => {
        if (!tty) return;
        const width = 30;
        const filled = Math.round((done / total) * width);
        process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} external links`);
        if (done === total) process.stderr.write('\n');
      },
    },
  );
  writeFileAtomic(cacheFile, JSON.stringify(Object.fromEntries(cache)));
  return externalFindings(references, results);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}
