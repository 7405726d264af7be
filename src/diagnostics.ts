/**
 * Problems found in the input, reported as `file:line: what is wrong; what was done`.
 *
 * Severity decides what a run owes the user:
 * - `skipped`: something in the input was lost (an entry, a file); `--strict` turns these into exit 1;
 * - `warning`: the input is damaged or odd but nothing was lost (bad UTF-8 decoded with U+FFFD,
 *   LLM placeholder text dropped, a file with no entries);
 * - `notice`: nothing is wrong with the input, but a choice was made the user may want to check
 *   (copies of a paper that disagree, names that differ only in diacritics).
 */
export type Severity = 'skipped' | 'warning' | 'notice';

export interface Diagnostic {
  readonly severity: Severity;
  readonly file: string;
  /** 1-based line; absent when the problem concerns the whole file. */
  readonly line?: number;
  readonly problem: string;
  readonly action: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}`;
  return `${where}: ${d.problem}; ${d.action}`;
}

export class Diagnostics {
  private readonly counts: Record<Severity, number> = { skipped: 0, warning: 0, notice: 0 };
  private readonly found: Diagnostic[] = [];

  /** @param onReport called once per diagnostic, as it is found (the CLI prints it at once). */
  constructor(private readonly onReport: (d: Diagnostic) => void = () => {}) {}

  report(d: Diagnostic): void {
    this.counts[d.severity] += 1;
    if (d.severity !== 'notice') this.found.push(d);
    this.onReport(d);
  }

  /** Every problem reported so far (notices left out), in the order found. */
  problems(): readonly Diagnostic[] {
    return this.found;
  }

  count(severity: Severity): number {
    return this.counts[severity];
  }
}
