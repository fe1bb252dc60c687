/**
 * Every command over crafted inputs, as a hostile tester would run them. Each case runs in a sandbox
 * of its own (`allowed/` is where the command may read and write, `outside/` holds a secret it must
 * never touch) and asserts what every command promises: its exit code, no stack trace, nothing
 * written outside its root, nothing changed without --force where a case says so, complete output
 * through a slow pipe, and a bound of time and memory (15 s, a 1 GB heap). Grow the table as new
 * classes of input are found.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, ROOT } from '../support/build-site';

type Command = 'check' | 'check:metadata' | 'import:gitbook' | 'version:cut' | 'login-url';

const SCRIPTS: Record<Command, string> = {
  check: 'bin/check-links.ts',
  'check:metadata': 'bin/check-metadata.ts',
  'import:gitbook': 'bin/import-gitbook.ts',
  'version:cut': 'bin/version-cut.ts',
  'login-url': 'bin/login-url.ts',
};

interface Sandbox {
  /** Where the command may read and write: the content folder, or the input's folder. */
  allowed: string;
  outside: string;
  write(path: string, text: string | Buffer): string;
}

interface Run {
  args: string[];
  env?: Record<string, string>;
  stdin?: string | Buffer;
  /** How stdout is read: through a reader that starts late (the default), or one that stops after 100 bytes. */
  reader?: 'slow' | 'head';
}

interface HostileCase {
  name: string;
  command: Command;
  setup(sandbox: Sandbox): Run;
  exit: number;
  /** Checks of the complete stdout, stderr and the sandbox after the run. */
  expect?(result: { stdout: string; stderr: string }, sandbox: Sandbox): void;
  /** True when the allowed root must be left exactly as it was (refusals, checks). */
  unchanged?: boolean;
}

const VERSIONS = '[{ "id": "latest", "label": "Latest", "status": "current" }]';
const PAGE = (body: string) => `---\ntitle: Hostile\ndescription: A crafted page.\nsection: Tests\nkind: page\n---\n\n${body}\n`;
const ENTITY = (id: string, location: string) =>
  `<EntityDescriptor entityID="${id}"><IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${location}"/></IDPSSODescriptor></EntityDescriptor>`;
const AGGREGATE = (inner: string) => `<?xml version="1.0"?>\n<EntitiesDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata">${inner}</EntitiesDescriptor>\n`;

/** A content folder with `pages` pages each linking to a missing page: about 300 bytes of JSON report each. */
function brokenContent(sandbox: Sandbox, pages: number): Record<string, string> {
  sandbox.write('allowed/versions.json', VERSIONS);
  for (let index = 0; index < pages; index += 1)
    sandbox.write(`allowed/latest/page-${index}.mdx`, PAGE(`See [the missing page ${index}](./missing-${index}.mdx).`));
  return { STEPDOCS_CONTENT_DIR: sandbox.allowed };
}

