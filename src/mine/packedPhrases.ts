import type { NounPhrase } from './nounPhrases.js';

/**
 * A batch of texts' noun phrases as a tagging thread sends them: words as numbers into a vocabulary
 * that grows with each batch, rather than millions of short strings cloned on the way and rebuilt
 * here (the build's CPU time went down with it: README, Scale). On this side a word is looked up
 * once per thread, not once per time it is used.
 */
export interface PackedPhrases {
  /** Words first named in this batch, numbered on from the vocabulary's end. */
  readonly newWords: readonly string[];
  /** For each text its phrase count, then for each of its phrases the phrase's word count. */
  readonly counts: Int32Array<ArrayBuffer>;
  readonly words: Int32Array<ArrayBuffer>;
  /** 1 where a word is a noun: see {@link NounPhrase.heads}. */
  readonly heads: Uint8Array<ArrayBuffer>;
}

/** Packs the phrases of a batch, numbering words by `vocabulary`, which it extends. */
export function packPhrases(texts: readonly (readonly NounPhrase[])[], vocabulary: Map<string, number>): PackedPhrases {
  const newWords: string[] = [];
  let phraseCount = 0;
  let wordCount = 0;
  for (const phrases of texts) {
    phraseCount += phrases.length;
    for (const phrase of phrases) wordCount += phrase.words.length;
  }
  const counts = new Int32Array(texts.length + phraseCount);
  const words = new Int32Array(wordCount);
  const heads = new Uint8Array(wordCount);
  let c = 0;
  let w = 0;
  for (const phrases of texts) {
    counts[c++] = phrases.length;
    for (const phrase of phrases) {
      counts[c++] = phrase.words.length;
      phrase.words.forEach((word, i) => {
        let id = vocabulary.get(word);
        if (id === undefined) {
          id = vocabulary.size;
          vocabulary.set(word, id);
          newWords.push(word);
        }
        heads[w] = phrase.heads[i] ? 1 : 0;
        words[w++] = id;
      });
    }
  }
  return { newWords, counts, words, heads };
}

/**
 * The phrases of each text of a packed batch, each word as `wordOf` made it. `vocabulary` holds what
 * `wordOf` made of every word of the batches before, and is extended by this batch's new words:
 * `wordOf` sees each word of a sending thread once, however often the thread names it.
 */
export function unpackPhrases<W>(packed: PackedPhrases, vocabulary: W[], wordOf: (word: string) => W): NounPhrase<W>[][] {
  for (const word of packed.newWords) vocabulary.push(wordOf(word));
  const { counts, words, heads } = packed;
  const texts: NounPhrase<W>[][] = [];
  let w = 0;
  for (let c = 0; c < counts.length; ) {
    const phrases: NounPhrase<W>[] = [];
    for (let p = counts[c++] as number; p > 0; p--) {
      const length = counts[c++] as number;
      const phraseWords: W[] = [];
      const phraseHeads: boolean[] = [];
      for (const end = w + length; w < end; w++) {
        phraseWords.push(vocabulary[words[w] as number] as W);
        phraseHeads.push(heads[w] === 1);
      }
      phrases.push({ words: phraseWords, heads: phraseHeads });
    }
    texts.push(phrases);
  }
  return texts;
}
