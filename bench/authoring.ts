/**
 * The authoring loop's figures: the remark preset (what an editor runs as the author types) on the
 * JumpCloud guide (8 KB) with the project's own content, and on one page of a generated 2,000-page
 * folder; and `npm run check --watch` on that folder, from a save to the report of the error it
 * planted. Prints one JSON line.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkStepdocs from '../src/remark/stepdocs.ts';
import { generateContent } from './generate-content.ts';

const ROOT = resolve(import.meta.dirname, '..');
const PAGES = Number(process.env.BENCH_AUTHORING_PAGES ?? 2000);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Milliseconds of one preset run over `file` (parse, structure rules on remark's tree, the folder check). */
async function presetRun(root: string, file: string, text: string): Promise<number> {
  const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkMdx).use(remarkStepdocs, { root });
  const started = performance.now();
  const vfile = new VFile({ path: file, cwd: root, value: text });
  await processor.run(processor.parse(vfile), vfile);
  return performance.now() - started;
}

async function presetTimes(root: string, file: string): Promise<{ firstMs: number; medianMs: number }> {
  const text = readFileSync(file, 'utf8');
  const firstMs = await presetRun(root, file, text);
  const runs: number[] = [];
  // An edit each time, as an editor sends after a keystroke.
  for (let run = 0; run < 7; run += 1) runs.push(await presetRun(root, file, `${text}\nEdit ${run}.\n`));
  return { firstMs, medianMs: median(runs) };
}

const own = await presetTimes(ROOT, join(ROOT, 'content/latest/identity-providers/jumpcloud.mdx'));

const work = mkdtempSync(join(tmpdir(), 'stepdocs-bench-authoring-'));
const content = generateContent(join(work, 'content'), PAGES, 1, { defects: false });
process.env.STEPDOCS_CONTENT_DIR = content.dir;
const generated = await presetTimes(work, join(content.dir, 'latest/guide-7.mdx'));

/** From writing a broken link into a page to `--watch` printing it. */
async function watchLatency(): Promise<number> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/check-links.ts'), '--watch'], {
    cwd: work,
    env: { ...process.env, STEPDOCS_CONTENT_DIR: content.dir, NO_COLOR: '1' },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const waitFor = async (pattern: RegExp) => {
    for (let waited = 0; waited < 60_000; waited += 10) {
      if (pattern.test(output)) return;
      await new Promise((done) => setTimeout(done, 10));
    }
    throw new Error(`authoring bench: --watch never printed ${pattern}:\n${output.slice(-2000)}`);
  };
  try {
    await waitFor(/Watching /);
    const page = join(content.dir, 'latest/guide-3.mdx');
    const saved = performance.now();
    writeFileSync(page, `${readFileSync(page, 'utf8')}\nSee [nowhere](./no-such-page.mdx).\n`);
    await waitFor(/1 new, 0 fixed/);
    return performance.now() - saved;
  } finally {
    child.kill();
  }
}

const watchMs = await watchLatency();
rmSync(work, { recursive: true, force: true });
process.stdout.write(
  `${JSON.stringify({ pages: PAGES, ownFirstMs: own.firstMs, ownMs: own.medianMs, generatedFirstMs: generated.firstMs, generatedMs: generated.medianMs, watchMs })}\n`,
);