const CASES: HostileCase[] = [
  {
    name: 'a JSON report of 600 findings (over the 64 KB a pipe holds) arrives whole through a slow reader',
    command: 'check',
    setup: (sandbox) => ({ args: ['--format', 'json'], env: brokenContent(sandbox, 600) }),
    exit: 1,
    unchanged: true,
    expect: ({ stdout }) => {
      expect(stdout.length).toBeGreaterThan(128 * 1024);
      expect(JSON.parse(stdout).findings).toHaveLength(600);
    },
  },
  {
    name: 'a SARIF report arrives whole through a slow reader',
    command: 'check',
    setup: (sandbox) => ({ args: ['--format', 'sarif'], env: brokenContent(sandbox, 600) }),
    exit: 1,
    unchanged: true,
    expect: ({ stdout }) => expect(JSON.parse(stdout).runs[0].results).toHaveLength(600),
  },
  {
    name: 'a reader that stops early (`| head -c 100`) ends the check quietly with its verdict',
    command: 'check',
    setup: (sandbox) => ({ args: ['--format', 'json'], env: brokenContent(sandbox, 600), reader: 'head' }),
    exit: 1,
    unchanged: true,
    expect: ({ stdout, stderr }) => {
      expect(stdout).toHaveLength(100);
      expect(stderr).toBe('');
    },
  },
  {
    name: 'a malformed percent-escape (`./%zz.mdx`) is a finding, not a URIError',
    command: 'check',
    setup: (sandbox) => {
      sandbox.write('allowed/versions.json', VERSIONS);
      sandbox.write('allowed/latest/page.mdx', PAGE('A [bad escape](./%zz.mdx) and an ![image](./images/%zz.png).'));
      return { args: ['--format', 'json'], env: { STEPDOCS_CONTENT_DIR: sandbox.allowed } };
    },
    exit: 1,
    unchanged: true,
    expect: ({ stdout }) =>
      expect(
        JSON.parse(stdout)
          .findings.map((finding: { ruleId: string }) => finding.ruleId)
          .sort(),
      ).toEqual(['images/missing-file', 'links/missing-page']),
  },
  {
    name: 'code-running schemes are errors however they are written: entity-obfuscated, in JSX, in expressions, iframes and forms',
    command: 'check',
    setup: (sandbox) => {
      sandbox.write('allowed/versions.json', VERSIONS);
      sandbox.write(
        'allowed/latest/page.mdx',
        PAGE(
          '[a](java&#9;script:alert(1)) [b](JAVASCRIPT:x) <a href="vbscript:x">c</a> <a href={"javascript:y"}>d</a> <a href={url}>e</a>\n\n<iframe src="data:text/html,x" title="f" />\n\n<form action="javascript:z"></form>',
        ),
      );
      return { args: ['--format', 'json'], env: { STEPDOCS_CONTENT_DIR: sandbox.allowed } };
    },
    exit: 1,
    unchanged: true,
    expect: ({ stdout }) => {
      const ids = JSON.parse(stdout).findings.map((finding: { ruleId: string }) => finding.ruleId);
      expect(ids.filter((id: string) => id === 'links/unsupported-scheme')).toHaveLength(6);
      expect(ids).toContain('links/dynamic-url');
    },
  },
  {
    name: "a killed cut's `.cut-*` copy and atomic-write leftovers are not content",
    command: 'check',
    setup: (sandbox) => {
      sandbox.write('allowed/versions.json', VERSIONS);
      sandbox.write('allowed/latest/page.mdx', PAGE('Fine.'));
      sandbox.write('allowed/.cut-1.0-4242/page.mdx', PAGE('[gone](./nowhere.mdx)'));
      sandbox.write('allowed/latest/.page.mdx.4242.1.tmp', PAGE('[gone](./nowhere.mdx)'));
      return { args: [], env: { STEPDOCS_CONTENT_DIR: sandbox.allowed } };
    },
    exit: 0,
    unchanged: true,
    expect: ({ stdout }) => expect(stdout).toMatch(/^1 file, 0 errors, 0 warnings/),
  },
  {
    name: 'a version id that is a site route is refused with the way out',
    command: 'check',
    setup: (sandbox) => {
      sandbox.write(
        'allowed/versions.json',
        '[{ "id": "latest", "label": "Latest", "status": "current" }, { "id": "sitemap.xml", "label": "Map", "status": "supported" }]',
      );
      sandbox.write('allowed/latest/page.mdx', PAGE('Fine.'));
      return { args: [], env: { STEPDOCS_CONTENT_DIR: sandbox.allowed } };
    },
    exit: 2,
    unchanged: true,
    expect: ({ stderr }) => expect(stderr).toContain('version id `sitemap.xml` is a path the site already uses'),
  },
  {
    name: 'metadata: a 40 MB certificate is refused in seconds, unparsed',
    command: 'check:metadata',
    setup: (sandbox) => ({
      args: [
        sandbox.write(
          'allowed/big.xml',
          `<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com/x"><X509Certificate>${'QUFB'.repeat(10 * 1024 * 1024)}</X509Certificate></EntityDescriptor>`,
        ),
      ],
    }),
    exit: 1,
    unchanged: true,
    expect: ({ stdout }) => expect(stdout).toContain('input/too-large'),
  },
  {
    name: 'metadata: a file over the 100 MB limit is refused from its size, never read',
    command: 'check:metadata',
    setup: (sandbox) => {
      const file = sandbox.write('allowed/huge.xml', '');
      truncateSync(file, 3 * 1024 * 1024 * 1024);
      return { args: [file] };
    },
    exit: 1,
    unchanged: true,
    expect: ({ stdout }) => expect(stdout).toContain('The file is 3072 MB; the limit is 100 MB'),
  },
  {
    name: 'metadata: a DOCTYPE behind a long prolog of comments and processing instructions is still found',
    command: 'check:metadata',
    setup: (sandbox) => ({
      args: [
        sandbox.write(
          'allowed/doctype.xml',
          `<?xml version="1.0"?>\n${'<!-- padding -->\n'.repeat(80_000)}<?pi x?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n${ENTITY('https://idp.example.com/x', 'https://idp.example.com/sso')}`,
        ),
      ],
    }),
    exit: 1,
    unchanged: true,
    expect: ({ stdout }) => expect(stdout).toContain('xml/doctype'),
  },
  {
    name: 'metadata: escape sequences and newlines in an entityID are shown escaped, so no fake line is drawn',
    command: 'check:metadata',
    setup: (sandbox) => ({
      args: [sandbox.write('allowed/escapes.xml', AGGREGATE(ENTITY('https://x.example/\u001b[2J&#10;0 errors, 0 warnings', 'http://idp.example.com/sso')))],
    }),
    exit: 1,
    unchanged: true,
    expect: ({ stdout }) => {
      expect(stdout).not.toContain('\u001b');
      expect(stdout.split('\n').filter((line) => line.startsWith('0 errors'))).toEqual([]);
      expect(stdout).toContain('\\u{1b}[2J\\u{a}0 errors');
    },
  },
  {
    name: 'metadata: an obfuscated `javascript:` sign-in URL and a plain-http one are errors, never "Ready to upload"',
    command: 'check:metadata',
    setup: (sandbox) => ({
      args: [
        sandbox.write('allowed/js.xml', AGGREGATE(ENTITY('https://idp.example.com/x', 'java&#x09;script:alert(1)'))),
        sandbox.write('allowed/http.xml', AGGREGATE(ENTITY('https://idp.example.com/y', 'http://idp.example.com/sso'))),
        '--format',
        'json',
      ],
    }),
    exit: 1,
    unchanged: true,
    expect: ({ stdout }) => {
      const [js, http] = JSON.parse(stdout).files;
      expect(js.findings.find((finding: { ruleId: string }) => finding.ruleId === 'sso/dangerous-scheme')?.severity).toBe('error');
      expect(http.findings.find((finding: { ruleId: string }) => finding.ruleId === 'sso/insecure-location')?.severity).toBe('error');
    },
  },
  {
    name: 'metadata: an empty aggregate, and one empty at every depth, are errors even with --expect idp',
    command: 'check:metadata',
    setup: (sandbox) => ({
      args: [
        sandbox.write('allowed/empty.xml', AGGREGATE('')),
        sandbox.write('allowed/nested.xml', AGGREGATE('<EntitiesDescriptor><EntitiesDescriptor/></EntitiesDescriptor>')),
        '--expect',
        'idp',
      ],
    }),
    exit: 1,
    unchanged: true,
    expect: ({ stdout }) => expect(stdout.match(/roles\/no-entities/g)).toHaveLength(2),
  },
  {
    name: 'metadata: the JSON report of a 3,000-entity aggregate arrives whole through a slow reader',
    command: 'check:metadata',
    setup: (sandbox) => ({
      args: [
        sandbox.write(
          'allowed/many.xml',
          AGGREGATE(Array.from({ length: 3000 }, (_, index) => ENTITY(`https://idp${index}.example.com/saml`, `https://idp${index}.example.com/sso`)).join('')),
        ),
        '--format',
        'json',
      ],
    }),
    exit: 1,
    unchanged: true,
    expect: ({ stdout }) => expect(JSON.parse(stdout).files[0].entityCount).toBe(3000),
  },
  {
    name: 'import: includes and images that leave the space (`../`, absolute, symlinks) are not read',
    command: 'import:gitbook',
    setup: (sandbox) => {
      const secret = join(sandbox.outside, 'secret.txt');
      sandbox.write(
        'allowed/space/README.md',
        `# Space\n\n{% include "../../outside/secret.txt" %}\n\n{% include "${secret}" %}\n\n{% include "link.md" %}\n\n![Shot](linked.png)\n`,
      );
      symlinkSync(secret, join(sandbox.allowed, 'space/link.md'));
      symlinkSync(secret, join(sandbox.allowed, 'space/linked.png'));
      return { args: [join(sandbox.allowed, 'space'), '--version', 'latest', '--allow-loss'], env: { STEPDOCS_CONTENT_DIR: join(sandbox.allowed, 'content') } };
    },
    exit: 0,
    expect: (_result, sandbox) => {
      const written = listTree(join(sandbox.allowed, 'content'));
      expect(written).toEqual(['latest/index.mdx']);
      expect(readFileSync(join(sandbox.allowed, 'content/latest/index.mdx'), 'utf8')).not.toContain('TOP SECRET');
    },
  },
  {
    name: 'import: `README.md` and `index.md` of one folder become two pages, none lost',
    command: 'import:gitbook',
    setup: (sandbox) => {
      sandbox.write('allowed/space/README.md', '# Welcome\n\nThe front page.\n');
      sandbox.write('allowed/space/index.md', '# Index\n\nAnother page.\n');
      return { args: [join(sandbox.allowed, 'space'), '--version', 'latest'], env: { STEPDOCS_CONTENT_DIR: join(sandbox.allowed, 'content') } };
    },
    exit: 0,
    expect: (_result, sandbox) => {
      expect(listTree(join(sandbox.allowed, 'content'))).toEqual(['latest/index-2.mdx', 'latest/index.mdx']);
      expect(readFileSync(join(sandbox.allowed, 'content/latest/index.mdx'), 'utf8')).toContain('The front page.');
      expect(readFileSync(join(sandbox.allowed, 'content/latest/index-2.mdx'), 'utf8')).toContain('Another page.');
    },
  },
  {
    name: 'import: two images with one name (`a/diagram.svg`, `b/diagram.svg`) on two pages of one folder stay two images',
    command: 'import:gitbook',
    setup: (sandbox) => {
      sandbox.write('allowed/space/a/diagram.svg', '<svg xmlns="http://www.w3.org/2000/svg"><title>A</title></svg>');
      sandbox.write('allowed/space/b/diagram.svg', '<svg xmlns="http://www.w3.org/2000/svg"><title>B</title></svg>');
      sandbox.write('allowed/space/one.md', '# One\n\n![Diagram A](a/diagram.svg)\n');
      sandbox.write('allowed/space/two.md', '# Two\n\n![Diagram B](b/diagram.svg)\n');
      return { args: [join(sandbox.allowed, 'space'), '--version', 'latest'], env: { STEPDOCS_CONTENT_DIR: join(sandbox.allowed, 'content') } };
    },
    exit: 0,
    expect: (_result, sandbox) => {
      const images = listTree(join(sandbox.allowed, 'content/latest/images'));
      expect(images).toHaveLength(2);
      const contents = images.map((name) => readFileSync(join(sandbox.allowed, 'content/latest/images', name), 'utf8'));
      expect(contents.sort()).toEqual([expect.stringContaining('<title>A</title>'), expect.stringContaining('<title>B</title>')]);
      const two = readFileSync(join(sandbox.allowed, 'content/latest/two.mdx'), 'utf8');
      expect(images.some((name) => two.includes(`./images/${name}`) && name !== 'diagram.svg')).toBe(true);
    },
  },
  {
    name: 'import: `--into ../..` is refused before anything is written',
    command: 'import:gitbook',
    setup: (sandbox) => {
      sandbox.write('allowed/space/README.md', '# Page\n\nText.\n');
      return {
        args: [join(sandbox.allowed, 'space'), '--version', 'latest', '--into', '../../../outside'],
        env: { STEPDOCS_CONTENT_DIR: join(sandbox.allowed, 'content') },
      };
    },
    exit: 2,
    unchanged: true,
    expect: ({ stderr }) => expect(stderr).toMatch(/is outside the version folder .* \(check --into\); nothing was written/),
  },
  {
    name: 'import: a manifest the user edited is not replaced without --force',
    command: 'import:gitbook',
    setup: (sandbox) => {
      sandbox.write('allowed/space/README.md', '# Page\n\n![Remote](https://example.com/shot.png)\n');
      sandbox.write('allowed/content/latest/index.mdx', 'placeholder');
      sandbox.write('allowed/content/latest/gitbook-images-to-fetch.json', '[ "edited by hand" ]\n');
      return { args: [join(sandbox.allowed, 'space'), '--version', 'latest'], env: { STEPDOCS_CONTENT_DIR: join(sandbox.allowed, 'content') } };
    },
    exit: 1,
    unchanged: true,
    expect: ({ stderr }) => expect(stderr).toMatch(/2 files would be overwritten .*nothing was written\. Use --force to overwrite\./),
  },
  {
    name: 'version:cut: a version id that is a site route is refused',
    command: 'version:cut',
    setup: (sandbox) => {
      sandbox.write('allowed/versions.json', VERSIONS);
      sandbox.write('allowed/latest/page.mdx', PAGE('Fine.'));
      return { args: ['pagefind'], env: { STEPDOCS_CONTENT_DIR: sandbox.allowed } };
    },
    exit: 1,
    unchanged: true,
    expect: ({ stderr }) => expect(stderr).toContain('`pagefind` is a path the site already uses'),
  },
  {
    name: 'version:cut: refused while another live process holds the content lock',
    command: 'version:cut',
    setup: (sandbox) => {
      sandbox.write('allowed/versions.json', VERSIONS);
      sandbox.write('allowed/latest/page.mdx', PAGE('Fine.'));
      sandbox.write('allowed/.stepdocs.lock', JSON.stringify({ pid: process.pid, command: 'version:cut 0.9' }));
      return { args: ['1.0'], env: { STEPDOCS_CONTENT_DIR: sandbox.allowed } };
    },
    exit: 1,
    unchanged: true,
    expect: ({ stderr }) => expect(stderr).toContain(`another command is changing this content folder (version:cut 0.9, process ${process.pid})`),
  },
  {
    name: 'login-url: two megabytes on standard input are refused, not read whole',
    command: 'login-url',
    setup: () => ({ args: ['-'], stdin: Buffer.alloc(2 * 1024 * 1024, 'a') }),
    exit: 1,
    expect: ({ stderr }) => expect(stderr).toBe('login-url: standard input is over 1024 KB; expected one value or one metadata file\n'),
  },
  {
    name: 'login-url: a `javascript:` value is refused',
    command: 'login-url',
    setup: () => ({ args: ['java\tscript:alert(1)'] }),
    exit: 1,
  },
];

