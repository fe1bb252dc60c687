/**
 * Structural checks of one guide, run at build time (see src/integrations/guide-validation.ts) and by
 * the tests. Pure: the caller says how to look up image files, so this also runs in a browser.
 */
import type { Finding, Place } from '../findings.ts';
import { abbreviate, compareFindings } from '../findings.ts';
import { closest } from '../text-distance.ts';
import { GUIDE_COMPONENTS, HINT_TYPES, STEP_ID_PATTERN } from './components.ts';
import { attribute, attributePlace, attributeString, isJsx, parseContent, startOf, textOf, walk, type MdNode } from './mdast.ts';
import { guideOutline } from './outline.ts';
import { isRemoteReference } from './resolve-asset.ts';
import { guideRule, ruleAnchor, type GuideRuleId } from './rules.ts';
import { LINK_PROPS } from '../links/link-props.ts';
import { htmlReferences } from '../links/extract.ts';
import { isDangerousUrl, urlScheme } from '../urls.ts';
import { isKeeperUrlKind, isValueName, isValuesMeta, KEEPER_URL_KINDS, unknownPlaceholders, VALUE_NAMES } from '../keeper/reader-values.ts';

export type AssetStatus = { status: 'ok' } | { status: 'missing' } | { status: 'outside' } | { status: 'case-mismatch'; actual: string };

export interface ValidateOptions {
  /** Path shown in findings, e.g. `content/latest/jumpcloud.mdx`. */
  file: string;
  /** Looks up an image path as written in the guide (relative to the guide's folder). */
  checkAsset?: (src: string) => AssetStatus;
  /** Where rule documentation lives, e.g. `/writing-guides/`; findings link to `#rule-…` there. */
  rulesUrl?: string;
}

export function validateGuide(source: string, options: ValidateOptions): Finding[] {
  return checkGuide(source, options).findings;
}

/** The findings, and the parsed tree for callers that go on to transform the guide. */
export function checkGuide(source: string, options: ValidateOptions): { findings: Finding[]; tree?: MdNode } {
  const parsed = parseContent(source, options.file);
  if (!parsed.ok) return { findings: [withUrl(parsed.finding, options)] };
  return { findings: validateTree(parsed.tree, source, options), tree: parsed.tree };
}

export function validateTree(tree: MdNode, source: string, options: ValidateOptions): Finding[] {
  const findings: Finding[] = [];
  const report = (ruleId: GuideRuleId, place: Place | undefined, reason: string, note: string) => {
    findings.push(
      withUrl(
        { ruleId, severity: guideRule(ruleId).severity, reason, file: options.file, ...(place ? { place } : {}), note, source: 'stepdocs-guide' },
        options,
      ),
    );
  };

  const headingIds = new Set(guideOutline(tree).filter((item) => item.kind === 'heading').map((item) => item.id));
  const stepIds = new Map<string, Place | undefined>();

  walk(tree, (node, ancestors) => {
    if (!isJsx(node) || !node.name) return;
    const name = node.name;
    if (!/^[A-Z]/.test(name) || name.includes('.')) return;
    if (!(GUIDE_COMPONENTS as readonly string[]).includes(name)) {
      const suggestion = closest(name, GUIDE_COMPONENTS);
      report(
        'mdx/unknown-component',
        startOf(node),
        `Unknown component \`<${name}>\`${suggestion ? `; did you mean \`<${suggestion}>\`?` : ''}`,
        `Use one of ${GUIDE_COMPONENTS.map((component) => `\`<${component}>\``).join(', ')}; they need no import.`,
      );
      return;
    }
    if (name === 'Steps') checkSteps(node, report);
    if (name === 'Step') checkStep(node, ancestors, source, stepIds, headingIds, report);
    if (name === 'Hint') checkHint(node, source, report);
    if (name === 'Tabs') checkTabs(node, report);
    if (name === 'Tab') checkTab(node, ancestors, report);
    if (name === 'Figure') checkFigure(node, source, options, report);
    if (name === 'KeeperUrl') checkKeeperUrl(node, source, report);
    if (name === 'Value') checkValue(node, source, report);
    if (name === 'Copy' && textOf(node).trim() === '' && typeof attribute(node, 'value') !== 'string' && !(node.children ?? []).some((child) => child.name === 'KeeperUrl' || child.name === 'Value')) {
      report('copy/empty', startOf(node), '`<Copy>` has no value to copy', 'Put the exact value between the tags: `<Copy>Keeper Security Password Manager</Copy>`.');
    }
  });

  checkUnsafeUrls(tree, source, report);
  checkValuesCode(tree, report);
  // Markdown images are published as Figures are: from inside the content folder, files that exist.
  if (options.checkAsset) {
    walk(tree, (node) => {
      const src = node.url ?? '';
      if (node.type !== 'image' || src === '' || isRemoteReference(src)) return;
      const result = options.checkAsset!(src);
      if (result.status === 'outside') reportOutside(src, startOf(node), report);
      else if (result.status === 'missing') report('figure/missing-file', startOf(node), `Cannot find image file \`${quote(src)}\``, 'Check the path: it is relative to this guide\'s folder.');
      else if (result.status === 'case-mismatch') report('figure/missing-file', startOf(node), `Image file \`${quote(src)}\` differs in letter case from \`${result.actual}\` on disk`, `Write \`${result.actual}\`; it works on macOS but breaks on Linux servers.`);
    });
  }
  return findings.sort(compareFindings);
}

