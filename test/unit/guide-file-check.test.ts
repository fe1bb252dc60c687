/** The build's per-guide step before MDX compiles it (run in a worker thread by the build): findings, figure imports, an open fence. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGuideFile } from '../../src/node/guide-file-check';

function guide(body: string) {
  const content = mkdtempSync(join(tmpdir(), 'stepdocs-guide-check-'));
  mkdirSync(join(content, 'latest/images'), { recursive: true });
  writeFileSync(join(content, 'latest/images/console.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const file = join(content, 'latest/okta.mdx');
  const code = `---\ntitle: Okta\ndescription: Configure Okta.\n---\n\n${body}\n`;
  return checkGuideFile(code, { file, shown: 'content/latest/okta.mdx', contentRoot: content + sep, rulesUrl: '/rules/' });
}

describe('checkGuideFile', () => {
  it('imports each local figure image at the end, lines unmoved', () => {
    const check = guide('<Figure src="./images/console.svg" alt="The console" />');
    expect(check.findings).toEqual([]);
    expect(check.code).toContain('<Figure src={__stepdocsFigure0} alt="The console" />');
    expect(check.code).toMatch(/\nimport __stepdocsFigure0 from "\.\/images\/console\.svg";\n$/);
  });

  it('leaves a page without figures as written', () => {
    expect(guide('Text only.')).toEqual({ findings: [] });
  });

  it('reports rule findings with file:line:col and does not rewrite a failing page', () => {
    const check = guide('<Figure src="./images/missing.svg" alt="Gone" />');
    expect(check.code).toBeUndefined();
    expect(check.findings.map((finding) => [finding.ruleId, finding.file, finding.place?.line])).toEqual([
      ['images/missing-file', 'content/latest/okta.mdx', 6],
    ]);
  });

  it('finds a code block left open at the end, which would swallow the imports', () => {
    const check = guide('<Figure src="./images/console.svg" alt="The console" />\n\n```text\nnever closed');
    expect(check.code).toBeUndefined();
    expect(check.unclosed?.place?.line).toBe(8);
  });
});
