/**
 * `npm run new -- guide <path> --idp <name> [--title "…"] [--section "…"] [--product "…"] [--version <id>]`
 * `npm run new -- page <path> [--title "…"] [--section "…"] [--version <id>]`
 * Writes a starting page that passes `npm run check`, and an `images/` folder beside it. Never
 * overwrites a file. Exit codes: 0 written, 1 refused (the file exists), 2 usage error.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import { PAGE_PATH_PATTERN, scaffoldPage, titleFromPath, type ScaffoldKind } from '../src/lib/guide/scaffold.ts';
import { closest } from '../src/lib/text-distance.ts';
import { currentVersion } from '../src/lib/versions.ts';
import { CommandExit, commandLine, orUsageError } from '../src/node/cli.ts';
import { isInside } from '../src/node/confine.ts';
import { loadSiteConfig } from '../src/node/site-config.ts';
import { readVersions } from '../src/node/read-versions.ts';

const USAGE = `Usage: npm run new -- guide <path> --idp <name> [--title "…"] [--section "…"] [--product "…"] [--version <id>]
       npm run new -- page <path> [--title "…"] [--section "…"] [--version <id>]

  <path>      where the page goes below the version folder, without .mdx: identity-providers/okta
  --idp       the identity provider a guide sets up (one of the site configuration's identityProviders)
  --title     the page title (default: from the path, e.g. Okta)
  --section   sidebar section (default: Identity providers for guides, General for pages)
  --product   the product (default: the first in the site configuration)
  --version   the version folder (default: the current version)`;

const { values, positionals, usageError } = commandLine('new', USAGE, {
  idp: { type: 'string' },
  title: { type: 'string' },
  section: { type: 'string' },
  product: { type: 'string' },
  version: { type: 'string' },
});
const [kind, path] = positionals as [string | undefined, string | undefined];
if (kind !== 'guide' && kind !== 'page')
  usageError(kind === undefined ? 'missing the kind: guide or page' : `unknown kind \`${kind}\`; expected guide or page`);
if (path === undefined) usageError('missing <path>, e.g. identity-providers/okta');
if (positionals.length > 2) usageError(`expected a kind and one <path>, got ${positionals.length - 1} paths`);
const wanted = path!.replace(/\.mdx?$/, '');
if (!PAGE_PATH_PATTERN.test(wanted)) {
  const suggestion = wanted
    .split('/')
    .map((segment) => new GithubSlugger().slug(segment))
    .filter(Boolean)
    .join('/');
  usageError(`\`${path}\` is not a page path: lowercase words joined by \`-\`, folders by \`/\`${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`);
}

const site = orUsageError(usageError, () => loadSiteConfig(process.env));
const contentDir = resolve(site.contentDir);
const versions = orUsageError(usageError, () => readVersions(contentDir));
const version = values.version ?? currentVersion(versions).id;
if (!versions.some((candidate) => candidate.id === version))
  usageError(`no version \`${version}\` in versions.json; expected one of ${versions.map((candidate) => candidate.id).join(', ')}`);

let idp: string | undefined;
let product: string | undefined;
if (kind === 'guide') {
  if (!values.idp) usageError(`a guide needs --idp, one of ${site.identityProviders.join(', ')}`);
  idp = site.identityProviders.find((name) => name.toLowerCase() === values.idp!.toLowerCase());
  if (!idp) {
    const suggestion = closest(values.idp!, site.identityProviders);
    usageError(
      `--idp \`${values.idp}\` is not in the site configuration's identityProviders${suggestion ? `; did you mean \`${suggestion}\`?` : ''} (add new ones to identityProviders in ${site.configFile ?? 'stepdocs.config.json'})`,
    );
  }
  product = values.product ?? site.products[0];
  if (!product || !site.products.includes(product))
    usageError(`--product \`${product}\` is not in the site configuration's products: ${site.products.join(', ')}`);
}

const versionDir = join(contentDir, version);
const file = join(versionDir, `${wanted}.mdx`);
if (!isInside(versionDir, file)) usageError(`\`${path}\` leads outside the version folder`);
const text = scaffoldPage({
  kind: kind as ScaffoldKind,
  title: values.title ?? (kind === 'guide' ? idp! : titleFromPath(wanted)),
  section: values.section ?? (kind === 'guide' ? 'Identity providers' : 'General'),
  lastReviewed: new Date().toISOString().slice(0, 10),
  ...(idp ? { idp } : {}),
  ...(product ? { product } : {}),
});
const show = (target: string) => relative(process.cwd(), target) || target;
mkdirSync(join(dirname(file), 'images'), { recursive: true });
try {
  // `wx`: created only if no file is there, in one step, so nothing an author wrote is ever replaced.
  writeFileSync(file, text, { flag: 'wx' });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === 'EEXIST')
    throw new CommandExit(1, `new: ${show(file)} already exists; nothing was written. Choose another path.`);
  throw error;
}
process.stdout.write(
  `Wrote ${show(file)} (and ${show(join(dirname(file), 'images'))}/ for its screenshots).\nPreview it with \`npm run dev\`; check it with \`npm run check\`.\n`,
);
