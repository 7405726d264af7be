import type { PaperRecord } from '../read/types.js';
import { acronymGlossary, type AcronymDefinition } from './acronyms.js';
import { keywordCandidate, keywordStart, wordFacts, type WordFacts } from './boilerplate.js';
import type { NounPhrase } from './nounPhrases.js';
import { phrasesInOrder } from './phraseWorker.js';
import { keywordKey } from './phrase.js';
import { grown, SpanIds } from './spanIds.js';

export interface PaperKeyword {
  /** As it reads: the digest's spelling, or the phrase as it first appears in a title or abstract. */
  readonly phrase: string;
  /** The keyword's identity, {@link keywordKey} of its phrase: papers whose keywords have one key share it. */
  readonly key: string;
  /** Relevance to the paper, in (0, 1]: 1 for the digest's own keywords. */
  readonly weight: number;
  readonly source: 'digest' | 'extracted';
  /** Acronyms the corpus defines for this keyword ("ISAC" for integrated sensing and communication). */
  readonly aliases?: readonly string[];
}

/**
 * One concept per acronym the corpus defines one way only: a bare "ISAC" becomes "integrated sensing
 * and communication", and either way the keyword carries "ISAC" as its alias. Gives each keyword its
 * key, once: every later stage reads it rather than stemming the phrase again.
 */
function acronymResolver(
  glossary: ReadonlyMap<string, AcronymDefinition>,
): (phrase: string, weight: number, source: PaperKeyword['source']) => PaperKeyword {
  const byLongForm = new Map([...glossary.values()].map((d) => [keywordKey(d.long), d]));
  // Literals, not spreads of a draft: a build makes one of these per candidate keyword of every paper.
  return (phrase, weight, source) => {
    const asShort = glossary.get(phrase.toLowerCase());
    if (asShort) return { phrase: asShort.long, key: keywordKey(asShort.long), weight, source, aliases: [asShort.short] };
    const key = keywordKey(phrase);
    const asLong = byLongForm.get(key);
    return asLong ? { phrase, key, weight, source, aliases: [asLong.short] } : { phrase, key, weight, source };
  };
}

/** Keywords per paper id. */
export type KeywordsByPaper = ReadonlyMap<string, readonly PaperKeyword[]>;

export interface ExtractOptions {
  /** How many keywords to extract for a paper without its own; default 5. The digest's own are all kept. */
  readonly perPaper?: number;
  /** Told, every few hundred papers, how many have been mined of how many. */
  readonly onProgress?: (done: number, total: number) => void;
}

const PROGRESS_EVERY = 250;

const EXTRACTED_PER_PAPER = 5;
const MAX_PHRASE_WORDS = 5;

// Weights tuned with `npm run eval:keywords` on the ZL-Asica digests (see README).
/** A term in the title is what the paper is about. */
const TITLE_BONUS = 2;
/** Up to this much more for a term the abstract names early. */
const EARLY_BONUS = 0.5;
/** By number of words: two- and three-word terms are what people use as keywords. */
const LENGTH_WEIGHT = [0, 0.4, 1, 1, 0.7, 0.5];
/** A term other papers use too is a term of the field rather than a turn of phrase. */
const SHARED_BONUS = 1.5;
/** Per log-count of papers whose digest gives the term as a keyword (KEA's keyphrase frequency). */
const KNOWN_KEYWORD_BONUS = 2;

/** Latin-script text: CJK abstracts (some forks print only a translation) yield no phrases here. */
const LATIN_SHARE = 0.6;

function latinShare(text: string): number {
  // Nearly every abstract is Latin throughout: one scan says so without counting.
  if (!/[^\P{L}\p{Script=Latin}]/u.test(text)) return 1;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return letters === 0 ? 0 : latin / letters;
}

/** Math and URLs carry no keyword, and end a phrase. */
function plainText(text: string): string {
  return text.replace(/\$[^$]*\$/g, ' , ').replace(/https?:\/\/\S+/g, ' , ');
}

