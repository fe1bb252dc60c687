/**
 * Generates a synthetic versioned content folder for benchmarks: N guides × V versions, each with
 * headings, steps, cross-links with anchors, images and a few planted defects whose count is
 * returned, so a benchmark can tell found from missed.
 */
import { mkdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface GeneratedContent {
  dir: string;
  pages: number;
  plantedDefects: number;
}

const IMAGE = resolve(import.meta.dirname, '../src/manual/images/example-two-consoles.svg');

/**
 * @param options.plain write plain Markdown (no components), the common ground with other
 *   generators, for the build comparison
 * @param options.extension the plain pages' file type: `md` (default), or `mdx` for the same
 *   Markdown compiled as MDX, the format stepdocs guides are written in
 */
export function generateContent(
  dir: string,
  pages: number,
  versions: number,
  options: { defects?: boolean; plain?: boolean; extension?: 'md' | 'mdx' } = {},
): GeneratedContent {
  const versionIds = Array.from({ length: versions }, (_, index) => (index === 0 ? 'latest' : `${versions - index}.0`));
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'versions.json'),
    JSON.stringify(
      versionIds.map((id, index) => ({ id, label: id === 'latest' ? 'Latest' : id, status: index === 0 ? 'current' : 'supported' })),
      null,
      2,
    ),
  );
  let planted = 0;
  for (const version of versionIds) {
    const folder = join(dir, version);
    mkdirSync(join(folder, 'images'), { recursive: true });
    for (let index = 0; index < pages; index += 1) {
      copyFileSync(IMAGE, join(folder, 'images', `diagram-${index}.svg`));
      const section = `Section ${index % 20}`;
      const links: string[] = [];
      for (let link = 1; link <= 8; link += 1) {
        const target = (index + link * 37) % pages;
        links.push(
          `- See [guide ${target}, step two](./guide-${target}.mdx#step-two-of-${target}) and [its notes](/${version}/guide-${target}/#notes-for-guide-${target}).`,
        );
      }
      const defects: string[] = [];
      if (options.defects !== false && index % 10 === 0) {
        defects.push(`- A planted missing page: [nowhere](./no-such-guide-${index}.mdx).`);
        defects.push(`- A planted missing anchor: [bad anchor](./guide-${(index + 1) % pages}.mdx#no-such-step).`);
        defects.push(`![A planted missing image](./images/missing-${index}.png)`);
        planted += 3;
      }
      const body = `${opening(index, pages, version, section)}

## Before you start

<Hint type="info">Complete the prerequisites of [guide ${(index + 1) % pages}](./guide-${(index + 1) % pages}.mdx) first.</Hint>

## Configure guide ${index}

<Steps>
<Step id="step-one-of-${index}" title="Open the console">

Open the console and select <Ui>SSO</Ui>. Set the value to <Copy>Value ${index}</Copy>.

<Figure src="./images/diagram-${index}.svg" alt="Diagram for guide ${index}" />

</Step>
<Step id="step-two-of-${index}" title="Upload the metadata">

Upload the metadata, then read [step one](#step-one-of-${index}).

</Step>
</Steps>

## Notes for guide ${index}

${links.join('\n')}
${defects.join('\n\n')}
`;
      if (options.plain) {
        writeFileSync(join(folder, `guide-${index}.${options.extension ?? 'md'}`), plainBody(index, pages, version, section, links));
        continue;
      }
      writeFileSync(join(folder, `guide-${index}.mdx`), body);
    }
  }
  return { dir, pages: pages * versions, plantedDefects: planted };
}

function plainBody(index: number, pages: number, version: string, section: string, links: string[]): string {
  return `${opening(index, pages, version, section)}

## Before you start

> Complete the prerequisites of [guide ${(index + 1) % pages}](../guide-${(index + 1) % pages}/) first.

## Configure guide ${index}

1. Open the console and select **SSO**. Set the value to \`Value ${index}\`.
2. Upload the metadata, then check the result.

![Diagram for guide ${index}](./images/diagram-${index}.svg)

## Notes for guide ${index}

${links.map((line) => line.replace(/\.\/guide-(\d+)\.mdx#step-two-of-\d+/g, '../guide-$1/')).join('\n')}
`;
}

/** Frontmatter and first paragraph, the same in both flavours of a generated guide. */
function opening(index: number, pages: number, version: string, section: string): string {
  return `---
title: Generated guide ${index}
description: A generated guide for benchmarks, number ${index} of ${pages} in version ${version}.
idp: Generic SAML 2.0
product: Keeper SSO Connect Cloud
lastReviewed: 2026-11-28
section: ${section}
order: ${index}
---

Configure the identity provider for guide ${index}. This paragraph has some **bold** text, a \`code span\` and an [external reference](https://example.com/docs/${index}).`;
}
