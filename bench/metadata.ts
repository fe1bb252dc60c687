/**
 * Metadata checker figures: a typical IdP file after warm-up, and a generated federation
 * aggregate of 5,000 entities (~50 MB), with time and peak memory. Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkMetadata } from '../src/lib/keeper/metadata-rules.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CORPUS = resolve(ROOT, '../shared/corpus/metadata');
const ENTITIES = Number(process.env.BENCH_METADATA_ENTITIES ?? 5000);
const now = new Date('2026-11-28T00:00:00Z');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timeFile(file: string, runs = 200): Promise<number> {
  const bytes = new Uint8Array(readFileSync(resolve(CORPUS, file)));
  for (let index = 0; index < 50; index += 1) await checkMetadata(bytes, { now });
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const start = performance.now();
    await checkMetadata(bytes, { now });
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Real IdP files as entity shapes (Shibboleth 7 KB, Okta 3 KB, Auth0 4 KB, AD FS 31 KB): ~12 KB an entity, entityIDs made unique. */
function aggregate(count: number): Uint8Array {
  const shapes = ['shibboleth-idp-samltest-id.xml', 'okta-idp-metadata.xml', 'auth0-idp-metadata.xml', 'adfs-v2-federationmetadata-signed.xml'].map((file) =>
    readFileSync(resolve(CORPUS, file), 'utf8')
      .replace(/^<\?xml[^>]*>\s*/, '')
      .replace(/\svalidUntil="[^"]*"/, ''),
  );
  const parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" Name="bench">\n'];
  for (let index = 0; index < count; index += 1) {
    const shape = shapes[index % shapes.length]!;
    parts.push(shape.replace(/entityID="[^"]*"/, `entityID="https://idp${index}.bench.example/idp"`), '\n');
  }
  parts.push('</md:EntitiesDescriptor>\n');
  return new TextEncoder().encode(parts.join(''));
}

const typical = { okta: await timeFile('okta-idp-metadata.xml'), adfs: await timeFile('adfs-v2-federationmetadata-signed.xml') };
const bytes = aggregate(ENTITIES);
const before = process.memoryUsage().rss;
// Three runs, median: on a 2-core machine one run can be slowed by the other core's load.
const runs: number[] = [];
let report = await checkMetadata(new Uint8Array(0));
for (let run = 0; run < 3; run += 1) {
  const start = performance.now();
  report = await checkMetadata(bytes, { now });
  runs.push(performance.now() - start);
}
const aggregateMs = median(runs);
const peakRss = process.resourceUsage().maxRSS * 1024;

process.stdout.write(
  `${JSON.stringify({
    typicalOktaMs: typical.okta,
    typicalAdfsMs: typical.adfs,
    aggregateEntities: report.entityCount,
    aggregateMB: bytes.length / 1e6,
    aggregateMs,
    aggregateRunsMs: runs,
    aggregateFindings: report.findings.length,
    peakRssMB: peakRss / 1e6,
    rssBeforeAggregateMB: before / 1e6,
  })}\n`,
);
