/**
 * `npm run check:metadata -- <file…> [--format pretty|json] [--expect idp|sp|any] [--now <date>]`
 * Checks SAML metadata files with the same engine as the site's widget.
 * Exit codes: 0 no errors, 1 a file has an error, 2 usage error (no such file, bad flag).
 */
import { readFileSync, statSync } from 'node:fs';
import { DEFAULT_MAX_BYTES, tooLargeReport, type MetadataReport } from '../src/lib/saml/check-metadata.ts';
import { checkMetadata } from '../src/lib/keeper/metadata-rules.ts';
import type { Expectation } from '../src/lib/saml/rule.ts';
import { formatPretty } from '../src/lib/report-format.ts';
import { loadSiteConfig } from '../src/node/site-config.ts';
import { commandLine, orUsageError } from '../src/node/cli.ts';
import { absoluteUrl, ROUTES } from '../src/lib/routes.ts';

const USAGE = `Usage: npm run check:metadata -- <file…> [--format pretty|json] [--expect idp|sp|any] [--now <ISO date>]

  <file…>    SAML metadata files to check
  --format   pretty (default) or json
  --expect   what the files should be: idp (default: metadata you upload to Keeper), sp, or any
  --now      judge dates as of this time instead of now, e.g. 2027-01-01`;

const { values, positionals, usageError } = commandLine('check:metadata', USAGE, {
  format: { type: 'string', default: 'pretty' },
  expect: { type: 'string', default: 'idp' },
  now: { type: 'string' },
});
if (values.format !== 'pretty' && values.format !== 'json') usageError(`unknown format \`${values.format}\`; expected pretty or json`);
if (values.expect !== 'idp' && values.expect !== 'sp' && values.expect !== 'any') usageError(`unknown --expect \`${values.expect}\`; expected idp, sp or any`);
if (positionals.length === 0) usageError('no files given');
const now = values.now === undefined ? new Date() : new Date(values.now);
if (Number.isNaN(now.getTime())) usageError(`--now \`${values.now}\` is not a date; expected e.g. 2027-01-01`);
for (const file of positionals) {
  let isFile = false;
  try {
    isFile = statSync(file).isFile();
  } catch {
    usageError(`no such file: ${file}`);
  }
  if (!isFile) usageError(`not a file: ${file}`);
}

const config = orUsageError(usageError, () => loadSiteConfig(process.env));
const rulesUrl = absoluteUrl(config.site, config.base, ROUTES.metadataRules);
const reports: MetadataReport[] = [];
for (const file of positionals) {
  const options = { file, now, expect: values.expect as Expectation, rulesUrl };
  // The size is judged before the file is read: a file of gigabytes is refused, not loaded.
  const size = statSync(file).size;
  reports.push(size > DEFAULT_MAX_BYTES ? tooLargeReport(size, options) : await checkMetadata(new Uint8Array(readFileSync(file)), options));
}

// Set before the report is written: a reader that stops early (`| head`) still gets the verdict.
process.exitCode = reports.some((report) => report.counts.error > 0) ? 1 : 0;
const KIND: Record<MetadataReport['kind'], string> = {
  idp: 'IdP metadata',
  sp: 'SP metadata',
  aggregate: 'aggregate',
  other: 'metadata without an IdP or SP role',
  'not-metadata': 'not SAML metadata',
};

if (values.format === 'json') {
  const files = reports.map(({ file, kind, encoding, size, entityCount, entities, findings, counts }) => ({
    file,
    kind,
    encoding,
    size,
    entityCount,
    entities,
    findings,
    counts,
  }));
  process.stdout.write(`${JSON.stringify({ files, errors: files.reduce((sum, file) => sum + file.counts.error, 0) }, null, 2)}\n`);
} else {
  const groups = reports.map((report) => {
    const ids = report.entities.slice(0, 3).map((entity) => entity.entityId ?? '?');
    const more = report.entityCount > 3 ? `, … (${report.entityCount} entities)` : '';
    return { file: report.file, findings: report.findings, heading: `${KIND[report.kind]}${ids.length > 0 ? `: ${ids.join(', ')}${more}` : ''}` };
  });
  process.stdout.write(formatPretty(groups, { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR }));
}
