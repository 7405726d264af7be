/**
 * Corpora of any size made by recombining the real entries of a digest corpus, for the scale
 * benchmark. Seeded: the same records, size and seed give the same files.
 *
 * - Every synthetic paper is a real entry (title, category, TL;DR, abstract) under a new arXiv id.
 * - Its author list is the real entry's, shuffled, with each name kept in some copies of the corpus
 *   and given another real surname in others: a prolific person spans copies, most people stay in
 *   one, and co-author groups keep their real sizes and shapes.
 * - Keywords are given to the same share of papers as in the real corpus, drawn by their real
 *   frequency.
 * - Files hold 300 entries each (a busy day) in the seed format that peer_pipeline.py also reads.
 * - Consortium papers (over 100 authors: 8 of the corpus's 3,922, up to 3,303 authors) are left
 *   out. Repeated across copies they would dominate everything: peer_pipeline.py's all-pairs
 *   co-author projection needed over 24 GB for 10k papers with them, and our co-author view leaves
 *   them out anyway.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { seededRandom } from '../src/analyse/random.js';
import { MAX_AUTHORS_FOR_COAUTHORSHIP } from '../src/graph/views.js';
import type { PaperRecord } from '../src/read/types.js';

const ENTRIES_PER_FILE = 300;
/** Chance that a person keeps their own name in another copy of the corpus. */
const KEEP_NAME = 0.1;

/** A new arXiv-style id, unique for up to 1.2 million papers: 29MM.NNNNN. */
const syntheticId = (i: number): string => `29${String(1 + (i % 12)).padStart(2, '0')}.${String(Math.floor(i / 12) + 1).padStart(5, '0')}`;

/** A 32-bit hash of a string and a number (FNV-1a), to decide a name per copy without storing it. */
function hash(text: string, salt: number): number {
  let h = 0x811c9dc5 ^ salt;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** Entries the seed format can carry (a one-line title with no link syntax in it, an abstract), consortium papers left out. */
function usable(r: PaperRecord): boolean {
  const authors = r.authors?.length ?? 0;
  return r.title !== undefined && r.abstract !== undefined && !/[[\]\n]/.test(r.title) && authors > 0 && authors <= MAX_AUTHORS_FOR_COAUTHORSHIP;
}

function entry(n: number, id: string, r: PaperRecord, authors: readonly string[], keywords: readonly string[]): string {
  const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ');
  return [
    `### [${n}] [${r.title}](https://arxiv.org/abs/${id})`,
    `*${authors.join(',')}*`,
    '',
    `Main category: ${r.categories?.[0] ?? 'cs.LG'}`,
    '',
    ...(keywords.length > 0 ? [`Keywords: ${keywords.join(', ')}`, ''] : []),
    ...(r.tldr === undefined ? [] : [`TL;DR: ${oneLine(r.tldr)}`, '']),
    '<details>',
    '  <summary>Details</summary>',
    `Abstract: ${oneLine(r.abstract as string)}`,
    '</details>',
    '',
  ].join('\n');
}

/** Writes `size` papers into `dir` as digest files; returns the number of files. */
export async function writeSyntheticCorpus(real: readonly PaperRecord[], size: number, seed: number, dir: string): Promise<number> {
  const random = seededRandom(seed);
  const sources = shuffle(real.filter(usable), random);
  if (sources.length === 0) throw new Error('no usable real entry to recombine');
  const surnames = [...new Set(sources.flatMap((r) => (r.authors ?? []).map((a) => a.split(' ').at(-1) as string)))];
  const withKeywords = real.filter((r) => (r.keywords?.length ?? 0) > 0);
  const keywordPool = withKeywords.flatMap((r) => r.keywords ?? []);
  const keywordShare = withKeywords.length / real.length;

  const nameIn = (name: string, copy: number): string => {
    if (copy === 0 || hash(name, 0) / 2 ** 32 < KEEP_NAME) return name;
    const parts = name.split(' ');
    const surname = surnames[hash(name, copy) % surnames.length] as string;
    return parts.length > 1 ? `${parts.slice(0, -1).join(' ')} ${surname}` : `${name} ${surname}`;
  };

  await mkdir(dir, { recursive: true });
  let files = 0;
  for (let start = 0; start < size; start += ENTRIES_PER_FILE) {
    const parts: string[] = ['# Synthetic digest, recombined from real entries', ''];
    for (let i = start; i < Math.min(size, start + ENTRIES_PER_FILE); i++) {
      const source = sources[i % sources.length] as PaperRecord;
      const copy = Math.floor(i / sources.length);
      const authors = shuffle([...new Set((source.authors ?? []).map((a) => nameIn(a, copy)))], random);
      const keywords =
        keywordPool.length > 0 && random() < keywordShare
          ? [...new Set(Array.from({ length: 3 + Math.floor(random() * 3) }, () => keywordPool[Math.floor(random() * keywordPool.length)] as string))]
          : [];
      parts.push(entry(i - start + 1, syntheticId(i), source, authors, keywords));
    }
    await writeFile(path.join(dir, `day-${String(files).padStart(4, '0')}.md`), parts.join('\n'));
    files++;
  }
  return files;
}