/** Links and link attributes (`href`, `src`, `action` …) whose URL would run code when followed. */
function checkUnsafeUrls(tree: MdNode, source: string, report: Report): void {
  walk(tree, (node) => {
    const urls: Array<{ url: string; place: Place | undefined }> = [];
    if (node.type === 'link' || node.type === 'definition') urls.push({ url: node.url ?? '', place: startOf(node) });
    if (node.type === 'html') for (const reference of htmlReferences(node.value ?? '', startOf(node) ?? { line: 1, column: 1 })) if (reference.kind === 'link') urls.push({ url: reference.url, place: reference.place });
    if (isJsx(node) && node.name) {
      for (const prop of LINK_PROPS[node.name] ?? []) {
        const url = attributeString(node, prop.attribute);
        if (url !== undefined) urls.push({ url, place: attributePlace(source, node, prop.attribute) ?? startOf(node) });
      }
    }
    for (const { url, place } of urls) {
      if (!isDangerousUrl(url)) continue;
      report('links/unsupported-scheme', place, `Link uses the \`${urlScheme(url)}:\` scheme (\`${abbreviate(url, 40)}\`), which runs code or carries content instead of linking`, 'Link to http(s) pages, e-mail (`mailto:`), phone (`tel:`) or site pages only.');
    }
  });
}

function reportOutside(src: string, place: Place | undefined, report: Report): void {
  report('figure/missing-file', place, `Image \`${quote(src)}\` is outside the content folder, so it is not published`, 'Copy the image into the content folder, next to the guide (e.g. `./images/`), and point to the copy.');
}

type Report = (ruleId: GuideRuleId, place: Place | undefined, reason: string, note: string) => void;

/** Children of a list component (`<Steps>`, `<Tabs>`) other than its items, each described as an author reads it. */
function foreignChildren(node: MdNode, item: string): Array<{ child: MdNode; what: string }> {
  return (node.children ?? [])
    .filter((child) => child.name !== item && !isIgnorable(child))
    .map((child) => ({ child, what: isJsx(child) ? `\`<${child.name ?? '>'}>\`` : child.type === 'paragraph' ? `text \`${quote(textOf(child))}\`` : `a ${child.type}` }));
}

function checkSteps(node: MdNode, report: Report) {
  const children = node.children ?? [];
  for (const { child, what } of foreignChildren(node, 'Step')) {
    report('steps/unexpected-child', startOf(child), `\`<Steps>\` contains ${what}; expected only \`<Step>\` elements`, 'Move it inside the step it belongs to, or out of the `<Steps>` list.');
  }
  if (!children.some((child) => child.name === 'Step')) {
    report('steps/empty-steps', startOf(node), '`<Steps>` contains no `<Step>`', 'Add `<Step id="…" title="…">…</Step>` children, or remove the empty list.');
  }
}