/**
 * A title as a sentence: the tagger reads every Title Case word as a proper noun, so "Large Language
 * Model-Driven Dynamic Assessment" would be one long name. Acronyms and names with inner capitals stay.
 */
function sentenceCase(title: string): string {
  return title.replace(/[\p{L}\p{N}]+(?:[-‐–/][\p{L}\p{N}]+)*/gu, (word) =>
    /^\p{Lu}[\p{Ll}\p{N}]*(?:[-‐–/]\p{Lu}?[\p{Ll}\p{N}]*)*$/u.test(word) ? word.toLowerCase() : word,
  );
}

/**
 * How an extracted term reads: title case undone ("Speech Enhancement" → "speech enhancement"),
 * acronyms and names with inner capitals or digits kept ("MIMO", "LLaMA", "3D", "GPT-4").
 */
function displayWord(word: string): string {
  return /[A-Z].*[A-Z]|\d/.test(word) ? word : word.toLowerCase();
}

/**
 * Strings a corpus repeats, each held once and named by a number: words' keys and shown forms, and
 * terms' keys and spellings (at 100,000 papers 14 million candidate terms, about 250,000 distinct
 * keys and spellings), so that a paper's terms are rows of numbers.
 */
class Interned {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }
}

/** What the span rules need of one word: its boilerplate facts, its key and how it is shown. */
interface WordInfo {
  /** The word as written. */
  readonly text: string;
  readonly facts: WordFacts;
  readonly key: string;
  readonly shown: string;
  /** `key` and `shown` as numbers, equal where the strings are: spans are looked up by them. */
  readonly keyId: number;
  readonly shownId: number;
  /** The word's own number, in the order words were first seen. */
  readonly index: number;
}

/**
 * Each word's {@link WordInfo}, made the first time the word is asked for: a corpus repeats its words
 * (a few hundred thousand distinct in 100,000 abstracts). One table per extraction, let go with it,
 * so that a process that extracts again and again (a library user's) does not keep every word it saw.
 */
function wordTable(): (word: string) => WordInfo {
  const infos = new Map<string, WordInfo>();
  const keys = new Interned();
  const shownWords = new Interned();
  return (word) => {
    let info = infos.get(word);
    if (info === undefined) {
      const key = keywordKey(word);
      const shown = displayWord(word);
      info = { text: word, facts: wordFacts(word), key, shown, keyId: keys.id(key), shownId: shownWords.id(shown), index: infos.size };
      infos.set(word, info);
    }
    return info;
  };
}

/** The long form a single word stands for as a term, when it is an acronym: see {@link acronymExpander}. */
interface Expansion {
  readonly keyId: number;
  readonly spellingId: number;
  readonly words: number;
}

/**
 * Strings made by joining one part of each word of a span (its key, or how it is shown), numbered,
 * and found by the words' numbers for that part: a span seen before makes no string (see {@link SpanIds}).
 */
class SpanStrings {
  readonly interned = new Interned();
  private readonly bySpan = new SpanIds();

  constructor(private readonly part: 'key' | 'shown') {}

  /** The number of the string for words[start, end), whose numbers for the part are `numbers`. */
  id(words: readonly WordInfo[], numbers: readonly number[], start: number, end: number): number {
    let id = this.bySpan.get(numbers, start, end);
    if (id < 0) {
      id = this.interned.id(
        words
          .slice(start, end)
          .map((word) => word[this.part])
          .join(' '),
      );
      this.bySpan.set(numbers, start, end, id);
    }
    return id;
  }
}

/** The ids of one extraction's terms: their keys and their spellings, and the acronyms words expand to. */
class TermIds {
  readonly keys = new SpanStrings('key');
  readonly spellings = new SpanStrings('shown');
  /** By word index: a word's own number costs less to look up than the word. */
  private readonly expansions: (Expansion | null)[] = [];

  constructor(private readonly expandAcronym: (words: string[]) => string[]) {}

