import type { AuthorReportRow } from '../analyse/authorReport.js';
import type { TextSink } from './outputFiles.js';

/**
 * RFC 4180 field: quoted when needed, quotes doubled; a leading = + - @ gets an apostrophe so that
 * no spreadsheet runs a name as a formula.
 */
function field(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** authors-report.csv: one row per person, the spellings merged into them and the flags raised. */
export async function writeAuthorsCsv(rows: readonly AuthorReportRow[], sink: TextSink): Promise<void> {
  await sink.write('person_key,name,papers,spellings,flags\r\n');
  for (const row of rows) {
    await sink.write(`${[row.key, row.name, row.papers, row.spellings.join('; '), row.flags.join('; ')].map(field).join(',')}\r\n`);
  }
}
