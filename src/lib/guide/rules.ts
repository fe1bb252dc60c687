/**
 * The rule table for guide structure: one entry per rule, the single source for build errors,
 * their severities and the rule documentation on the "Writing guides" page.
 */
import type { Severity } from '../findings.ts';

export interface GuideRule {
  id: string;
  severity: Severity;
  /** The norm, stated positively: what a correct guide does. */
  description: string;
  /** A bad example and a good one, shown on the rule documentation. */
  bad: string;
  good: string;
}

export const GUIDE_RULES = [
  {
    id: 'frontmatter/missing-field',
    severity: 'error',
    description: 'A guide\'s frontmatter has every required field: title, description, idp, product, lastReviewed, section; a general page (`kind: page`) needs title, description and section.',
    bad: '---\ntitle: JumpCloud\n---',
    good: '---\ntitle: JumpCloud\ndescription: Configure JumpCloud as the SAML identity provider for Keeper.\nidp: JumpCloud\nproduct: Keeper SSO Connect Cloud\nlastReviewed: 2026-11-28\nsection: Identity providers\n---',
  },
  {
    id: 'frontmatter/invalid-field',
    severity: 'error',
    description: 'Each frontmatter field has the expected type and form (`kind` is `guide` or `page`, dates as YYYY-MM-DD, `idp` and `product` from the site configuration\'s lists, `order` a whole number).',
    bad: 'lastReviewed: last week',
    good: 'lastReviewed: 2026-11-28',
  },
  {
    id: 'frontmatter/unknown-field',
    severity: 'error',
    description: 'Frontmatter holds only the fields stepdocs knows, so a typo (`tilte`) cannot pass silently.',
    bad: 'tilte: JumpCloud',
    good: 'title: JumpCloud',
  },
  {
    id: 'frontmatter/guide-only-field',
    severity: 'error',
    description: 'Guide-only fields (`idp`, `product`) stand only on guides, not on general pages (`kind: page`).',
    bad: '---\nkind: page\ntitle: Overview\ndescription: How single sign-on with an identity provider works.\nsection: Overview\nidp: Okta\n---',
    good: '---\nkind: page\ntitle: Overview\ndescription: How single sign-on with an identity provider works.\nsection: Overview\n---',
  },
  {
    id: 'tabs/tab-outside-tabs',
    severity: 'error',
    description: 'Every `<Tab>` sits directly inside a `<Tabs>` group.',
    bad: '<Tab label="EU">\nUse keepersecurity.eu.\n</Tab>',
    good: '<Tabs>\n<Tab label="EU">\nUse keepersecurity.eu.\n</Tab>\n</Tabs>',
  },
  {
    id: 'tabs/unexpected-child',
    severity: 'error',
    description: '`<Tabs>` holds only `<Tab>` elements; text between tabs belongs inside a tab.',
    bad: '<Tabs>\nPick one:\n<Tab label="US">\nUS.\n</Tab>\n</Tabs>',
    good: 'Pick one:\n\n<Tabs>\n<Tab label="US">\nUS.\n</Tab>\n</Tabs>',
  },
  {
    id: 'tabs/missing-label',
    severity: 'error',
    description: 'Every `<Tab>` has a `label`, the text of its tab.',
    bad: '<Tabs>\n<Tab>\nUS.\n</Tab>\n</Tabs>',
    good: '<Tabs>\n<Tab label="US">\nUS.\n</Tab>\n</Tabs>',
  },
  {
    id: 'mdx/parse-error',
    severity: 'error',
    description: 'A guide is valid MDX: every tag is closed and literal `{` or `<` in prose is escaped.',
    bad: '<Steps>\n<Step id="login" title="Log in">\nOpen the console.\n</Steps>',
    good: '<Steps>\n<Step id="login" title="Log in">\nOpen the console.\n</Step>\n</Steps>',
  },
  {
    id: 'mdx/unknown-component',
    severity: 'error',
    description: 'Components used in a guide are ones stepdocs provides (they need no import).',
    bad: '<Hnit type="info">Note</Hnit>',
    good: '<Hint type="info">Note</Hint>',
  },
  {
    id: 'steps/step-outside-steps',
    severity: 'error',
    description: 'Every `<Step>` sits directly inside a `<Steps>` list, which numbers it.',
    bad: '<Step id="login" title="Log in">…</Step>',
    good: '<Steps>\n  <Step id="login" title="Log in">…</Step>\n</Steps>',
  },
  {
    id: 'steps/unexpected-child',
    severity: 'error',
    description: '`<Steps>` holds only `<Step>` elements; text between steps belongs inside a step.',
    bad: '<Steps>\n\nSome text\n\n<Step id="login" title="Log in">…</Step>\n</Steps>',
    good: '<Steps>\n  <Step id="login" title="Log in">Some text …</Step>\n</Steps>',
  },
  {
    id: 'steps/empty-steps',
    severity: 'error',
    description: '`<Steps>` holds at least one `<Step>`.',
    bad: '<Steps></Steps>',
    good: '<Steps>\n  <Step id="login" title="Log in">…</Step>\n</Steps>',
  },
  {
    id: 'steps/missing-id',
    severity: 'error',
    description: 'Every step has an `id`: it is the step\'s anchor (`#upload-metadata`) and the key of its done tick.',
    bad: '<Steps>\n  <Step title="Upload metadata">…</Step>\n</Steps>',
    good: '<Steps>\n  <Step id="upload-metadata" title="Upload metadata">…</Step>\n</Steps>',
  },
  {
    id: 'steps/invalid-id',
    severity: 'error',
    description: 'A step id is lowercase letters, digits and single hyphens, written as a plain string, so links to it are stable.',
    bad: '<Steps>\n  <Step id="Upload Metadata" title="Upload metadata">…</Step>\n</Steps>',
    good: '<Steps>\n  <Step id="upload-metadata" title="Upload metadata">…</Step>\n</Steps>',
  },
  {
    id: 'steps/duplicate-id',
    severity: 'error',
    description: 'A step id is used once per page and differs from every heading anchor on the page.',
    bad: '<Steps>\n  <Step id="login" title="Log in">…</Step>\n  <Step id="login" title="Log in again">…</Step>\n</Steps>',
    good: '<Steps>\n  <Step id="login" title="Log in">…</Step>\n  <Step id="login-again" title="Log in again">…</Step>\n</Steps>',
  },
  {
    id: 'steps/missing-title',
    severity: 'error',
    description: 'Every step has a `title`, shown next to its number and in the page outline.',
    bad: '<Steps>\n  <Step id="login">…</Step>\n</Steps>',
    good: '<Steps>\n  <Step id="login" title="Log in to the admin console">…</Step>\n</Steps>',
  },
  {
    id: 'steps/empty-step',
    severity: 'error',
    description: 'A step has content: what the reader does, and usually a figure.',
    bad: '<Steps>\n  <Step id="login" title="Log in"></Step>\n</Steps>',
    good: '<Steps>\n<Step id="login" title="Log in">\nLog in to the JumpCloud administrator console.\n</Step>\n</Steps>',
  },
  {
    id: 'hint/invalid-type',
    severity: 'error',
    description: 'A hint\'s `type` is one of `info`, `success`, `warning` or `danger` (GitBook\'s four styles).',
    bad: '<Hint type="note">…</Hint>',
    good: '<Hint type="info">…</Hint>',
  },
  {
    id: 'figure/missing-src',
    severity: 'error',
    description: 'A figure names its image with `src`, a path relative to the guide.',
    bad: '<Figure alt="The SSO tab" />',
    good: '<Figure src="./images/sso-tab.svg" alt="The SSO tab" />',
  },
  {
    id: 'figure/remote-src',
    severity: 'error',
    description: 'Images are stored next to the guide, never hotlinked from another host.',
    bad: '<Figure src="https://example.com/shot.png" alt="…" />',
    good: '<Figure src="./images/shot.png" alt="…" />',
  },
  {
    id: 'figure/missing-file',
    severity: 'error',
    description: 'A figure\'s image file exists, with the exact same letter case (Linux servers are case-sensitive).',
    bad: '<Figure src="./images/Login.PNG" alt="…" />',
    good: '<Figure src="./images/login.png" alt="…" />',
  },
  {
    id: 'figure/missing-alt',
    severity: 'error',
    description: 'Every image has alt text that says what it shows; a purely decorative one says so with `decorative` and `alt=""`.',
    bad: '<Figure src="./images/sso-tab.svg" />',
    good: '<Figure src="./images/sso-tab.svg" alt="JumpCloud side menu with the SSO tab selected" />',
  },
  {
    id: 'links/unsupported-scheme',
    severity: 'error',
    description: 'Links go to web pages, e-mail, phone numbers or site pages; never to `javascript:`, `vbscript:`, `data:`, `file:` or `blob:` URLs, however they are written (`java&#9;script:` is judged as a browser reads it).',
    bad: '[Open the console](javascript:alert(document.cookie))',
    good: '[Read the JumpCloud guide](/latest/identity-providers/jumpcloud/)',
  },
  {
    id: 'values/unknown-kind',
    severity: 'error',
    description: 'A `<KeeperUrl>` names one of the Keeper URLs the reader\'s values fill in: `kind` is `loginUrl`, `spEntityId`, `acs`, `slo`, `metadata` or `console`.',
    bad: '<KeeperUrl kind="login" />',
    good: '<KeeperUrl kind="loginUrl" />',
  },
  {
    id: 'values/unknown-name',
    severity: 'error',
    description: 'A `<Value name="…">` and a `{{name}}` in a `values` code block name one of the reader\'s values: a Keeper URL kind, `ssoId`, `host`, `region`, `enterpriseDomain` or `providerName`.',
    bad: '```text values\nLogin URL: {{loginURL}}\n```',
    good: '```text values\nLogin URL: {{loginUrl}}\n```',
  },
  {
    id: 'copy/empty',
    severity: 'error',
    description: '`<Copy>` wraps the exact value the reader copies.',
    bad: '<Copy></Copy>',
    good: '<Copy>Keeper Security Password Manager</Copy>',
  },
] as const satisfies readonly GuideRule[];

export type GuideRuleId = (typeof GUIDE_RULES)[number]['id'];

const byId = new Map<string, GuideRule>(GUIDE_RULES.map((rule) => [rule.id, rule]));

export function guideRule(id: GuideRuleId): GuideRule {
  return byId.get(id)!;
}

/** The anchor of a rule on the "Writing guides" page: `steps/duplicate-id` → `rule-steps-duplicate-id`. */
export function ruleAnchor(id: string): string {
  return `rule-${id.replace(/[^a-z0-9]+/g, '-')}`;
}
