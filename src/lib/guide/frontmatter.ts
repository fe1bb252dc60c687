/**
 * Frontmatter validation with findings that point at the offending line, so a wrong or missing
 * field fails the build naming the file, the field and what is expected.
 */
import type { Finding, Place } from '../findings.ts';
import { closest } from '../text-distance.ts';
import { guideSchema } from './schema.ts';
import { guideRule, ruleAnchor, type GuideRuleId } from './rules.ts';

const FIELDS = Object.keys(guideSchema.shape);

/** Checks parsed frontmatter `data` of `source` (the whole file, to find line numbers). */
export function checkFrontmatter(data: unknown, source: string, file: string, rulesUrl?: string): Finding[] {
  const result = guideSchema.safeParse(data ?? {});
  if (result.success) return [];
  const findings: Finding[] = [];
  for (const issue of result.error.issues) {
    const report = (ruleId: GuideRuleId, field: string, reason: string, note: string) => {
      const place = fieldPlace(source, field);
      findings.push({
        ruleId,
        severity: guideRule(ruleId).severity,
        reason,
        file,
        ...(place ? { place } : {}),
        note,
        ...(rulesUrl ? { url: `${rulesUrl}#${ruleAnchor(ruleId)}` } : {}),
        source: 'stepdocs-guide',
      });
    };
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        report('frontmatter/unknown-field', key, `Frontmatter field \`${key}\` is not part of a guide`, `Remove it, or use one of ${FIELDS.map((field) => `\`${field}\``).join(', ')}.`);
      }
      continue;
    }
    const field = issue.path.join('.') || '(frontmatter)';
    const missing = issue.message.startsWith('missing; ');
    const expected = missing ? issue.message.slice('missing; '.length) : issue.message;
    if (missing) {
      report('frontmatter/missing-field', field, `Frontmatter field \`${field}\` is missing; ${expected}`, `Add \`${field}:\` to the frontmatter between the \`---\` lines.`);
    } else {
      const written = (data as Record<string, unknown> | null)?.[field];
      const suggestion = issue.code === 'invalid_value' && typeof written === 'string' ? closest(written, issue.values.map(String)) : undefined;
      const didYouMean = suggestion ? `; did you mean \`${suggestion}\`?` : '';
      report('frontmatter/invalid-field', field, `Frontmatter field \`${field}\` is invalid: ${expected}${didYouMean}`, describeField(field));
    }
  }
  return findings;
}

function describeField(field: string): string {
  const description = (guideSchema.shape as Record<string, { description?: string }>)[field]?.description;
  return description ? `\`${field}\`: ${description}` : 'See the frontmatter fields on the "Writing guides" page.';
}

/** Line of `field:` in the frontmatter block; the opening `---` when the field is absent. */
function fieldPlace(source: string, field: string): Place | undefined {
  const lines = source.split('\n');
  if (lines[0]?.trim() !== '---') return { line: 1, column: 1 };
  for (let index = 1; index < lines.length && lines[index]!.trim() !== '---'; index += 1) {
    if (new RegExp(`^${field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`).test(lines[index]!)) return { line: index + 1, column: 1 };
  }
  return { line: 1, column: 1 };
}
