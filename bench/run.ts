/**
 * `npm run bench`: runs each benchmark in its own Node process (so peak memory is its own) and
 * prints the figures as one table. Targets are printed beside the figures; nothing here fails a build.
 * Sections: `npm run bench -- metadata` runs one. Sizes: BENCH_PAGES × BENCH_VERSIONS (default 500 × 2)
 * for the build, BENCH_SCALE_PAGES (default 100) for the 1/2/4-version scaling runs. The opt-in
 * `peers` section: BENCH_PEER_PAGES (default 2000), BENCH_PEER_FORMAT (`mdx`, default, or `md`),
 * BENCH_PEER_ROUNDS (default 5).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

interface Row {
  figure: string;
  value: string;
  target: string;
}

type Section = { name: string; script: string; args?: string[]; optIn?: boolean; rows(result: Record<string, number>): Row[] };

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
const mb = (value: number) => `${value.toFixed(0)} MB`;

const PAGES = process.env.BENCH_PAGES ?? '500';
const VERSIONS = process.env.BENCH_VERSIONS ?? '2';
const SCALE_PAGES = process.env.BENCH_SCALE_PAGES ?? '100';
const buildRows =
  (label: string) =>
  (r: Record<string, number>): Row[] => [
    { figure: `${label}: build of ${r.pages} pages (${r.pages! / r.versions!} × ${r.versions} versions)`, value: `${r.seconds!.toFixed(1)} s`, target: '-' },
    { figure: `${label}: pages per second`, value: r.pagesPerSecond!.toFixed(1), target: '-' },
    { figure: `${label}: peak memory (RSS of astro build)`, value: mb(r.peakRssMB!), target: '-' },
    { figure: `${label}: output size`, value: `${r.outputMB!.toFixed(1)} MB in ${r.files} files`, target: '-' },
  ];

// 2,000 pages, one version: the size the build-speed targets were set at.
const PEER_PAGES = process.env.BENCH_PEER_PAGES ?? '2000';
const PEER_FORMAT = process.env.BENCH_PEER_FORMAT ?? 'mdx';

const SECTIONS: Section[] = [
  { name: 'build', script: 'bench/build.ts', args: [PAGES, VERSIONS], rows: buildRows('build') },
  ...['1', '2', '4'].map((versions) => ({
    name: `versions-${versions}`,
    script: 'bench/build.ts',
    args: [SCALE_PAGES, versions],
    rows: (r: Record<string, number>): Row[] => [
      {
        figure: `versions: ${SCALE_PAGES} pages × ${versions} version${versions === '1' ? '' : 's'}: build time`,
        value: `${r.seconds!.toFixed(1)} s`,
        target: `≤ ${versions} × the 1-version time`,
      },
      { figure: `versions: ${SCALE_PAGES} pages × ${versions}: seconds per page`, value: (r.seconds! / r.pages!).toFixed(3), target: 'flat' },
    ],
  })),
  {
    name: 'links',
    script: 'bench/links.ts',
    rows: (r) => [
      { figure: `links: ${r.files} files, ${r.references} references: only reading them`, value: ms(r.readMs!), target: '-' },
      { figure: 'links: only parsing them (Sätteri mdxToMdast)', value: ms(r.parseMs!), target: '-' },
      { figure: 'links: full source check, empty cache', value: ms(r.fullMs!), target: '< 2000 ms' },
      { figure: `links: re-check after one file changed (${r.reparsed} re-parsed)`, value: ms(r.recheckMs!), target: '< 300 ms' },
      { figure: 'links: re-check reports the same as a full check', value: r.recheckMatchesFull ? 'yes' : 'NO', target: 'yes' },
      { figure: 'links: planted defects found', value: `${r.found} of ${r.planted}`, target: 'all' },
      { figure: 'links: findings that were not planted defects', value: String(r.falseFindings), target: '0' },
    ],
  },
  {
    // Installs the peers from the npm registry into a temporary folder: run it by name.
    name: 'peers',
    script: 'bench/peers.ts',
    args: [PEER_PAGES, PEER_FORMAT],
    optIn: true,
    rows: (r) => [
      {
        figure: `peers: stepdocs build of ${r.pages} plain Markdown pages in .${PEER_FORMAT} files (median)`,
        value: `${r.stepdocsSeconds!.toFixed(1)} s`,
        target: `≤ 1.3 × minimal Astro, ≤ ½ Starlight`,
      },
      { figure: 'peers: minimal Astro 7 + MDX, same pages', value: `${r.minimalAstroSeconds!.toFixed(1)} s`, target: '-' },
      { figure: 'peers: Starlight (with Pagefind), same pages', value: `${r.starlightSeconds!.toFixed(1)} s`, target: '-' },
      { figure: `peers: stepdocs / minimal Astro (median of ${r.rounds} rounds)`, value: `${r.stepdocsOverMinimal!.toFixed(2)}×`, target: '≤ 1.3×' },
      {
        figure: `peers: stepdocs with STEPDOCS_SEARCH=off / minimal Astro (median of ${r.rounds} rounds)`,
        value: `${r.stepdocsNoSearchOverMinimal!.toFixed(2)}×`,
        target: '-',
      },
      { figure: `peers: Starlight / stepdocs (median of ${r.rounds} rounds)`, value: `${r.starlightOverStepdocs!.toFixed(2)}×`, target: '≥ 2×' },
      { figure: 'peers: stepdocs / minimal Astro, fastest build of each', value: `${r.stepdocsOverMinimalBest!.toFixed(2)}×`, target: '≤ 1.3×' },
      { figure: 'peers: Starlight / stepdocs, fastest build of each', value: `${r.starlightOverStepdocsBest!.toFixed(2)}×`, target: '≥ 2×' },
      // BENCH_PEER_CHECKOUTS: other checkouts built in the same rounds.
      ...((r.checkouts as unknown as Array<{ path: string; seconds: number; overMinimal: number }> | undefined) ?? []).map((checkout) => ({
        figure: `peers: checkout ${checkout.path} / minimal Astro (median ${checkout.seconds.toFixed(1)} s)`,
        value: `${checkout.overMinimal.toFixed(2)}×`,
        target: '-',
      })),
    ],
  },
  {
    name: 'markdown',
    script: 'bench/markdown-files.ts',
    args: [process.env.BENCH_MARKDOWN_PAGES ?? '1000', process.env.BENCH_MARKDOWN_ROUNDS ?? '2'],
    rows: (r) => [
      {
        figure: `markdown: build of ${r.pages} pages with / without the Markdown copies, llms.txt and llms-full.txt (medians of ${r.rounds} rounds)`,
        value: `${r.withSeconds!.toFixed(1)} s / ${r.withoutSeconds!.toFixed(1)} s`,
        target: '-',
      },
      {
        figure: "markdown: time the AI files add (median of the rounds' differences)",
        value: `${r.addedSeconds!.toFixed(1)} s (${((r.addedSeconds! / r.withoutSeconds!) * 100).toFixed(0)}%)`,
        target: '-',
      },
    ],
  },
  {
    name: 'authoring',
    script: 'bench/authoring.ts',
    rows: (r) => [
      {
        figure: "authoring: remark preset on the JumpCloud guide (8 KB) with the project's content, first run / median of 7 edits",
        value: `${ms(r.ownFirstMs!)} / ${ms(r.ownMs!)}`,
        target: '-',
      },
      {
        figure: `authoring: remark preset on one page of ${r.pages} generated guides, first run / median of 7 edits`,
        value: `${ms(r.generatedFirstMs!)} / ${ms(r.generatedMs!)}`,
        target: '-',
      },
      {
        figure: `authoring: npm run check --watch over ${r.pages} guides, from a save to the report of the error it planted`,
        value: ms(r.watchMs!),
        target: '< 1000 ms',
      },
    ],
  },
  {
    name: 'import',
    script: 'bench/import.ts',
    rows: (r) => [
      {
        figure: `import: ${r.spaces} GitBook inputs (the five corpus spaces and the seed, ${r.pages} pages, ${r.words} words), fidelity check included, first run`,
        value: ms(r.coldMs!),
        target: '< 2000 ms',
      },
      { figure: 'import: the same, median of 5 later runs in the same process', value: ms(r.warmMs!), target: '-' },
      { figure: 'import: from process start to the end of the first run (Node and module loading included)', value: ms(r.processMs!), target: '-' },
      { figure: 'import: words lost', value: String(r.lost), target: '0' },
    ],
  },
  {
    name: 'metadata',
    script: 'bench/metadata.ts',
    rows: (r) => [
      { figure: 'metadata: typical IdP file (Okta, 3.5 KB), median after warm-up', value: ms(r.typicalOktaMs!), target: '< 5 ms' },
      { figure: 'metadata: large IdP file (AD FS, 31 KB), median after warm-up', value: ms(r.typicalAdfsMs!), target: '< 5 ms' },
      {
        figure: `metadata: aggregate of ${r.aggregateEntities} entities (${r.aggregateMB!.toFixed(0)} MB), median of 3`,
        value: ms(r.aggregateMs!),
        target: '< 3000 ms',
      },
      { figure: 'metadata: peak memory of that run (RSS)', value: mb(r.peakRssMB!), target: '< 1024 MB' },
    ],
  },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !SECTIONS.some((section) => section.name === name));
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown section ${unknown.join(', ')}; expected ${SECTIONS.map((section) => section.name).join(', ')}\n`);
  process.exit(2);
}

const rows: Row[] = [];
for (const section of SECTIONS.filter((candidate) => (wanted.length === 0 && !candidate.optIn) || wanted.includes(candidate.name))) {
  if (!existsSync(resolve(ROOT, section.script))) {
    // A moved or deleted section script is a failure to report, never a row left out quietly.
    rows.push({ figure: `${section.name}: failed (${section.script} does not exist)`, value: '-', target: '-' });
    continue;
  }
  process.stderr.write(`bench: ${section.name}…\n`);
  const result = spawnSync(process.execPath, [resolve(ROOT, section.script), ...(section.args ?? [])], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = result.stdout.trim().split('\n').at(-1) ?? '';
  if (result.status !== 0 || !line.startsWith('{')) {
    rows.push({ figure: `${section.name}: failed (exit ${result.status})`, value: '-', target: '-' });
    continue;
  }
  rows.push(...section.rows(JSON.parse(line) as Record<string, number>));
}

const widths = [
  Math.max(6, ...rows.map((row) => row.figure.length)),
  Math.max(5, ...rows.map((row) => row.value.length)),
  Math.max(6, ...rows.map((row) => row.target.length)),
];
const line = (cells: string[]) => `| ${cells.map((cell, index) => cell.padEnd(widths[index]!)).join(' | ')} |`;
process.stdout.write(
  `${[line(['figure', 'value', 'target']), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map((row) => line([row.figure, row.value, row.target]))].join('\n')}\n`,
);
process.stdout.write(`\nmachine: ${process.platform} ${process.arch}, Node ${process.version}, ${(await import('node:os')).cpus().length} cores\n`);
