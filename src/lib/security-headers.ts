/**
 * The HTTP headers the built site is served with, written as a `_headers` file (the form Netlify,
 * Cloudflare Pages and other static hosts read), and read back by the tests' server. One resource
 * policy for every file, and one framing policy per kind of page: site pages may be framed by the
 * site only (no clickjacking of a guide), the widget pages under `/embed/` by the configured origins.
 * Hosts join repeated headers of one path with commas, which a browser reads as two policies that
 * must both pass: the resource policy never restricts framing, so the two never contradict.
 */

export interface HeaderRule {
  /** `/*`, `/embed/*`, `/` … as static hosts match them: `*` matches any rest of the path. */
  path: string;
  headers: Array<[string, string]>;
}

export interface SecurityHeadersInput {
  /** Base path of the site (`/`, `/docs/`). */
  base: string;
  /** `sha256-…` sources of the inline scripts the pages carry (the theme is applied before first paint). */
  scriptHashes: readonly string[];
  /** Origins that may frame `/embed/` pages; `*` for any. */
  embedFrameAncestors: readonly string[];
  /** Top-level folders and files of the site other than `embed/` (`latest/`, `rules/`, `404.html` …). */
  framedPaths: readonly string[];
  /** The immutable folder of this build's widget modules (`widgets/<version>/`), when published. */
  widgetsVersion?: string | undefined;
}

/**
 * What the pages need and nothing more: scripts from the site (and the hashed theme script), Pagefind's
 * WebAssembly (`'wasm-unsafe-eval'`), styles from files, images from the site and `data:` (inline SVG
 * icons), workers from the site or a `blob:` (the metadata checker starts its worker through one).
 */
export function resourcePolicy(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${[...scriptHashes].map((hash) => `'${hash}'`).join(' ')} 'wasm-unsafe-eval'`.replace(/\s+/g, ' '),
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

export function framingPolicy(ancestors: readonly string[]): string {
  return `frame-ancestors ${ancestors.includes('*') ? '*' : ancestors.join(' ')}`;
}

export function securityHeaderRules(input: SecurityHeadersInput): HeaderRule[] {
  const base = input.base.endsWith('/') ? input.base : `${input.base}/`;
  const framedBySelf: Array<[string, string]> = [
    ['Content-Security-Policy', framingPolicy(["'self'"])],
    ['X-Frame-Options', 'SAMEORIGIN'],
  ];
  return [
    {
      path: '/*',
      headers: [
        ['Content-Security-Policy', resourcePolicy(input.scriptHashes)],
        ['X-Content-Type-Options', 'nosniff'],
        ['Referrer-Policy', 'strict-origin-when-cross-origin'],
      ],
    },
    { path: base, headers: framedBySelf },
    ...[...input.framedPaths].sort().map((path) => ({ path: `${base}${path}${path.endsWith('/') ? '*' : ''}`, headers: framedBySelf })),
    { path: `${base}embed/*`, headers: [['Content-Security-Policy', framingPolicy(input.embedFrameAncestors)]] },
    // Vendors load the widget modules from their own pages: a module script from another origin needs CORS.
    { path: `${base}widgets/*`, headers: [['Access-Control-Allow-Origin', '*']] },
    ...(input.widgetsVersion
      ? [{ path: `${base}widgets/${input.widgetsVersion}/*`, headers: [['Cache-Control', 'public, max-age=31536000, immutable']] as Array<[string, string]> }]
      : []),
  ];
}

export function formatHeadersFile(rules: readonly HeaderRule[]): string {
  const head = '# Written by the stepdocs build: the security headers of every page (see the README, "Deploying").\n';
  return head + rules.map((rule) => `${rule.path}\n${rule.headers.map(([name, value]) => `  ${name}: ${value}`).join('\n')}\n`).join('');
}

/** Reads a `_headers` file: a path line, then indented `Name: value` lines. Comments and blank lines are skipped. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] });
      continue;
    }
    const match = /^\s+([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    if (!match || rules.length === 0) throw new Error(`_headers:${index + 1}: expected \`  Name: value\` under a path`);
    rules.at(-1)!.headers.push([match[1]!, match[2]!]);
  }
  return rules;
}

/** The headers a path is served with: every matching rule's, in order, repeated names joined with `, ` as hosts do. */
export function headersFor(path: string, rules: readonly HeaderRule[]): Map<string, string> {
  const headers = new Map<string, string>();
  for (const rule of rules) {
    const matches = rule.path.endsWith('*') ? path.startsWith(rule.path.slice(0, -1)) : path === rule.path;
    if (!matches) continue;
    for (const [name, value] of rule.headers) headers.set(name, headers.has(name) ? `${headers.get(name)}, ${value}` : value);
  }
  return headers;
}
