import { parentPort, workerData } from 'node:worker_threads';
import { phraseReader } from './nounPhrases.js';
import { packPhrases } from './packedPhrases.js';

// The worker side of `phrasesInOrder`: batches of texts in, their noun phrases out, in order.
const { maxWords } = workerData as { maxWords: number };
const read = phraseReader(maxWords);
const vocabulary = new Map<string, number>();
parentPort?.on('message', (texts: readonly string[]) => {
  const packed = packPhrases(texts.map(read), vocabulary);
  parentPort?.postMessage(packed, [packed.counts.buffer, packed.words.buffer, packed.heads.buffer]);
});
