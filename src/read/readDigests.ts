import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Diagnostics } from '../diagnostics.js';
import { DigestParser, findIsoDate } from './digestParser.js';
import { describeError, resolveInputs, STDIN_NAME, type DigestInput, type InputSpec } from './inputs.js';
import { readLines, type LineStats } from './lines.js';
import { PaperMerger } from './mergeRecords.js';
import type { PaperRecord } from './types.js';

export interface FileSummary {
  readonly file: string;
  readonly bytes: number;
  /** Paper entries read, repeats included. */
  readonly entries: number;
  /** The digest's date (file name, else title), when it gives one. */
  readonly date?: string;
}

export interface ReadResult {
  readonly records: PaperRecord[];
  readonly files: FileSummary[];
  /** Every spelling of each author's display name, the display name first. */
  readonly spellings: ReadonlyMap<string, readonly string[]>;
}

export interface ReadOptions {
  readonly diagnostics: Diagnostics;
  /** Where `-` reads from; standard input by default. */
  readonly stdin?: () => Readable;
  /** Called after each file, for progress reports. */
  readonly onFile?: (file: FileSummary, done: number, total: number) => void;
}

/**
 * Read digests (files, folders, `-`) into merged paper records: one record per paper however many
 * times and places it appears. Never throws on bad input: unreadable files, binary files and broken
 * entries are reported through `options.diagnostics` and every good entry is kept.
 */
export async function readDigests(inputs: readonly InputSpec[], options: ReadOptions): Promise<ReadResult> {
  const { diagnostics } = options;
  const stdin = options.stdin ?? (() => process.stdin);
  const sources = await resolveInputs(inputs, diagnostics, stdin);
  const merger = new PaperMerger();
  const files: FileSummary[] = [];
  for (const source of sources) {
    const summary = await readOne(source, merger, diagnostics);
    files.push(summary);
    options.onFile?.(summary, files.length, sources.length);
  }
  return { records: merger.records(diagnostics), files, spellings: merger.spellingsByName() };
}

async function readOne(source: DigestInput, merger: PaperMerger, diagnostics: Diagnostics): Promise<FileSummary> {
  const fileDate = source.name === STDIN_NAME ? undefined : findIsoDate(path.basename(source.name));
  const parser = new DigestParser({
    file: source.name,
    diagnostics,
    onEntry: (entry) => merger.add(entry),
    ...(fileDate === undefined ? {} : { fileDate }),
  });
  let stats: LineStats;
  try {
    stats = await readLines(source.open(), (text, lineNo) => parser.line(text, lineNo));
  } catch (error) {
    diagnostics.report({
      severity: 'skipped',
      file: source.name,
      problem: `cannot read it (${describeError(error)})`,
      action: 'skipped the rest; entries read before the error are kept',
    });
    return summarise(source.name, 0, parser);
  }
  if (stats.binary) {
    diagnostics.report({
      severity: 'skipped',
      file: source.name,
      problem: 'binary data (NUL bytes), not a Markdown digest',
      action: 'skipped',
    });
    return { file: source.name, bytes: stats.bytes, entries: 0 };
  }
  if (stats.invalidUtf8Lines > 0) {
    diagnostics.report({
      severity: 'warning',
      file: source.name,
      ...(stats.firstInvalidUtf8Line === undefined ? {} : { line: stats.firstInvalidUtf8Line }),
      problem: `${stats.invalidUtf8Lines} line(s) are not valid UTF-8`,
      action: 'decoded them with U+FFFD replacement characters',
    });
  }
  return summarise(source.name, stats.bytes, parser);
}

function summarise(file: string, bytes: number, parser: DigestParser): FileSummary {
  const entries = parser.end();
  const date = parser.digestDate;
  return { file, bytes, entries, ...(date === undefined ? {} : { date }) };
}
