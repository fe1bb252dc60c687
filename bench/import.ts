/**
 * GitBook importer figures: planning (conversion and the fidelity check of every page) of the five
 * corpus spaces and the seed, as one cold run in a fresh process (what a user waits for) and the
 * median of five warm runs. Prints one JSON line.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { planImport } from '../src/node/gitbook-space.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CORPUS = resolve(ROOT, '../shared/corpus/gitbook');
const inputs = [
  ...readdirSync(CORPUS)
    .filter((name) => !name.endsWith('.md'))
    .map((name) => resolve(CORPUS, name)),
  resolve(ROOT, '../shared/seed/jumpcloud.gitbook.md'),
];

function importAll(): { pages: number; words: number; lost: number } {
  let pages = 0;
  let words = 0;
  let lost = 0;
  for (const input of inputs) {
    const plan = planImport({
      input,
      into: 'imported',
      idp: 'Generic SAML 2.0',
      product: 'Keeper SSO Connect Cloud',
      lastReviewed: '2026-11-28',
      section: 'Imported',
    });
    pages += plan.pages.length;
    for (const page of plan.pages) {
      words += page.words;
      lost += page.lost;
    }
  }
  return { pages, words, lost };
}

const coldStart = performance.now();
const totals = importAll();
const coldMs = performance.now() - coldStart;
// Since the process started: Node, the importer's modules and the cold run, what a user of the command waits for.
const processMs = performance.now();
const warm: number[] = [];
for (let run = 0; run < 5; run += 1) {
  const start = performance.now();
  importAll();
  warm.push(performance.now() - start);
}
warm.sort((a, b) => a - b);
process.stdout.write(`${JSON.stringify({ ...totals, spaces: inputs.length, coldMs, processMs, warmMs: warm[2] })}\n`);
