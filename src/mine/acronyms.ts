import type { PaperRecord } from '../read/types.js';
import { keywordKey } from './phrase.js';

/** "integrated sensing and communication (ISAC)": the short form and the long form it stands for. */
export interface AcronymDefinition {
  readonly short: string;
  readonly long: string;
}

const SHORT_FORM = /^[\p{L}\p{N}][\p{L}\p{N}\-./&]*(?:\s[\p{L}\p{N}][\p{L}\p{N}\-./&]*)?$/u;
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’\-]*[\p{L}\p{N}])?/gu;

/**
 * Schwartz & Hearst (2003): the long form is found by matching the short form's letters from right
 * to left inside the words before the parenthesis, the first letter at the start of a word. Returns
 * the long form, or undefined when the words do not spell the short form.
 */
function longFormFor(short: string, words: readonly string[]): string | undefined {
  const sf = short.toLowerCase();
  const text = words.join(' ');
  const lf = text.toLowerCase();
  let s = sf.length - 1;
  let l = lf.length - 1;
  while (s >= 0) {
    const c = sf[s] as string;
    if (!/[\p{L}\p{N}]/u.test(c)) {
      s--;
      continue;
    }
    // The short form's first character must begin a word of the long form.
    while (l >= 0 && (lf[l] !== c || (s === 0 && l > 0 && /[\p{L}\p{N}]/u.test(lf[l - 1] as string)))) l--;
    if (l < 0) return undefined;
    l--;
    s--;
  }
  const start = lf.lastIndexOf(' ', l) + 1;
  return text.slice(start).trim();
}

/**
 * How many letters of the short form begin words of the long form, in order (the longest common
 * subsequence of the letters and the words' initials; hyphens begin words too, and an acronym inside
 * the long form gives all its letters, as "BPE" in "Constrained BPE (CBPE)").
 */
function initialsSpelt(short: string, long: string): number {
  const letters = [...short.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')];
  const initials = long
    .split(/[\s\-‐–/]+/)
    .filter((w) => w !== '')
    .flatMap((w) => [.../^[\p{Lu}\p{N}]+$/u.test(w) ? w.toLowerCase() : (w[0] as string).toLowerCase()]);
  let row = new Array<number>(initials.length + 1).fill(0);
  for (const letter of letters) {
    const next = [0];
    initials.forEach((initial, j) => next.push(letter === initial ? (row[j] as number) + 1 : Math.max(row[j + 1] as number, next[j] as number)));
    row = next;
  }
  return row[initials.length] as number;
}

/**
 * Acronym definitions in a text: "long form (SF)" where the parenthesis holds one or two words of
 * 2 to 10 characters with a letter, and the preceding words spell it. A parenthesis that lists or
 * exemplifies ("(e.g., HTS-AT, PaSST)", "(see Fig. 2)") is not a definition.
 */
export function findDefinitions(text: string): AcronymDefinition[] {
  const found: AcronymDefinition[] = [];
  for (const m of text.matchAll(/\(([^()]{2,12})\)/g)) {
    const short = (m[1] as string).trim();
    if (!SHORT_FORM.test(short) || !/\p{L}/u.test(short) || short.length > 10 || /^(?:e\.g|i\.e|see|cf|et al)/i.test(short)) continue;
    // A short form is capitalised somewhere ("ISAC", "LLMs", "mmWave"), unlike an ordinary word in brackets.
    if (!/\p{Lu}/u.test(short.slice(1)) && !/^\p{Lu}{2}/u.test(short)) continue;
    const before = text.slice(0, m.index).match(WORD) ?? [];
    const letters = short.replace(/[^\p{L}\p{N}]/gu, '').length;
    const window = before.slice(-Math.min(letters + 5, letters * 2));
    const long = longFormFor(short.replace(/s$/, ''), window);
    if (long === undefined || long.length <= short.length || long.split(' ').length > letters + 5) continue;
    // An all-capitals short form of several words is spelt mostly by their initials; one spelt from
    // inside words borrowed its letters ("BLV loss into a celebrated text-based (BERT)").
    const stem = short.replace(/(?<=\p{Lu})s$/u, '');
    const spelt = /^[\p{Lu}\p{N}\-]+$/u.test(stem) && /\s/.test(long) ? initialsSpelt(stem, long) : letters;
    if (spelt * 2 <= stem.replace(/[^\p{L}\p{N}]/gu, '').length) continue;
    found.push({ short: stem, long });
  }
  return found;
}

/** Share of a short form's definitions its commonest long form must have to stand for it everywhere. */
const DOMINANT_SHARE = 0.9;

/**
 * Acronyms the papers define one way, by lower-cased short form. A short form defined with
 * different long forms ("SE" for speech enhancement and for software engineering) is left out: a
 * bare "SE" elsewhere could be either. One stray definition in ten does not unseat the usual one
 * (LLM is "large language model" 448 times in the corpus and "large-scale language model" once).
 */
export function acronymGlossary(records: readonly PaperRecord[]): Map<string, AcronymDefinition> {
  const seen = new Map<string, Map<string, { definition: AcronymDefinition; count: number }>>();
  for (const record of records) {
    for (const definition of findDefinitions(record.abstract ?? '')) {
      const key = definition.short.toLowerCase();
      const longs = seen.get(key) ?? new Map<string, { definition: AcronymDefinition; count: number }>();
      seen.set(key, longs);
      // The first spelling of a long form is the one kept.
      const entry = longs.get(keywordKey(definition.long));
      if (entry) entry.count++;
      else longs.set(keywordKey(definition.long), { definition, count: 1 });
    }
  }
  const glossary = new Map<string, AcronymDefinition>();
  for (const [key, longs] of seen) {
    let total = 0;
    let commonest: { definition: AcronymDefinition; count: number } | undefined;
    for (const entry of longs.values()) {
      total += entry.count;
      if (commonest === undefined || entry.count > commonest.count) commonest = entry;
    }
    if (commonest && commonest.count >= DOMINANT_SHARE * total) glossary.set(key, commonest.definition);
  }
  return glossary;
}