describe('every command under hostile input', () => {
  for (const hostile of CASES) {
    it(`${hostile.command}: ${hostile.name}`, () => {
      const sandbox = makeSandbox();
      const run = hostile.setup(sandbox);
      const outsideBefore = snapshot(sandbox.outside);
      const allowedBefore = snapshot(sandbox.allowed);
      const started = performance.now();
      const result = runThroughPipe(hostile.command, run);
      const seconds = (performance.now() - started) / 1000;

      expect(result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(result.stderr).not.toMatch(/heap out of memory|node:internal/);
      expect({ exit: result.status, stderr: result.stderr.slice(0, 600) }).toMatchObject({ exit: hostile.exit });
      expect(seconds).toBeLessThan(15);
      expect(snapshot(sandbox.outside)).toEqual(outsideBefore);
      if (hostile.unchanged) expect(snapshot(sandbox.allowed)).toEqual(allowedBefore);
      hostile.expect?.(result, sandbox);
    });
  }
});

function makeSandbox(): Sandbox {
  const root = mkdtempSync(join(tmpdir(), 'stepdocs-hostile-'));
  const sandbox: Sandbox = {
    allowed: join(root, 'allowed'),
    outside: join(root, 'outside'),
    write(path, text) {
      const file = join(root, path);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, text);
      return file;
    },
  };
  mkdirSync(sandbox.allowed, { recursive: true });
  sandbox.write('outside/secret.txt', 'TOP SECRET\n');
  return sandbox;
}

