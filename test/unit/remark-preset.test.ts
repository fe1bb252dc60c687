/**
 * The remark preset reports what `npm run check` reports, file by file, at the same places: on the
 * link fixture (links, anchors, images, alt text, redirects) and on a fixture planting every guide
 * rule. Structure rules run on remark's own tree there, so this also holds the validator to
 * remark's positions. And `npx remark` exits 1 on a planted error, printing it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { afterEach, describe, expect, it } from 'vitest';
import remarkStepdocs from '../../src/remark/stepdocs';
import { cleanEnv, ROOT } from '../support/build-site';

const saved = process.env.STEPDOCS_CONTENT_DIR;
afterEach(() => {
  if (saved === undefined) delete process.env.STEPDOCS_CONTENT_DIR;
  else process.env.STEPDOCS_CONTENT_DIR = saved;
});

/** Every finding of the preset over a content folder, as `file:line:col severity rule`. */
async function presetFindings(contentDir: string): Promise<string[]> {
  process.env.STEPDOCS_CONTENT_DIR = contentDir;
  const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkMdx).use(remarkStepdocs, { root: ROOT });
  const lines: string[] = [];
  const files = (readdirSync(contentDir, { recursive: true }) as string[]).filter((file) => file.endsWith('.mdx')).sort();
  for (const file of files) {
    const path = join(contentDir, file);
    const vfile = new VFile({ path, cwd: ROOT, value: readFileSync(path, 'utf8') });
    try {
      await processor.run(processor.parse(vfile), vfile);
    } catch (error) {
      // MDX that does not parse stops remark before any plugin, as it stops the check before any rule.
      const { line, column } = error as { line?: number; column?: number };
      lines.push(`${relative(ROOT, path)}:${line}:${column} error mdx/parse-error`);
      continue;
    }
    for (const message of vfile.messages)
      lines.push(
        `${relative(ROOT, path)}:${message.line}:${message.column} ${message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info'} ${message.ruleId}`,
      );
  }
  return lines.sort();
}

function checkFindings(contentDir: string): string[] {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/check-links.ts'), '--format', 'json'], {
    cwd: ROOT,
    env: cleanEnv({ STEPDOCS_CONTENT_DIR: contentDir }),
    encoding: 'utf8',
  });
  const findings = JSON.parse(result.stdout).findings as Array<{ file: string; place?: { line: number; column: number }; severity: string; ruleId: string }>;
  return findings
    .filter((finding) => finding.file.endsWith('.mdx'))
    .map((finding) => `${finding.file}:${finding.place?.line}:${finding.place?.column} ${finding.severity} ${finding.ruleId}`)
    .sort();
}

const GUIDE =
  '---\ntitle: Planted\ndescription: A guide planting every structure rule.\nidp: Okta\nproduct: Keeper SSO Connect Cloud\nlastReviewed: 2026-01-01\nsection: Tests\n---\n\n';

describe('the remark preset', () => {
  it('gives the findings npm run check gives on the link fixture', async () => {
    const dir = join(ROOT, 'test/fixtures/links');
    const preset = await presetFindings(dir);
    expect(preset.length).toBeGreaterThan(10);
    expect(preset).toEqual(checkFindings(dir));
  });

  it("gives the findings npm run check gives on a fixture of every guide rule, structure checked on remark's tree", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stepdocs-remark-'));
    cpSync(join(ROOT, 'test/fixtures/site'), dir, { recursive: true });
    writeFileSync(
      join(dir, 'latest/planted.mdx'),
      `${GUIDE}<Step id="alone" title="Alone">\nx\n</Step>\n\n<Steps>\nloose text\n</Steps>\n\n<Steps>\n<Step id="a" title="A">\nx\n</Step>\n<Step id="a">\ny\n</Step>\n<Step id="Bad Id" title="B">\n</Step>\n<Step title="C">\nz\n</Step>\n</Steps>\n\n<Hint type="tip">x</Hint>\n\n<Tab label="x">y</Tab>\n\n<Tabs>\n<Tab>no label</Tab>\ntext\n</Tabs>\n\n<Figure src="./images/nope.png" />\n\n<Copy></Copy>\n\n<Widget />\n\n[js](javascript:alert(1))\n`,
    );
    writeFileSync(
      join(dir, 'latest/frontmatter.mdx'),
      '---\ntitle: F\nkind: pgae\ndescription: A page with a kind that does not exist.\nsection: Tests\n---\n\nText.\n',
    );
    const preset = await presetFindings(dir);
    expect(preset.map((line) => line.split(' ').at(-1)).filter((id) => id !== 'images/missing-file')).toEqual(
      expect.arrayContaining([
        'steps/step-outside-steps',
        'steps/unexpected-child',
        'steps/duplicate-id',
        'steps/missing-title',
        'steps/invalid-id',
        'steps/missing-id',
        'hint/invalid-type',
        'tabs/tab-outside-tabs',
        'tabs/missing-label',
        'tabs/unexpected-child',
        'copy/empty',
        'mdx/unknown-component',
        'links/unsupported-scheme',
        'frontmatter/invalid-field',
        'images/missing-alt',
      ]),
    );
    expect(preset).toEqual(checkFindings(dir));
  });

  it('makes `npx remark` exit 1 on a planted error, printing the rule and the place', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stepdocs-remark-cli-'));
    cpSync(join(ROOT, 'test/fixtures/site'), dir, { recursive: true });
    writeFileSync(join(dir, 'latest/planted.mdx'), `${GUIDE}<Steps>\n<Step id="a" title="A">\nx\n</Step>\n<Step id="a" title="B">\ny\n</Step>\n</Steps>\n`);
    const result = spawnSync(
      join(ROOT, 'node_modules/.bin/remark'),
      [join(dir, 'latest'), '--rc-path', join(ROOT, '.remarkrc.mjs'), '--ext', 'mdx', '--quiet', '--frail', '--no-color'],
      { cwd: ROOT, env: cleanEnv({ STEPDOCS_CONTENT_DIR: dir }), encoding: 'utf8' },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/14:7\S*\s+error\s+Step id "a" is used twice \(first at line 11\)\s+steps\/duplicate-id\s+stepdocs/);
  });
});
