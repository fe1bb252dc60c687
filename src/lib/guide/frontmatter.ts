/**
 * Frontmatter validation with findings that point at the offending line, so a wrong or missing
 * field fails the build naming the file, the field and what is expected.
 */
import { splitLines } from '../text-position.ts';
import type { Finding, Place } from '../findings.ts';
import { closest } from '../text-distance.ts';
import { DEFAULT_SCHEMA_OPTIONS, GUIDE_ONLY_FIELDS, generalPageSchema, guideSchemaFor, kindOf, PAGE_KINDS, type SchemaOptions } from './schema.ts';
import { ruleUrl } from '../rule.ts';
import { guideRule, type GuideRuleId } from './rules.ts';

/** Checks parsed frontmatter `data` of `source` (the whole file, to find line numbers). */
export function checkFrontmatter(data: unknown, source: string, file: string, rulesUrl?: string, options: SchemaOptions = DEFAULT_SCHEMA_OPTIONS): Finding[] {
  const findings: Finding[] = [];
  const report = (ruleId: GuideRuleId, field: string, reason: string, note: string) => {
    const place = fieldPlace(source, field);
    findings.push({
      ruleId,
      severity: guideRule(ruleId).severity,
      reason,
      file,
      ...(place ? { place } : {}),
      note,
      ...(rulesUrl ? { url: ruleUrl(rulesUrl, ruleId) } : {}),
      source: 'stepdocs-guide',
    });
  };
  const kind = kindOf(data);
  if (!(PAGE_KINDS as readonly unknown[]).includes(kind)) {
    const suggestion = typeof kind === 'string' ? closest(kind, PAGE_KINDS) : undefined;
    report(
      'frontmatter/invalid-field',
      'kind',
      `Frontmatter field \`kind\` is invalid: expected \`guide\` or \`page\`${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`,
      '`kind`: `guide` (the default) for a setup guide, `page` for a general page.',
    );
    return findings;
  }
  const schema = kind === 'page' ? generalPageSchema() : guideSchemaFor(options);
  const result = schema.safeParse({ kind, ...(data && typeof data === 'object' ? data : {}) });
  if (result.success) return [];
  const fields = Object.keys(schema.shape).filter((field) => field !== 'kind' || kind === 'page');
  const describeField = (field: string) => {
    const description = (schema.shape as Record<string, { description?: string }>)[field]?.description;
    return description ? `\`${field}\`: ${description}` : 'See the frontmatter fields on the "Writing guides" page.';
  };
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        if (kind === 'page' && (GUIDE_ONLY_FIELDS as readonly string[]).includes(key)) {
          report(
            'frontmatter/guide-only-field',
            key,
            `Frontmatter field \`${key}\` belongs to guides, and this is a general page (\`kind: page\`)`,
            `Remove \`${key}\`, or make the page a guide by removing \`kind: page\`.`,
          );
        } else {
          report(
            'frontmatter/unknown-field',
            key,
            `Frontmatter field \`${key}\` is not part of a ${kind === 'page' ? 'general page' : 'guide'}`,
            `Remove it, or use one of ${fields.map((field) => `\`${field}\``).join(', ')}.`,
          );
        }
      }
      continue;
    }
    const field = issue.path.join('.') || '(frontmatter)';
    const missing = issue.message.startsWith('missing; ');
    const expected = missing ? issue.message.slice('missing; '.length) : issue.message;
    if (missing) {
      report(
        'frontmatter/missing-field',
        field,
        `Frontmatter field \`${field}\` is missing; ${expected}`,
        `Add \`${field}:\` to the frontmatter between the \`---\` lines.`,
      );
    } else {
      const written = (data as Record<string, unknown> | null)?.[field];
      const suggestion = issue.code === 'invalid_value' && typeof written === 'string' ? closest(written, issue.values.map(String)) : undefined;
      const didYouMean = suggestion ? `; did you mean \`${suggestion}\`?` : '';
      report('frontmatter/invalid-field', field, `Frontmatter field \`${field}\` is invalid: ${expected}${didYouMean}`, describeField(field));
    }
  }
  return findings;
}

/** Line of `field:` in the frontmatter block; the opening `---` when the field is absent. */
function fieldPlace(source: string, field: string): Place | undefined {
  const lines = splitLines(source);
  if (lines[0]?.trim() !== '---') return { line: 1, column: 1 };
  for (let index = 1; index < lines.length && lines[index]!.trim() !== '---'; index += 1) {
    if (new RegExp(`^${field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`).test(lines[index]!)) return { line: index + 1, column: 1 };
  }
  return { line: 1, column: 1 };
}
