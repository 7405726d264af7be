import { stemmer } from 'stemmer';

// A corpus repeats its words: each is stemmed once. The vocabulary of 100,000 abstracts is a few
// hundred thousand words, small beside the abstracts themselves.
const stems = new Map<string, string>();

/** The Porter stem of a lower-case word. */
export function stem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = stemmer(word);
    stems.set(word, stemmed);
  }
  return stemmed;
}

/**
 * The identity of a keyword: Unicode compatibility forms and case folded, hyphens, slashes and
 * spaces alike, each word Porter-stemmed, so "Neural Networks" and "neural network" are one concept.
 */
export function keywordKey(phrase: string): string {
  return phrase
    .normalize('NFKC')
    .toLowerCase()
    .split(/[\s\-‐–/]+/)
    .filter((w) => w !== '')
    .map(stem)
    .join(' ');
}
