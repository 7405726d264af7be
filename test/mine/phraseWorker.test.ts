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
  it('tags many texts on a worker thread, in order, as this thread would, and lets the thread go', async () => {
    const before = workerThreads();
    const onWorker: NounPhrase[][] = [];
    for await (const phrases of phrasesInOrder(texts, 5)) {
      if (onWorker.length === 0) expect(workerThreads()).toBeGreaterThan(before);
      onWorker.push(phrases);
    }
    expect(workerThreads()).toBe(before);
    expect(onWorker).toEqual(texts.map(phraseReader(5)));
    expect(onWorker[0]).toContainEqual({ words: ['graph', 'neural', 'networks'], heads: [true, false, true] });
  });

  it('lets the thread go when the caller stops early', async () => {
    const before = workerThreads();
    for await (const phrases of phrasesInOrder(texts, 5)) {
      expect(phrases.length).toBeGreaterThan(0);
      break;
    }
    expect(workerThreads()).toBe(before);
  });
});
