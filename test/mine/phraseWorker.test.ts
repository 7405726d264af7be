import { describe, expect, it } from 'vitest';
import { phraseReader, type NounPhrase } from '../../src/mine/nounPhrases.js';
import { phrasesInOrder } from '../../src/mine/phraseWorker.js';
import { workerThreads } from '../helpers/workerThreads.js';

const SUBJECTS = ['graph neural networks', 'speech enhancement', 'massive MIMO', 'LLM-based agents', 'diffusion models', 'dark matter halos'];
const VERBS = ['improve', 'calibrate', 'study', 'bound', 'accelerate'];
const OBJECTS = ['channel estimation', 'reciprocity calibration', 'question answering systems', 'state-of-the-art retrieval', 'galaxy clusters'];

// Enough texts that the tagging runs on a worker thread.
const texts = Array.from({ length: 2500 }, (_, i) =>
  `We show that ${SUBJECTS[i % SUBJECTS.length]} ${VERBS[i % VERBS.length]} ${OBJECTS[(i * 7) % OBJECTS.length]} on dataset D${i}.`,
);

describe('phrasesInOrder', () => {
  it('tags many texts on two worker threads, in order, as this thread would, and lets the threads go', async () => {
    const before = workerThreads();
    const onWorker: NounPhrase[][] = [];
    for await (const phrases of phrasesInOrder(texts, 5, (word) => word)) {
      if (onWorker.length === 0) expect(workerThreads()).toBe(before + 2);
      onWorker.push(phrases);
    }
    expect(workerThreads()).toBe(before);
    expect(onWorker).toEqual(texts.map(phraseReader(5)));
    expect(onWorker[0]).toContainEqual({ words: ['graph', 'neural', 'networks'], heads: [true, false, true] });
  });

  it('asks for what to make of each word once per thread, not once per use', async () => {
    const asked = new Map<string, number>();
    let used = 0;
    const wordOf = (word: string): string => {
      asked.set(word, (asked.get(word) ?? 0) + 1);
      return word.toUpperCase();
    };
    const onWorker: NounPhrase[][] = [];
    for await (const phrases of phrasesInOrder(texts, 5, wordOf)) {
      for (const phrase of phrases) used += phrase.words.length;
      onWorker.push(phrases);
    }
    expect(Math.max(...asked.values())).toBeLessThanOrEqual(2);
    expect(used).toBeGreaterThan(4 * asked.size);
    const read = phraseReader(5);
    expect(onWorker).toEqual(texts.map((text) => read(text).map(({ words, heads }) => ({ words: words.map((w) => w.toUpperCase()), heads }))));
    // Few texts are read on this thread, each word made as it is used.
    const few: NounPhrase[][] = [];
    for await (const phrases of phrasesInOrder(texts.slice(0, 3), 5, (word) => word.toUpperCase())) few.push(phrases);
    expect(few).toEqual(onWorker.slice(0, 3));
  });

  it('gives every batch of 200 texts to the same thread on every call, so the phrases are the same', async () => {
    // A tagger that has read "Green's-function" reads "Green's" as one word afterwards. Batches
    // alternate between the two threads: batch 0 teaches the first thread, batch 1 goes to the
    // second (which never read it), batch 2 to the first again.
    const title = "Variational Green's Functions for Volumetric PDEs";
    const teaching = texts.slice(0, 2500);
    teaching[0] = "We find a split that matches the Green's-function theory we develop.";
    teaching[200] = title;
    teaching[400] = title;
    const read = async (): Promise<string[][]> => {
      const all: string[][] = [];
      for await (const phrases of phrasesInOrder(teaching, 5, (word) => word)) all.push(phrases.map((p) => p.words.join(' ')));
      return all;
    };
    const first = await read();
    expect(first[200]).toEqual(['Variational Green', 'Functions', 'Volumetric PDEs']);
    expect(first[400]).toEqual(["Variational Green's Functions", 'Volumetric PDEs']);
    expect(await read()).toEqual(first);
  });

  it('lets the threads go when the caller stops early', async () => {
    const before = workerThreads();
    for await (const phrases of phrasesInOrder(texts, 5, (word) => word)) {
      expect(phrases.length).toBeGreaterThan(0);
      break;
    }
    expect(workerThreads()).toBe(before);
  });
});
