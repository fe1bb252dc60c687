/**
 * `npm run login-url -- <value> [--region eu] [--json]`: prints Keeper's IdP-initiated Login URL for
 * an SSO ID, any SSO Connect Cloud URL or Keeper's SP metadata (`-` reads the value from stdin).
 * Exit codes: 0 printed, 1 the value was refused (reason on stderr), 2 usage error.
 */
import { computeLoginUrl } from '../src/lib/keeper/login-url.ts';
import { KEEPER_REGIONS, regionById } from '../src/lib/keeper/regions.ts';
import { CommandExit, commandLine, readStandardInput } from '../src/node/cli.ts';

const USAGE = `Usage: npm run login-url -- <value> [--region ${KEEPER_REGIONS.map((region) => region.id).join('|')}] [--json]

  <value>     an SSO ID, Keeper's SP Entity ID or any other SSO Connect Cloud URL,
              or - to read it (or Keeper's SP metadata XML) from standard input
  --region    data center for a bare SSO ID (default us)
  --json      print every field as JSON`;

const { values, positionals, usageError } = commandLine('login-url', USAGE, { region: { type: 'string' }, json: { type: 'boolean', default: false } });

if (positionals.length !== 1) usageError(positionals.length === 0 ? 'missing <value>' : `expected one <value>, got ${positionals.length}`);
if (values.region !== undefined && !regionById(values.region)) {
  usageError(`unknown region \`${values.region}\`; expected one of ${KEEPER_REGIONS.map((region) => region.id).join(', ')}`);
}

// Keeper's SP metadata is a few KB; a megabyte is far more than any value this command reads.
const value = positionals[0] === '-' ? readStandardInput('login-url', 1024 * 1024) : positionals[0]!;
const result = computeLoginUrl(value, values.region ? { region: values.region } : {});

if (!result.ok) {
  if (values.json) process.stdout.write(`${JSON.stringify({ ok: false, code: result.code, message: result.message }, null, 2)}\n`);
  throw new CommandExit(1, `login-url: ${result.message} (${result.code})`);
}

if (values.json) {
  const { region, ...rest } = result;
  process.stdout.write(`${JSON.stringify({ ...rest, region: region.id, regionLabel: region.label, host: region.host }, null, 2)}\n`);
} else {
  process.stdout.write(`${result.urls.loginUrl}\n`);
  for (const note of result.notes) process.stderr.write(`note: ${note}\n`);
}
