/**
 * A guide rule's examples as whole pages, checked the way a page is: the rules documentation shows
 * the finding of each bad example, and a test holds every bad example to exactly its rule's finding
 * and every good one to none. One place turns an example (a frontmatter block, one field, or body
 * text) into a page, so the documentation and the test check the same thing.
 */
import { parse as parseYaml } from 'yaml';
import type { Finding } from '../findings.ts';
import { checkFrontmatter } from './frontmatter.ts';
import { DEFAULT_SCHEMA_OPTIONS } from './schema.ts';
import { validateGuide, type AssetStatus } from './validate-guide.ts';

const FRONTMATTER =
  'title: JumpCloud\ndescription: Configure JumpCloud as the SAML identity provider for Keeper.\nidp: JumpCloud\nproduct: Keeper SSO Connect Cloud\nlastReviewed: 2026-11-28\nsection: Identity providers';

/** The images the examples name, as a content folder would hold them. */
function exampleAsset(src: string): AssetStatus {
  if (src === './images/Login.PNG') return { status: 'case-mismatch', actual: './images/login.png' };
  return ['./images/sso-tab.svg', './images/login.png', './images/shot.png'].includes(src) ? { status: 'ok' } : { status: 'missing' };
}

/** A whole page around an example: a frontmatter block as it is, one field in a valid guide's frontmatter, or a body under one. */
export function examplePage(example: string): string {
  if (example.startsWith('---')) return `${example}\n\nText.\n`;
  const field = /^([A-Za-z]+):/.exec(example)?.[1];
  if (field && !example.includes('\n')) {
    const lines = FRONTMATTER.split('\n').filter((line) => !line.startsWith(`${field}:`));
    return `---\n${[...lines, example].join('\n')}\n---\n\nText.\n`;
  }
  return `---\n${FRONTMATTER}\n---\n\n${example}\n`;
}

/** Every finding of an example page: its frontmatter rules and its structure rules. */
export function exampleFindings(example: string): Finding[] {
  const source = examplePage(example);
  const frontmatter = /^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '';
  let data: unknown = {};
  try {
    data = parseYaml(frontmatter) ?? {};
  } catch {
    // An example whose YAML does not parse has only its structure findings.
  }
  return [
    ...checkFrontmatter(data, source, 'example.mdx', undefined, DEFAULT_SCHEMA_OPTIONS),
    ...validateGuide(source, { file: 'example.mdx', checkAsset: exampleAsset }),
  ];
}