  /** The long form a word stands for as a term of its own, if it is an acronym the corpus defines. */
  expansion(word: WordInfo): Expansion | null {
    let expansion = this.expansions[word.index];
    if (expansion === undefined) {
      const single = [word.text];
      const expanded = this.expandAcronym(single);
      // The expander hands back the very array it was given when the word is no acronym.
      expansion =
        expanded === single
          ? null
          : {
              keyId: this.keys.interned.id(keywordKey(expanded.join(' '))),
              spellingId: this.spellings.interned.id(expanded.map(displayWord).join(' ')),
              words: expanded.length,
            };
      this.expansions[word.index] = expansion;
    }
    return expansion;
  }
}

/** Numbers per term in a {@link PackedTerms} row: key id, spelling id, words, in title, first phrase, count. */
const ROW = 6;

/** A paper's terms while the corpus is counted: rows of numbers, not objects (see {@link Interned}). */
interface PackedTerms {
  readonly rows: Int32Array;
  /** The paper's phrase count, which `first` (an index) is a share of. */
  readonly phrases: number;
}

/**
 * One paper's terms as they are counted, a {@link PackedTerms} row each in the order they first
 * occur. A term is found by its key id in tables as long as there are keys, each entry marked with
 * the paper it was made for, so that nothing is cleared between papers and no object is made per
 * term: a 100,000-paper build counts fourteen million candidate terms.
 */
class TermCounter {
  /** The paper being counted, from 1: entries marked with another are stale. */
  private paper = 0;
  /** By key id: the paper the entry is for, and the term's row in it. */
  private papers = new Int32Array(1 << 12);
  private rowAt = new Int32Array(1 << 12);
  private rows = new Int32Array(ROW << 8);
  private used = 0;

  /** Starts counting the next paper. */
  nextPaper(): void {
    this.paper++;
    this.used = 0;
  }

  /** Counts the term keyed `keyId` once more, if the paper has it; false when it has not. */
  countAgain(keyId: number): boolean {
    if (this.papers[keyId] !== this.paper) return false;
    const count = (this.rowAt[keyId] as number) + 5;
    this.rows[count] = (this.rows[count] as number) + 1;
    return true;
  }

  /** Counts a term the paper did not have (see {@link countAgain}), its first occurrence in phrase `first`. */
  add(keyId: number, spellingId: number, words: number, inTitle: boolean, first: number): void {
    if (keyId >= this.papers.length) {
      const size = Math.max(this.papers.length * 2, keyId + 1);
      this.papers = grown(this.papers, size);
      this.rowAt = grown(this.rowAt, size);
    }
    if (this.used + ROW > this.rows.length) this.rows = grown(this.rows, this.rows.length * 2);
    this.papers[keyId] = this.paper;
    this.rowAt[keyId] = this.used;
    this.rows.set([keyId, spellingId, words, inTitle ? 1 : 0, first, 1], this.used);
    this.used += ROW;
  }

  /** The paper's rows, a copy of their own. */
  packed(phrases: number): PackedTerms {
    return { rows: this.rows.slice(0, this.used), phrases };
  }
}

/** The texts of a paper that keywords are mined from: its title, and its abstract when that is English. */
function textsToTag(record: PaperRecord): [title: string, abstract: string] {
  const abstract = record.abstract !== undefined && latinShare(record.abstract) >= LATIN_SHARE ? record.abstract : '';
  return [sentenceCase(plainText(record.title ?? '')), plainText(abstract)];
}

/**
 * Every candidate term of a paper's title and English abstract, counted: each noun phrase, made fit
 * by the boilerplate rules, and every shorter phrase inside it that ends in a noun ("visual
 * analytics" in "visual analytics system").
 */
