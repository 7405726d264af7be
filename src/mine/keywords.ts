import type { PaperRecord } from '../read/types.js';
import { acronymGlossary, type AcronymDefinition } from './acronyms.js';
import { keywordKey, termWord } from './phrase.js';

export interface PaperKeyword {
  /** As it reads: the digest's spelling, or the phrase as it first appears in a title or abstract. */
  readonly phrase: string;
  /** Relevance to the paper, in (0, 1]: 1 for the digest's own keywords. */
  readonly weight: number;
  readonly source: 'digest' | 'extracted';
  /** Acronyms the corpus defines for this keyword ("ISAC" for integrated sensing and communication). */
  readonly aliases?: readonly string[];
}

/**
 * One concept per acronym the corpus defines one way only: a bare "ISAC" becomes "integrated sensing
 * and communication", and either way the keyword carries "ISAC" as its alias.
 */
function acronymResolver(glossary: ReadonlyMap<string, AcronymDefinition>): (keyword: PaperKeyword) => PaperKeyword {
  const byLongForm = new Map([...glossary.values()].map((d) => [keywordKey(d.long), d]));
  return (keyword) => {
    const asShort = glossary.get(keyword.phrase.toLowerCase());
    if (asShort) return { ...keyword, phrase: asShort.long, aliases: [asShort.short] };
    const asLong = byLongForm.get(keywordKey(keyword.phrase));
    return asLong ? { ...keyword, aliases: [asLong.short] } : keyword;
  };
}

/** Keywords per paper id. */
export type KeywordsByPaper = ReadonlyMap<string, readonly PaperKeyword[]>;

/** Default of how many keywords are extracted per paper; the digest's own keywords are all kept. */
const EXTRACTED_PER_PAPER = 5;
const MAX_PHRASE_WORDS = 3;
/** A term in more than this share of the papers describes the corpus, not a paper. */
const MAX_DOCUMENT_SHARE = 0.2;

/**
 * Function words and the generic words of scientific prose: they delimit candidate phrases and are
 * never part of one. A stop list, not a model: the text-mining issue replaces this extractor.
 */
