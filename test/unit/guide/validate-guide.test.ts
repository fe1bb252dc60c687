import { describe, expect, it } from 'vitest';
import { formatFinding } from '../../../src/lib/findings';
import { validateGuide, type AssetStatus } from '../../../src/lib/guide/validate-guide';

const FILE = 'content/latest/guide.mdx';
const assets: Record<string, AssetStatus> = {
  './images/ok.svg': { status: 'ok' },
  './images/Login.PNG': { status: 'case-mismatch', actual: './images/login.png' },
};
const check = (source: string) => validateGuide(source, { file: FILE, checkAsset: (src) => assets[src] ?? { status: 'missing' } }).map(formatFinding);

describe('validateGuide', () => {
  it('accepts a well-formed guide', () => {
    const source = [
      '## Configure',
      '',
      '<Steps>',
      '<Step id="log-in" title="Log in">',
      '',
      'Log in. Set <Ui>Display Label</Ui> to <Copy>Keeper</Copy>.',
      '',
      '<Figure src="./images/ok.svg" alt="The console" />',
      '<Hint type="warning">Careful</Hint>',
      '</Step>',
      '<Step id="activate" title="Activate">',
      'Click activate.',
      '</Step>',
      '</Steps>',
      '',
      '<Figure src="./images/ok.svg" decorative alt="" />',
      '',
      '<Tabs syncKey="region">',
      '<Tab label="US">',
      'Use keepersecurity.com.',
      '</Tab>',
      '<Tab label="EU">',
      'Use keepersecurity.eu.',
      '</Tab>',
      '</Tabs>',
    ].join('\n');
    expect(check(source)).toEqual([]);
  });

  // One row per bad input the build must reject, with the exact text an author sees.
  const cases: Array<[string, string, string[]]> = [
    [
      'duplicate step id',
      '<Steps>\n<Step id="upload-metadata" title="A">\nx\n</Step>\n<Step id="upload-metadata" title="B">\ny\n</Step>\n</Steps>',
      [
        'content/latest/guide.mdx:5:7 error Step id "upload-metadata" is used twice (first at line 2) (steps/duplicate-id)\n  hint: Give each step its own id; anchors and done ticks must be unique on a page.',
      ],
    ],
    [
      'step id equal to a heading anchor',
      '## Log in\n\n<Steps>\n<Step id="log-in" title="A">\nx\n</Step>\n</Steps>',
      [
        'content/latest/guide.mdx:4:7 error Step id "log-in" is also the anchor of a heading on this page (steps/duplicate-id)\n  hint: Rename the step id or the heading so `#log-in` leads to one place.',
      ],
    ],
    [
      'missing step id',
      '<Steps>\n<Step title="Upload metadata">\nx\n</Step>\n</Steps>',
      [
        'content/latest/guide.mdx:2:1 error `<Step>` has no `id` (steps/missing-id)\n  hint: Add a stable anchor, e.g. `<Step id="upload-metadata" …>`; readers link to it and their done ticks are kept under it.',
      ],
    ],
    [
      'invalid step id',
      '<Steps>\n<Step id="Upload Metadata" title="A">\nx\n</Step>\n</Steps>',
      [
        'content/latest/guide.mdx:2:7 error Step id `Upload Metadata` is not a valid anchor; expected lowercase letters, digits and single hyphens (steps/invalid-id)\n  hint: Use `id="upload-metadata"`.',
      ],
    ],
    [
      'expression step id',
      '<Steps>\n<Step id={name} title="A">\nx\n</Step>\n</Steps>',
      [
        'content/latest/guide.mdx:2:7 error Step id is an expression; expected a plain string (steps/invalid-id)\n  hint: Write the id as a quoted string, e.g. `id="upload-metadata"`, so anchors are known before the page runs.',
      ],
    ],
    [
      'tab outside tabs',
      'Intro\n\n<Tab label="EU">\nx\n</Tab>',
      [
        'content/latest/guide.mdx:3:1 error `<Tab>` is not directly inside `<Tabs>` (tabs/tab-outside-tabs)\n  hint: Wrap the tabs in `<Tabs>` … `</Tabs>`; a tab on its own has nothing to switch between.',
      ],
    ],
    [
      'text between tabs and a tab without a label',
      '<Tabs>\nPick one:\n<Tab>\nx\n</Tab>\n</Tabs>',
      [
        'content/latest/guide.mdx:2:1 error `<Tabs>` contains text `Pick one:`; expected only `<Tab>` elements (tabs/unexpected-child)\n  hint: Move it inside the tab it belongs to, or out of the `<Tabs>` group.',
        'content/latest/guide.mdx:3:1 error `<Tab>` has no `label` (tabs/missing-label)\n  hint: Add `label="…"`: the text of the tab, e.g. `label="EU"`.',
      ],
    ],
    [
      'step outside steps',
      'Intro\n\n<Step id="log-in" title="Log in">\nx\n</Step>',
      [
        'content/latest/guide.mdx:3:1 error `<Step>` is not directly inside `<Steps>` (steps/step-outside-steps)\n  hint: Wrap the steps of a procedure in `<Steps>` … `</Steps>`; the site numbers them.',
      ],
    ],
    [
      'empty step',
      '<Steps>\n<Step id="log-in" title="Log in">\n</Step>\n</Steps>',
      ['content/latest/guide.mdx:2:1 error Step "log-in" has no content (steps/empty-step)\n  hint: Say what the reader does in this step, or remove it.'],
    ],
    [
      'missing step title',
      '<Steps>\n<Step id="log-in">\nx\n</Step>\n</Steps>',
      [
        'content/latest/guide.mdx:2:1 error `<Step>` has no `title` (steps/missing-title)\n  hint: Add `title="…"`: a short imperative, e.g. `title="Upload Keeper\'s metadata"`.',
      ],
    ],
    [
      'text between steps',
      '<Steps>\nStray words here\n<Step id="a" title="A">\nx\n</Step>\n</Steps>',
      [
        'content/latest/guide.mdx:2:1 error `<Steps>` contains text `Stray words here`; expected only `<Step>` elements (steps/unexpected-child)\n  hint: Move it inside the step it belongs to, or out of the `<Steps>` list.',
      ],
    ],
    [
      'steps without a step',
      '<Steps>\n</Steps>',
      [
        'content/latest/guide.mdx:1:1 error `<Steps>` contains no `<Step>` (steps/empty-steps)\n  hint: Add `<Step id="…" title="…">…</Step>` children, or remove the empty list.',
      ],
    ],
    [
      'unknown hint type',
      '<Hint type="note">x</Hint>',
      [
        'content/latest/guide.mdx:1:7 error Hint type `note` is not one of `info`, `success`, `warning`, `danger` (hint/invalid-type)\n  hint: Use `type="info"` for notes, `success` for outcomes, `warning` for pitfalls, `danger` for what can break access.',
      ],
    ],
    [
      'misspelt hint type',
      '<Hint type="warn">x</Hint>',
      [
        'content/latest/guide.mdx:1:7 error Hint type `warn` is not one of `info`, `success`, `warning`, `danger`; did you mean `warning`? (hint/invalid-type)\n  hint: Use `type="info"` for notes, `success` for outcomes, `warning` for pitfalls, `danger` for what can break access.',
      ],
    ],
    [
      'figure without alt',
      'Text\n\n<Figure src="./images/ok.svg" />',
      [
        'content/latest/guide.mdx:3:1 error Image `./images/ok.svg` has no alt text (images/missing-alt)\n  hint: Describe what the image shows (`alt="JumpCloud side menu with the SSO tab selected"`); for a purely decorative image write `<Figure … decorative alt="" />`.',
      ],
    ],
    [
      'figure with empty alt and not decorative',
      '<Figure src="./images/ok.svg" alt="" />',
      [
        'content/latest/guide.mdx:1:1 error Image `./images/ok.svg` has no alt text (images/missing-alt)\n  hint: Describe what the image shows (`alt="JumpCloud side menu with the SSO tab selected"`); for a purely decorative image write `<Figure … decorative alt="" />`.',
      ],
    ],
    [
      'figure with a missing file',
      '<Figure src="./images/gone.png" alt="x" />',
      [
        "content/latest/guide.mdx:1:9 error Cannot find image file `./images/gone.png` (images/missing-file)\n  hint: Check the path: it is relative to this page's folder.",
      ],
    ],
    [
      'figure path differing in case',
      '<Figure src="./images/Login.PNG" alt="x" />',
      [
        'content/latest/guide.mdx:1:9 error Image `./images/Login.PNG` differs in letter case from the file `login.png` (images/case-mismatch)\n  hint: Write `./images/login.png`; it works on macOS but breaks on Linux servers.',
      ],
    ],
    [
      'hotlinked figure',
      '<Figure src="https://files.gitbook.io/x.png" alt="x" />',
      [
        'content/latest/guide.mdx:1:9 error Image `https://files.gitbook.io/x.png` is hotlinked from `files.gitbook.io` (images/remote)\n  hint: Save the image next to the guide (e.g. `./images/`) and point to the local file.',
      ],
    ],
    [
      'figure without src',
      '<Figure alt="x" />',
      ['content/latest/guide.mdx:1:1 error `<Figure>` has no `src` (figure/missing-src)\n  hint: Add `src="./images/…"`, a path relative to this guide.'],
    ],
    [
      'empty copy',
      'Set it to <Copy></Copy>.',
      [
        'content/latest/guide.mdx:1:11 error `<Copy>` has no value to copy (copy/empty)\n  hint: Put the exact value between the tags: `<Copy>Keeper Security Password Manager</Copy>`.',
      ],
    ],
    [
      'unknown component',
      '<Hnit type="info">x</Hnit>',
      [
        'content/latest/guide.mdx:1:1 error Unknown component `<Hnit>`; did you mean `<Hint>`? (mdx/unknown-component)\n  hint: Use one of `<Steps>`, `<Step>`, `<Hint>`, `<Figure>`, `<Ui>`, `<Copy>`, `<Tabs>`, `<Tab>`, `<LoginUrlCalculator>`, `<MetadataChecker>`, `<KeeperUrl>`, `<Value>`; they need no import.',
      ],
    ],
    [
      'malformed MDX',
      '<Steps>\n<Step id="a" title="A">\nx\n</Steps>',
      [
        'content/latest/guide.mdx:4:1 error Cannot parse MDX: Unexpected closing tag `</Steps>`, expected corresponding closing tag for `<Step>` (2:1) (mdx/parse-error)\n  hint: Check that every JSX tag is closed (`<Step …>` … `</Step>`), that `{` and `<` in prose are escaped as `\\{` and `\\<`, and that attribute values are quoted.',
      ],
    ],
  ];

  it.each(cases)('rejects %s', (_name, source, expected) => {
    expect(check(source)).toEqual(expected);
  });

  it('links each finding to its rule documentation', () => {
    const [finding] = validateGuide('<Hint type="x">y</Hint>', { file: FILE, rulesUrl: '/docs/rules/' });
    expect(finding?.url).toBe('/docs/rules/#rule-hint-invalid-type');
  });

  it('numbers nothing and reports nothing for steps nested inside a step', () => {
    const source = '<Steps>\n<Step id="a" title="A">\n\n<Steps>\n<Step id="a-1" title="A.1">\nx\n</Step>\n</Steps>\n\n</Step>\n</Steps>';
    expect(check(source)).toEqual([]);
  });
});
