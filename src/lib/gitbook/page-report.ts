/**
 * What one page's import found and did: constructs converted, findings (the project's one finding
 * shape), images to bring along, placeholders kept. Plugins write into it through `PageReporter`.
 */
import type { Finding } from '../findings.ts';
import { placeFinder } from '../text-position.ts';
import { importRule, type ImportRuleId } from './rules.ts';
import type { Position } from './tree.ts';

export interface PageReport {
  /** Constructs converted, by kind: `hint`, `stepper`, `figure` … */
  converted: Record<string, number>;
  findings: Finding[];
  /** Images the page needs: where they come from and the local path the page now uses. */
  images: Array<{ source: string; target: string; remote: boolean }>;
}

export class PageReporter {
  readonly report: PageReport = { converted: {}, findings: [], images: [] };
  readonly #file: string;
  readonly #place: (offset: number) => { line: number; column: number };

  constructor(file: string, source: string) {
    this.#file = file;
    this.#place = placeFinder(source);
  }

  count(kind: string): void {
    this.report.converted[kind] = (this.report.converted[kind] ?? 0) + 1;
  }

  /** Records a finding at a node's position or a source offset (undefined: the whole file). */
  add(ruleId: ImportRuleId, reason: string, at?: Position | number, note?: string): void {
    const place = typeof at === 'number' ? this.#place(at) : at ? { line: at.start.line, column: at.start.column } : undefined;
    const rule = importRule(ruleId);
    this.report.findings.push({
      ruleId,
      severity: rule.severity,
      reason,
      file: this.#file,
      ...(place ? { place } : {}),
      ...(note ? { note } : {}),
      source: 'stepdocs-import',
    });
  }
}