/**
 * Runs a command the way CI pipes it: stdout into a reader that starts 300 ms late (so a command that
 * exits with output still queued loses it), or into `head -c 100`; exit code of the command itself.
 */
function runThroughPipe(command: Command, run: Run): { status: number | null; stdout: string; stderr: string } {
  const reader = run.reader === 'head' ? 'head -c 100' : '{ sleep 0.3; cat; }';
  const script = `"$NODE" --max-old-space-size=1024 "$SCRIPT" "$@" | ${reader}; exit \${PIPESTATUS[0]}`;
  const result = spawnSync('bash', ['-c', script, 'hostile', ...run.args], {
    cwd: ROOT,
    env: cleanEnv({ ...run.env, NODE: process.execPath, SCRIPT: join(ROOT, SCRIPTS[command]) }),
    input: run.stdin ?? '',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file below a folder with its size and modification time: what "nothing changed" compares. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const path of listTree(folder)) {
    const stat = statSync(join(folder, path));
    files[path] = `${stat.size}:${stat.mtimeMs}`;
  }
  return files;
}

function listTree(folder: string): string[] {
  try {
    return (
      readdirSync(folder, { recursive: true, withFileTypes: true }) as Array<{ isFile(): boolean; isSymbolicLink(): boolean; name: string; parentPath: string }>
    )
      .filter((entry) => entry.isFile() || entry.isSymbolicLink())
      .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
      .sort();
  } catch {
    return [];
  }
}
