import { describe, expect, it } from 'vitest';
import { keywordCandidate as candidateOf, wordFacts } from '../../src/mine/boilerplate.js';
import { sharedKeywords } from '../../src/mine/keywordMap.js';
import { extractKeywords, type PaperKeyword } from '../../src/mine/keywords.js';
import { phraseReader } from '../../src/mine/nounPhrases.js';
import { keywordKey } from '../../src/mine/phrase.js';
import type { PaperRecord } from '../../src/read/types.js';

const keywordCandidate = (words: string[]): string[] | undefined => candidateOf(words, words.map(wordFacts));
const phrases = (text: string): string[] => phraseReader(5)(text).map((p) => p.words.join(' '));

function paper(id: string, title: string, abstract: string, keywords?: string[]): PaperRecord {
  return { id, url: `https://arxiv.org/abs/${id}`, title, abstract, ...(keywords ? { keywords } : {}), sources: [{ file: 'd.md', line: 1 }] };
}

describe('nounPhrases', () => {
  it('finds adjective-noun runs ending in a noun, with hyphen and slash compounds whole', () => {
    expect(phrases('We study multiple-input multiple-output systems and speech/audio models with LLM-based agents.')).toEqual([
      'multiple-input multiple-output systems',
      'speech/audio models',
      'LLM-based agents',
    ]);
  });

  it('keeps an adjective after a noun inside the phrase, and drops trailing adjectives', () => {
    expect(phrases('We use graph neural networks. The output is good.')).toEqual(['graph neural networks', 'output']);
  });

  it('takes a gerund as the noun it ends ("machine learning"), not a participle with an object', () => {
    expect(phrases('Machine learning helps question answering systems.')).toContain('question answering systems');
    expect(phrases('We build an agent using large language models.')).toEqual(['agent', 'large language models']);
  });

  it('marks which words are nouns, and keeps the last words of a long phrase', () => {
    // The tagger reads "convolutional" as a noun.
    const [phrase] = phraseReader(5)('We train a very scalable deep convolutional neural network architecture.');
    expect(phrase?.words).toEqual(['deep', 'convolutional', 'neural', 'network', 'architecture']);
    expect(phrase?.heads).toEqual([false, true, false, true, true]);
  });

  it('makes as many readers as a process asks for', () => {
    // wink's model package doubled a string of its own at each tagger made: about the 20th failed
    // with "Invalid string length".
    for (let i = 0; i < 30; i++) expect(phraseReader(5)('We use graph neural networks.').map((p) => p.words.join(' '))).toEqual(['graph neural networks']);
  });
});

describe('keywordCandidate', () => {
  it('strips leading modifiers, rejects reporting verbs and generic-only phrases', () => {
    expect(keywordCandidate(['novel', 'graph', 'neural', 'network'])).toEqual(['graph', 'neural', 'network']);
    expect(keywordCandidate(['state-of-the-art', 'results'])).toBeUndefined();
    expect(keywordCandidate(['proposed', 'method'])).toBeUndefined();
    expect(keywordCandidate(['experimental', 'results'])).toBeUndefined();
    expect(keywordCandidate(['perceptual', 'quality'])).toEqual(['perceptual', 'quality']);
    expect(keywordCandidate(['results', 'show'])).toBeUndefined();
    expect(keywordCandidate(['X'])).toBeUndefined();
  });
});

describe('extractKeywords', () => {
  const corpus = [
    paper('1', 'Joint Attention in Parent-Child Interaction', 'Joint attention matters. We study joint attention with video.'),
    paper('2', 'Reciprocity Calibration for Cell-Free Massive MIMO', 'Cell-free massive MIMO needs reciprocity calibration.'),
    paper('3', 'Beam Training', 'Beam training for massive MIMO with large language models (LLMs). LLMs help.'),
  ];

  it('keeps a longer term over the shorter ones inside it', async () => {
    const first = (await extractKeywords(corpus)).get('1')?.map((k) => k.phrase) ?? [];
    expect(first[0]).toBe('joint attention');
    expect(first).not.toContain('attention');
  });

  it('reads a defined acronym as its long form only where it is written as the acronym', async () => {
    const third = (await extractKeywords(corpus)).get('3') ?? [];
    expect(third.find((k) => k.phrase === 'large language models')).toMatchObject({ aliases: ['LLM'] });
    const lower = (await extractKeywords([...corpus, paper('4', 'Llms', 'We talk about llms here.')])).get('4') ?? [];
    expect(lower.map((k) => k.phrase)).not.toContain('large language models');
  });

  it('ranks higher a term that other digests give as a keyword', async () => {
    const plain = paper('5', 'Beam Training and Channel Charting', 'Beam training and channel charting are studied.');
    const rank = async (others: PaperRecord[]): Promise<string[]> => ((await extractKeywords([plain, ...others])).get('5') ?? []).map((k) => k.phrase);
    const given = paper('6', 'Other', 'Other.', ['channel charting']);
    expect((await rank([])).indexOf('channel charting')).toBeGreaterThan(0);
    expect((await rank([given]))[0]).toBe('channel charting');
  });

  it('finds the same keywords on every call, whatever an earlier call read', async () => {
    // Once wink's tokenizer has read "Green's-function" it reads "Green's" as one word: a tagger
    // kept from one call to the next would read the first title otherwise the second time.
    const papers = [
      paper('7', "Variational Green's Functions for Volumetric PDEs", 'We learn solution operators.'),
      paper('8', 'Spectral Bases', "We find a split that matches the Green's-function theory we develop."),
    ];
    const first = await extractKeywords(papers);
    // Read fresh, "Green's" is "Green" and "'s": "functions" stands alone.
    expect(first.get('7')?.map((k) => k.phrase)).toContain('functions');
    expect(await extractKeywords(papers)).toEqual(first);
  });
});

describe('sharedKeywords', () => {
  const kw = (phrase: string, source: PaperKeyword['source'] = 'extracted'): PaperKeyword => ({ phrase, key: keywordKey(phrase), weight: 1, source });

  it('drops extracted keywords of one paper or of too many, and keeps the digest keywords', () => {
    const byPaper = new Map(
      Array.from({ length: 10 }, (_, i) => [String(i), [kw('everywhere'), kw(`only ${i}`), ...(i < 2 ? [kw('pair')] : []), ...(i === 0 ? [kw('given', 'digest')] : [])]]),
    );
    const map = sharedKeywords(byPaper, { maxShare: 0.5 });
    expect(map.get('0')?.map((k) => k.phrase)).toEqual(['given', 'pair']);
    expect(map.get('5')).toEqual([]);
    expect(sharedKeywords(byPaper, { maxShare: 1, perPaper: 1 }).get('0')?.map((k) => k.phrase)).toEqual(['given', 'everywhere']);
  });
});
