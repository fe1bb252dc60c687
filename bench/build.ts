/**
 * Build figures: `astro build` of generated content (pages × versions), in a child process, with
 * wall time, peak memory (the child's max RSS), pages per second and output size. Prints one JSON line.
 * Usage: node bench/build.ts <pages> <versions>
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { listFiles } from '../src/node/content-files.ts';
import { generateContent } from './generate-content.ts';

const ROOT = resolve(import.meta.dirname, '..');
const pages = Number(process.argv[2] ?? 500);
const versions = Number(process.argv[3] ?? 2);
const work = mkdtempSync(join(tmpdir(), 'stepdocs-bench-build-'));
const content = generateContent(join(work, 'content'), pages, versions, { defects: false });
const outDir = join(work, 'dist');
const env: NodeJS.ProcessEnv = {
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  STEPDOCS_CONTENT_DIR: content.dir,
  STEPDOCS_OUT_DIR: outDir,
  STEPDOCS_CACHE_DIR: join(work, 'cache'),
};
for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[key];

// The clock starts on a settled file system: the generated pages are flushed to disk first, so the
// build does not pay for the generator's writes. `sync` is in coreutils; without it (Windows), no flush.
spawnSync('sync', [], { stdio: 'ignore' });
const start = performance.now();
// /usr/bin/time is not on every machine: the child reports its own peak RSS through Node instead.
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nmaxrss:"+process.resourceUsage().maxRSS+"\\n"))',
    join(ROOT, 'node_modules/astro/bin/astro.mjs'),
    'build',
  ],
  { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
);
const seconds = (performance.now() - start) / 1000;
if (result.status !== 0) {
  process.stderr.write(result.stdout.slice(-2000) + result.stderr.slice(-2000));
  process.exit(1);
}
const maxRssKb = Number(/maxrss:(\d+)/.exec(result.stderr)?.[1] ?? 0);
const files = listFiles(outDir);
const bytes = files.reduce((sum, file) => sum + statSync(join(outDir, file)).size, 0);
process.stdout.write(
  `${JSON.stringify({ pages: content.pages, versions, seconds, pagesPerSecond: content.pages / seconds, peakRssMB: maxRssKb / 1024, outputMB: bytes / 1e6, files: files.length })}\n`,
);
rmSync(work, { recursive: true, force: true });
