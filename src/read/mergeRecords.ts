import type { Diagnostics } from '../diagnostics.js';
import { authorKey } from './authors.js';
import { foldDiacritics } from './text.js';
import { TEXT_FIELDS, type DigestEntry, type PaperRecord, type SourceRef, type TextField } from './types.js';

/** The text fields that follow the categories in a record (the title translation sits by the title). */
const SUMMARY_FIELDS = TEXT_FIELDS.filter((f) => f !== 'titleTranslation');

/** Fields compared between copies of one paper; a difference is reported. */
type ComparedField = 'title' | 'authors' | TextField;

/** One person: every spelling whose {@link authorKey} is the same. */
interface Person {
  readonly key: string;
  readonly spellings: string[];
  readonly firstSeen: SourceRef;
  display?: string;
}

interface Spelling {
  readonly person: Person;
  uses: number;
}

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
  /** Every spelling as printed, counted: names repeat, so each is normalised once. */
  private readonly spellings = new Map<string, Spelling>();
  private readonly people = new Map<string, Person>();

  add(entry: DigestEntry): void {
    const id = entry.link.id;
    let paper = this.papers.get(id);
    if (!paper) {
      paper = { id, copies: [] };
      this.papers.set(id, paper);
    }
    paper.copies.push(entry);
    for (const name of entry.authors ?? []) this.spelling(name, entry).uses++;
  }

  private spelling(name: string, entry: DigestEntry): Spelling {
    let spelling = this.spellings.get(name);
    if (spelling === undefined) {
      const key = authorKey(name);
      let person = this.people.get(key);
      if (person === undefined) {
        person = { key, spellings: [], firstSeen: entry.source };
        this.people.set(key, person);
      }
      person.spellings.push(name);
      spelling = { person, uses: 0 };
      this.spellings.set(name, spelling);
    }
    return spelling;
  }

  /** The spelling seen most often (ties: the first seen) is how the person is shown. */
  private display(name: string): string {
    const person = (this.spellings.get(name) as Spelling).person;
    if (person.display === undefined) {
      let best = person.spellings[0] as string;
      for (const other of person.spellings) {
        if ((this.spellings.get(other) as Spelling).uses > (this.spellings.get(best) as Spelling).uses) best = other;
      }
      person.display = best;
    }
    return person.display;
  }

  private comparable(entry: DigestEntry, field: ComparedField): string | undefined {
    if (field === 'title') return entry.title;
    if (field === 'authors') return entry.authors?.map((name) => (this.spellings.get(name) as Spelling).person.key).join('\u0000');
    return entry.text[field];
  }


  /** One record per paper, in the order papers were first seen. */
  /** Every spelling seen of each display name, the display name first (e.g. for SKOS alternative labels). */
  spellingsByName(): Map<string, string[]> {
    const result = new Map<string, string[]>();
    for (const person of this.people.values()) {
      const display = this.display(person.spellings[0] as string);
      result.set(display, [display, ...person.spellings.filter((s) => s !== display)]);
    }
    return result;
  }

  records(diagnostics: Diagnostics): PaperRecord[] {
    this.reportNearCollisions(diagnostics);
    const records: PaperRecord[] = [];
    for (const paper of this.papers.values()) records.push(this.mergePaper(paper, diagnostics));
    return records;
  }

  private mergePaper(paper: PaperCopies, diagnostics: Diagnostics): PaperRecord {
    const ranked = newestFirst(paper.copies);
    const winner = ranked[0] as DigestEntry;
    if (ranked.length > 1) this.reportDisagreements(paper, winner, diagnostics);
    const pick = <K extends keyof DigestEntry>(key: K): DigestEntry[K] | undefined => {
      for (const copy of ranked) if (copy[key] !== undefined) return copy[key];
      return undefined;
    };
    const pickText = (field: TextField): string | undefined => {
      for (const copy of ranked) if (copy.text[field] !== undefined) return copy.text[field];
      return undefined;
    };

    // Built field by field, in the documented output order (JSON keeps insertion order).
    const record: Partial<PaperRecord> & Pick<PaperRecord, 'id'> = { id: paper.id };
    const version = ranked.find((e) => e.link.version !== undefined)?.link.version;
    if (version !== undefined) record.version = version;
    record.url = winner.link.url;
    const title = pick('title');
    if (title !== undefined) record.title = title;
    const titleTranslation = pickText('titleTranslation');
    if (titleTranslation !== undefined) record.titleTranslation = titleTranslation;
    const authors = pick('authors');
    if (authors !== undefined) record.authors = authors.map((name) => this.display(name));
    if (ranked.some((e) => e.authorsTruncated)) record.authorListTruncated = true;
    const categories = ranked.length === 1 ? [...winner.categories] : [...new Set(ranked.flatMap((e) => e.categories))];
    if (categories.length > 0) record.categories = categories;
    const keywords = pick('keywords');
    if (keywords !== undefined) record.keywords = [...keywords];
    for (const field of SUMMARY_FIELDS) {
      const value = pickText(field);
      if (value !== undefined) record[field] = value;
    }
    let date: string | undefined;
    for (const copy of paper.copies) if (copy.date !== undefined && (date === undefined || copy.date < date)) date = copy.date;
    if (date !== undefined) record.date = date;
    record.sources = paper.copies.map((e) => e.source);
    return record as PaperRecord;
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

  /** Report people whose names are equal once diacritics are folded: possibly one person, kept apart. */
  private reportNearCollisions(diagnostics: Diagnostics): void {
    const byFolded = new Map<string, Person[]>();
    for (const person of this.people.values()) {
      const folded = foldDiacritics(person.key);
      const group = byFolded.get(folded);
      if (group) group.push(person);
      else byFolded.set(folded, [person]);
    }
    for (const group of byFolded.values()) {
      if (group.length < 2) continue;
      const names = group.map((person) => JSON.stringify(this.display(person.spellings[0] as string)));
      const { file, line } = (group[1] as Person).firstSeen;
      diagnostics.report({
        severity: 'notice',
        file,
        line,
        problem: `author names ${names.join(' and ')} differ only in diacritics`,
        action: 'kept them as different people',
      });
    }
  }
}
