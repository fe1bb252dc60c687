/**
 * `npm run login-url -- <value> [--region eu] [--json]`: prints Keeper's IdP-initiated Login URL for
 * an SSO ID, any SSO Connect Cloud URL or Keeper's SP metadata (`-` reads the value from stdin).
 * Exit codes: 0 printed, 1 the value was refused (reason on stderr), 2 usage error.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { computeLoginUrl } from '../src/lib/keeper/login-url.ts';
import { KEEPER_REGIONS, regionById } from '../src/lib/keeper/regions.ts';

const USAGE = `Usage: npm run login-url -- <value> [--region ${KEEPER_REGIONS.map((region) => region.id).join('|')}] [--json]

  <value>     an SSO ID, Keeper's SP Entity ID or any other SSO Connect Cloud URL,
              or - to read it (or Keeper's SP metadata XML) from standard input
  --region    data center for a bare SSO ID (default us)
  --json      print every field as JSON`;

function usageError(message: string): never {
  process.stderr.write(`login-url: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    args: process.argv.slice(2),
    options: { region: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    allowPositionals: true,
    strict: true,
  });
} catch (error) {
  usageError(error instanceof Error ? error.message : String(error));
}

if (parsed.values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (parsed.positionals.length !== 1) usageError(parsed.positionals.length === 0 ? 'missing <value>' : `expected one <value>, got ${parsed.positionals.length}`);
if (parsed.values.region !== undefined && !regionById(parsed.values.region)) {
  usageError(`unknown region \`${parsed.values.region}\`; expected one of ${KEEPER_REGIONS.map((region) => region.id).join(', ')}`);
}

const value = parsed.positionals[0] === '-' ? readFileSync(0, 'utf8') : parsed.positionals[0]!;
const result = computeLoginUrl(value, parsed.values.region ? { region: parsed.values.region } : {});

if (!result.ok) {
  if (parsed.values.json) process.stdout.write(`${JSON.stringify({ ok: false, code: result.code, message: result.message }, null, 2)}\n`);
  process.stderr.write(`login-url: ${result.message} (${result.code})\n`);
  process.exit(1);
}

if (parsed.values.json) {
  const { region, ...rest } = result;
  process.stdout.write(`${JSON.stringify({ ...rest, region: region.id, regionLabel: region.label, host: region.host }, null, 2)}\n`);
} else {
  process.stdout.write(`${result.urls.loginUrl}\n`);
  for (const note of result.notes) process.stderr.write(`note: ${note}\n`);
}
