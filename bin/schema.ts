/**
 * `npm run schema`: writes `schemas/stepdocs.config.schema.json` and `schemas/frontmatter.schema.json`
 * from the zod schemas the build uses (the frontmatter one with the configured identity providers and
 * products). Generated files: rewritten on every run. Exit codes: 0 written, 2 usage error.
 */
import { join, resolve } from 'node:path';
import { commandLine, orUsageError } from '../src/node/cli.ts';
import { jsonSchemas } from '../src/node/schemas.ts';
import { loadSiteConfig } from '../src/node/site-config.ts';
import { writeFileAtomic } from '../src/node/write-file.ts';

const USAGE = `Usage: npm run schema

  Writes schemas/stepdocs.config.schema.json and schemas/frontmatter.schema.json.`;

const { usageError } = commandLine('schema', USAGE, {});
const site = orUsageError(usageError, () => loadSiteConfig(process.env));
for (const [name, text] of Object.entries(jsonSchemas(site))) {
  writeFileAtomic(join(resolve('schemas'), name), text);
  process.stdout.write(`Wrote schemas/${name}\n`);
}
