/**
 * Every real digest in ../shared/corpus parses: per file, the papers read are exactly the distinct
 * ids of its entry headings, and no entry loses a title, author list or abstract it has in the
 * source. The expectations come from a plain scan of the text written here, sharing no code with
 * the parser, so that a parser bug cannot hide itself.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Diagnostics, type Diagnostic } from '../../src/diagnostics.js';
import { readDigests } from '../../src/read/readDigests.js';

const SHARED = path.resolve(import.meta.dirname, '..', '..', '..', 'shared');
const CORPUS = path.join(SHARED, 'corpus');
const DIGESTS = path.join(CORPUS, 'digests');
if (!existsSync(DIGESTS)) {
  throw new Error(`The corpus suite needs ../shared/corpus/digests beside the repository; not found at ${DIGESTS}`);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? listFiles(full) : [full];
    });
}

/** The heading pattern MANIFEST.tsv counts papers with. */
const HEADING = /^#{2,4} (?:\[\d+\] )?(?:<a id="[^"]*"><\/a>)?\[/;

interface ScannedEntry {
  readonly id: string;
  readonly line: number;
  readonly hasTitle: boolean;
  readonly hasAuthors: boolean;
  readonly hasAbstract: boolean;
}

function scanId(url: string): string {
  const arxiv = /arxiv\.org\/(?:abs|pdf)\/([a-z-]+(?:\.[A-Z]{2})?\/\d{7}|\d{4}\.\d{4,5})/i.exec(url);
  if (arxiv) return arxiv[1] as string;
  const doi = /doi\.org\/(10\..+)$/i.exec(url);
  if (doi) return `doi:${(doi[1] as string).toLowerCase()}`;
  return url;
}

function scan(text: string): ScannedEntry[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const starts = lines.flatMap((l, i) => (HEADING.test(l) ? [i] : []));
  return starts.map((start, k) => {
    const heading = lines[start] as string;
    const block = lines.slice(start + 1, starts[k + 1] ?? lines.length);
    const cut = heading.lastIndexOf('](http');
    const url = /^\]\((\S+?)\)(?:\s|$)/.exec(heading.slice(cut))?.[1] ?? '';
    const title = heading.slice(0, cut).replace(HEADING, '').trim();
    const nextText = (i: number): string => block.slice(i + 1).find((l) => l.trim() !== '') ?? '';
    const hasAbstract = block.some((l, i) => {
      const inline = /^(?:\*\*)?(?:Abstract|原文摘要|英文原始摘要|中文摘要)(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*(.*)$/.exec(l);
      if (inline) return (inline[1] as string).trim() !== '' || !/^\S+\s*[:：]/.test(nextText(i));
      return /^(?:<summary>Abstract<\/summary>|#### (?:📄 Abstract|中文摘要))/.test(l.trim()) && nextText(i) !== '';
    });
    return {
      id: scanId(url),
      line: start + 1,
      hasTitle: title !== '',
      hasAuthors: block.some((l) => /^\*[^*\s][^*]*\*\s*(?:\|.*)?$/.test(l) || /^\*\*Authors?:\*\*\s*\S/.test(l)),
      hasAbstract,
    };
  });
}

/** variant label of each corpus file, from MANIFEST.tsv (the seed is not listed there). */
const VARIANT = new Map(
  readFileSync(path.join(CORPUS, 'MANIFEST.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((row) => row.split('\t'))
    .map((cols) => [path.resolve(SHARED, '..', cols[0] as string), (cols[4] as string).split(';')[0] as string]),
);

const FILES = listFiles(DIGESTS);
const perVariant = new Map<string, { files: number; papers: number; entries: number }>();

describe('the real digest corpus', () => {
  it('holds the files VARIANTS.md describes', () => {
    expect(FILES).toHaveLength(108);
  });

  it.each(FILES.map((f) => [path.relative(DIGESTS, f), f]))('parses %s', async (_name, file) => {
    const reported: Diagnostic[] = [];
    const { records, files } = await readDigests([file], { diagnostics: new Diagnostics((d) => reported.push(d)) });
    const scanned = scan(readFileSync(file, 'utf8'));

    expect(records.map((r) => r.id).sort()).toEqual([...new Set(scanned.map((e) => e.id))].sort());
    expect(files[0]?.entries).toBe(scanned.length);
    expect(reported.filter((d) => d.severity === 'skipped')).toEqual([]);

    const byId = new Map(records.map((r) => [r.id, r]));
    for (const entry of scanned) {
      const record = byId.get(entry.id);
      const where = `${entry.id} (line ${entry.line})`;
      expect(record?.sources.map((s) => s.line), where).toContain(entry.line);
      if (entry.hasTitle) expect(record?.title, `${where} lost its title`).toBeTruthy();
      if (entry.hasAuthors) expect(record?.authors?.length, `${where} lost its authors`).toBeGreaterThan(0);
      if (entry.hasAbstract) expect(record?.abstract, `${where} lost its abstract`).toBeTruthy();
    }

    const variant = VARIANT.get(file) ?? 'seed';
    const row = perVariant.get(variant) ?? { files: 0, papers: 0, entries: 0 };
    perVariant.set(variant, { files: row.files + 1, papers: row.papers + records.length, entries: row.entries + scanned.length });
  });

  it('merges the whole corpus into one record per paper, with every appearance as a source', async () => {
    const reported: Diagnostic[] = [];
    const { records } = await readDigests([DIGESTS], { diagnostics: new Diagnostics((d) => reported.push(d)) });
    const appearances = new Map<string, number>();
    for (const file of FILES) {
      for (const entry of scan(readFileSync(file, 'utf8'))) appearances.set(entry.id, (appearances.get(entry.id) ?? 0) + 1);
    }
    expect(records).toHaveLength(appearances.size);
    for (const record of records) expect(record.sources, record.id).toHaveLength(appearances.get(record.id) as number);
    expect(reported.filter((d) => d.severity === 'skipped')).toEqual([]);
  });
});

afterAll(() => {
  const rows = [...perVariant].sort(([a], [b]) => (a < b ? -1 : 1));
  console.log(
    ['variant\tfiles\tentries\tpapers', ...rows.map(([v, r]) => `${v}\t${r.files}\t${r.entries}\t${r.papers}`)].join('\n'),
  );
});
