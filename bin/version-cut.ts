/**
 * `npm run version:cut -- <id> [--label "…"] [--dry-run]`: freezes the current content into version <id>.
 * Exit codes: 0 done (or planned), 1 refused or failed, 2 usage error.
 */
import { relative, resolve } from 'node:path';
import { loadSiteConfig } from '../src/node/site-config.ts';
import { cutVersion } from '../src/node/version-cut.ts';
import { commandLine, orUsageError } from '../src/node/cli.ts';

const USAGE = `Usage: npm run version:cut -- <id> [--label "…"] [--dry-run]

  <id>        the new version's id and folder name, e.g. 1.0 or 2025.11
  --label     what the version switcher shows (default: the id)
  --dry-run   print the plan and write nothing`;

const { values, positionals, usageError } = commandLine('version:cut', USAGE, { label: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } });
if (positionals.length !== 1) usageError(positionals.length === 0 ? 'missing <id>' : `expected one <id>, got ${positionals.length}`);

const site = orUsageError(usageError, () => loadSiteConfig(process.env));
const contentDir = resolve(site.contentDir);
const show = (path: string) => relative(process.cwd(), path) || path;
try {
  const plan = cutVersion({ contentDir, id: positionals[0]!, ...(values.label ? { label: values.label } : {}), base: site.base, dryRun: values['dry-run'] });
  const verb = values['dry-run'] ? 'Would copy' : 'Copied';
  const lines = [
    `${verb} ${plan.files} files of version \`${plan.from.id}\` (${show(plan.source)}) to ${show(plan.target)}.`,
    `${values['dry-run'] ? 'Would rewrite' : 'Rewrote'} ${plan.rewrites.length} link${plan.rewrites.length === 1 ? '' : 's'} so the frozen copy points at itself${plan.rewrites.length ? ':' : '.'}`,
    ...plan.rewrites.map((rewrite) => `  ${show(resolve(contentDir, rewrite.file))}:${rewrite.line} ${rewrite.from} → ${rewrite.to}`),
    ...(plan.skipped.length > 0
      ? [
          `${plan.skipped.length} link${plan.skipped.length === 1 ? ' is' : 's are'} written in a form this tool cannot change exactly; change ${plan.skipped.length === 1 ? 'it' : 'them'} by hand:`,
        ]
      : []),
    ...plan.skipped.map((link) => `  ${show(resolve(contentDir, link.file))}:${link.line} ${link.from} → ${link.to}`),
    `${values['dry-run'] ? 'Would register' : 'Registered'} version \`${plan.version.id}\` ("${plan.version.label}", ${plan.version.status}, released ${plan.version.released}) in ${show(resolve(contentDir, 'versions.json'))}.`,
  ];
  if (values['dry-run']) lines.push('Dry run: nothing was written.');
  process.stdout.write(`${lines.join('\n')}\n`);
} catch (error) {
  process.stderr.write(`version:cut: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
