/**
 * Site settings: one configuration file (`stepdocs.config.json`, validated here with zod), with
 * `STEPDOCS_*` environment variables as overrides for CI. Pure: the Node adapter
 * (src/node/site-config.ts) reads the file and the git remote and hands them in.
 */
import { z } from 'zod';

/** Identity providers guides can be written for, unless the configuration lists its own. */
export const DEFAULT_IDENTITY_PROVIDERS = [
  'JumpCloud',
  'Okta',
  'Microsoft Entra ID',
  'Google Workspace',
  'OneLogin',
  'Ping Identity',
  'ADFS',
  'Keycloak',
  'Auth0',
  'Shibboleth',
  'Generic SAML 2.0',
];

/** Products the guides connect identity providers to, unless the configuration lists its own. */
export const DEFAULT_PRODUCTS = ['Keeper SSO Connect Cloud'];

const names = (what: string) =>
  z
    .array(
      z
        .string()
        .trim()
        .min(1, { error: `expected a non-empty ${what} name` }),
    )
    .min(1, { error: `expected at least one ${what}` });

/** The configuration file, field by field; each description is what the README's table and editors show. */
export const siteConfigFileSchema = z.strictObject({
  $schema: z.string().optional().describe('Path or URL of the JSON Schema, for editors.'),
  title: z.string().trim().min(1).optional().describe('Site name in the header, page titles and llms.txt (default `stepdocs`). Env: STEPDOCS_TITLE.'),
  description: z.string().trim().min(1).optional().describe('One sentence about the site, for the home page and llms.txt.'),
  site: z.string().optional().describe('Absolute URL the site is served from, for canonical links, the sitemap and llms.txt. Env: STEPDOCS_SITE.'),
  base: z.string().optional().describe('Path the site is served under, e.g. `/docs/` (default `/`). Env: STEPDOCS_BASE.'),
  contentDir: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe('Folder of versioned content, relative to the project or absolute (default `content`). Env: STEPDOCS_CONTENT_DIR.'),
  repository: z
    .strictObject({
      url: z.url({ protocol: /^https$/, error: 'expected the https URL of the repository, e.g. `https://github.com/acme/docs`' }),
      branch: z.string().trim().min(1).default('main'),
      contentPath: z.string().default('content').describe('Path of the content folder inside the repository.'),
    })
    .optional()
    .describe('Repository the content lives in: "Edit this page" links point into it (GitHub and GitLab).'),
  editUrl: z
    .string()
    .optional()
    .describe('Prefix of "Edit this page" links up to the content folder, when `repository` cannot say it; empty hides them. Env: STEPDOCS_EDIT_URL.'),
  search: z.boolean().optional().describe('Build a search index and show the search box (default true). Env: STEPDOCS_SEARCH=on|off.'),
  markdown: z
    .boolean()
    .optional()
    .describe(
      'Publish a Markdown copy of every page, llms.txt and llms-full.txt, and the "Copy page as Markdown" button (default true). Env: STEPDOCS_MARKDOWN=on|off.',
    ),
  identityProviders: names('identity provider').optional().describe("Identity providers a guide's `idp` may name; adding one needs no code change."),
  products: names('product').optional().describe("Products a guide's `product` may name."),
  redirects: z.record(z.string(), z.string()).optional().describe('Old path (below the site base) → page path below the base, or an absolute URL.'),
  links: z.strictObject({ exclude: z.array(z.string()).default([]).describe('Regular expressions of URLs the link checker skips.') }).optional(),
  embed: z
    .strictObject({
      frameAncestors: z
        .array(
          z
            .string()
            .regex(
              /^(?:\*|https?:\/\/(?:\*\.)?[a-z0-9.-]+(?::\d+)?)$/i,
              'expected `*` or an origin such as `https://admin.example.com` (`https://*.example.com` for its subdomains)',
            ),
        )
        .min(1)
        .default(['*'])
        .describe(
          'Origins allowed to frame the widget pages under `/embed/` (CSP `frame-ancestors`); `*` (the default) lets any site embed them. Every other page can be framed only by the site itself.',
        ),
    })
    .optional(),
});

export type SiteConfigFile = z.output<typeof siteConfigFileSchema>;

