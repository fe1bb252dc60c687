/**
 * The build comparison with peers, on the same generated plain-Markdown pages: stepdocs, a minimal
 * Astro 7 + MDX site that renders the pages through a content collection (the floor for any
 * Astro-based generator), and Starlight. The pages are `.mdx` files by default, the format stepdocs
 * guides are written in, or `.md` files. The peers are installed from the npm registry into a
 * temporary folder for the run; they are not dependencies of stepdocs. stepdocs is also built with
 * STEPDOCS_SEARCH=off, to tell the generator's cost from the search index's. Each is built
 * BENCH_PEER_ROUNDS times (default 5), in turns, every other round in the reverse order; prints
 * medians and ratios as one JSON line.
 * BENCH_PEER_CHECKOUTS (comma-separated folders) adds other stepdocs checkouts, each with its own
 * `npm ci`, to the same rounds: to compare commits (a bisection) against the same minimal builds.
 * Usage: node bench/peers.ts <pages> [mdx|md]
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateContent } from './generate-content.ts';

const ROOT = resolve(import.meta.dirname, '..');
const pages = Number(process.argv[2] ?? 2000);
const format = process.argv[3] ?? 'mdx';
if (format !== 'mdx' && format !== 'md') {
  process.stderr.write(`peers: page format \`${format}\` is neither \`mdx\` nor \`md\` (BENCH_PEER_FORMAT)\n`);
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'stepdocs-bench-peers-'));
const content = generateContent(join(work, 'content'), pages, 1, { defects: false, plain: true, extension: format });
const node = process.execPath;
const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[key];

function run(command: string, args: string[], cwd: string, extra: NodeJS.ProcessEnv = {}): number {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd, env: { ...env, ...extra }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${(result.stdout + result.stderr).slice(-3000)}`);
  return (performance.now() - start) / 1000;
}

/** The version of a package stepdocs itself runs with (its lockfile's, as installed). */
function installed(name: string): string {
  return (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}
// The peers run on the very Astro, MDX integration and Node stepdocs runs on: a ratio then measures the
// generators, not the releases (a newer Astro, or one that refuses this Node, would skew or stop the run).
const ASTRO = installed('astro');
const MDX = installed('@astrojs/mdx');
const NODE = installed('node');

/** A project folder with the given package.json dependencies, installed with the machine's npm. */
function project(name: string, dependencies: Record<string, string>): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, type: 'module', dependencies: { ...dependencies, node: NODE } }, null, 2));
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], dir);
  return dir;
}

// Install and lay out all three first, then build them in turns: this machine's speed drifts by
// a fifth from one minute to the next, so each round compares builds made seconds apart.
const minimal = project('minimal-astro', { astro: ASTRO, '@astrojs/mdx': MDX });
cpSync(join(content.dir, 'latest'), join(minimal, 'content'), { recursive: true });
mkdirSync(join(minimal, 'src/pages'), { recursive: true });
writeFileSync(
  join(minimal, 'astro.config.mjs'),
  "import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ integrations: [mdx()] });\n",
);
writeFileSync(
  join(minimal, 'src/content.config.ts'),
  "import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { docs: defineCollection({ loader: glob({ pattern: '**/*.{md,mdx}', base: './content' }) }) };\n",
);
writeFileSync(
  join(minimal, 'src/pages/[...slug].astro'),
  "---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() { return (await getCollection('docs')).map((entry) => ({ params: { slug: entry.id }, props: { entry } })); }\nconst { entry } = Astro.props;\nconst { Content } = await render(entry);\n---\n<html lang=\"en\"><head><title>{entry.data.title}</title></head><body><Content /></body></html>\n",
);

const starlight = project('starlight', { astro: ASTRO, '@astrojs/starlight': '^0.42.0', '@astrojs/markdown-remark': '^7.3.0' });
mkdirSync(join(starlight, 'src/content/docs'), { recursive: true });
cpSync(join(content.dir, 'latest'), join(starlight, 'src/content/docs'), { recursive: true });
writeFileSync(
  join(starlight, 'astro.config.mjs'),
  "import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\nexport default defineConfig({ integrations: [starlight({ title: 'Bench' })] });\n",
);
writeFileSync(
  join(starlight, 'src/content.config.ts'),
  "import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n",
);

