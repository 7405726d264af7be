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
    for await (const phrases of phrasesInOrder(texts, 5)) {
      if (onWorker.length === 0) expect(workerThreads()).toBe(before + 2);
      onWorker.push(phrases);
    }
    expect(workerThreads()).toBe(before);
    expect(onWorker).toEqual(texts.map(phraseReader(5)));
    expect(onWorker[0]).toContainEqual({ words: ['graph', 'neural', 'networks'], heads: [true, false, true] });
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
      for await (const phrases of phrasesInOrder(teaching, 5)) all.push(phrases.map((p) => p.words.join(' ')));
      return all;
    };
    const first = await read();
    expect(first[200]).toEqual(['Variational Green', 'Functions', 'Volumetric PDEs']);
    expect(first[400]).toEqual(["Variational Green's Functions", 'Volumetric PDEs']);
    expect(await read()).toEqual(first);
  });

  it('lets the threads go when the caller stops early', async () => {
    const before = workerThreads();
    for await (const phrases of phrasesInOrder(texts, 5)) {
      expect(phrases.length).toBeGreaterThan(0);
      break;
    }
    expect(workerThreads()).toBe(before);
  });
});
