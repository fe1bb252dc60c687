/** The Markdown copy of a page and llms.txt: what AI readers and scripts get for each component. */
import { describe, expect, it } from 'vitest';
import { llmsFullTxt, llmsTxt } from '../../src/lib/markdown/llms-txt';
import { pageMarkdown } from '../../src/lib/markdown/page-markdown';

const page = (body: string) =>
  pageMarkdown({
    title: 'Okta',
    description: 'Configure Okta.',
    url: 'https://docs.example.com/latest/okta/',
    body,
    file: 'content/latest/okta.mdx',
    rulesUrl: 'https://docs.example.com/rules/metadata/',
    resolveLink: (href) => (href === './jumpcloud.mdx#set-login-url' ? 'https://docs.example.com/latest/jumpcloud/#set-login-url' : undefined),
    resolveImage: (src) => (src === './images/console.svg' ? 'https://docs.example.com/_astro/console.abc.svg' : undefined),
  });

describe('pageMarkdown', () => {
  it('starts with the title and the description', () => {
    expect(page('Text.')).toBe('# Okta\n\n> Configure Okta.\n\nText.\n');
  });

  it.each([
    [
      'steps: a numbered list, each item led by its title linked to the step anchor',
      '<Steps>\n<Step id="log-in" title="Log in">\n\nOpen the console.\n\n</Step>\n<Step id="save" title="Save">\n\nClick <Ui>Save</Ui>.\n\n</Step>\n</Steps>',
      '1. **[Log in](https://docs.example.com/latest/okta/#log-in)**\n\n   Open the console.\n\n2. **[Save](https://docs.example.com/latest/okta/#save)**\n\n   Click **Save**.',
    ],
    [
      'a hint: a blockquote naming its type and title',
      '<Hint type="warning" title="Careful">\nMind the gap.\n</Hint>',
      '> **Warning: Careful**\n>\n> Mind the gap.',
    ],
    [
      'a figure: the image with its alt text and caption',
      '<Figure src="./images/console.svg" alt="The console" caption="Where to click." />',
      '![The console](https://docs.example.com/_astro/console.abc.svg "Where to click.")\n\n_Where to click._',
    ],
    ['a value to copy: code', 'Set it to <Copy>Keeper Security Password Manager</Copy>.', 'Set it to `Keeper Security Password Manager`.'],
    [
      'tabs: labelled sections one after another',
      '<Tabs syncKey="region">\n<Tab label="US">\n\nUS host.\n\n</Tab>\n<Tab label="EU">\n\nEU host.\n\n</Tab>\n</Tabs>',
      '**US**\n\nUS host.\n\n**EU**\n\nEU host.',
    ],
    [
      'links between pages: the site URL',
      'See [the Login URL step](./jumpcloud.mdx#set-login-url) and [above](#log-in).',
      'See [the Login URL step](https://docs.example.com/latest/jumpcloud/#set-login-url) and [above](https://docs.example.com/latest/okta/#log-in).',
    ],
    [
      'a Keeper URL to copy: its generic form, as code',
      'Enter <Copy><KeeperUrl kind="loginUrl" /></Copy>.',
      'Enter `https://keepersecurity.com/api/rest/sso/ext_login/<SSO ID>`.',
    ],
    [
      'a value in prose: its fallback or generic form',
      'Type <Value name="enterpriseDomain" fallback="your Enterprise Domain" />, then <Value name="ssoId" />.',
      'Type your Enterprise Domain, then \\<SSO ID>.',
    ],
    [
      'a values code block: the generic form, without the flag',
      '```text values\nSP Entity ID: {{spEntityId}}\nOther: {{unknown}}\n```',
      '```text\nSP Entity ID: https://keepersecurity.com/api/rest/sso/saml/<SSO ID>\nOther: {{unknown}}\n```',
    ],
    ['comments and expressions: left out', 'Before {/* a note for authors */} after.', 'Before  after.'],
  ])('%s', (_name, body, expected) => {
    expect(page(body)).toBe(`# Okta\n\n> Configure Okta.\n\n${expected}\n`);
  });

  it('writes each widget as the text a reader without JavaScript gets', () => {
    const calculator = page('<LoginUrlCalculator />');
    expect(calculator).toContain('**Login URL rule:** take the number at the end of your SP Entity ID');
    expect(calculator).toContain('- European Union: `https://keepersecurity.eu/api/rest/sso/ext_login/<SSO ID>`');
    expect(page('<MetadataChecker />')).toContain('Every rule is explained on the [metadata rules page](https://docs.example.com/rules/metadata/).');
  });

  it('keeps a page that does not parse readable, as its text', () => {
    expect(page('<Steps>\nunclosed')).toBe('# Okta\n\n> Configure Okta.\n\n\\<Steps>\nunclosed\n');
  });
});

describe('llms.txt', () => {
  it('lists the pages by section with their Markdown URLs and descriptions', () => {
    expect(
      llmsTxt({ title: 'Acme [docs]', description: 'Guides\nfor Acme.', details: 'Version 2.' }, [
        { label: 'Overview', entries: [{ title: 'Start', markdownUrl: 'https://x/latest/start/index.md', description: 'Where to begin.' }] },
        { label: 'Identity providers', entries: [{ title: 'Okta [SAML]', markdownUrl: 'https://x/latest/okta/index.md', description: 'Okta.' }] },
      ]),
    ).toBe(
      '# Acme [docs]\n\n> Guides for Acme.\n\nVersion 2.\n\n## Overview\n\n- [Start](https://x/latest/start/index.md): Where to begin.\n\n## Identity providers\n\n- [Okta \\[SAML\\]](https://x/latest/okta/index.md): Okta.\n',
    );
  });

  it('puts every page into llms-full.txt, each after the URL it comes from', () => {
    expect(
      llmsFullTxt([
        { markdownUrl: 'https://x/a/index.md', markdown: '# A\n' },
        { markdownUrl: 'https://x/b/index.md', markdown: '# B\n' },
      ]),
    ).toBe('<!-- https://x/a/index.md -->\n\n# A\n\n---\n\n<!-- https://x/b/index.md -->\n\n# B\n');
  });
});
