/**
 * Link checker figures on a generated site (1,000 guides × 2 versions by default): a full source
 * check, a re-check after one file changed, and beside them the time to only read and only parse
 * the same files. Prints one JSON line.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mdxToMdast } from 'satteri';
import { checkLinks } from '../src/lib/links/check-links.ts';
import { listFiles, readContentFolder } from '../src/node/content-files.ts';
import { loadFindingsCache, saveFindingsCache, siteStateKey } from '../src/node/link-findings-cache.ts';
import { readVersions } from '../src/node/read-versions.ts';
import { generateContent } from './generate-content.ts';

const PAGES = Number(process.env.BENCH_PAGES ?? 1000);
const VERSIONS = Number(process.env.BENCH_VERSIONS ?? 2);
const work = mkdtempSync(join(tmpdir(), 'stepdocs-bench-links-'));
const content = generateContent(join(work, 'content'), PAGES, VERSIONS);
const cacheFile = join(work, 'cache.json');
const versions = readVersions(content.dir);
const mdx = listFiles(content.dir).filter((file) => file.endsWith('.mdx'));

let start = performance.now();
const sources = mdx.map((file) => readFileSync(join(content.dir, file), 'utf8'));
const readMs = performance.now() - start;

start = performance.now();
for (const source of sources) mdxToMdast(source);
const parseMs = performance.now() - start;

const findingsFile = join(work, 'findings.json');
// The same steps as `npm run check`: cached extracts, then findings reused where nothing they depend on changed.
const check = () => {
  const folder = readContentFolder(content.dir, 'content', cacheFile);
  const settings = { publicFiles: [], versions, base: '/', contentPrefix: 'content' };
  const state = siteStateKey(folder, settings);
  const result = checkLinks({ pages: folder.pages, assets: folder.assets, ...settings, reuse: loadFindingsCache(findingsFile, state, folder.keys) });
  saveFindingsCache(findingsFile, state, folder.keys, result.byPage);
  return { folder, result };
};

start = performance.now();
const full = check();
const fullMs = performance.now() - start;

appendFileSync(join(content.dir, 'latest', 'guide-5.mdx'), '\nOne more [link](./guide-6.mdx#step-one-of-6).\n');
start = performance.now();
const again = check();
const recheckMs = performance.now() - start;

const found = full.result.findings.filter((finding) => finding.severity === 'error').length;
// The re-check must report exactly what a full check of the edited site reports.
const sameAsFull =
  JSON.stringify(again.result.findings) ===
  JSON.stringify(
    checkLinks({ pages: again.folder.pages, assets: again.folder.assets, publicFiles: [], versions, base: '/', contentPrefix: 'content' }).findings,
  );
process.stdout.write(
  `${JSON.stringify({
    files: mdx.length,
    references: full.result.references,
    readMs,
    parseMs,
    fullMs,
    recheckMs,
    reparsed: again.folder.stats.parsed,
    recheckMatchesFull: sameAsFull ? 1 : 0,
    planted: content.plantedDefects,
    found,
    falseFindings: full.result.findings.length - found,
  })}\n`,
);
rmSync(work, { recursive: true, force: true });
