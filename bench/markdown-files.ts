/**
 * What the Markdown copies, llms.txt and llms-full.txt cost a build: the same generated content
 * built with them on and off, in alternating order (on, off, off, on …) so neither side always
 * follows the other, and the median of each round's difference. Prints one JSON line.
 * Usage: node bench/markdown-files.ts <pages> <rounds>
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const pages = process.argv[2] ?? '1000';
const rounds = Number(process.argv[3] ?? 2);

function build(markdown: 'on' | 'off'): number {
  const result = spawnSync(process.execPath, [resolve(ROOT, 'bench/build.ts'), pages, '1'], {
    cwd: ROOT,
    env: { ...process.env, STEPDOCS_MARKDOWN: markdown },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`build with STEPDOCS_MARKDOWN=${markdown} failed: ${result.stderr.slice(-500)}`);
  return (JSON.parse(result.stdout.trim().split('\n').at(-1)!) as { seconds: number }).seconds;
}

const differences: number[] = [];
const on: number[] = [];
const off: number[] = [];
for (let round = 0; round < rounds; round += 1) {
  const order: Array<'on' | 'off'> = round % 2 === 0 ? ['on', 'off'] : ['off', 'on'];
  const times = Object.fromEntries(order.map((setting) => [setting, build(setting)])) as Record<'on' | 'off', number>;
  on.push(times.on);
  off.push(times.off);
  differences.push(times.on - times.off);
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
process.stdout.write(
  `${JSON.stringify({ pages: Number(pages), rounds, withSeconds: median(on), withoutSeconds: median(off), addedSeconds: median(differences) })}\n`,
);