export interface SiteConfig {
  /** Name in the header and in page titles. */
  title: string;
  /** One sentence about the site. */
  description: string;
  /** Absolute URL the site is served from, for canonical links and the sitemap. */
  site: string;
  /** Path prefix the site lives under, always starting and ending with `/` (e.g. `/docs/`). */
  base: string;
  /** Folder of versioned content (`<contentDir>/<version>/…`), relative to the project root or absolute. */
  contentDir: string;
  /** Prefix of "Edit this page" links, up to the content folder; the page's path in the content folder is appended. Empty hides the link. */
  editUrl: string;
  /** Whether the build writes a search index and pages offer search (off: faster preview builds, or a site that does not want search). */
  search: boolean;
  /** Whether the build publishes the Markdown copies, llms.txt and llms-full.txt. */
  markdown: boolean;
  identityProviders: string[];
  products: string[];
  /** Old path → target, as written in the configuration. */
  redirects: Record<string, string>;
  /** Patterns of URLs the link checker skips. */
  linkExclude: string[];
  /** Origins that may frame the `/embed/` pages (`*`: any). */
  embedFrameAncestors: string[];
  /** How the configuration file is named in findings (`stepdocs.config.json`). */
  configFile: string;
}

type Env = Record<string, string | undefined>;

export interface ConfigSources {
  /** The parsed configuration file, or undefined when there is none. */
  file?: unknown;
  /** How to name the file in errors, e.g. `stepdocs.config.json`. */
  fileName?: string;
  env?: Env;
  /** The repository's web URL and branch from the git remote, when it is on a known host. */
  gitRemote?: { url: string; branch: string; contentPath: string } | undefined;
}

/** The settings: the file's values, overridden by the environment, with defaults for the rest. */
export function resolveSiteConfig(sources: ConfigSources = {}): SiteConfig {
  const env = sources.env ?? {};
  const fileName = sources.fileName ?? 'stepdocs.config.json';
  const parsed = siteConfigFileSchema.safeParse(sources.file ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join('.') || '(top level)';
    throw new Error(
      `${fileName}: \`${field}\`: ${
        issue.code === 'unrecognized_keys'
          ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `\`${key}\``).join(', ')}; expected one of ${Object.keys(
              siteConfigFileSchema.shape,
            )
              .map((key) => `\`${key}\``)
              .join(', ')}`
          : issue.message
      }`,
    );
  }
  const file = parsed.data;
  const contentDir = env.STEPDOCS_CONTENT_DIR?.trim() || file.contentDir || 'content';
  return {
    title: env.STEPDOCS_TITLE?.trim() || file.title || 'stepdocs',
    description: file.description ?? 'Step-by-step guides for connecting identity providers to Keeper SSO Connect Cloud.',
    site: normaliseSite(
      env.STEPDOCS_SITE?.trim() || file.site || 'https://stepdocs.example',
      env.STEPDOCS_SITE?.trim() ? 'STEPDOCS_SITE' : `${fileName}: \`site\``,
    ),
    base: normaliseBase(env.STEPDOCS_BASE ?? file.base ?? '/'),
    contentDir,
    editUrl: env.STEPDOCS_EDIT_URL?.trim() ?? file.editUrl ?? editPrefix(file.repository ?? sources.gitRemote),
    search: onOff('STEPDOCS_SEARCH', env.STEPDOCS_SEARCH, file.search ?? true),
    markdown: onOff('STEPDOCS_MARKDOWN', env.STEPDOCS_MARKDOWN, file.markdown ?? true),
    identityProviders: file.identityProviders ?? DEFAULT_IDENTITY_PROVIDERS,
    products: file.products ?? DEFAULT_PRODUCTS,
    redirects: file.redirects ?? {},
    linkExclude: file.links?.exclude ?? [],
    embedFrameAncestors: file.embed?.frameAncestors ?? ['*'],
    configFile: fileName,
  };
}

/** "Edit this page" prefix of a repository on GitHub or GitLab; empty (no link) for any other host. */
export function editPrefix(repository: { url: string; branch: string; contentPath: string } | undefined): string {
  if (!repository) return '';
  const url = repository.url.replace(/\.git$/, '').replace(/\/+$/, '');
  const folder = repository.contentPath.replace(/^\/+|\/+$/g, '');
  const path = folder === '' ? '' : `${folder}/`;
  const host = new URL(url).hostname;
  if (host === 'github.com') return `${url}/edit/${repository.branch}/${path}`;
  if (host === 'gitlab.com') return `${url}/-/edit/${repository.branch}/${path}`;
  return '';
}

function onOff(name: string, value: string | undefined, fallback: boolean): boolean {
  const word = value?.trim().toLowerCase() ?? '';
  if (word === '') return fallback;
  if (word === 'on') return true;
  if (word === 'off') return false;
  throw new Error(`${name}: \`${value}\` is neither \`on\` nor \`off\``);
}

/** `docs`, `/docs`, `/docs/` all mean `/docs/`; empty means `/`. */
export function normaliseBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

function normaliseSite(site: string, source: string): string {
  let url: URL;
  try {
    url = new URL(site);
  } catch {
    throw new Error(`${source}: \`${site}\` is not an absolute URL; expected e.g. \`https://docs.example.com\``);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`${source}: \`${site}\` is not an http(s) URL; expected e.g. \`https://docs.example.com\``);
  }
  return url.origin;
}