const STOP_WORDS = new Set(
  `a about above across after again against all almost along also although always among an and another any are
  around as at be because been before being below between both but by can could did do does doing done down
  during each either enough especially even every few for from further had has have having here how however if
  in into is it its itself just less like made make makes many may might more most much must near neither no
  nor not of off often on once one only onto or other others otherwise our out over own per perhaps rather
  same several shall should show shows shown since so some still such than that the their them then there
  these they this those though through thus to too toward towards under until up upon us use used uses using
  various very via was we well were what when where whether which while who whose why will with within without
  would yet approach approaches based demonstrate demonstrates existing framework method methods novel paper
  propose proposed proposes present presents result results study new first two three achieve achieves
  significantly significant state art performance experiments experimental effective efficient outperforms
  outperform furthermore moreover address addresses work works key task tasks data problem problems able
  including provide provides provided enable enables enabled improve improves improved high low large small
  different given specific recent recently challenge challenges review reviews content limitation
  limitations traditional critical paradigm paradigms technology technologies mode range algorithm
  algorithms application applications analysis aspects overall potential`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

/** Latin-script text: CJK abstracts (some forks print only a translation) yield no phrases here. */
const LATIN_SHARE = 0.6;

function latinShare(text: string): number {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return letters === 0 ? 0 : latin / letters;
}

/** Runs of content words between stop words and punctuation (RAKE's candidate phrases). */
function contentRuns(text: string): string[][] {
  // Math, URLs and punctuation carry no keyword and break phrases.
  const plain = text
    .replace(/\$[^$]*\$/g, ' , ')
    .replace(/https?:\/\/\S+/g, ' , ')
    .replace(/[.,;:!?()[\]{}"“”‘’'`|/\\<>=+*&%#~^]/g, ' , ');
  const runs: string[][] = [];
  let current: string[] = [];
  for (const token of plain.split(/\s+/)) {
    const word = token.replace(/^-+|-+$/g, '');
    if (word.length < 2 || STOP_WORDS.has(word.toLowerCase()) || !/\p{L}/u.test(word)) {
      if (current.length > 0) runs.push(current);
      current = [];
    } else {
      current.push(word);
    }
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

/**
 * How an extracted term reads: title case undone ("Speech Enhancement" → "speech enhancement"),
 * acronyms and names with inner capitals or digits kept ("MIMO", "LLaMA", "3D", "GPT-4").
 */
function displayWord(word: string): string {
  return /[A-Z].*[A-Z]|\d/.test(word) ? word : word.toLowerCase();
}

interface Term {
  readonly key: string;
  readonly phrase: string;
  readonly inTitle: boolean;
  count: number;
}

/** Every 1..3-word term of a paper's title and English abstract, counted. */
function termsOf(record: PaperRecord): Map<string, Term> {
  const terms = new Map<string, Term>();
  const add = (text: string, inTitle: boolean): void => {
    for (const run of contentRuns(text)) {
      for (let n = 1; n <= MAX_PHRASE_WORDS; n++) {
        for (let i = 0; i + n <= run.length; i++) {
          const words = run.slice(i, i + n);
          const key = words.map(termWord).join(' ');
          const term = terms.get(key);
          if (term) term.count++;
          else terms.set(key, { key, phrase: words.map(displayWord).join(' '), inTitle, count: 1 });
        }
      }
    }
  };
  add(record.title ?? '', true);
  if (record.abstract !== undefined && latinShare(record.abstract) >= LATIN_SHARE) add(record.abstract, false);
  return terms;
}

/**
 * The keywords of every paper: the digest's own when it gives them, otherwise terms of one to three
 * words from the title and English abstract, ranked by TF-IDF over the papers given (title terms
 * count double, longer terms a little more) and preferring terms that other papers share, since a
 * keyword only one paper has links nothing. The one entry point the graph uses, so a better extractor
 * replaces it whole.
 */
export function extractKeywords(records: readonly PaperRecord[], options: { perPaper?: number } = {}): KeywordsByPaper {
  const perPaper = options.perPaper ?? EXTRACTED_PER_PAPER;
  const resolve = acronymResolver(acronymGlossary(records));
  const termsByPaper = new Map<string, Map<string, Term>>();
  const documents = new Map<string, number>();
  for (const record of records) {
    if (record.keywords && record.keywords.length > 0) continue;
    const terms = termsOf(record);
    termsByPaper.set(record.id, terms);
    for (const key of terms.keys()) documents.set(key, (documents.get(key) ?? 0) + 1);
  }
  const papers = termsByPaper.size;
  const tooCommon = Math.max(2, papers * MAX_DOCUMENT_SHARE);

  const result = new Map<string, PaperKeyword[]>();
  for (const record of records) {
    if (record.keywords && record.keywords.length > 0) {
      result.set(
        record.id,
        record.keywords.map((phrase) => resolve({ phrase, weight: 1, source: 'digest' })),
      );
      continue;
    }
    const scored = [...(termsByPaper.get(record.id) as Map<string, Term>).values()]
      .map((term) => {
        const df = documents.get(term.key) as number;
        const words = term.key.split(' ').length;
        const score = term.count * (term.inTitle ? 2 : 1) * (1 + 0.5 * (words - 1)) * Math.log(1 + papers / df);
        return { term, df, score };
      })
      .filter(({ df }) => df <= tooCommon);
    const shared = scored.filter(({ df }) => df >= 2);
    const pool = shared.length > 0 ? shared : scored;
    pool.sort((a, b) => b.score - a.score || (a.term.key < b.term.key ? -1 : 1));
    const top = pool.slice(0, perPaper);
    const best = top[0]?.score ?? 1;
    result.set(
      record.id,
      top.map(({ term, score }) => resolve({ phrase: term.phrase, weight: Math.round((score / best) * 1000) / 1000, source: 'extracted' })),
    );
  }
  return result;
}