function countTerms(
  titlePhrases: readonly NounPhrase<WordInfo>[],
  abstractPhrases: readonly NounPhrase<WordInfo>[],
  ids: TermIds,
  counter: TermCounter,
): PackedTerms {
  counter.nextPaper();
  const phraseCount = titlePhrases.length + abstractPhrases.length;
  for (let index = 0; index < phraseCount; index++) {
    const inTitle = index < titlePhrases.length;
    const { words, heads } = (inTitle ? titlePhrases[index] : abstractPhrases[index - titlePhrases.length]) as NounPhrase<WordInfo>;
    const phraseFacts = words.map((word) => word.facts);
    const kept = keywordCandidate(words, phraseFacts);
    if (kept === undefined) continue;
    const skipped = words.length - kept.length;
    // Every word's facts and ids once: a phrase of n words has up to n(n+1)/2 spans.
    const facts = phraseFacts.slice(skipped);
    const keyIds = kept.map((word) => word.keyId);
    const shownIds = kept.map((word) => word.shownId);
    for (let i = 0; i < kept.length; i++) {
      for (let j = i + 1; j <= kept.length; j++) {
        if (!heads[skipped + j - 1]) continue;
        const start = j - i === kept.length ? i : keywordStart(facts, i, j);
        if (start < 0) continue;
        const long = j - start === 1 ? ids.expansion(kept[start] as WordInfo) : null;
        const keyId = long === null ? ids.keys.id(kept, keyIds, start, j) : long.keyId;
        if (counter.countAgain(keyId)) continue;
        if (long === null) counter.add(keyId, ids.spellings.id(kept, shownIds, start, j), j - start, inTitle, index);
        else counter.add(keyId, long.spellingId, long.words, inTitle, index);
      }
    }
  }
  return counter.packed(phraseCount);
}

/**
 * A bare acronym the corpus defines one way, written as the acronym is ("MASS", "LLMs"), becomes its
 * long form; an ordinary word that happens to spell one ("mass") does not.
 */
function acronymExpander(glossary: ReadonlyMap<string, AcronymDefinition>): (words: string[]) => string[] {
  return (words) => {
    if (words.length !== 1) return words;
    const short = (words[0] as string).replace(/(?<=\p{Lu})s$/u, '');
    const definition = glossary.get(short.toLowerCase());
    return definition && definition.short === short ? definition.long.split(' ') : words;
  };
}

/** A term of a paper as chosen: its row in the paper's {@link PackedTerms}, and its score. */
interface RankedTerm {
  readonly at: number;
  readonly score: number;
}

/**
 * The paper's `count` best terms in order (by score, then key), skipping one that a better one
 * already contains ("attention" in "joint attention"). Ranked on the packed rows: a paper has a
 * hundred or more candidate terms and keeps a handful, so no object is made for the rest.
 */
function bestTerms(packed: PackedTerms, scoreAt: (at: number) => number, keys: Interned, count: number): RankedTerm[] {
  const { rows } = packed;
  const terms = rows.length / ROW;
  const scores = new Float64Array(terms);
  const order = new Uint32Array(terms);
  for (let t = 0; t < terms; t++) {
    scores[t] = scoreAt(t * ROW);
    order[t] = t;
  }
  const keyOf = (t: number): string => keys.values[rows[t * ROW] as number] as string;
  order.sort((a, b) => (scores[b] as number) - (scores[a] as number) || (keyOf(a) < keyOf(b) ? -1 : 1));
  const chosen: RankedTerm[] = [];
  for (const t of order) {
    if (chosen.length === count) break;
    const key = ` ${keyOf(t)} `;
    if (chosen.some(({ at }) => ` ${keyOf(at / ROW)} `.includes(key))) continue;
    chosen.push({ at: t * ROW, score: scores[t] as number });
  }
  return chosen;
}

/**
 * The keywords of every paper: the digest's own when it gives them, otherwise noun phrases of the
 * title and English abstract, ranked by TF-IDF over the papers given, with bonuses for the title, for
 * appearing early, for terms other papers share and for terms other digests give as keywords. It
 * works on a handful of papers too: F1@5 0.28 on papers extracted one at a time, where SingleRank
 * scored 0.18 (README).
 */
