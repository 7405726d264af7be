import { describe, expect, it } from 'vitest';
import { Diagnostics, type Diagnostic } from '../../src/diagnostics.js';
import { PaperMerger } from '../../src/read/mergeRecords.js';
import type { DigestEntry } from '../../src/read/types.js';

function entry(over: Partial<DigestEntry> & { id: string; version?: number; file: string; line: number }): DigestEntry {
  const { id, version, file, line, ...rest } = over;
  return {
    link: { id, scheme: 'arxiv', url: `https://arxiv.org/abs/${id}`, ...(version === undefined ? {} : { version }) },
    categories: [],
    text: {},
    source: { file, line },
    ...rest,
  };
}

function merge(entries: DigestEntry[]) {
  const reported: Diagnostic[] = [];
  const merger = new PaperMerger();
  entries.forEach((e) => merger.add(e));
  return { records: merger.records(new Diagnostics((d) => reported.push(d))), reported };
}

describe('PaperMerger', () => {
  it('keeps one record per id, in first-seen order, with every source', () => {
    const { records, reported } = merge([
      entry({ id: '2601.00002', file: 'a.md', line: 1, title: 'B' }),
      entry({ id: '2601.00001', file: 'a.md', line: 9, title: 'A' }),
      entry({ id: '2601.00002', file: 'b.md', line: 4, title: 'B' }),
    ]);
    expect(records.map((r) => [r.id, r.sources])).toEqual([
      [
        '2601.00002',
        [
          { file: 'a.md', line: 1 },
          { file: 'b.md', line: 4 },
        ],
      ],
      ['2601.00001', [{ file: 'a.md', line: 9 }]],
    ]);
    expect(reported).toEqual([]);
  });

  it('lets the newest version win field by field and reports the disagreement', () => {
    const { records, reported } = merge([
      entry({ id: '2601.00001', version: 2, file: 'new.md', line: 3, text: { tldr: 'new', abstract: 'same' }, date: '2026-01-01' }),
      entry({
        id: '2601.00001',
        version: 1,
        file: 'old.md',
        line: 7,
        text: { tldr: 'old', abstract: 'same', method: 'only here' },
        categories: ['cs.LG'],
        date: '2026-01-05',
      }),
    ]);
    expect(records[0]).toEqual({
      id: '2601.00001',
      version: 2,
      url: 'https://arxiv.org/abs/2601.00001',
      categories: ['cs.LG'],
      tldr: 'new',
      method: 'only here',
      abstract: 'same',
      date: '2026-01-01',
      sources: [
        { file: 'new.md', line: 3 },
        { file: 'old.md', line: 7 },
      ],
    });
    expect(reported).toEqual([
      expect.objectContaining({
        severity: 'notice',
        file: 'new.md',
        line: 3,
        problem: '2 copies of 2601.00001 disagree on tldr (new.md:3, old.md:7)',
      }),
    ]);
  });

  it('among equal versions lets the later digest win, then the later read', () => {
    const { records } = merge([
      entry({ id: '1', file: 'a.md', line: 1, date: '2026-02-02', text: { tldr: 'later date' } }),
      entry({ id: '1', file: 'b.md', line: 1, date: '2026-02-01', text: { tldr: 'earlier date' } }),
      entry({ id: '2', file: 'a.md', line: 5, text: { tldr: 'first read' } }),
      entry({ id: '2', file: 'a.md', line: 9, text: { tldr: 'last read' } }),
    ]);
    expect(records.map((r) => r.tldr)).toEqual(['later date', 'last read']);
  });

  it('unions categories, the winner first', () => {
    const { records } = merge([
      entry({ id: '1', file: 'a.md', line: 1, version: 1, categories: ['cs.CV', 'cs.AI'] }),
      entry({ id: '1', file: 'b.md', line: 1, version: 2, categories: ['cs.LG', 'cs.CV'] }),
    ]);
    expect(records[0]?.categories).toEqual(['cs.LG', 'cs.CV', 'cs.AI']);
  });

  it('shows spellings that differ only in case in the most frequent spelling', () => {
    const { records } = merge([
      entry({ id: '1', file: 'a.md', line: 1, authors: ['Jing jin', 'Ann Lee'] }),
      entry({ id: '2', file: 'a.md', line: 2, authors: ['Jing Jin'] }),
      entry({ id: '3', file: 'a.md', line: 3, authors: ['Jing Jin', 'ann lee'] }),
    ]);
    expect(records.map((r) => r.authors)).toEqual([['Jing Jin', 'Ann Lee'], ['Jing Jin'], ['Jing Jin', 'Ann Lee']]);
  });

  it('marks a paper whose printed author list ended in et al.', () => {
    const { records } = merge([
      entry({ id: '1', file: 'a.md', line: 1, authors: ['A B'], authorsTruncated: true }),
      entry({ id: '2', file: 'a.md', line: 2, authors: ['C D'] }),
    ]);
    expect(records.map((r) => r.authorListTruncated)).toEqual([true, undefined]);
  });

  it('reports, and does not merge, names that differ only in diacritics', () => {
    const { records, reported } = merge([
      entry({ id: '1', file: 'a.md', line: 1, authors: ['José Garcia'] }),
      entry({ id: '2', file: 'b.md', line: 5, authors: ['Jose Garcia'] }),
    ]);
    expect(records.map((r) => r.authors)).toEqual([['José Garcia'], ['Jose Garcia']]);
    expect(reported).toEqual([
      expect.objectContaining({
        severity: 'notice',
        file: 'b.md',
        line: 5,
        problem: 'author names "José Garcia" and "Jose Garcia" differ only in diacritics',
      }),
    ]);
  });
});