function checkStep(
  node: MdNode,
  ancestors: readonly MdNode[],
  source: string,
  stepIds: Map<string, Place | undefined>,
  headingIds: Set<string>,
  report: Report,
) {
  const parent = ancestors.at(-1);
  if (parent?.name !== 'Steps') {
    report('steps/step-outside-steps', startOf(node), '`<Step>` is not directly inside `<Steps>`', 'Wrap the steps of a procedure in `<Steps>` … `</Steps>`; the site numbers them.');
  }
  const id = attribute(node, 'id');
  const title = attribute(node, 'title');
  const idPlace = attributePlace(source, node, 'id');
  if (id === undefined || id === true || id === '') {
    const suggestion = typeof title === 'string' ? slugifyTitle(title) : 'log-in';
    report('steps/missing-id', startOf(node), '`<Step>` has no `id`', `Add a stable anchor, e.g. \`<Step id="${suggestion}" …>\`; readers link to it and their done ticks are kept under it.`);
  } else if (typeof id !== 'string') {
    report('steps/invalid-id', idPlace, 'Step id is an expression; expected a plain string', 'Write the id as a quoted string, e.g. `id="upload-metadata"`, so anchors are known before the page runs.');
  } else if (!STEP_ID_PATTERN.test(id)) {
    report('steps/invalid-id', idPlace, `Step id \`${id}\` is not a valid anchor; expected lowercase letters, digits and single hyphens`, `Use \`id="${slugifyTitle(id)}"\`.`);
  } else if (stepIds.has(id)) {
    const first = stepIds.get(id);
    report('steps/duplicate-id', idPlace, `Step id "${id}" is used twice${first ? ` (first at line ${first.line})` : ''}`, 'Give each step its own id; anchors and done ticks must be unique on a page.');
  } else if (headingIds.has(id)) {
    report('steps/duplicate-id', idPlace, `Step id "${id}" is also the anchor of a heading on this page`, 'Rename the step id or the heading so `#' + id + '` leads to one place.');
  } else {
    stepIds.set(id, idPlace);
  }
  if (typeof title !== 'string' || title.trim() === '') {
    report('steps/missing-title', startOf(node), '`<Step>` has no `title`', 'Add `title="…"`: a short imperative, e.g. `title="Upload Keeper\'s metadata"`.');
  }
  if ((node.children ?? []).every(isIgnorable)) {
    report('steps/empty-step', startOf(node), `Step${typeof id === 'string' && id ? ` "${id}"` : ''} has no content`, 'Say what the reader does in this step, or remove it.');
  }
}

function checkTabs(node: MdNode, report: Report) {
  for (const { child, what } of foreignChildren(node, 'Tab')) {
    report('tabs/unexpected-child', startOf(child), `\`<Tabs>\` contains ${what}; expected only \`<Tab>\` elements`, 'Move it inside the tab it belongs to, or out of the `<Tabs>` group.');
  }
}

function checkTab(node: MdNode, ancestors: readonly MdNode[], report: Report) {
  if (ancestors.at(-1)?.name !== 'Tabs') {
    report('tabs/tab-outside-tabs', startOf(node), '`<Tab>` is not directly inside `<Tabs>`', 'Wrap the tabs in `<Tabs>` … `</Tabs>`; a tab on its own has nothing to switch between.');
  }
  const label = attribute(node, 'label');
  if (typeof label !== 'string' || label.trim() === '') {
    report('tabs/missing-label', startOf(node), '`<Tab>` has no `label`', 'Add `label="…"`: the text of the tab, e.g. `label="EU"`.');
  }
}

function checkHint(node: MdNode, source: string, report: Report) {
  const type = attribute(node, 'type');
  if (type === undefined) return;
  if (typeof type !== 'string' || !(HINT_TYPES as readonly string[]).includes(type)) {
    const written = typeof type === 'string' ? `\`${type}\`` : 'not a plain string';
    const suggestion = typeof type === 'string' ? closest(type, HINT_TYPES) : undefined;
    report(
      'hint/invalid-type',
      attributePlace(source, node, 'type'),
      `Hint type ${written} is not one of ${HINT_TYPES.map((value) => `\`${value}\``).join(', ')}${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`,
      'Use `type="info"` for notes, `success` for outcomes, `warning` for pitfalls, `danger` for what can break access.',
    );
  }
}

function checkFigure(node: MdNode, source: string, options: ValidateOptions, report: Report) {
  const src = attribute(node, 'src');
  const alt = attribute(node, 'alt');
  const decorative = attribute(node, 'decorative');
  if (typeof src !== 'string' || src.trim() === '') {
    report('figure/missing-src', startOf(node), '`<Figure>` has no `src`', 'Add `src="./images/…"`, a path relative to this guide.');
  } else if (isRemoteReference(src)) {
    report('figure/remote-src', attributePlace(source, node, 'src'), `Figure image \`${quote(src)}\` is hotlinked from another host`, 'Save the image next to the guide (e.g. `./images/`) and point `src` at the local file.');
  } else if (options.checkAsset) {
    const result = options.checkAsset(src);
    if (result.status === 'outside') reportOutside(src, attributePlace(source, node, 'src'), report);
    else if (result.status === 'missing') {
      report('figure/missing-file', attributePlace(source, node, 'src'), `Cannot find image file \`${src}\``, 'Check the path: it is relative to this guide\'s folder.');
    } else if (result.status === 'case-mismatch') {
      report('figure/missing-file', attributePlace(source, node, 'src'), `Image file \`${src}\` differs in letter case from \`${result.actual}\` on disk`, `Write \`src="${result.actual}"\`; it works on macOS but breaks on Linux servers.`);
    }
  }
  const isDecorative = decorative === true || decorative === 'true';
  if (alt === undefined || alt === true || (alt === '' && !isDecorative)) {
    report('figure/missing-alt', startOf(node), '`<Figure>` has no alt text', 'Add `alt="…"` saying what the image shows; for a purely decorative image write `decorative alt=""`.');
  }
}

