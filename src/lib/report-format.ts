/**
 * The formatters every stepdocs checker prints with: pretty text for people, JSON for scripts.
 * The libraries produce findings; only CLIs format them.
 */
import type { Finding, Severity } from './findings.ts';
import { compareFindings, countSeverities } from './findings.ts';

export interface FileFindings {
  file: string;
  findings: Finding[];
  /** A line printed under the file name, e.g. what the document is. */
  heading?: string;
}

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `12 files, 3 errors, 1 warning` (infos only when there are some). */
export function summaryLine(files: number, findings: readonly Finding[]): string {
  const counts = countSeverities(findings);
  const parts = [plural(files, 'file'), plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.info > 0) parts.push(plural(counts.info, 'info'));
  return parts.join(', ');
}

/** Grouped by file: `path:line:col severity reason rule-id`, the fix indented under it, then a summary. */
/**
 * Text from the input (an entityID, a file name, a link) as it may be shown on a terminal: control
 * characters, escape sequences and bidirectional overrides are written as `\u{…}` escapes, so a
 * crafted value can neither draw lines of its own (a fake "0 errors") nor reorder what is shown.
 */
export function printable(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u{${char.codePointAt(0)!.toString(16)}}`,
  );
}

export function formatPretty(groups: readonly FileFindings[], options: { color?: boolean; showInfo?: boolean } = {}): string {
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${printable(text)}\u001b[0m` : printable(text));
  const plain = printable;
  const colors: Record<Severity, string> = { error: '31', warning: '33', info: '36' };
  const lines: string[] = [];
  for (const group of groups) {
    const shown = group.findings.filter((finding) => options.showInfo !== false || finding.severity !== 'info');
    lines.push(paint('1', group.file) + (group.heading ? `  ${paint('2', group.heading)}` : ''));
    if (shown.length === 0) lines.push(`  ${paint('32', 'no problems')}`);
    const sorted = [...shown].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || compareFindings(a, b));
    for (const finding of sorted) {
      const where = plain(finding.place ? `${finding.file}:${finding.place.line}:${finding.place.column}` : finding.file);
      lines.push(`  ${where} ${paint(colors[finding.severity], finding.severity)} ${plain(finding.reason)} ${paint('2', finding.ruleId)}`);
      if (finding.note) lines.push(`    ${paint('2', `fix: ${finding.note}`)}`);
    }
    lines.push('');
  }
  lines.push(
    summaryLine(
      groups.length,
      groups.flatMap((group) => group.findings),
    ),
  );
  return `${lines.join('\n')}\n`;
}

/** GitHub Actions workflow commands: one `::error file=…,line=…,col=…,title=…::message` per finding. */
export function formatGithub(findings: readonly Finding[]): string {
  const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const level: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };
  return findings
    .map((finding) => {
      const properties = [`file=${escapeProperty(finding.file)}`];
      if (finding.place) properties.push(`line=${finding.place.line}`, `col=${finding.place.column}`);
      properties.push(`title=${escapeProperty(finding.ruleId)}`);
      return `::${level[finding.severity]} ${properties.join(',')}::${escapeData(finding.note ? `${finding.reason}\n${finding.note}` : finding.reason)}`;
    })
    .join('\n')
    .concat(findings.length > 0 ? '\n' : '');
}

/** SARIF 2.1.0, for code-scanning UIs. */
export function formatSarif(
  findings: readonly Finding[],
  tool: { name: string; rules: ReadonlyArray<{ id: string; description: string; severity: Severity }>; informationUri?: string },
): string {
  const level: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            ...(tool.informationUri ? { informationUri: tool.informationUri } : {}),
            rules: tool.rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              defaultConfiguration: { level: level[rule.severity] },
            })),
          },
        },
        results: findings.map((finding) => ({
          ruleId: finding.ruleId,
          level: level[finding.severity],
          message: { text: finding.note ? `${finding.reason}. ${finding.note}` : finding.reason },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: finding.file },
                ...(finding.place ? { region: { startLine: finding.place.line, startColumn: finding.place.column } } : {}),
              },
            },
          ],
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
