import type { Diagnostics } from '../diagnostics.js';
import { authorKey } from './authors.js';
import { foldDiacritics } from './text.js';
import { TEXT_FIELDS, type DigestEntry, type PaperRecord, type TextField } from './types.js';

/** Fields compared between copies of one paper; a difference is reported. */
type ComparedField = 'title' | 'authors' | TextField;

interface PaperCopies {
  readonly id: string;
  readonly copies: DigestEntry[];
}

/**
 * Newest first: higher arXiv version, then later digest date, then later in reading order (so among
 * equal copies the last one read wins, as a re-run of the generator would overwrite the first).
 */
function newestFirst(copies: readonly DigestEntry[]): readonly DigestEntry[] {
  if (copies.length === 1) return copies;
  const order = new Map(copies.map((c, i) => [c, i]));
  return [...copies].sort(
    (a, b) =>
      (b.link.version ?? 0) - (a.link.version ?? 0) ||
      compareStrings(b.date ?? '', a.date ?? '') ||
      (order.get(b) as number) - (order.get(a) as number),
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}


function where(entry: DigestEntry): string {
  return `${entry.source.file}:${entry.source.line}`;
}

/**
 * Merges every appearance of a paper into one record. Identity is the versionless id; where copies
 * disagree the newest copy's text wins field by field (a field only an older copy has is kept) and
 * the disagreement is reported as a notice. Author spellings that differ only in case are one person,
 * printed in the spelling seen most often; spellings that differ only in diacritics are reported and
 * kept apart.
 */
export class PaperMerger {
  private readonly papers = new Map<string, PaperCopies>();
  /** Names repeat across papers; normalising each spelling once keeps merging cheap. */
  private readonly keys = new Map<string, string>();

  private keyOf(name: string): string {
    let key = this.keys.get(name);
    if (key === undefined) {
      key = authorKey(name);
      this.keys.set(name, key);
    }
    return key;
  }

  add(entry: DigestEntry): void {
    const id = entry.link.id;
    let paper = this.papers.get(id);
    if (!paper) {
      paper = { id, copies: [] };
      this.papers.set(id, paper);
    }
    paper.copies.push(entry);
  }

  private comparable(entry: DigestEntry, field: ComparedField): string | undefined {
    if (field === 'title') return entry.title;
    if (field === 'authors') return entry.authors?.map((name) => this.keyOf(name)).join('\u0000');
    return entry.text[field];
  }

  get size(): number {
    return this.papers.size;
  }

  /** One record per paper, in the order papers were first seen. */
  records(diagnostics: Diagnostics): PaperRecord[] {
    const spelling = this.authorSpellings(diagnostics);
    const records: PaperRecord[] = [];
    for (const paper of this.papers.values()) {
      records.push(this.mergePaper(paper, spelling, diagnostics));
    }
    return records;
  }

  private mergePaper(
    paper: PaperCopies,
    spelling: ReadonlyMap<string, string>,
    diagnostics: Diagnostics,
  ): PaperRecord {
    const ranked = newestFirst(paper.copies);
    const winner = ranked[0] as DigestEntry;
    const pick = <T>(get: (e: DigestEntry) => T | undefined): T | undefined => {
      for (const copy of ranked) {
        const value = get(copy);
        if (value !== undefined) return value;
      }
      return undefined;
    };
    if (paper.copies.length > 1) this.reportDisagreements(paper, winner, diagnostics);

    const version = pick((e) => e.link.version);
    const title = pick((e) => e.title);
    const authors = pick((e) => e.authors)?.map((name) => spelling.get(this.keyOf(name)) ?? name);
    const categories = [...new Set(ranked.flatMap((e) => e.categories))];
    const keywords = pick((e) => e.keywords);
    const text: Partial<Record<TextField, string>> = {};
    for (const field of TEXT_FIELDS) {
      const value = pick((e) => e.text[field]);
      if (value !== undefined) text[field] = value;
    }
    const dates = paper.copies.map((e) => e.date).filter((d): d is string => d !== undefined);
    const date = dates.length > 0 ? dates.reduce((a, b) => (b < a ? b : a)) : undefined;

    const { titleTranslation, ...summary } = text;
    return {
      id: paper.id,
      ...(version === undefined ? {} : { version }),
      url: winner.link.url,
      ...(title === undefined ? {} : { title }),
      ...(titleTranslation === undefined ? {} : { titleTranslation }),
      ...(authors === undefined ? {} : { authors }),
      ...(categories.length === 0 ? {} : { categories }),
      ...(keywords === undefined ? {} : { keywords: [...keywords] }),
      ...summary,
      ...(date === undefined ? {} : { date }),
      sources: paper.copies.map((e) => e.source),
    };
  }

  private reportDisagreements(paper: PaperCopies, winner: DigestEntry, diagnostics: Diagnostics): void {
    const fields: ComparedField[] = ['title', 'authors', ...TEXT_FIELDS];
    const differing = fields.filter((field) => {
      let seen: string | undefined;
      for (const copy of paper.copies) {
        const value = this.comparable(copy, field);
        if (value === undefined) continue;
        if (seen !== undefined && value !== seen) return true;
        seen = value;
      }
      return false;
    });
    if (differing.length === 0) return;
    const version = winner.link.version === undefined ? '' : ` (v${winner.link.version})`;
    diagnostics.report({
      severity: 'notice',
      file: winner.source.file,
      line: winner.source.line,
      problem: `${paper.copies.length} copies of ${paper.id} disagree on ${differing.join(', ')} (${paper.copies.map(where).join(', ')})`,
      action: `kept the newest copy's text, this one${version}`,
    });
  }

  /**
   * Map each author key to its display spelling (most frequent; ties go to the first seen) and report
   * names that are equal once diacritics are folded.
   */
  private authorSpellings(diagnostics: Diagnostics): Map<string, string> {
    const uses = new Map<string, number>();
    const spellings = new Map<string, string[]>();
    const firstSeen = new Map<string, DigestEntry>();
    for (const paper of this.papers.values()) {
      for (const entry of paper.copies) {
        for (const name of entry.authors ?? []) {
          const count = uses.get(name);
          uses.set(name, (count ?? 0) + 1);
          if (count !== undefined) continue;
          const key = this.keyOf(name);
          const known = spellings.get(key);
          if (known) {
            known.push(name);
          } else {
            spellings.set(key, [name]);
            firstSeen.set(key, entry);
          }
        }
      }
    }
    const display = new Map<string, string>();
    for (const [key, names] of spellings) {
      let best = names[0] as string;
      for (const name of names) if ((uses.get(name) as number) > (uses.get(best) as number)) best = name;
      display.set(key, best);
    }
    const byFolded = new Map<string, string[]>();
    for (const key of spellings.keys()) {
      const folded = foldDiacritics(key);
      const group = byFolded.get(folded);
      if (group) group.push(key);
      else byFolded.set(folded, [key]);
    }
    for (const group of byFolded.values()) {
      if (group.length < 2) continue;
      const names = group.map((k) => JSON.stringify(display.get(k)));
      const entry = firstSeen.get(group[1] as string) as DigestEntry;
      diagnostics.report({
        severity: 'notice',
        file: entry.source.file,
        line: entry.source.line,
        problem: `author names ${names.join(' and ')} differ only in diacritics`,
        action: 'kept them as different people',
      });
    }
    return display;
  }
}