function checkKeeperUrl(node: MdNode, source: string, report: Report) {
  const kind = attribute(node, 'kind');
  if (typeof kind === 'string' && isKeeperUrlKind(kind)) return;
  const suggestion = typeof kind === 'string' ? closest(kind, KEEPER_URL_KINDS) : undefined;
  report(
    'values/unknown-kind',
    attributePlace(source, node, 'kind') ?? startOf(node),
    kind === undefined ? '`<KeeperUrl>` has no `kind`' : `\`<KeeperUrl>\` kind ${typeof kind === 'string' ? `\`${quote(kind)}\` is not a Keeper URL kind` : 'is not a plain string'}; expected one of ${KEEPER_URL_KINDS.map((value) => `\`${value}\``).join(', ')}${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`,
    'Write the kind as a string, e.g. `<KeeperUrl kind="loginUrl" />`.',
  );
}

function checkValue(node: MdNode, source: string, report: Report) {
  const name = attribute(node, 'name');
  if (typeof name === 'string' && isValueName(name)) return;
  const suggestion = typeof name === 'string' ? closest(name, VALUE_NAMES) : undefined;
  report(
    'values/unknown-name',
    attributePlace(source, node, 'name') ?? startOf(node),
    name === undefined ? '`<Value>` has no `name`' : `\`<Value>\` name ${typeof name === 'string' ? `\`${quote(name)}\`` : 'is not a plain string'} is not one of the reader's values${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`,
    `Use one of ${VALUE_NAMES.map((value) => `\`${value}\``).join(', ')}.`,
  );
}

/** `{{name}}` placeholders of `values` code blocks that name no value: they would be printed as written. */
function checkValuesCode(tree: MdNode, report: Report) {
  walk(tree, (node) => {
    if (node.type !== 'code' || !isValuesMeta(node.meta)) return;
    const start = startOf(node);
    const value = node.value ?? '';
    for (const { name, offset } of unknownPlaceholders(value)) {
      const before = value.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - before.lastIndexOf('\n');
      const place = start ? { line: start.line + line, column } : undefined;
      const suggestion = closest(name, VALUE_NAMES);
      report('values/unknown-name', place, `\`{{${quote(name)}}}\` in a \`values\` code block is not one of the reader's values${suggestion ? `; did you mean \`{{${suggestion}}}\`?` : ''}`, `Use one of ${VALUE_NAMES.map((value) => `\`{{${value}}}\``).join(', ')}.`);
    }
  });
}

function isIgnorable(node: MdNode): boolean {
  return (node.type === 'text' && (node.value ?? '').trim() === '') || node.type === 'mdxFlowExpression' && /^\s*\/\*[\s\S]*\*\/\s*$/.test(node.value ?? '');
}

/** Author text quoted in a message: one line, at most 40 characters. */
function quote(text: string): string {
  return abbreviate(text.trim().replace(/\s+/g, ' '), 40);
}

function slugifyTitle(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'step';
}

function withUrl(finding: Finding, options: ValidateOptions): Finding {
  return options.rulesUrl ? { ...finding, url: `${options.rulesUrl}#${ruleAnchor(finding.ruleId)}` } : finding;
}
