/** Rules of the reader's values: `<KeeperUrl>`, `<Value>` and `values` code blocks name known values. */
import { closest } from '../../text-distance.ts';
import { isKeeperUrlKind, isValueName, isValuesMeta, KEEPER_URL_KINDS, unknownPlaceholders, VALUE_NAMES } from '../../keeper/reader-values.ts';
import { attribute, attributePlace, startOf } from '../../mdx/mdast.ts';
import type { PageRule } from '../page-rule.ts';
import { quote } from './shared.ts';

const listed = (names: readonly string[], wrap = (name: string) => `\`${name}\``) => names.map(wrap).join(', ');

export const valueRules: PageRule[] = [
  {
    id: 'values/unknown-kind',
    severity: 'error',
    description:
      "A `<KeeperUrl>` names one of the Keeper URLs the reader's values fill in: `kind` is `loginUrl`, `spEntityId`, `acs`, `slo`, `metadata` or `console`.",
    why: 'An unknown kind has no URL to show: the reader would see nothing where the step needs a URL.',
    fix: 'Write one of the kinds as a string, e.g. `<KeeperUrl kind="loginUrl" />`.',
    bad: '<KeeperUrl kind="login" />',
    good: '<KeeperUrl kind="loginUrl" />',
    check: {
      stage: 'page',
      run(page, report) {
        for (const { node } of page.elements('KeeperUrl')) {
          const kind = attribute(node, 'kind');
          if (typeof kind === 'string' && isKeeperUrlKind(kind)) continue;
          const suggestion = typeof kind === 'string' ? closest(kind, KEEPER_URL_KINDS) : undefined;
          const written =
            kind === undefined
              ? '`<KeeperUrl>` has no `kind`'
              : `\`<KeeperUrl>\` kind ${typeof kind === 'string' ? `\`${quote(kind)}\` is not a Keeper URL kind` : 'is not a plain string'}`;
          report(
            attributePlace(page.source, node, 'kind') ?? startOf(node),
            `${written}; expected one of ${listed(KEEPER_URL_KINDS)}${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`,
          );
        }
      },
    },
  },
  {
    id: 'values/unknown-name',
    severity: 'error',
    description:
      'A `<Value name="…">` and a `{{name}}` in a `values` code block name one of the reader\'s values: a Keeper URL kind, `ssoId`, `host`, `region`, `enterpriseDomain` or `providerName`.',
    why: 'An unknown name is never filled: the reader copies `{{loginURL}}` literally into a console.',
    fix: 'Use one of the value names the Writing guides page lists; they are case-sensitive.',
    bad: '```text values\nLogin URL: {{loginURL}}\n```',
    good: '```text values\nLogin URL: {{loginUrl}}\n```',
    check: {
      stage: 'page',
      run(page, report) {
        for (const { node } of page.elements('Value')) {
          const name = attribute(node, 'name');
          if (typeof name === 'string' && isValueName(name)) continue;
          const suggestion = typeof name === 'string' ? closest(name, VALUE_NAMES) : undefined;
          const written =
            name === undefined
              ? '`<Value>` has no `name`'
              : `\`<Value>\` name ${typeof name === 'string' ? `\`${quote(name)}\`` : 'is not a plain string'} is not one of the reader's values`;
          report(
            attributePlace(page.source, node, 'name') ?? startOf(node),
            `${written}${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`,
            `Use one of ${listed(VALUE_NAMES)}.`,
          );
        }
        for (const node of page.nodes('code')) {
          if (!isValuesMeta(node.meta)) continue;
          const start = startOf(node);
          const value = node.value ?? '';
          for (const { name, offset } of unknownPlaceholders(value)) {
            const before = value.slice(0, offset);
            const place = start ? { line: start.line + before.split('\n').length, column: offset - before.lastIndexOf('\n') } : undefined;
            const suggestion = closest(name, VALUE_NAMES);
            report(
              place,
              `\`{{${quote(name)}}}\` in a \`values\` code block is not one of the reader's values${suggestion ? `; did you mean \`{{${suggestion}}}\`?` : ''}`,
              `Use one of ${listed(VALUE_NAMES, (value) => `\`{{${value}}}\``)}.`,
            );
          }
        }
      },
    },
  },
];
