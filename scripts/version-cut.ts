/**
 * `npm run version:cut -- <id> [--label "…"] [--dry-run]`: freezes the current content into version <id>.
 * Exit codes: 0 done (or planned), 1 refused or failed, 2 usage error.
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readSiteConfig } from '../src/lib/site-config.ts';
import { cutVersion } from '../src/node/version-cut.ts';

const USAGE = `Usage: npm run version:cut -- <id> [--label "…"] [--dry-run]

  <id>        the new version's id and folder name, e.g. 1.0 or 2025.11
  --label     what the version switcher shows (default: the id)
  --dry-run   print the plan and write nothing`;

function usageError(message: string): never {
  process.stderr.write(`version:cut: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({ args: process.argv.slice(2), options: { label: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } }, allowPositionals: true, strict: true });
} catch (error) {
  usageError(error instanceof Error ? error.message : String(error));
}
if (parsed.values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (parsed.positionals.length !== 1) usageError(parsed.positionals.length === 0 ? 'missing <id>' : `expected one <id>, got ${parsed.positionals.length}`);

const site = readSiteConfig(process.env);
const contentDir = resolve(site.contentDir);
const show = (path: string) => relative(process.cwd(), path) || path;
try {
  const plan = cutVersion({ contentDir, id: parsed.positionals[0]!, ...(parsed.values.label ? { label: parsed.values.label } : {}), base: site.base, dryRun: parsed.values['dry-run'] });
  const verb = parsed.values['dry-run'] ? 'Would copy' : 'Copied';
  const lines = [
    `${verb} ${plan.files} files of version \`${plan.from.id}\` (${show(plan.source)}) to ${show(plan.target)}.`,
    `${parsed.values['dry-run'] ? 'Would rewrite' : 'Rewrote'} ${plan.rewrites.length} link${plan.rewrites.length === 1 ? '' : 's'} so the frozen copy points at itself${plan.rewrites.length ? ':' : '.'}`,
    ...plan.rewrites.map((rewrite) => `  ${show(resolve(contentDir, rewrite.file))}:${rewrite.line} ${rewrite.from} → ${rewrite.to}`),
    `${parsed.values['dry-run'] ? 'Would register' : 'Registered'} version \`${plan.version.id}\` ("${plan.version.label}", ${plan.version.status}, released ${plan.version.released}) in ${show(resolve(contentDir, 'versions.json'))}.`,
  ];
  if (parsed.values['dry-run']) lines.push('Dry run: nothing was written.');
  process.stdout.write(`${lines.join('\n')}\n`);
} catch (error) {
  process.stderr.write(`version:cut: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
