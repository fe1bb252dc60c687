/** GitBook constructs and serialisation artefacts, each from input to the exact MDX written. */
import { mdxToMdast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/lib/gitbook/blocks';
import { convertPage } from '../../../src/lib/gitbook/convert';

const FRONTMATTER = { idp: 'Okta', product: 'Keeper SSO Connect Cloud', lastReviewed: '2026-11-28', section: 'Imported', order: 10 };

/** The body of the converted page (after its frontmatter), and proof that it is valid MDX. */
function body(markdown: string, options: Partial<Parameters<typeof convertPage>[1]> = {}): string {
  const { mdx } = convertPage(`# Title\n\n${markdown}`, { file: 'page.md', frontmatter: FRONTMATTER, ...options });
  mdxToMdast(mdx);
  return mdx.slice(mdx.indexOf('\n---\n', 4) + 5).trim();
}

describe('tokenize', () => {
  it('nests blocks, and leaves tags inside code fences and code spans alone', () => {
    const source =
      '{% tabs %}\n{% tab title="A" %}\n{% hint style="info" %}\nx\n{% endhint %}\n{% endtab %}\n{% endtabs %}\n\n```\n{% hint %}\n```\n\nUse `{% hint %}` inline.';
    const fence = source.indexOf('```');
    const span = source.indexOf('`{%');
    const segments = tokenize(source, [
      [fence, fence + 17],
      [span, span + 12],
    ]);
    const tabs = segments[0]!;
    expect(tabs.kind === 'block' && tabs.name).toBe('tabs');
    const tab = tabs.kind === 'block' ? tabs.children.find((child) => child.kind === 'block') : undefined;
    expect(tab?.kind === 'block' && tab.args).toEqual({ title: 'A' });
    const hint = tab?.kind === 'block' ? tab.children.find((child) => child.kind === 'block') : undefined;
    expect(hint?.kind === 'block' && [hint.name, hint.args.style]).toEqual(['hint', 'info']);
    const rest = segments
      .slice(1)
      .map((segment) => (segment.kind === 'text' ? segment.text : ''))
      .join('');
    expect(rest).toContain('```\n{% hint %}\n```');
    expect(rest).toContain('`{% hint %}`');
  });

  it('reports an end tag without its start tag', () => {
    expect(tokenize('Text\n{% endhint %}\nmore')[1]).toEqual({ kind: 'orphan', raw: '{% endhint %}', name: 'hint', offset: 5 });
  });

  it('treats a tag without an end tag as standing alone', () => {
    const segments = tokenize('{% embed url="https://example.com" %}\n\nText');
    expect(segments[0]).toMatchObject({ kind: 'block', name: 'embed', children: [] });
  });
});

describe('convertPage', () => {
  it.each([
    [
      'a hint with a title',
      '{% hint style="warning" %}\n#### Careful\n\nMind the gap.\n{% endhint %}',
      '<Hint type="warning" title="Careful">\n  Mind the gap.\n</Hint>',
    ],
    ['a danger hint', '{% hint style="danger" %}\nStop.\n{% endhint %}', '<Hint type="danger">\n  Stop.\n</Hint>'],
    [
      'a stepper',
      '{% stepper %}\n{% step %}\n### Open the console\n\nClick **SSO**.\n{% endstep %}\n{% step %}\n### Save\n\nDone.\n{% endstep %}\n{% endstepper %}',
      '<Steps>\n  <Step id="open-the-console" title="Open the console">\n    Click **SSO**.\n  </Step>\n\n  <Step id="save" title="Save">\n    Done.\n  </Step>\n</Steps>',
    ],
    [
      'numbered paragraphs',
      '(1) Log in.\n\nMore text.\n\n(2) Click save.',
      '<Steps>\n  <Step id="log-in" title="Log in">\n    Log in.\n\n    More text.\n  </Step>\n\n  <Step id="click-save" title="Click save">\n    Click save.\n  </Step>\n</Steps>',
    ],
    [
      'an HTML figure with caption',
      '<figure><img src=".gitbook/assets/shot one.png" alt="The console"><figcaption><p>Console &#x26; menu</p></figcaption></figure>',
      '<Figure src="./images/shot-one.png" alt="The console" caption="Console & menu" />',
    ],
    ['an image without alt', '![](https://files.gitbook.io/x/Shot.PNG?alt=media)', '<Figure src="./images/shot.png" decorative alt="" />'],
    ['an angle-bracketed asset path with spaces', '![Menu](<.gitbook/assets/Main Menu.png>)', '<Figure src="./images/main-menu.png" alt="Menu" />'],
    [
      'an image with a title',
      '![Login page](.gitbook/assets/login.png "The login page")',
      '<Figure src="./images/login.png" alt="Login page" caption="The login page" />',
    ],
    [
      'tabs',
      '{% tabs %}\n{% tab title="Windows" %}\nRun it.\n{% endtab %}\n{% tab title="macOS" %}\nOpen it.\n{% endtab %}\n{% endtabs %}',
      '<Tabs>\n  <Tab label="Windows">\n    Run it.\n  </Tab>\n\n  <Tab label="macOS">\n    Open it.\n  </Tab>\n</Tabs>',
    ],
    ['a code block with a title', '{% code title="setup.sh" %}\n```bash\necho hi\n```\n{% endcode %}', '```bash title="setup.sh"\necho hi\n```'],
    ['an embed', '{% embed url="https://www.youtube.com/watch?v=x" %}\nA video\n{% endembed %}', '[A video](https://www.youtube.com/watch?v=x)'],
    [
      'an unknown block, kept readable',
      '{% swagger method="get" path="/x" %}\n{% swagger-description %}\nGet x\n{% endswagger-description %}\n{% endswagger %}',
      '```text\n{% swagger method="get" path="/x" %}\n{% swagger-description %}\nGet x\n{% endswagger-description %}\n{% endswagger %}\n```',
    ],
    ['&#x20; and trailing-backslash breaks, doubled', 'First line\\\n\\\nSecond&#x20;line\\', 'First line\\\nSecond line'],
    ['an empty-list separator comment', '- a\n\n<!---->\n\n- b', '- a\n\n* b'],
    ['braces and angle brackets in prose', 'Use {{ user.name }} and a < b.', 'Use \\{\\{ user.name }} and a \\< b.'],
    ['an empty strong', 'Text ****more', 'Text more'],
    ['U+200C in code', '```\na\u200cb\n```', '```\nab\n```'],
  ])('%s', (_name, input, expected) => {
    expect(body(input)).toBe(expected);
  });

  it('rewrites links with the given mapping and takes content-ref titles from the target', () => {
    const rewriteLink = (url: string) => (url === 'other.md' ? './other.mdx' : undefined);
    expect(
      body('See [other](other.md#part).\n\n{% content-ref url="other.md" %}\n[other.md](other.md)\n{% endcontent-ref %}', {
        rewriteLink: (url) => rewriteLink(url.split('#')[0]!)?.concat(url.includes('#') ? '#part' : ''),
        titleOf: () => 'The other page',
      }),
    ).toBe('See [other](./other.mdx#part).\n\n[The other page](./other.mdx)');
  });

  it('takes the title from the H1 and the description from GitBook frontmatter', () => {
    const { mdx } = convertPage('---\ndescription: >-\n  A folded\n  description.\n---\n\n# Setting up\n\nBody.', { file: 'p.md', frontmatter: FRONTMATTER });
    expect(mdx.split('\n---\n')[0]).toBe(
      '---\ntitle: Setting up\ndescription: A folded description.\nidp: Okta\nproduct: Keeper SSO Connect Cloud\nlastReviewed: 2026-11-28\nsection: Imported\norder: 10',
    );
  });

  it('reports what it converted, what it kept, and the images to fetch', () => {
    const { report } = convertPage('# T\n\n{% hint %}\nx\n{% endhint %}\n\n{% openapi src="x.yaml" %}\n\n![](https://cdn.example.com/a.png)', {
      file: 'p.md',
      frontmatter: FRONTMATTER,
    });
    expect(report.converted).toEqual({ figure: 1, hint: 1, 'kept-as-is': 1 });
    expect(report.findings.map((finding) => [finding.place?.line, finding.ruleId])).toEqual([
      [9, 'gitbook/remote-image'],
      [9, 'gitbook/missing-alt'],
      [7, 'gitbook/unknown-block'],
    ]);
    expect(report.images).toEqual([{ source: 'https://cdn.example.com/a.png', target: './images/a.png', remote: true }]);
  });
});

describe('convertPage: inline HTML, expandables, variables, procedures', () => {
  it('keeps HTML links and buttons as links, drops icons, shows variables', () => {
    expect(
      body(
        '<a href="https://example.com/start" class="button primary">Start</a> <i class="fa-rocket">:rocket:</i> at <code class="expression">space.vars.dashboard</code> or <code class="expression">visitor.plan</code>.',
        { vars: { dashboard: 'https://dashboard.example.com' } },
      ),
    ).toBe(
      // The serializer escapes `:` after `https` so it is not read as a bare autolink; it renders the same.
      '[Start](https://example.com/start)  at https\\://dashboard.example.com or `visitor.plan`.',
    );
  });

  it('turns <details> around Markdown into an expandable section', () => {
    expect(body('<details>\n\n<summary>More &#x26; less</summary>\n\nHidden **text**.\n\n</details>')).toBe(
      '<details>\n  <summary>\n    More & less\n  </summary>\n\n  Hidden **text**.\n</details>',
    );
  });

  it('turns a numbered procedure with figures into steps, and leaves a plain numbered list alone', () => {
    expect(body('1. Open the console.\n\n   ![Console](.gitbook/assets/console.png)\n2. Save the settings.\n')).toBe(
      '<Steps>\n  <Step id="open-the-console" title="Open the console">\n    Open the console.\n\n    <Figure src="./images/console.png" alt="Console" />\n  </Step>\n\n  <Step id="save-the-settings" title="Save the settings">\n    Save the settings.\n  </Step>\n</Steps>',
    );
    expect(body('1. one\n2. two\n')).toBe('1. one\n2. two');
  });

  it('keeps line numbers of code blocks', () => {
    expect(body('{% code title="a.js" lineNumbers="true" %}\n```js\nx()\n```\n{% endcode %}')).toBe('```js title="a.js" showLineNumbers\nx()\n```');
  });
});

describe('convertPage: HTML tables', () => {
  it('turns a card view into a list of links and a table into a Markdown table', () => {
    const cards =
      '<table data-view="cards"><thead><tr><th></th><th></th><th data-hidden data-card-target data-type="content-ref"></th></tr></thead><tbody><tr><td><strong>Go live</strong></td><td>What changes.</td><td><a href="live.md">live.md</a></td></tr></tbody></table>';
    expect(body(cards, { rewriteLink: (url) => (url === 'live.md' ? './live.mdx' : undefined) })).toBe('- [**Go live**](./live.mdx) — What changes.');
    const table =
      '<table><thead><tr><th width="200">Name</th><th>Meaning</th></tr></thead><tbody><tr><td><code>type</code></td><td>See <a href="https://example.com">the docs</a>.</td></tr></tbody></table>';
    expect(body(table)).toBe(
      '| Name   | Meaning                              |\n| ------ | ------------------------------------ |\n| `type` | See [the docs](https://example.com). |',
    );
  });
});

describe('convertPage: math, mentions, picture variants', () => {
  it('keeps block math as a math code block and inline math as readable text', () => {
    expect(body('$$\nf(x) = x^2\n$$')).toBe('```math\nf(x) = x^2\n```');
    expect(body('LaTeX: $$f(x) = e^{x}$$')).toBe('LaTeX: $$f(x) = e^\\{x}$$');
  });

  it('drops the "mention" title of page mentions', () => {
    expect(body('[Style guide](style-guide.md "mention")', { rewriteLink: (url) => (url === 'style-guide.md' ? './style-guide.mdx' : undefined) })).toBe(
      '[Style guide](./style-guide.mdx)',
    );
  });

  it('uses the light image of a <picture> and reports the dark variant', () => {
    const { mdx, report } = convertPage(
      '# T\n\n<picture><source srcset=".gitbook/assets/dark.png" media="(prefers-color-scheme: dark)"><img src=".gitbook/assets/light.png" alt="Diagram"></picture>',
      { file: 'p.md', frontmatter: FRONTMATTER },
    );
    expect(mdx).toContain('<Figure src="./images/light.png" alt="Diagram" />');
    expect(report.findings.map((finding) => finding.reason)).toEqual(['A dark-mode variant of an image was not kept; the light image is used in both themes']);
  });
});

describe('convertPage: GitBook artefacts, each from input to the exact MDX, with no word lost', () => {
  const convert = (markdown: string, options: Partial<Parameters<typeof convertPage>[1]> = {}) =>
    convertPage(`# Title\n\n${markdown}`, { file: 'page.md', frontmatter: FRONTMATTER, ...options });

  it.each([
    [
      'an autolink with doubled backslashes',
      'See <https://keepersecurity.com/api/rest/sso/ext\\\\_login/\\\\> now.',
      'See [https://keepersecurity.com/api/rest/sso/ext_login/](https://keepersecurity.com/api/rest/sso/ext_login/) now.',
    ],
    [
      'a URL with a placeholder, inside bold',
      'input **<https://keepersecurity.com/api/rest/sso/ext\\\\_login/\\\\><YourSSOIdHere>.**',
      'input **`https://keepersecurity.com/api/rest/sso/ext_login/<YourSSOIdHere>`.**',
    ],
    ['a placeholder in a sentence', 'Replace <your-domain> with yours.', 'Replace \\<your-domain> with yours.'],
    [
      'bold written into an autolink',
      'Ex: <https://keepersecurity.com/api/rest/sso/saml/**459561502469>\\*\\*',
      'Ex: [https://keepersecurity.com/api/rest/sso/saml/459561502469](https://keepersecurity.com/api/rest/sso/saml/459561502469)',
    ],
    [
      'a backslash break between sentences, in a step title too',
      '1. Select **Applications** and then **Create App Integration**.\\\n   \\\n   Choose **SAML 2.0**.\n\n   ![Apps](a.png)\n2. Save.\n',
      '<Steps>\n  <Step id="select-applications-and-then-create-app" title="Select Applications and then Create App Integration">\n    Select **Applications** and then **Create App Integration**.\\\n    Choose **SAML 2.0**.\n\n    <Figure src="./images/a.png" alt="Apps" />\n  </Step>\n\n  <Step id="save" title="Save">\n    Save.\n  </Step>\n</Steps>',
    ],
    [
      'a changelog entry',
      '{% updates format="full" %}\n{% update date="2026-04-29" tags="payments,platform" %}\n## Smart routing\n\nNow on.\n{% endupdate %}\n{% endupdates %}',
      '_2026-04-29 · payments · platform_\n\n## Smart routing\n\nNow on.',
    ],
    ['a visibility condition', '{% if visitor.claims.plan %}\nFor some.\n{% endif %}', 'For some.'],
    ['two expressions side by side', 'You are <code class="expression">a ? "x" : ""</code><code class="expression">b</code>.', 'You are `a ? "x" : ""b`.'],
    [
      'paragraphs and a list in a table cell',
      '<table><thead><tr><th>Name</th><th>Rule</th></tr></thead><tbody><tr><td>id</td><td><p>Role:</p><ul><li>8 to 30</li><li>No “-“</li></ul><p>See roles, then</p><p><code>x</code></p></td></tr></tbody></table>',
      '| Name | Rule                                         |\n| ---- | -------------------------------------------- |\n| id   | Role: • 8 to 30 • No “-“ See roles, then `x` |',
    ],
    [
      'a card whose target column shows the link',
      '<table data-view="cards"><thead><tr><th data-card-target data-type="content-ref"></th><th data-hidden data-card-cover data-type="files"></th></tr></thead><tbody><tr><td><a href="guide.md">guide.md</a></td><td><a href="x.png">x.png</a></td></tr></tbody></table>',
      '- [guide.md](guide.md)',
    ],
    [
      'a figure between two steps',
      '{% stepper %}\n{% step %}\n### One\n\nDo it.\n{% endstep %}\n\n![Result](r.png)\n\n{% step %}\n### Two\n\nDone.\n{% endstep %}\n{% endstepper %}',
      '<Steps>\n  <Step id="one" title="One">\n    Do it.\n\n    <Figure src="./images/r.png" alt="Result" />\n  </Step>\n\n  <Step id="two" title="Two">\n    Done.\n  </Step>\n</Steps>',
    ],
    [
      'an image alone in an HTML block inside a div',
      '<div align="left">\n\n<img src="../.gitbook/assets/spectrogram.png" alt="Spectrogram view">\n\n</div>',
      '<Figure src="./images/spectrogram.png" alt="Spectrogram view" />',
    ],
    [
      'a step id that differs from a heading anchor',
      '## Apply\n\n{% stepper %}\n{% step %}\n### Apply\n\nGo.\n{% endstep %}\n{% endstepper %}',
      '## Apply\n\n<Steps>\n  <Step id="apply-1" title="Apply">\n    Go.\n  </Step>\n</Steps>',
    ],
    ['a file block', '{% file src=".gitbook/assets/metadata.xml" %}\nKeeper SP metadata\n{% endfile %}', '[Keeper SP metadata](.gitbook/assets/metadata.xml)'],
    ['a file block without a caption', '{% file src=".gitbook/assets/metadata.xml" %}', '[metadata.xml](.gitbook/assets/metadata.xml)'],
    [
      'GitBook tags inside a fenced block, on any line',
      '```liquid\n{% if customer.is_vip %}\nHi\n{% endif %}\n```',
      '```liquid\n{% if customer.is_vip %}\nHi\n{% endif %}\n```',
    ],
  ])('%s', (_name, input, expected) => {
    const { mdx, lost } = convert(input);
    mdxToMdast(mdx);
    expect(mdx.slice(mdx.indexOf('\n---\n', 4) + 5).trim()).toBe(expected);
    expect(lost).toBe(0);
  });

  it('reports an orphan end tag, an unknown block and a placeholder with their lines', () => {
    const { report } = convert('Text.\n{% endhint %}\n\n{% swagger %}\nx\n{% endswagger %}\n\nUse <YourSSOIdHere>.');
    expect(report.findings.map((finding) => `${finding.place?.line} ${finding.ruleId}`).sort()).toEqual([
      '10 gitbook/placeholder',
      '4 gitbook/orphan-end-tag',
      '6 gitbook/unknown-block',
    ]);
  });

  it('reads includes, and stops a self-include at the depth limit naming the chain', () => {
    const readInclude = (path: string) => ({ text: `Included from ${path}.\n\n{% include "${path}" %}\n`, name: path });
    const { mdx, report } = convert('{% include "loop.md" %}', { readInclude });
    const body = mdx.slice(mdx.indexOf('\n---\n', 4));
    expect(body.match(/Included from loop\.md\./g)).toHaveLength(8);
    const limit = report.findings.find((finding) => finding.ruleId === 'gitbook/include-limit');
    expect(limit?.reason).toBe(
      'Include `loop.md` not read: includes nested 8 deep (loop.md → loop.md → loop.md → loop.md → loop.md → loop.md → loop.md → loop.md → loop.md)',
    );
    expect(limit?.place?.line).toBe(3);
  });

  it('takes the description from frontmatter, else from the first paragraph, never a later one', () => {
    const first = convertPage('# T\n\n{% hint %}\nRead the setup first.\n{% endhint %}\n\nA later paragraph.', { file: 'p.md', frontmatter: FRONTMATTER });
    expect(first.mdx).toContain('description: Read the setup first.');
    const given = convertPage('---\ndescription: Given in frontmatter.\n---\n\n# T\n\nFirst paragraph.', { file: 'p.md', frontmatter: FRONTMATTER });
    expect(given.mdx).toContain('description: Given in frontmatter.');
    expect(given.lost).toBe(0);
  });
});