/**
 * A clean build: the output and content cache of the round before are removed first, and the removal
 * is flushed to disk before the clock starts. Without the flush, the file system is still committing
 * the deletion of the last build's thousand-odd files while the next build creates its own, and which
 * build pays for it depends on the order of the turns.
 */
function build(dir: string, nodeBinary: string, stale: string[], extra: NodeJS.ProcessEnv = {}): number {
  for (const path of stale) rmSync(path, { recursive: true, force: true });
  // `sync` is in coreutils; where there is none (Windows), the builds run unflushed.
  spawnSync('sync', [], { stdio: 'ignore' });
  return run(nodeBinary, [join(dir, 'node_modules/astro/bin/astro.mjs'), 'build'], dir, extra);
}
const peerStale = (dir: string) => [join(dir, 'dist'), join(dir, '.astro'), join(dir, 'node_modules/.astro')];
const stepdocsOut = join(work, 'stepdocs-dist');
const stepdocsCache = join(work, 'stepdocs-cache');

const rounds = Math.max(1, Number(process.env.BENCH_PEER_ROUNDS ?? 5));
const checkouts = (process.env.BENCH_PEER_CHECKOUTS ?? '')
  .split(',')
  .filter((path) => path.trim() !== '')
  .map((path) => resolve(path.trim()));
const times: { stepdocs: number[]; stepdocsNoSearch: number[]; minimal: number[]; starlight: number[]; [checkout: string]: number[] } = {
  stepdocs: [],
  stepdocsNoSearch: [],
  minimal: [],
  starlight: [],
};
const stepdocsEnv = { STEPDOCS_CONTENT_DIR: content.dir, STEPDOCS_OUT_DIR: stepdocsOut, STEPDOCS_CACHE_DIR: stepdocsCache };
const turns: Record<string, () => number> = {
  minimal: () => build(minimal, join(minimal, 'node_modules/.bin/node'), peerStale(minimal)),
  stepdocs: () => build(ROOT, node, [stepdocsOut, stepdocsCache], stepdocsEnv),
  // The same build without the search index, which the minimal site does not have: what search costs.
  stepdocsNoSearch: () => build(ROOT, node, [stepdocsOut, stepdocsCache], { ...stepdocsEnv, STEPDOCS_SEARCH: 'off' }),
  starlight: () => build(starlight, join(starlight, 'node_modules/.bin/node'), peerStale(starlight)),
};
for (const checkout of checkouts) {
  times[checkout] = [];
  // Each checkout runs on the Node its own lockfile installs, as `npm run build` there would.
  turns[checkout] = () => build(checkout, join(checkout, 'node_modules/.bin/node'), [stepdocsOut, stepdocsCache], stepdocsEnv);
}
for (let round = 0; round < rounds; round += 1) {
  // Every other round the other way round: a build's place in the round (after Starlight's long
  // build, say) would otherwise always favour the same one.
  const forward = ['minimal', 'stepdocs', ...checkouts, 'stepdocsNoSearch', 'starlight'];
  for (const name of round % 2 === 0 ? forward : forward.reverse()) times[name]!.push(turns[name]!());
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ratios = (a: number[], b: number[]) => a.map((value, index) => value / b[index]!);
const results: Record<string, unknown> = {
  pages,
  format,
  rounds,
  stepdocsSeconds: median(times.stepdocs),
  minimalAstroSeconds: median(times.minimal),
  starlightSeconds: median(times.starlight),
  stepdocsNoSearchSeconds: median(times.stepdocsNoSearch),
  // Ratios of builds from the same round, then their median.
  stepdocsOverMinimal: median(ratios(times.stepdocs, times.minimal)),
  stepdocsNoSearchOverMinimal: median(ratios(times.stepdocsNoSearch, times.minimal)),
  starlightOverStepdocs: median(ratios(times.starlight, times.stepdocs)),
  // Ratios of each one's fastest build: the runs least slowed by whatever else the machine was doing.
  stepdocsOverMinimalBest: Math.min(...times.stepdocs) / Math.min(...times.minimal),
  starlightOverStepdocsBest: Math.min(...times.starlight) / Math.min(...times.stepdocs),
  checkouts: checkouts.map((path) => ({ path, seconds: median(times[path]!), overMinimal: median(ratios(times[path]!, times.minimal)) })),
};
process.stdout.write(`${JSON.stringify(results)}\n`);
process.stderr.write(`peers: each build in seconds, round by round: ${JSON.stringify(times)}\n`);
rmSync(work, { recursive: true, force: true });