export async function extractKeywords(records: readonly PaperRecord[], options: ExtractOptions = {}): Promise<KeywordsByPaper> {
  const perPaper = options.perPaper ?? EXTRACTED_PER_PAPER;
  const glossary = acronymGlossary(records);
  const resolve = acronymResolver(glossary);
  const expandAcronym = acronymExpander(glossary);
  const ids = new TermIds(expandAcronym);
  const keys = ids.keys.interned;
  const spellings = ids.spellings.interned;
  const counter = new TermCounter();
  const termsByPaper = new Map<string, PackedTerms>();
  /** Papers having each term, by key id. */
  const documents: number[] = [];
  const known = new Map<string, number>();
  const hasOwnKeywords = (record: PaperRecord): boolean => record.keywords !== undefined && record.keywords.length > 0;
  const tagged = phrasesInOrder(records.filter((r) => !hasOwnKeywords(r)).flatMap(textsToTag), MAX_PHRASE_WORDS, wordTable());
  const nextPhrases = async (): Promise<NounPhrase<WordInfo>[]> => {
    const next = await tagged.next();
    if (next.done) throw new Error('keyword tagging ended before every text was tagged');
    return next.value;
  };
  let mined = 0;
  try {
    for (const record of records) {
      if (++mined % PROGRESS_EVERY === 0) options.onProgress?.(mined, records.length);
      if (hasOwnKeywords(record)) {
        for (const phrase of record.keywords ?? []) {
          const key = keywordKey(expandAcronym([phrase]).join(' '));
          known.set(key, (known.get(key) ?? 0) + 1);
        }
        continue;
      }
      const packed = countTerms(await nextPhrases(), await nextPhrases(), ids, counter);
      termsByPaper.set(record.id, packed);
      for (let at = 0; at < packed.rows.length; at += ROW) {
        const keyId = packed.rows[at] as number;
        documents[keyId] = (documents[keyId] ?? 0) + 1;
      }
    }
  } finally {
    // Lets the tagging thread go, whether every text was used or mining failed part way.
    await tagged.return(undefined);
  }
  const papers = termsByPaper.size;
  // What a term's score owes to its key alone, once per key rather than once per paper having it.
  const keyFactors = keys.values.map((key, keyId) => {
    const df = documents[keyId] as number;
    return {
      // Square-rooted: a term of the field that many papers share ("large language models") is
      // still a keyword of each of them.
      idf: Math.sqrt(Math.log((papers + 1) / df)),
      shared: df >= 2 ? SHARED_BONUS : 1,
      known: 1 + KNOWN_KEYWORD_BONUS * Math.log(1 + (known.get(key) ?? 0)),
    };
  });

  const result = new Map<string, PaperKeyword[]>();
  for (const record of records) {
    if (hasOwnKeywords(record)) {
      result.set(
        record.id,
        (record.keywords ?? []).map((phrase) => resolve(phrase, 1, 'digest')),
      );
      continue;
    }
    const packed = termsByPaper.get(record.id) as PackedTerms;
    const { rows } = packed;
    // Multiplied in this order: another order rounds differently, and would reorder near ties.
    const scoreAt = (at: number): number => {
      const factors = keyFactors[rows[at] as number] as (typeof keyFactors)[number];
      return (
        (1 + Math.log(rows[at + 5] as number)) *
        factors.idf *
        (LENGTH_WEIGHT[rows[at + 2] as number] ?? 0.5) *
        (rows[at + 3] === 1 ? TITLE_BONUS : 1) *
        (1 + EARLY_BONUS * (1 - (rows[at + 4] as number) / packed.phrases)) *
        factors.shared *
        factors.known
      );
    };
    const top = bestTerms(packed, scoreAt, keys, perPaper);
    const best = top[0]?.score ?? 1;
    result.set(
      record.id,
      top.map(({ at, score }) =>
        resolve(spellings.values[rows[at + 1] as number] as string, Math.round((score / best) * 1000) / 1000, 'extracted'),
      ),
    );
  }
  return result;
}
