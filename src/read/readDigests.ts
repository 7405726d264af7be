import path from 'node:path';
import { Readable } from 'node:stream';
import { Diagnostics, type Diagnostic } from '../diagnostics.js';
import { DigestParser, findIsoDate } from './digestParser.js';
import { describeError, resolveInputs, STDIN_NAME, type DigestInput, type InputSpec } from './inputs.js';
import { readLines, type LineStats } from './lines.js';
import { PaperMerger } from './mergeRecords.js';
import { ParseCache } from './parseCache.js';
import type { DigestEntry, PaperRecord } from './types.js';

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
  /** How many files came from the cache instead of being parsed. */
  readonly cachedFiles: number;
}

export interface ReadOptions {
  readonly diagnostics: Diagnostics;
  /** Where `-` reads from; standard input by default. */
  readonly stdin?: () => Readable;
  /** Called after each file, for progress reports. */
  readonly onFile?: (file: FileSummary, done: number, total: number) => void;
  /** Files parsed by an earlier run, by content: read from and added to (standard input never is). */
  readonly cache?: ParseCache;
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
  let cachedFiles = 0;
  for (const source of sources) {
    let summary: FileSummary;
    if (options.cache === undefined || source.name === STDIN_NAME) {
      summary = await readOne(source, (entry) => merger.add(entry), diagnostics);
    } else {
      const cached = await readCached(source, options.cache, merger, diagnostics);
      summary = cached.summary;
      if (cached.fromCache) cachedFiles++;
    }
    files.push(summary);
    options.onFile?.(summary, files.length, sources.length);
  }
  return { records: merger.records(diagnostics), files, spellings: merger.spellingsByName(), cachedFiles };
}

/**
 * A file through the cache: its bytes are read and hashed; a hit replays the entries and problems the
 * file gave when it was parsed, in the same order, so the build cannot tell the difference.
 */
async function readCached(
  source: DigestInput,
  cache: ParseCache,
  merger: PaperMerger,
  diagnostics: Diagnostics,
): Promise<{ summary: FileSummary; fromCache: boolean }> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of source.open()) chunks.push(chunk as Buffer);
  } catch {
    // Unreadable: parse it the usual way, which reports it.
    return { summary: await readOne(source, (entry) => merger.add(entry), diagnostics), fromCache: false };
  }
  const bytes = Buffer.concat(chunks);
  const contentHash = ParseCache.contentHash(bytes);
  const hit = await cache.get(source.name, contentHash);
  if (hit) {
    for (const d of hit.diagnostics) diagnostics.report(d);
    for (const entry of hit.entries) merger.add(entry);
    return { summary: hit.summary, fromCache: true };
  }
  const entries: DigestEntry[] = [];
  const reported: Diagnostic[] = [];
  const recording = new Diagnostics((d) => {
    reported.push(d);
    diagnostics.report(d);
  });
  const fromBytes: DigestInput = { name: source.name, open: () => Readable.from([bytes]) };
  const summary = await readOne(
    fromBytes,
    (entry) => {
      entries.push(entry);
      merger.add(entry);
    },
    recording,
  );
  await cache.put(source.name, contentHash, { entries, diagnostics: reported, summary });
  return { summary, fromCache: false };
}

async function readOne(source: DigestInput, onEntry: (entry: DigestEntry) => void, diagnostics: Diagnostics): Promise<FileSummary> {
  const fileDate = source.name === STDIN_NAME ? undefined : findIsoDate(path.basename(source.name));
  const parser = new DigestParser({
    file: source.name,
    diagnostics,
    onEntry,
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
